"""Reads of the toolkit: the contents with each section's translation status, the work list of
translations, a chapter's texts with their comments, and diffs between revisions."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Prefetch, QuerySet
from django.utils.translation import gettext_lazy as _

from momentum.toolkit.markup import word_diff
from momentum.toolkit.models import (
    LANGUAGES,
    Chapter,
    Part,
    Publication,
    Revision,
    Section,
    SectionText,
)


class TranslationState:
    SOURCE = "source"
    CURRENT = "current"
    NEEDS_UPDATE = "needs_update"
    MISSING = "missing"

    LABELS = {
        SOURCE: _("Source"),
        CURRENT: _("Current"),
        NEEDS_UPDATE: _("Needs updating"),
        MISSING: _("Missing"),
    }
    CSS = {SOURCE: "muted", CURRENT: "ok", NEEDS_UPDATE: "warn", MISSING: "error"}


def translation_state(section: Section, texts: dict[str, SectionText], language: str) -> str:
    """The state of the section's text in ``language``, from the texts of the section."""
    if language == section.source_language:
        return TranslationState.SOURCE
    text = texts.get(language)
    if text is None or text.revision == 0:
        return TranslationState.MISSING
    source = texts.get(section.source_language)
    if source is not None and text.source_revision < source.revision:
        return TranslationState.NEEDS_UPDATE
    return TranslationState.CURRENT


@dataclass
class SectionRow:
    section: Section
    texts: dict[str, SectionText]
    states: dict[str, str] = field(default_factory=dict)

    def state_list(self) -> list[tuple[str, str, str]]:
        """(language, label, css class) for each language."""
        return [
            (language, str(TranslationState.LABELS[state]), TranslationState.CSS[state])
            for language, state in self.states.items()
        ]

    def title(self, language: str) -> str:
        for code in (language, self.section.source_language, *LANGUAGES):
            text = self.texts.get(code)
            if text is not None and text.revision:
                return text.title
        return ""


def section_row(section: Section) -> SectionRow:
    """``section.texts`` must be prefetched."""
    texts = {text.language: text for text in section.texts.all()}
    row = SectionRow(section, texts)
    row.states = {language: translation_state(section, texts, language) for language in LANGUAGES}
    return row


def contents(publication: Publication) -> list[tuple[Part, list[tuple[Chapter, list[SectionRow]]]]]:
    """The publication's parts, chapters and sections with their texts (four queries)."""
    parts = list(
        Part.objects.filter(publication=publication).prefetch_related(
            Prefetch(
                "chapters",
                queryset=Chapter.objects.order_by("order", "pk").prefetch_related(
                    Prefetch("sections", queryset=Section.objects.prefetch_related("texts"))
                ),
            )
        )
    )
    return [
        (
            part,
            [
                (chapter, [section_row(section) for section in chapter.sections.all()])
                for chapter in part.chapters.all()
            ],
        )
        for part in parts
    ]


def chapter_sections(chapter: Chapter) -> list[SectionRow]:
    sections = Section.objects.filter(chapter=chapter).prefetch_related(
        Prefetch("texts", queryset=SectionText.objects.select_related("updated_by", "translator"))
    )
    return [section_row(section) for section in sections]


@dataclass
class TranslationTask:
    section: Section
    language: str
    state: str
    translator: Any
    title: str


def translation_work(publication: Publication) -> dict[str, list[TranslationTask]]:
    """What needs translating, per language: missing texts and texts whose source changed."""
    sections = (
        Section.objects.filter(chapter__part__publication=publication)
        .select_related("chapter")
        .prefetch_related(
            Prefetch("texts", queryset=SectionText.objects.select_related("translator"))
        )
        .order_by("chapter__part__order", "chapter__order", "order", "pk")
    )
    work: dict[str, list[TranslationTask]] = {language: [] for language in LANGUAGES}
    for section in sections:
        row = section_row(section)
        if row.texts.get(section.source_language) is None:
            continue
        for language, state in row.states.items():
            if state in (TranslationState.MISSING, TranslationState.NEEDS_UPDATE):
                text = row.texts.get(language)
                work[language].append(
                    TranslationTask(
                        section,
                        language,
                        state,
                        text.translator if text else None,
                        row.title(language),
                    )
                )
    return work


def by_translator(work: dict[str, list[TranslationTask]]) -> dict[Any, list[TranslationTask]]:
    grouped: dict[Any, list[TranslationTask]] = defaultdict(list)
    for tasks in work.values():
        for task in tasks:
            grouped[task.translator].append(task)
    return dict(grouped)


def source_diff_since(section: Section, text: SectionText) -> Any:
    """What changed in the source since ``text`` was translated from it (a word diff), or None
    when the translation is current."""
    source = SectionText.objects.filter(section=section, language=section.source_language).first()
    if source is None or text.source_revision >= source.revision:
        return None
    then = Revision.objects.filter(text=source, number=text.source_revision).first()
    return word_diff(then.body if then else "", source.body)


def revisions_of(text: SectionText) -> QuerySet[Revision]:
    return Revision.objects.filter(text=text).select_related("author").order_by("-number")


def revision_diff(text: SectionText, number: int) -> Any:
    """Revision ``number`` compared with the one before it."""
    pair = {
        revision.number: revision
        for revision in Revision.objects.filter(text=text, number__in=[number - 1, number])
    }
    if number not in pair:
        return None
    before = pair.get(number - 1)
    return word_diff(before.body if before else "", pair[number].body)
