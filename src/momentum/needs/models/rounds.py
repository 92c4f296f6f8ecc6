from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from momentum.core.models import Country
from momentum.people.models import Sex


class RoundStatus(models.TextChoices):
    PLANNING = "planning", _("Planning")
    OPEN = "open", _("Open for answers")
    CLOSED = "closed", _("Closed")


class Round(models.Model):
    """One assessment round (e.g. 2026): the visits to each country and the questionnaire
    every country answers."""

    year = models.PositiveSmallIntegerField(_("year"), unique=True)
    title = models.CharField(_("title"), max_length=200)  # + title_en/_fr/_ar
    status = models.CharField(
        _("status"), max_length=20, choices=RoundStatus.choices, default=RoundStatus.PLANNING
    )
    questionnaire = models.ForeignKey(
        "needs.Questionnaire",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="rounds",
        verbose_name=_("questionnaire"),
    )
    answer_by = models.DateField(_("answers due by"), null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("assessment round")
        verbose_name_plural = _("assessment rounds")
        ordering = ["-year"]

    def __str__(self) -> str:
        return self.title


class VisitStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    CONFIRMED = "confirmed", _("Confirmed")
    DONE = "done", _("Done")
    CANCELLED = "cancelled", _("Cancelled")


class Visit(models.Model):
    """The onsite visit of INTERPOL staff to one country during a round."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="visits")
    country = models.ForeignKey(
        Country, on_delete=models.PROTECT, related_name="needs_visits", verbose_name=_("country")
    )
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    status = models.CharField(
        _("status"), max_length=20, choices=VisitStatus.choices, default=VisitStatus.PLANNED
    )
    location = models.CharField(_("place"), max_length=200, blank=True)
    agencies = models.TextField(_("agencies and academies to meet"), blank=True)
    team = models.TextField(_("INTERPOL team"), blank=True)
    agenda = models.TextField(_("agenda"), blank=True)
    minutes = models.TextField(_("minutes"), blank=True)
    # Raised on every change, so calendar programs replace the invitation (iCalendar SEQUENCE).
    sequence = models.PositiveIntegerField(default=0)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("country visit")
        verbose_name_plural = _("country visits")
        ordering = ["round", "starts_on", "country"]
        constraints = [
            models.UniqueConstraint(fields=["round", "country"], name="needs_visit_once"),
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")),
                name="needs_visit_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.round} — {self.country}"


class VisitParticipant(models.Model):
    visit = models.ForeignKey(Visit, on_delete=models.CASCADE, related_name="participants")
    name = models.CharField(_("name"), max_length=200)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    sex = models.CharField(_("sex"), max_length=10, choices=Sex.choices)

    class Meta:
        verbose_name = _("visit participant")
        verbose_name_plural = _("visit participants")
        ordering = ["visit", "pk"]

    def __str__(self) -> str:
        return self.name


class VisitDocument(models.Model):
    visit = models.ForeignKey(Visit, on_delete=models.CASCADE, related_name="documents")
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(_("file"), upload_to="needs/visits/%Y/")
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    uploaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("visit document")
        verbose_name_plural = _("visit documents")
        ordering = ["visit", "pk"]

    def __str__(self) -> str:
        return self.title
