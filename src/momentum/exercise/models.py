"""A border-management field exercise (a joint operation coordinated by INTERPOL).

An exercise has phases with dates, objectives (each tied to training courses and a capability),
border crossing points (sites) that run shifts, and teams: each member has a role on a site and
a shift, or belongs to the INTERPOL team. The master scenario events list (injects) is played
site by site; evaluators rate the objectives assigned to them on the HSEEP scale; the
after-action report is drafted from their observations and carries the improvement plan.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from momentum.core.models import Country


class ExerciseStatus(models.TextChoices):
    PLANNING = "planning", _("Planning")
    RUNNING = "running", _("Running")
    CLOSED = "closed", _("Closed")


class PhaseKind(models.TextChoices):
    INITIAL_PLANNING = "initial_planning", _("Initial planning conference")
    MAIN_PLANNING = "main_planning", _("Main planning conference")
    FINAL_PLANNING = "final_planning", _("Final planning conference")
    DEPLOYMENT = "deployment", _("Deployment")
    OPERATIONAL = "operational", _("Operational phase")
    DEBRIEF = "debrief", _("Debrief")


PHASE_ORDER = list(PhaseKind.values)


class Capability(models.TextChoices):
    DOCUMENT_SCREENING = "document_screening", _("Screening of travel documents")
    DATABASE_CHECKS = "database_checks", _("Checks against INTERPOL databases")
    INFORMATION_SHARING = "information_sharing", _("Information sharing through the NCB")
    RISK_ANALYSIS = "risk_analysis", _("Risk analysis and targeting")
    COORDINATION = "coordination", _("Inter-agency coordination")
    PUBLIC_INFORMATION = "public_information", _("Public information")
    VICTIM_PROTECTION = "victim_protection", _("Identification and protection of victims")


class SiteKind(models.TextChoices):
    AIR = "air", _("Airport")
    LAND = "land", _("Land crossing")
    SEA = "sea", _("Seaport")


class TeamRole(models.TextChoices):
    SITE_LEAD = "site_lead", _("Site lead")
    SCREENER = "screener", _("Screener")
    ANALYST = "analyst", _("Analyst")
    EVALUATOR = "evaluator", _("Evaluator")
    CONTROLLER = "controller", _("Controller")


class MemberSource(models.TextChoices):
    ALUMNA = "alumna", _("Mentoring alumna")
    CERTIFIED = "certified", _("Certified officer")
    INTERPOL = "interpol", _("INTERPOL team")


class ExerciseQuerySet(models.QuerySet["Exercise"]):
    def visible_to(self, user: Any) -> ExerciseQuerySet:
        """Staff see every exercise; a team member the exercises she is part of."""
        if not getattr(user, "is_authenticated", False):
            return self.none()
        if user.is_programme_staff:
            return self
        return self.filter(pk__in=Member.objects.filter(user=user).values("exercise_id"))


class Exercise(models.Model):
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=ExerciseStatus.choices, default=ExerciseStatus.PLANNING
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    version = models.PositiveIntegerField(default=1)

    objects = ExerciseQuerySet.as_manager()

    class Meta:
        verbose_name = _("field exercise")
        verbose_name_plural = _("field exercises")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.title


class Phase(models.Model):
    exercise = models.ForeignKey(Exercise, on_delete=models.CASCADE, related_name="phases")
    kind = models.CharField(_("phase"), max_length=20, choices=PhaseKind.choices)
    starts_on = models.DateField(_("first day"))
    ends_on = models.DateField(_("last day"))
    location = models.CharField(_("place"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("phase")
        verbose_name_plural = _("phases")
        ordering = ["starts_on", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["exercise", "kind"], name="exercise_phase_once"),
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")), name="exercise_phase_dates"
            ),
        ]

    def __str__(self) -> str:
        return str(self.get_kind_display())


class Objective(models.Model):
    exercise = models.ForeignKey(Exercise, on_delete=models.CASCADE, related_name="objectives")
    code = models.CharField(_("code"), max_length=10)
    text = models.TextField(_("objective"))
    capability = models.CharField(_("capability"), max_length=30, choices=Capability.choices)
    courses = models.ManyToManyField(
        "training.Course", blank=True, related_name="+", verbose_name=_("training courses")
    )

    class Meta:
        verbose_name = _("objective")
        verbose_name_plural = _("objectives")
        ordering = ["code", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["exercise", "code"], name="exercise_objective_code")
        ]

    def __str__(self) -> str:
        return f"{self.code} · {self.text[:60]}"


class Shift(models.Model):
    exercise = models.ForeignKey(Exercise, on_delete=models.CASCADE, related_name="shifts")
    name = models.CharField(_("shift"), max_length=60)
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))

    class Meta:
        verbose_name = _("shift")
        verbose_name_plural = _("shifts")
        ordering = ["starts_at", "pk"]

    def __str__(self) -> str:
        return self.name


class Site(models.Model):
    """A border crossing point where the exercise is played."""

    exercise = models.ForeignKey(Exercise, on_delete=models.CASCADE, related_name="sites")
    name = models.CharField(_("border crossing point"), max_length=200)
    kind = models.CharField(_("kind"), max_length=10, choices=SiteKind.choices)
    country = models.ForeignKey(
        Country, on_delete=models.PROTECT, related_name="+", verbose_name=_("country")
    )
    shifts = models.ManyToManyField(Shift, blank=True, related_name="sites")
    # The screening simulator's queue its screeners work in, when there is one.
    screening_queue = models.ForeignKey(
        "screening.Queue", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("site")
        verbose_name_plural = _("sites")
        ordering = ["country__code", "name"]

    def __str__(self) -> str:
        return self.name


class Member(models.Model):
    """A person on the exercise: a role on a site for a shift, or on the INTERPOL team."""

    exercise = models.ForeignKey(Exercise, on_delete=models.CASCADE, related_name="members")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    site = models.ForeignKey(
        Site, on_delete=models.CASCADE, null=True, blank=True, related_name="members"
    )
    shift = models.ForeignKey(
        Shift, on_delete=models.PROTECT, null=True, blank=True, related_name="members"
    )
    role = models.CharField(_("role"), max_length=20, choices=TeamRole.choices)
    source = models.CharField(_("drawn from"), max_length=20, choices=MemberSource.choices)
    objectives = models.ManyToManyField(
        Objective, blank=True, related_name="evaluators", verbose_name=_("objectives to evaluate")
    )
    invited_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("team member")
        verbose_name_plural = _("team members")
        ordering = ["site__name", "role", "pk"]
        constraints = [
            # One place per person and shift: nobody works two sites at once.
            models.UniqueConstraint(
                fields=["exercise", "user", "shift"], name="exercise_member_once_per_shift"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.get_role_display()}"


class PhaseDocument(models.Model):
    """A briefing, a plan or a form for one phase, checked like a hub attachment."""

    phase = models.ForeignKey(Phase, on_delete=models.CASCADE, related_name="documents")
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(upload_to="exercise/documents/%Y/")
    file_name = models.CharField(max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField(default=0)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    uploaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["phase__starts_on", "title"]

    def __str__(self) -> str:
        return self.title


class InjectKind(models.TextChoices):
    TRAVELLER = "traveller", _("A traveller arrives")
    TIP_OFF = "tip_off", _("A tip-off")
    OUTAGE = "outage", _("A system outage")
    MEDIA = "media", _("A media enquiry")
    OTHER = "other", _("Another event")


class InjectStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    FIRED = "fired", _("Fired")
    CANCELLED = "cancelled", _("Cancelled")


class Inject(models.Model):
    """One event of the master scenario events list, played on one site."""

    exercise = models.ForeignKey(Exercise, on_delete=models.CASCADE, related_name="injects")
    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="injects")
    objective = models.ForeignKey(
        Objective, on_delete=models.PROTECT, related_name="injects", verbose_name=_("objective")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=InjectKind.choices)
    title = models.CharField(_("title"), max_length=200)
    message = models.TextField(_("message to the site"))
    expected_action = models.TextField(_("expected action"))
    actor = models.CharField(_("who should act"), max_length=20, choices=TeamRole.choices)
    scheduled_at = models.DateTimeField(_("scheduled for"))
    status = models.CharField(
        _("status"), max_length=20, choices=InjectStatus.choices, default=InjectStatus.PLANNED
    )
    fired_at = models.DateTimeField(null=True, blank=True)
    acted_at = models.DateTimeField(null=True, blank=True)
    acted_note = models.TextField(_("what was done"), blank=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("inject")
        verbose_name_plural = _("injects")
        ordering = ["scheduled_at", "pk"]
        indexes = [models.Index(fields=["status", "scheduled_at"])]

    def __str__(self) -> str:
        return self.title


class Rating(models.TextChoices):
    """The HSEEP four-level rating of an objective's performance."""

    P = "P", _("Performed without challenges")
    S = "S", _("Performed with some challenges")
    M = "M", _("Performed with major challenges")
    U = "U", _("Unable to be performed")


