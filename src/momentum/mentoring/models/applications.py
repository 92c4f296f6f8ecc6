from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from momentum.core.models import AreaOfWork, Country, ThematicArea
from momentum.mentoring.models.cohorts import Cohort
from momentum.people.models import Profile, Role


class ApplicationStatus(models.TextChoices):
    SUBMITTED = "submitted", _("Waiting for the supervisor's endorsement")
    SUPERVISOR_ENDORSED = "supervisor_endorsed", _("Waiting for the national endorsement")
    ENDORSED = "endorsed", _("With the selection panel")
    NOT_ENDORSED = "not_endorsed", _("Not endorsed")
    OFFERED = "offered", _("Place offered")
    ACCEPTED = "accepted", _("Taking part")
    DECLINED = "declined", _("Offer declined")
    NOT_SELECTED = "not_selected", _("Not selected")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    COMPLETED = "completed", _("Completed: alumna")
    LEFT = "left", _("Left the programme")


class MentorPreference(models.TextChoices):
    ANY = "", _("No preference")
    INTERPOL_STAFF = "interpol_staff", _("A member of INTERPOL staff")
    SENIOR_OFFICER = "senior_officer", _("A senior officer")


class ApplicationQuerySet(models.QuerySet["Application"]):
    def visible_to(self, user: Any) -> ApplicationQuerySet:
        """Staff: all. Focal point: their country's. Panel member: the applications of the
        cohorts they sit on, once nationally endorsed. Officer: her own."""
        if not getattr(user, "is_authenticated", False):
            return self.none()
        if user.is_programme_staff:
            return self.all()
        visible = Q(applicant__user=user)
        countries = user.countries_for(Role.FOCAL_POINT)
        if countries:
            visible |= Q(country_id__in=countries)
        visible |= Q(cohort__panel=user) & ~Q(
            status__in=[
                ApplicationStatus.SUBMITTED,
                ApplicationStatus.SUPERVISOR_ENDORSED,
                ApplicationStatus.NOT_ENDORSED,
                ApplicationStatus.WITHDRAWN,
            ]
        )
        return self.filter(visible).distinct()

    def taking_part(self) -> ApplicationQuerySet:
        return self.filter(status=ApplicationStatus.ACCEPTED)

    def alumni(self) -> ApplicationQuerySet:
        return self.filter(status=ApplicationStatus.COMPLETED)


class Application(models.Model):
    """A woman officer's application to a cohort, from submission to alumna."""

    cohort = models.ForeignKey(Cohort, on_delete=models.PROTECT, related_name="applications")
    applicant = models.ForeignKey(
        Profile, on_delete=models.PROTECT, related_name="mentoring_applications"
    )
    country = models.ForeignKey(Country, on_delete=models.PROTECT, related_name="+")
    # Set when her focal point proposed her rather than she applied.
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    status = models.CharField(
        _("status"),
        max_length=30,
        choices=ApplicationStatus.choices,
        default=ApplicationStatus.SUBMITTED,
    )
    language = models.CharField(_("language of the application"), max_length=2, default="en")
    motivation = models.TextField(_("motivation"))
    goals = models.TextField(_("what she wants to achieve in two years"))
    goal_areas = models.ManyToManyField(
        ThematicArea, blank=True, related_name="+", verbose_name=_("areas she wants to develop")
    )
    work_areas = models.ManyToManyField(
        AreaOfWork, blank=True, related_name="+", verbose_name=_("areas of work")
    )
    languages = models.JSONField(_("working languages"), default=list)
    years_of_service = models.PositiveSmallIntegerField(_("years of service"))
    wants_leadership = models.BooleanField(_("wants the leadership track"), default=False)
    preferred_mentor_kind = models.CharField(
        _("preferred mentor"),
        max_length=20,
        choices=MentorPreference.choices,
        default=MentorPreference.ANY,
        blank=True,
    )
    preferred_mentors = models.ManyToManyField(
        "mentoring.MentorProfile",
        blank=True,
        related_name="+",
        verbose_name=_("mentors she would like"),
    )
    # Endorsements: the supervisor (by a signed link, or recorded by the focal point), then the
    # focal point's national endorsement.
    supervisor_name = models.CharField(_("supervisor's name"), max_length=200)
    supervisor_email = models.EmailField(_("supervisor's e-mail address"))
    supervisor_statement = models.TextField(_("supervisor's endorsement"), blank=True)
    supervisor_endorsed_at = models.DateTimeField(null=True, blank=True)
    supervisor_recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    national_note = models.TextField(_("national endorsement"), blank=True)
    national_endorsed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    national_endorsed_at = models.DateTimeField(null=True, blank=True)
    # The panel's weighted mean (0–100), kept up to date as scores arrive.
    score = models.DecimalField(max_digits=5, decimal_places=2, null=True, blank=True)
    reviews_count = models.PositiveSmallIntegerField(default=0)
    offered_at = models.DateTimeField(null=True, blank=True)
    offer_expires_at = models.DateTimeField(null=True, blank=True)
    responded_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decision_note = models.TextField(_("reason"), blank=True)
    completed_at = models.DateTimeField(null=True, blank=True)
    certificate = models.OneToOneField(
        "training.Certificate",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="mentoring_application",
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)
    version = models.PositiveIntegerField(default=1)

    objects = ApplicationQuerySet.as_manager()

    class Meta:
        verbose_name = _("application")
        verbose_name_plural = _("applications")
        ordering = ["cohort", "country__code", "-score", "created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["cohort", "applicant"], name="one_application_per_cohort"
            )
        ]
        indexes = [models.Index(fields=["cohort", "country", "status"])]

    def __str__(self) -> str:
        return f"{self.applicant} → {self.cohort}"


class Review(models.Model):
    """One panel member's independent scoring of an application."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="reviews")
    panelist = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="mentoring_reviews"
    )
    conflict_of_interest = models.BooleanField(_("I have a conflict of interest"), default=False)
    conflict_note = models.TextField(_("the conflict"), blank=True)
    comment = models.TextField(_("comment for the panel"), blank=True)
    submitted_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("panel review")
        verbose_name_plural = _("panel reviews")
        constraints = [
            models.UniqueConstraint(
                fields=["application", "panelist"], name="one_review_per_panelist"
            )
        ]

    def __str__(self) -> str:
        return f"{self.panelist_id} on {self.application_id}"


class CriterionScore(models.Model):
    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey(
        "mentoring.RubricCriterion", on_delete=models.CASCADE, related_name="scores"
    )
    score = models.PositiveSmallIntegerField(_("score"))

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["review", "criterion"], name="one_score_per_criterion")
        ]

    def __str__(self) -> str:
        return f"{self.criterion_id}: {self.score}"
