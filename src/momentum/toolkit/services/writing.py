"""Writing the toolkit: authors, section texts and their revisions, comments, review and
approval. Every save keeps a revision; a save based on an older revision is refused, naming who
saved in between, so nobody overwrites a colleague's work unknowingly."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from momentum.core import audit
from momentum.toolkit.markup import paragraphs
from momentum.toolkit.models import (
    LANGUAGES,
    Chapter,
    ChapterAuthor,
    ChapterStatus,
    Comment,
    Consultation,
    ConsultationMode,
    Revision,
    Section,
    SectionText,
)


class ConcurrentEdit(ValidationError):
    """Someone saved the text after the version the form was opened on."""

    def __init__(self, *, other: Any, current_revision: int) -> None:
        super().__init__(
            _(
                "%(name)s saved this text while you were editing it. Your text is kept below: "
                "compare it with the new version, then save again."
            )
            % {"name": other.display_name(get_language()) if other else _("Someone")},
            code="concurrent",
        )
        self.other = other
        self.current_revision = current_revision


def _require_staff(by: Any) -> None:
    if not by.has_perm("toolkit.manage"):
        raise PermissionDenied(_("Only programme staff may do this."))


@transaction.atomic
def add_author(*, chapter: Chapter, user: Any, by: Any) -> ChapterAuthor:
    """Give ``user`` (a board member, a focal point or an expert) the chapter to write."""
    _require_staff(by)
    if not user.is_active:
        raise ValidationError(_("This account is not active."))
    row, created = ChapterAuthor.objects.get_or_create(
        chapter=chapter, user=user, defaults={"added_by": by}
    )
    if created:
        audit.record(by, "toolkit.author_added", chapter, author=user.pk)
        for cached in ("_toolkit_chapters", "_toolkit_author"):
            user.__dict__.pop(cached, None)
    return row


@transaction.atomic
def add_section(*, chapter: Chapter, kind: str, source_language: str, by: Any) -> Section:
    if not by.has_perm("toolkit.edit_chapter", chapter):
        raise PermissionDenied(_("You were not given this chapter to write."))
    if source_language not in LANGUAGES:
        raise ValidationError({"source_language": _("Choose Arabic, French or English.")})
    order = chapter.sections.count() + 1
    section = Section.objects.create(
        chapter=chapter, kind=kind, source_language=source_language, order=order
    )
    audit.record(by, "toolkit.section_added", section)
    return section


def source_text(section: Section) -> SectionText | None:
    return SectionText.objects.filter(section=section, language=section.source_language).first()


@transaction.atomic
def save_text(
    *,
    section: Section,
    language: str,
    title: str,
    body: str,
    sources: str = "",
    expected_revision: int,
    by: Any,
    from_source_revision: int | None = None,
    now: Any = None,
) -> SectionText:
    """Save a new revision of the section's text in ``language``.

    ``expected_revision`` is the revision the author's form was opened on; if another save
    came in between, ``ConcurrentEdit`` is raised and nothing is saved. A translation records
    the source revision it was made from (``from_source_revision``, by default the source's
    current one).
    """
    if not by.has_perm("toolkit.edit_chapter", section.chapter):
        raise PermissionDenied(_("You were not given this chapter to write."))
    if language not in LANGUAGES:
        raise ValidationError({"language": _("Choose Arabic, French or English.")})
    errors = {}
    if not title.strip():
        errors["title"] = _("Give the section a title.")
    if not body.strip():
        errors["body"] = _("Write the text of the section.")
    if errors:
        raise ValidationError(errors)
    now = now or timezone.now()
    text, _created = SectionText.objects.select_for_update().get_or_create(
        section=section, language=language, defaults={"title": title, "body": body}
    )
    if text.revision != expected_revision:
        raise ConcurrentEdit(other=text.updated_by, current_revision=text.revision)
    is_source = language == section.source_language
    if not is_source and from_source_revision is None:
        source = source_text(section)
        if source is None:
            raise ValidationError(_("Write the text in its source language first."))
        from_source_revision = source.revision
    text.revision += 1
    text.title = title.strip()
    text.body = body.strip()
    text.sources = sources.strip()
    text.source_revision = text.revision if is_source else int(from_source_revision or 0)
    text.updated_by = by
    text.updated_at = now
    text.save()
    Revision.objects.create(
        text=text,
        number=text.revision,
        title=text.title,
        body=text.body,
        sources=text.sources,
        source_revision=text.source_revision,
        author=by,
        created_at=now,
    )
    chapter = section.chapter
    if chapter.status == ChapterStatus.APPROVED:
        # The approved revisions stay what an edition publishes until a new approval.
        Chapter.objects.filter(pk=chapter.pk).update(status=ChapterStatus.DRAFT)
        chapter.status = ChapterStatus.DRAFT
    audit.record(by, "toolkit.text_saved", section, language=language, revision=text.revision)
    return text


@transaction.atomic
def assign_translator(*, section: Section, language: str, translator: Any, by: Any) -> None:
    _require_staff(by)
    updated = SectionText.objects.filter(section=section, language=language).update(
        translator=translator
    )
    if not updated:
        source = source_text(section)
        if source is None:
            raise ValidationError(_("Write the text in its source language first."))
        SectionText.objects.create(
            section=section,
            language=language,
            title="",
            body="",
            translator=translator,
        )
    audit.record(by, "toolkit.translator_assigned", section, language=language)


def _open_consultation(chapter: Chapter, country_id: int | None) -> Consultation | None:
    now = timezone.now()
    for consultation in chapter.consultations.filter(deadline__gt=now).prefetch_related(
        "countries"
    ):
        if consultation.mode == ConsultationMode.BOARD:
            return consultation
        if country_id in {c.pk for c in consultation.countries.all()}:
            return consultation
    return None


@transaction.atomic
def add_comment(*, section: Section, language: str, paragraph: int, text: str, by: Any) -> Comment:
    """A comment on one paragraph of the section's current text in ``language``."""
    from momentum.people.models import Role

    if not by.has_perm("toolkit.comment"):
        raise PermissionDenied
    if not text.strip():
        raise ValidationError({"text": _("Write your comment.")})
    current = SectionText.objects.filter(section=section, language=language).first()
    blocks = paragraphs(current.body) if current else []
    if not 1 <= paragraph <= len(blocks):
        raise ValidationError({"paragraph": _("Choose a paragraph of the text.")})
    countries = sorted(by.countries_for(Role.FOCAL_POINT) | by.countries_for(Role.BOARD_MEMBER))
    country_id = countries[0] if countries else None
    comment = Comment.objects.create(
        section=section,
        language=language,
        paragraph=paragraph,
        quote=blocks[paragraph - 1][:200],
        text=text.strip(),
        author=by,
        country_id=country_id,
        consultation=_open_consultation(section.chapter, country_id),
    )
    audit.record(by, "toolkit.commented", section, language=language, paragraph=paragraph)
    return comment


