"""Small builders for the toolkit's tests: a publication with one part and one chapter."""

from __future__ import annotations

from typing import Any

from momentum.toolkit.models import Chapter, Part, Publication, Section, SectionKind
from momentum.toolkit.services import writing


def chapter(*, title: str = "Policing that serves women and men") -> Chapter:
    publication, _created = Publication.objects.get_or_create(
        slug="gsp-toolkit", defaults={"title_en": "Gender-sensitive policing toolkit"}
    )
    part, _created = Part.objects.get_or_create(
        publication=publication, order=1, defaults={"title_en": "Foundations"}
    )
    return Chapter.objects.create(part=part, order=part.chapters.count() + 1, title_en=title)


def section(
    chapter: Chapter,
    *,
    by: Any,
    source_language: str = "en",
    title: str = "Why it matters",
    body: str = "Women report violence more readily to trained officers.\n\nA second paragraph.",
) -> Section:
    item = writing.add_section(
        chapter=chapter, kind=SectionKind.TOOL, source_language=source_language, by=by
    )
    writing.save_text(
        section=item, language=source_language, title=title, body=body, expected_revision=0, by=by
    )
    return item
