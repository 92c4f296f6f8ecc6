"""`momentum demo`: the toolkit shows every workflow and translation state, a published
edition with its booklets in three languages, and a curriculum that became a course."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction

from momentum.toolkit import selectors
from momentum.toolkit.models import (
    LANGUAGES,
    Chapter,
    ChapterAuthor,
    ChapterStatus,
    Comment,
    Consultation,
    Curriculum,
    Edition,
    Publication,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def _seeded_once(django_db_setup, django_db_blocker):  # type: ignore[no-untyped-def]
    with django_db_blocker.unblock(), transaction.atomic():
        out = StringIO()
        call_command("demo", stdout=out)
        yield out.getvalue()
        transaction.set_rollback(True)


@pytest.fixture
def seeded(_seeded_once, db) -> str:  # type: ignore[no-untyped-def]
    return str(_seeded_once)


@pytest.mark.filterwarnings("ignore:HarfBuzz-Subset:DeprecationWarning")
def test_three_parts_with_chapters_in_every_state(seeded: str) -> None:
    publication = Publication.objects.get()
    contents = selectors.contents(publication)

    assert len(contents) == 3
    assert set(Chapter.objects.values_list("status", flat=True)) == set(ChapterStatus.values)
    states = {
        state
        for _part, chapters in contents
        for _chapter, rows in chapters
        for row in rows
        for state in row.states.values()
    }
    assert states == {"source", "current", "needs_update", "missing"}
    assert ChapterAuthor.objects.filter(user__email="focal.jo@example.org").exists()
    assert Comment.objects.filter(text__contains="الأرقام").exists()
    assert {c.mode for c in Consultation.objects.all()} == {"board", "countries"}


@pytest.mark.filterwarnings("ignore:HarfBuzz-Subset:DeprecationWarning")
def test_a_published_edition_with_booklets_and_a_curriculum_that_became_a_course(
    seeded: str,
) -> None:
    edition = Edition.objects.get()
    curriculum = Curriculum.objects.get()

    assert all(edition.pdf_in(language) for language in LANGUAGES)
    assert curriculum.course_id is not None
    assert all(curriculum.pdf_in(language) for language in LANGUAGES)