@transaction.atomic
def submit_chapter(*, chapter: Chapter, by: Any) -> Chapter:
    if not by.has_perm("toolkit.submit_chapter", chapter):
        raise PermissionDenied(_("You were not given this chapter to write."))
    chapter = Chapter.objects.select_for_update().get(pk=chapter.pk)
    if chapter.status != ChapterStatus.DRAFT:
        raise ValidationError(_("Only a draft chapter can be sent for review."))
    sections = list(chapter.sections.all())
    written = set(
        SectionText.objects.filter(section__chapter=chapter, revision__gt=0).values_list(
            "section_id", "language"
        )
    )
    if not sections or any((s.pk, s.source_language) not in written for s in sections):
        raise ValidationError(_("Write every section in its source language first."))
    chapter.status = ChapterStatus.IN_REVIEW
    chapter.save(update_fields=["status"])
    audit.record(by, "toolkit.chapter_submitted", chapter)
    return chapter


@transaction.atomic
def approve_chapter(*, chapter: Chapter, by: Any, now: Any = None) -> Chapter:
    """Staff approve the chapter as it reads now: each text's current revision becomes the
    one editions publish."""
    from django.db.models import F

    _require_staff(by)
    chapter = Chapter.objects.select_for_update().get(pk=chapter.pk)
    if chapter.status != ChapterStatus.IN_REVIEW:
        raise ValidationError(_("Only a chapter in review can be approved."))
    SectionText.objects.filter(section__chapter=chapter, revision__gt=0).update(
        approved_revision=F("revision")
    )
    chapter.status = ChapterStatus.APPROVED
    chapter.approved_by = by
    chapter.approved_at = now or timezone.now()
    chapter.save(update_fields=["status", "approved_by", "approved_at"])
    audit.record(by, "toolkit.chapter_approved", chapter)
    return chapter


@transaction.atomic
def return_chapter(*, chapter: Chapter, by: Any) -> Chapter:
    _require_staff(by)
    chapter = Chapter.objects.select_for_update().get(pk=chapter.pk)
    if chapter.status != ChapterStatus.IN_REVIEW:
        raise ValidationError(_("Only a chapter in review can be returned to its authors."))
    chapter.status = ChapterStatus.DRAFT
    chapter.save(update_fields=["status"])
    audit.record(by, "toolkit.chapter_returned", chapter)
    return chapter
