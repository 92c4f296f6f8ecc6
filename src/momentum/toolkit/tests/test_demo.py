"""`momentum demo`: the toolkit shows every workflow and translation state, a published
edition with its booklets in three languages, and a curriculum that became a course."""

from __future__ import annotations

from typing import Any

import pytest

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


@pytest.fixture
def seeded(seeded_demo: Any) -> str:
    """What seeding the demo printed (the demo is seeded once for the suite: ``conftest``)."""
    return str(seeded_demo.output)


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
