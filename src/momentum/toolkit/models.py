"""The toolkit on gender-sensitive policing and its curricula.

A publication is written in parts → chapters → sections. Each section has one text per
language (the source language is marked); every save of a text keeps a revision, and the text's
``revision`` number is what a form sends back to detect a concurrent save. A translation records
the source revision it was made from, so it is *current*, *needs updating* or *missing*.
Approving a chapter marks the revision of each of its texts that a published edition takes; an
edition is a numbered, frozen snapshot of those texts, with a PDF booklet per language.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from momentum.core.models import Country

LANGUAGES = ("ar", "fr", "en")


class Language(models.TextChoices):
    ARABIC = "ar", _("Arabic")
    FRENCH = "fr", _("French")
    ENGLISH = "en", _("English")


def in_language(obj: Any, field: str, language: str) -> str:
    """``obj.<field>_<language>``, or the first of the others that is filled."""
    for code in (language, *LANGUAGES):
        value = getattr(obj, f"{field}_{code}", "")
        if value:
            return str(value)
    return ""


class Publication(models.Model):
    slug = models.SlugField(_("code"), max_length=60, unique=True)
    title_ar = models.CharField(_("title in Arabic"), max_length=200, blank=True)
    title_fr = models.CharField(_("title in French"), max_length=200, blank=True)
    title_en = models.CharField(_("title in English"), max_length=200, blank=True)
    public_reading = models.BooleanField(_("the public may read published editions"), default=False)

    class Meta:
        verbose_name = _("publication")
        verbose_name_plural = _("publications")
        ordering = ["slug"]

    def __str__(self) -> str:
        return self.title_en or self.slug

    def title(self, language: str) -> str:
        return in_language(self, "title", language)


class Part(models.Model):
    publication = models.ForeignKey(Publication, on_delete=models.CASCADE, related_name="parts")
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    title_ar = models.CharField(_("title in Arabic"), max_length=200, blank=True)
    title_fr = models.CharField(_("title in French"), max_length=200, blank=True)
    title_en = models.CharField(_("title in English"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("part")
        verbose_name_plural = _("parts")
        ordering = ["publication", "order", "pk"]

    def __str__(self) -> str:
        return self.title_en

    def title(self, language: str) -> str:
        return in_language(self, "title", language)


class ChapterStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    IN_REVIEW = "in_review", _("In review")
    APPROVED = "approved", _("Approved")


class Chapter(models.Model):
    part = models.ForeignKey(Part, on_delete=models.CASCADE, related_name="chapters")
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    title_ar = models.CharField(_("title in Arabic"), max_length=200, blank=True)
    title_fr = models.CharField(_("title in French"), max_length=200, blank=True)
    title_en = models.CharField(_("title in English"), max_length=200, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=ChapterStatus.choices, default=ChapterStatus.DRAFT
    )
    authors = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        through="ChapterAuthor",
        through_fields=("chapter", "user"),
        related_name="toolkit_chapters",
    )
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    approved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("chapter")
        verbose_name_plural = _("chapters")
        ordering = ["part__order", "order", "pk"]

    def __str__(self) -> str:
        return self.title_en

    def title(self, language: str) -> str:
        return in_language(self, "title", language)


class ChapterAuthor(models.Model):
    """An invited author of one chapter: a board member, a focal point or an expert."""

    chapter = models.ForeignKey(Chapter, on_delete=models.CASCADE, related_name="author_rows")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="toolkit_authorships"
    )
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    added_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["chapter", "user"], name="toolkit_author_once")
        ]

    def __str__(self) -> str:
        return f"{self.user} — {self.chapter}"


class SectionKind(models.TextChoices):
    TOOL = "tool", _("Tool")
    CHECKLIST = "checklist", _("Checklist")
    CASE_STUDY = "case_study", _("Case study")
    PRACTICE_NOTE = "practice_note", _("Practice note")


class Section(models.Model):
    chapter = models.ForeignKey(Chapter, on_delete=models.CASCADE, related_name="sections")
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    kind = models.CharField(_("kind"), max_length=20, choices=SectionKind.choices)
    source_language = models.CharField(
        _("source language"), max_length=2, choices=Language.choices, default=Language.ENGLISH
    )

    class Meta:
        verbose_name = _("section")
        verbose_name_plural = _("sections")
        ordering = ["chapter", "order", "pk"]

    def __str__(self) -> str:
        return f"{self.chapter} §{self.order}"


class SectionText(models.Model):
    """A section in one language. ``revision`` counts its saves; ``source_revision`` is the
    revision of the source text a translation was made from (for the source, its own)."""

    section = models.ForeignKey(Section, on_delete=models.CASCADE, related_name="texts")
    language = models.CharField(_("language"), max_length=2, choices=Language.choices)
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("text"), help_text=_("Markdown: paragraphs, lists, tables."))
    sources = models.TextField(_("sources"), blank=True, help_text=_("One source per line."))
    revision = models.PositiveIntegerField(default=0)
    source_revision = models.PositiveIntegerField(default=0)
    approved_revision = models.PositiveIntegerField(default=0)
    translator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="toolkit_translations",
        verbose_name=_("translator"),
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["section", "language"], name="toolkit_text_once")
        ]

    def __str__(self) -> str:
        return self.title


class Revision(models.Model):
    """Every saved version of a text, kept."""

    text = models.ForeignKey(SectionText, on_delete=models.CASCADE, related_name="revisions")
    number = models.PositiveIntegerField()
    title = models.CharField(max_length=200)
    body = models.TextField()
    sources = models.TextField(blank=True)
    source_revision = models.PositiveIntegerField(default=0)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["text", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["text", "number"], name="toolkit_revision_once")
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.number})"


class ConsultationMode(models.TextChoices):
    BOARD = "board", _("Advisory Board (written procedure)")
    COUNTRIES = "countries", _("Chosen countries (comment round)")


class Consultation(models.Model):
    """A chapter or a curriculum sent out for comments by a deadline."""

    chapter = models.ForeignKey(
        Chapter, on_delete=models.CASCADE, null=True, blank=True, related_name="consultations"
    )
    curriculum = models.ForeignKey(
        "Curriculum", on_delete=models.CASCADE, null=True, blank=True, related_name="consultations"
    )
    mode = models.CharField(_("sent to"), max_length=20, choices=ConsultationMode.choices)
    countries = models.ManyToManyField(Country, blank=True, related_name="+")
    deadline = models.DateTimeField(_("deadline"))
    procedure_id = models.PositiveIntegerField(null=True, blank=True)
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    opened_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-opened_at"]

    def __str__(self) -> str:
        return f"{self.get_mode_display()} — {self.deadline:%Y-%m-%d}"

    def is_open(self) -> bool:
        return self.deadline > timezone.now()


class Comment(models.Model):
    """A comment on one paragraph of a section's text in one language."""

    section = models.ForeignKey(Section, on_delete=models.CASCADE, related_name="comments")
    language = models.CharField(max_length=2, choices=Language.choices)
    paragraph = models.PositiveSmallIntegerField(_("paragraph"))
    quote = models.CharField(max_length=200, blank=True)
    text = models.TextField(_("comment"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="toolkit_comments"
    )
    country = models.ForeignKey(
        Country, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    consultation = models.ForeignKey(
        Consultation, on_delete=models.SET_NULL, null=True, blank=True, related_name="comments"
    )
    created_at = models.DateTimeField(default=timezone.now)
    resolved = models.BooleanField(default=False)

    class Meta:
        ordering = ["section", "paragraph", "created_at"]

    def __str__(self) -> str:
        return self.text[:60]


class Edition(models.Model):
    """A numbered, frozen copy of the approved texts; its PDFs are built in the background."""

    publication = models.ForeignKey(Publication, on_delete=models.PROTECT, related_name="editions")
    number = models.PositiveSmallIntegerField(_("edition"))
    snapshot = models.JSONField(default=dict)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    published_at = models.DateTimeField(default=timezone.now)
    job_id = models.PositiveIntegerField(null=True, blank=True)
    pdf_ar = models.FileField(upload_to="toolkit/editions/", blank=True)
    pdf_fr = models.FileField(upload_to="toolkit/editions/", blank=True)
    pdf_en = models.FileField(upload_to="toolkit/editions/", blank=True)

    class Meta:
        verbose_name = _("edition")
        verbose_name_plural = _("editions")
        ordering = ["publication", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["publication", "number"], name="toolkit_edition_once")
        ]

    def __str__(self) -> str:
        return f"{self.publication} — {self.number}"

    def pdf_in(self, language: str) -> Any:
        return {"ar": self.pdf_ar, "fr": self.pdf_fr}.get(language, self.pdf_en)


class CurriculumStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")


class Curriculum(models.Model):
    title_ar = models.CharField(_("title in Arabic"), max_length=200, blank=True)
    title_fr = models.CharField(_("title in French"), max_length=200, blank=True)
    title_en = models.CharField(_("title in English"), max_length=200, blank=True)
    summary_ar = models.TextField(_("summary in Arabic"), blank=True)
    summary_fr = models.TextField(_("summary in French"), blank=True)
    summary_en = models.TextField(_("summary in English"), blank=True)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=CurriculumStatus.choices,
        default=CurriculumStatus.DRAFT,
    )
    # The course it became in the training catalogue (kept here, read through training).
    course_id = models.PositiveIntegerField(null=True, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
    job_id = models.PositiveIntegerField(null=True, blank=True)
    pdf_ar = models.FileField(upload_to="toolkit/curricula/", blank=True)
    pdf_fr = models.FileField(upload_to="toolkit/curricula/", blank=True)
    pdf_en = models.FileField(upload_to="toolkit/curricula/", blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("curriculum")
        verbose_name_plural = _("curricula")
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.title_en

    def title(self, language: str) -> str:
        return in_language(self, "title", language)

    def pdf_in(self, language: str) -> Any:
        return {"ar": self.pdf_ar, "fr": self.pdf_fr}.get(language, self.pdf_en)


class Module(models.Model):
    """A module of a curriculum: objectives, duration, methods, materials and assessment."""

    curriculum = models.ForeignKey(Curriculum, on_delete=models.CASCADE, related_name="modules")
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    title_ar = models.CharField(_("title in Arabic"), max_length=200, blank=True)
    title_fr = models.CharField(_("title in French"), max_length=200, blank=True)
    title_en = models.CharField(_("title in English"), max_length=200, blank=True)
    objectives_ar = models.TextField(_("learning objectives in Arabic"), blank=True)
    objectives_fr = models.TextField(_("learning objectives in French"), blank=True)
    objectives_en = models.TextField(_("learning objectives in English"), blank=True)
    methods_ar = models.TextField(_("methods in Arabic"), blank=True)
    methods_fr = models.TextField(_("methods in French"), blank=True)
    methods_en = models.TextField(_("methods in English"), blank=True)
    assessment_ar = models.TextField(_("assessment in Arabic"), blank=True)
    assessment_fr = models.TextField(_("assessment in French"), blank=True)
    assessment_en = models.TextField(_("assessment in English"), blank=True)
    duration_minutes = models.PositiveIntegerField(_("duration in minutes"))
    sections = models.ManyToManyField(Section, blank=True, related_name="modules")
    # Hub resources, by id: the hub owns them, its selectors read them.
    resource_ids = models.JSONField(default=list, blank=True)

    class Meta:
        verbose_name = _("module")
        verbose_name_plural = _("modules")
        ordering = ["curriculum", "order", "pk"]

    def __str__(self) -> str:
        return self.title_en

    def text(self, field: str, language: str) -> str:
        return in_language(self, field, language)
