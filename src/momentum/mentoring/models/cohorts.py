from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from momentum.core.models import AreaOfWork, Country


class CohortStatus(models.TextChoices):
    DRAFT = "draft", _("Being prepared")
    OPEN = "open", _("Open for applications")
    SELECTION = "selection", _("Selection")
    MATCHING = "matching", _("Matching mentors")
    RUNNING = "running", _("In progress")
    COMPLETED = "completed", _("Completed")


class CohortQuerySet(models.QuerySet["Cohort"]):
    def visible_to(self, user: Any) -> CohortQuerySet:
        """Staff see drafts too; everyone else who signs in sees cohorts once announced."""
        if not getattr(user, "is_authenticated", False):
            return self.none()
        if user.is_programme_staff:
            return self.all()
        return self.exclude(status=CohortStatus.DRAFT)


class Cohort(models.Model):
    """One intake of the two-year mentoring and upskilling programme for women officers."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=200)  # + name_en/_fr/_ar
    description = models.TextField(_("description"), blank=True)  # + description_en/_fr/_ar
    status = models.CharField(
        _("status"), max_length=20, choices=CohortStatus.choices, default=CohortStatus.DRAFT
    )
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    applications_open_at = models.DateTimeField(_("applications open"))
    applications_close_at = models.DateTimeField(_("applications close"))
    # Eligibility: women officers of the partner countries (always), these areas of work (any
    # when empty) and at least this many years of service.
    eligible_areas = models.ManyToManyField(
        AreaOfWork, blank=True, related_name="+", verbose_name=_("areas of work")
    )
    min_years_of_service = models.PositiveSmallIntegerField(
        _("minimum years of service"), default=0
    )
    panel = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="mentoring_panels",
        verbose_name=_("selection panel"),
    )
    offer_days = models.PositiveSmallIntegerField(_("days to answer an offer"), default=14)
    # Matching weights, tuned by staff (see mentoring.matching.Weights).
    weight_goals = models.PositiveSmallIntegerField(_("weight of goals"), default=40)
    weight_area_of_work = models.PositiveSmallIntegerField(_("weight of area of work"), default=25)
    weight_leadership = models.PositiveSmallIntegerField(
        _("weight of leadership track"), default=20
    )
    weight_preferences = models.PositiveSmallIntegerField(
        _("weight of stated preferences"), default=15
    )
    # Completion criteria.
    required_meetings = models.PositiveSmallIntegerField(
        _("meetings required to complete"), default=8
    )
    # The cohort's and its alumni's space in the Knowledge Hub, when there is one.
    hub_space = models.ForeignKey(
        "hub.Space",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("Knowledge Hub space"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    version = models.PositiveIntegerField(default=1)

    objects = CohortQuerySet.as_manager()

    class Meta:
        verbose_name = _("cohort")
        verbose_name_plural = _("cohorts")
        ordering = ["-starts_on"]

    def __str__(self) -> str:
        return self.name

    @property
    def accepts_applications(self) -> bool:
        now = timezone.now()
        return (
            self.status == CohortStatus.OPEN
            and self.applications_open_at <= now <= self.applications_close_at
        )


class CohortPlace(models.Model):
    """The places a partner country has in a cohort."""

    cohort = models.ForeignKey(Cohort, on_delete=models.CASCADE, related_name="places")
    country = models.ForeignKey(Country, on_delete=models.PROTECT, related_name="+")
    places = models.PositiveSmallIntegerField(_("places"))

    class Meta:
        verbose_name = _("places of a country")
        verbose_name_plural = _("places per country")
        ordering = ["cohort", "country__code"]
        constraints = [
            models.UniqueConstraint(fields=["cohort", "country"], name="one_place_row_per_country")
        ]

    def __str__(self) -> str:
        return f"{self.cohort_id} {self.country_id}: {self.places}"


class RubricCriterion(models.Model):
    """A criterion the panel scores each application on, from 0 to ``max_score``."""

    cohort = models.ForeignKey(Cohort, on_delete=models.CASCADE, related_name="criteria")
    name = models.CharField(_("criterion"), max_length=150)  # + name_en/_fr/_ar
    guidance = models.TextField(_("guidance for the panel"), blank=True)
    weight = models.PositiveSmallIntegerField(_("weight"), default=1)
    max_score = models.PositiveSmallIntegerField(_("highest score"), default=5)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("scoring criterion")
        verbose_name_plural = _("scoring criteria")
        ordering = ["cohort", "order", "pk"]

    def __str__(self) -> str:
        return self.name
