"""The regional report on women in law enforcement: versions, their snapshot and PDFs, and
the recommendations, and the priorities marked from the matrix."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from momentum.core.models import AreaOfWork, Country
from momentum.needs.models.rounds import Round


class ReportStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    REVIEWED = "reviewed", _("Reviewed")
    PUBLISHED = "published", _("Published")


class Report(models.Model):
    round = models.ForeignKey(Round, on_delete=models.PROTECT, related_name="reports")
    number = models.PositiveSmallIntegerField(_("version"), default=1)
    status = models.CharField(
        _("status"), max_length=20, choices=ReportStatus.choices, default=ReportStatus.DRAFT
    )
    # Everything the report shows, taken from the database when the version was built; a
    # published version is never rebuilt, so its figures stay what was published.
    snapshot = models.JSONField(default=dict, blank=True)
    built_at = models.DateTimeField(null=True, blank=True)
    pdf_en = models.FileField(upload_to="needs/reports/", blank=True)
    pdf_fr = models.FileField(upload_to="needs/reports/", blank=True)
    pdf_ar = models.FileField(upload_to="needs/reports/", blank=True)
    public_slug = models.SlugField(max_length=80, unique=True, null=True, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("regional report")
        verbose_name_plural = _("regional reports")
        ordering = ["round", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["round", "number"], name="needs_report_number")
        ]

    def __str__(self) -> str:
        return f"{self.round} v{self.number}"

    def pdf_in(self, language: str) -> models.fields.files.FieldFile:
        return {"ar": self.pdf_ar, "fr": self.pdf_fr}.get(language, self.pdf_en)


class RecommendationStatus(models.TextChoices):
    PROPOSED = "proposed", _("Proposed")
    TAKEN_UP = "taken_up", _("Taken up by the Advisory Board")
    DONE = "done", _("Implemented")


class Recommendation(models.Model):
    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="recommendations")
    order = models.PositiveSmallIntegerField(default=0)
    text = models.TextField(_("recommendation"))  # + text_en/_fr/_ar
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=RecommendationStatus.choices,
        default=RecommendationStatus.PROPOSED,
    )

    class Meta:
        verbose_name = _("recommendation")
        verbose_name_plural = _("recommendations")
        ordering = ["round", "order", "pk"]

    def __str__(self) -> str:
        return self.text[:60]


class Priority(models.Model):
    """A need staff marked as a priority in the matrix; ``course_id`` keeps the draft course
    it became in the training catalogue, so the results framework counts it as addressed."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="priorities")
    country = models.ForeignKey(Country, on_delete=models.PROTECT, related_name="+")
    area_of_work = models.ForeignKey(AreaOfWork, on_delete=models.PROTECT, related_name="+")
    score = models.DecimalField(max_digits=6, decimal_places=2, default=0)
    course_id = models.PositiveIntegerField(null=True, blank=True)
    marked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    marked_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("priority need")
        verbose_name_plural = _("priority needs")
        ordering = ["round", "country", "area_of_work"]
        constraints = [
            models.UniqueConstraint(
                fields=["round", "country", "area_of_work"], name="needs_priority_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.country} {self.area_of_work}"