PERFORMED = (Rating.P, Rating.S)


class Observation(models.Model):
    exercise = models.ForeignKey(Exercise, on_delete=models.CASCADE, related_name="observations")
    objective = models.ForeignKey(Objective, on_delete=models.PROTECT, related_name="observations")
    site = models.ForeignKey(Site, on_delete=models.PROTECT, related_name="observations")
    evaluator = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    rating = models.CharField(_("rating"), max_length=1, choices=Rating.choices)
    justification = models.TextField(_("justification"))
    strengths = models.TextField(_("strengths"), blank=True)
    improvements = models.TextField(_("areas for improvement"), blank=True)
    evidence_note = models.TextField(_("evidence (note)"), blank=True)
    evidence = models.FileField(upload_to="exercise/evidence/%Y/", blank=True)
    evidence_name = models.CharField(max_length=200, blank=True)
    observed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("observation")
        verbose_name_plural = _("observations")
        ordering = ["objective__code", "site__name", "observed_at"]

    def __str__(self) -> str:
        return f"{self.objective_id} · {self.rating}"


class ReportStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")


class Report(models.Model):
    """The after-action report: drafted from the observations, edited by staff."""

    exercise = models.OneToOneField(Exercise, on_delete=models.CASCADE, related_name="report")
    summary = models.TextField(_("summary"), blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=ReportStatus.choices, default=ReportStatus.DRAFT
    )
    drafted_at = models.DateTimeField(default=timezone.now)
    published_at = models.DateTimeField(null=True, blank=True)
    pdf_ar = models.FileField(upload_to="exercise/reports/%Y/", blank=True)
    pdf_fr = models.FileField(upload_to="exercise/reports/%Y/", blank=True)
    pdf_en = models.FileField(upload_to="exercise/reports/%Y/", blank=True)
    job = models.ForeignKey(
        "core.Job", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    version = models.PositiveIntegerField(default=1)

    def __str__(self) -> str:
        return str(self.exercise)

    def pdf_in(self, language: str) -> Any:
        return getattr(self, f"pdf_{language}", None)


class ReportFinding(models.Model):
    """One objective's analysis in the report: the ratings seen, strengths, improvements."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="findings")
    objective = models.ForeignKey(Objective, on_delete=models.PROTECT, related_name="+")
    ratings = models.JSONField(default=dict)  # {"P": 2, "S": 1, …}
    overall = models.CharField(
        _("overall rating"), max_length=1, choices=Rating.choices, blank=True
    )
    strengths = models.TextField(_("strengths"), blank=True)
    improvements = models.TextField(_("areas for improvement"), blank=True)

    class Meta:
        ordering = ["objective__code"]
        constraints = [
            models.UniqueConstraint(fields=["report", "objective"], name="exercise_finding_once")
        ]

    def __str__(self) -> str:
        return f"{self.report_id} · {self.objective_id}"


class ItemStatus(models.TextChoices):
    OPEN = "open", pgettext_lazy("improvement item", "Open")
    IN_PROGRESS = "in_progress", _("In progress")
    CLOSED = "closed", _("Closed")


class ImprovementItem(models.Model):
    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="items")
    objective = models.ForeignKey(
        Objective,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("objective"),
    )
    action = models.TextField(_("corrective action"))
    owner = models.CharField(_("owner"), max_length=200)
    contact = models.CharField(_("point of contact"), max_length=200)
    starts_on = models.DateField(_("start date"))
    ends_on = models.DateField(_("end date"))
    status = models.CharField(
        _("status"), max_length=20, choices=ItemStatus.choices, default=ItemStatus.OPEN
    )
    closed_on = models.DateField(null=True, blank=True)
    recommendation_reference = models.CharField(max_length=20, blank=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("improvement item")
        verbose_name_plural = _("improvement items")
        ordering = ["ends_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")), name="exercise_item_dates"
            )
        ]

    def __str__(self) -> str:
        return self.action[:60]
