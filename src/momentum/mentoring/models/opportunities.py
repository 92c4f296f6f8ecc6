from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from momentum.core.models import Country
from momentum.mentoring.models.cohorts import Cohort
from momentum.people.models import Profile


class OpportunityKind(models.TextChoices):
    CONFERENCE = "conference", _("Conference")
    SYMPOSIUM = "symposium", _("INTERPOL Training Symposium")
    SPEAKING = "speaking", _("Speaking slot")
    FIELD_EXERCISE = "field_exercise", _("Operational field exercise")


class Opportunity(models.Model):
    """A conference, a speaking slot or the field exercise, with places and dates."""

    cohort = models.ForeignKey(
        Cohort,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="opportunities",
        verbose_name=_("cohort"),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=OpportunityKind.choices)
    title = models.CharField(_("title"), max_length=200)  # + title_en/_fr/_ar
    description = models.TextField(_("description"), blank=True)  # + description_en/_fr/_ar
    location = models.CharField(_("place"), max_length=200, blank=True)
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    apply_by = models.DateField(_("apply by"), null=True, blank=True)
    places = models.PositiveSmallIntegerField(_("places"))
    # At least one participant from every partner country, when places allow.
    every_country = models.BooleanField(
        _("at least one participant per partner country"), default=True
    )
    is_open = models.BooleanField(_("open for applications"), default=True)
    created_at = models.DateTimeField(default=timezone.now)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("opportunity")
        verbose_name_plural = _("opportunities")
        ordering = ["starts_on", "pk"]

    def __str__(self) -> str:
        return self.title


class CandidacyStatus(models.TextChoices):
    APPLIED = "applied", _("Applied")
    PROPOSED = "proposed", _("Proposed")
    SHORTLISTED = "shortlisted", _("Shortlisted")
    ALLOCATED = "allocated", _("Place allocated")
    NOT_ALLOCATED = "not_allocated", _("No place")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class TravelSupport(models.TextChoices):
    NOT_NEEDED = "not_needed", _("Not needed")
    REQUESTED = "requested", _("Requested")
    APPROVED = "approved", _("Approved")
    BOOKED = "booked", _("Travel booked")
    REFUSED = "refused", _("Refused")


class Candidacy(models.Model):
    """A mentee or alumna for an opportunity: she applied, or was proposed or shortlisted."""

    opportunity = models.ForeignKey(
        Opportunity, on_delete=models.CASCADE, related_name="candidacies"
    )
    person = models.ForeignKey(Profile, on_delete=models.PROTECT, related_name="+")
    country = models.ForeignKey(Country, on_delete=models.PROTECT, related_name="+")
    status = models.CharField(
        _("status"), max_length=20, choices=CandidacyStatus.choices, default=CandidacyStatus.APPLIED
    )
    motivation = models.TextField(_("motivation"), blank=True)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    travel_support = models.CharField(
        _("travel support"),
        max_length=20,
        choices=TravelSupport.choices,
        default=TravelSupport.NOT_NEEDED,
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("candidacy")
        verbose_name_plural = _("candidacies")
        ordering = ["opportunity", "country__code", "created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["opportunity", "person"], name="one_candidacy_per_opportunity"
            )
        ]

    def __str__(self) -> str:
        return f"{self.person_id} for {self.opportunity_id}"
