"""A translation is current, needs updating once its source is revised (showing the source's
diff since), or missing; the work list shows it per language and per translator."""

from __future__ import annotations

import pytest

from momentum.toolkit import selectors
from momentum.toolkit.models import Publication, SectionText
from momentum.toolkit.selectors import TranslationState
from momentum.toolkit.services import writing
from momentum.toolkit.tests.factories import chapter, section

pytestmark = pytest.mark.django_db


def _states(part) -> dict[str, str]:  # type: ignore[no-untyped-def]
    (row,) = selectors.chapter_sections(part.chapter)
    return row.states


def test_translation_goes_from_missing_to_current_to_needs_updating_and_back(staff) -> None:
    part = section(chapter(), by=staff, source_language="en", body="Officers listen to victims.")
    assert _states(part) == {
        "ar": TranslationState.MISSING,
        "fr": TranslationState.MISSING,
        "en": TranslationState.SOURCE,
    }

    writing.save_text(
        section=part,
        language="ar",
        title="لماذا",
        body="يستمع الضباط إلى الضحايا.",
        expected_revision=0,
        by=staff,
    )
    assert _states(part)["ar"] == TranslationState.CURRENT

    writing.save_text(
        section=part,
        language="en",
        title="Why",
        body="Officers listen to victims and refer them.",
        expected_revision=1,
        by=staff,
    )
    assert _states(part)["ar"] == TranslationState.NEEDS_UPDATE
    arabic = SectionText.objects.get(section=part, language="ar")
    diff = str(selectors.source_diff_since(part, arabic))
    assert "<ins> and refer them.</ins>" in diff or "<ins>" in diff
    assert "<del>victims.</del>" in diff

    writing.save_text(
        section=part,
        language="ar",
        title="لماذا",
        body="يستمع الضباط إلى الضحايا ويحيلونهم.",
        expected_revision=1,
        by=staff,
    )
    assert _states(part)["ar"] == TranslationState.CURRENT
    assert selectors.source_diff_since(part, SectionText.objects.get(pk=arabic.pk)) is None


def test_translations_to_do_are_listed_per_language_and_translator(
    staff, focal_point, client_for
) -> None:
    part = section(chapter(), by=staff, source_language="en")
    writing.assign_translator(section=part, language="ar", translator=focal_point, by=staff)
    publication = Publication.objects.get()

    work = selectors.translation_work(publication)

    assert [task.state for task in work["ar"]] == [TranslationState.MISSING]
    assert work["ar"][0].translator == focal_point
    assert work["en"] == []
    assert focal_point in selectors.by_translator(work)
    page = client_for(staff).get(f"/en/toolkit/{publication.pk}/translations/")
    assert focal_point.full_name in page.content.decode()
