"""Published editions: a numbered, frozen snapshot of the approved texts, read as web pages
and as a PDF booklet per language built in the background. A language whose translation of a
section is missing or out of date is still published; the booklet's cover says which."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F, Max, Prefetch
from django.utils.translation import gettext as _

from momentum.core import audit
from momentum.core import services as jobs
from momentum.core.models import Job
from momentum.core.text import query_words, word_key
from momentum.toolkit.models import (
    LANGUAGES,
    Chapter,
    ChapterStatus,
    Edition,
    Part,
    Publication,
    Revision,
    Section,
)
from momentum.toolkit.services import booklets

JOB_KIND = "toolkit.booklet"


def _require_staff(by: Any) -> None:
    if not by.has_perm("toolkit.manage"):
        raise PermissionDenied(_("Only programme staff may do this."))


def build_snapshot(publication: Publication) -> dict[str, Any]:
    """The approved revision of every text of the approved chapters (five queries)."""
    queryset = Part.objects.filter(publication=publication).prefetch_related(
        Prefetch(
            "chapters",
            queryset=Chapter.objects.filter(status=ChapterStatus.APPROVED)
            .order_by("order", "pk")
            .prefetch_related(
                Prefetch("sections", queryset=Section.objects.prefetch_related("texts"))
            ),
        )
    )
    parts = list(queryset)
    wanted = [
        (text.pk, text.approved_revision)
        for part in parts
        for chapter in part.chapters.all()
        for section in chapter.sections.all()
        for text in section.texts.all()
        if text.approved_revision
    ]
    revisions: dict[tuple[int, int], Revision] = {}
    if wanted:
        revisions = {
            (r.text_id, r.number): r
            for r in Revision.objects.filter(
                text_id__in=[text_id for text_id, _number in wanted],
                number=F("text__approved_revision"),
            )
        }
    snapshot_parts = []
    for part in parts:
        chapters = []
        for chapter in part.chapters.all():
            sections = []
            for section in chapter.sections.all():
                by_language = {text.language: text for text in section.texts.all()}
                source = by_language.get(section.source_language)
                source_revision = source.approved_revision if source else 0
                texts: dict[str, Any] = {}
                for language in LANGUAGES:
                    text = by_language.get(language)
                    revision = revisions.get((text.pk, text.approved_revision)) if text else None
                    if revision is None:
                        texts[language] = None
                        continue
                    texts[language] = {
                        "title": revision.title,
                        "body": revision.body,
                        "sources": [line for line in revision.sources.splitlines() if line],
                        "revision": revision.number,
                        "current": language == section.source_language
                        or revision.source_revision >= source_revision,
                        "key": word_key(revision.title, revision.body, language=language),
                    }
                sections.append(
                    {
                        "id": section.pk,
                        "kind": section.kind,
                        "source_language": section.source_language,
                        "texts": texts,
                    }
                )
            chapters.append(
                {
                    "id": chapter.pk,
                    "title": {language: chapter.title(language) for language in LANGUAGES},
                    "sections": sections,
                }
            )
        if chapters:
            snapshot_parts.append(
                {
                    "title": {language: part.title(language) for language in LANGUAGES},
                    "chapters": chapters,
                }
            )
    return {
        "title": {language: publication.title(language) for language in LANGUAGES},
        "parts": snapshot_parts,
    }


def missing_in(snapshot: dict[str, Any], language: str) -> list[dict[str, Any]]:
    """The sections an edition lacks (or has out of date) in ``language``."""
    missing = []
    for part in snapshot.get("parts", []):
        for chapter in part["chapters"]:
            for section in chapter["sections"]:
                text = section["texts"].get(language)
                if text is None or not text["current"]:
                    source = section["texts"].get(section["source_language"]) or {}
                    missing.append(
                        {
                            "title": source.get("title", ""),
                            "chapter": chapter["title"].get(language, ""),
                            "outdated": text is not None,
                        }
                    )
    return missing


@transaction.atomic
def publish_edition(
    *, publication: Publication, by: Any, background: bool = True
) -> tuple[Edition, Job]:
    """A new numbered edition of the approved chapters; its booklets are built in the
    background (or at once, for the demo and the benchmark)."""
    _require_staff(by)
    publication = Publication.objects.select_for_update().get(pk=publication.pk)
    snapshot = build_snapshot(publication)
    if not snapshot["parts"]:
        raise ValidationError(_("No chapter is approved yet: approve one before publishing."))
    number = (publication.editions.aggregate(Max("number"))["number__max"] or 0) + 1
    edition = Edition.objects.create(
        publication=publication, number=number, snapshot=snapshot, published_by=by
    )
    job = jobs.create_job(kind=JOB_KIND, by=by, total=len(LANGUAGES), edition=edition.pk)
    edition.job_id = job.pk
    edition.save(update_fields=["job_id"])
    audit.record(by, "toolkit.edition_published", edition, number=number)
    if not background:
        booklets.build_booklets(job=job, edition=edition)
        return edition, job
    from momentum.toolkit.tasks import build_edition_booklets

    job_pk, edition_pk = job.pk, edition.pk
    transaction.on_commit(
        lambda: build_edition_booklets.enqueue(job_id=job_pk, edition_id=edition_pk)
    )
    return edition, job


@transaction.atomic
def set_public_reading(*, publication: Publication, public: bool, by: Any) -> Publication:
    _require_staff(by)
    publication.public_reading = public
    publication.save(update_fields=["public_reading"])
    audit.record(by, "toolkit.public_reading", publication, public=public)
    return publication


def search_edition(edition: Edition, query: str, language: str) -> list[dict[str, Any]]:
    """The sections of the edition whose text in ``language`` holds every word of ``query``,
    folded the platform's way (Arabic forms, French accents, stems)."""
    words = query_words(query)
    if not words:
        return []
    found = []
    for part in edition.snapshot.get("parts", []):
        for chapter in part["chapters"]:
            for section in chapter["sections"]:
                text = section["texts"].get(language)
                if text is None:
                    continue
                tokens = set(text["key"].split())
                if all(word.tokens & tokens for word in words):
                    found.append({"chapter": chapter, "section": section, "text": text})
    return found
