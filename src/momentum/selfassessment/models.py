"""A police agency's gender self-assessment, on DCAF's model.

The framework (themes → dimensions → questions) is data, trilingual and editable by staff. A
cycle is one agency's assessment: its working group answers the questions, rates each dimension
from 0 to 5 with a justification, writes findings per theme and a gender action plan. An anonymous
personnel survey (single-use links, no sign-in) reaches the wider staff.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from momentum.core.models import Agency, Country

MAX_RATING = 5
SURVEY_MIN_ANSWERS = 5  # survey results are shown only for groups of at least five
OBSERVER_MIN_AGENCIES = 3  # observers see aggregates over at least three agencies


class Theme(models.Model):
    code = models.SlugField(_("code"), max_length=40, unique=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    name = models.CharField(_("name"), max_length=200)

    class Meta:
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        ordering = ["order", "code"]

    def __str__(self) -> str:
        return str(self.name)


class Dimension(models.Model):
    theme = models.ForeignKey(Theme, on_delete=models.PROTECT, related_name="dimensions")
    code = models.SlugField(_("code"), max_length=40, unique=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    survey_statement = models.TextField(
        _("statement for the personnel survey"),
        blank=True,
        help_text=_("Left empty, the dimension is not part of the personnel survey."),
    )

    class Meta:
        verbose_name = _("dimension")
        verbose_name_plural = _("dimensions")
        ordering = ["theme__order", "order", "code"]

    def __str__(self) -> str:
        return str(self.name)


class QuestionKind(models.TextChoices):
    YES_PARTLY_NO = "yes_partly_no", _("Yes, partly or no")
    SCALE = "scale", _("Scale from 1 to 5")
    HEADCOUNT = "headcount", _("Headcount by sex and rank level")
    TEXT = "text", _("Text")


class Question(models.Model):
    dimension = models.ForeignKey(Dimension, on_delete=models.CASCADE, related_name="questions")
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    kind = models.CharField(_("kind"), max_length=20, choices=QuestionKind.choices)
    text = models.TextField(_("question"))

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["dimension", "order", "pk"]

    def __str__(self) -> str:
        return str(self.text)


class CycleStatus(models.TextChoices):
    INVITED = "invited", _("Invited")
    IN_PROGRESS = "in_progress", _("In progress")
    COMPLETED = "completed", _("Completed")


class CycleQuerySet(models.QuerySet["Cycle"]):
    def visible_to(self, user: Any) -> CycleQuerySet:
        """Staff see every cycle; a focal point her countries'; a working group its own."""
        from momentum.people.models import Role

        if not getattr(user, "is_authenticated", False):
            return self.none()
        if user.is_programme_staff:
            return self
        countries = user.countries_for(Role.FOCAL_POINT)
        return self.filter(
            models.Q(country_id__in=countries) | models.Q(members=user) | models.Q(lead=user)
        ).distinct()


class Cycle(models.Model):
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="gender_cycles")
    country = models.ForeignKey(Country, on_delete=models.PROTECT, related_name="+")
    year = models.PositiveSmallIntegerField(_("year"))
    status = models.CharField(
        _("status"), max_length=20, choices=CycleStatus.choices, default=CycleStatus.INVITED
    )
    lead = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("gender focal point of the agency"),
    )
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL, related_name="gender_cycles", blank=True
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    previous = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("invited"), default=timezone.now)
    completed_at = models.DateTimeField(_("completed"), null=True, blank=True)

    objects = CycleQuerySet.as_manager()

    class Meta:
        verbose_name = _("self-assessment cycle")
        verbose_name_plural = _("self-assessment cycles")
        ordering = ["-year", "country__code", "agency__name"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "year"], name="one_cycle_per_agency_year")
        ]

    def __str__(self) -> str:
        return f"{self.agency} · {self.year}"

    def has_in_group(self, user: Any) -> bool:
        return user.pk == self.lead_id or any(m.pk == user.pk for m in self.members.all())


class Answer(models.Model):
    """One working-group member's answer to one question of a cycle."""

    cycle = models.ForeignKey(Cycle, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="+")
    respondent = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    choice = models.CharField(max_length=10, blank=True)  # yes / partly / no
    scale = models.PositiveSmallIntegerField(null=True, blank=True)
    grid = models.JSONField(default=dict, blank=True)  # {rank level: {female, male, total}}
    text = models.TextField(blank=True)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["cycle", "question", "respondent"], name="one_answer_per_respondent"
            )
        ]

    def __str__(self) -> str:
        return f"{self.question_id} · {self.respondent_id}"


class Rating(models.Model):
    """The working group's maturity rating of a dimension (0 to 5), justified."""

    cycle = models.ForeignKey(Cycle, on_delete=models.CASCADE, related_name="ratings")
    dimension = models.ForeignKey(Dimension, on_delete=models.PROTECT, related_name="+")
    score = models.PositiveSmallIntegerField(_("rating"))
    justification = models.TextField(_("justification"))
    evidence = models.FileField(_("evidence"), upload_to="selfassessment/%Y/", blank=True)
    evidence_name = models.CharField(max_length=200, blank=True)
    rated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    rated_at = models.DateTimeField(default=timezone.now)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["cycle", "dimension"], name="one_rating_per_dimension"),
            models.CheckConstraint(
                condition=models.Q(score__lte=MAX_RATING), name="rating_at_most_five"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.dimension_id} · {self.score}"


class SurveyLink(models.Model):
    """A single-use link to the anonymous personnel survey. Only its hash is kept."""

    cycle = models.ForeignKey(Cycle, on_delete=models.CASCADE, related_name="survey_links")
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)
    answered_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.cycle_id} · {self.pk}"


class SurveyResponse(models.Model):
    """One anonymous answer to a statement: no link back to the link that carried it."""

    cycle = models.ForeignKey(Cycle, on_delete=models.CASCADE, related_name="survey_responses")
    dimension = models.ForeignKey(Dimension, on_delete=models.PROTECT, related_name="+")
    agreement = models.PositiveSmallIntegerField()  # 1 (strongly disagree) … 5 (strongly agree)

    def __str__(self) -> str:
        return f"{self.dimension_id} · {self.agreement}"


class Finding(models.Model):
    cycle = models.ForeignKey(Cycle, on_delete=models.CASCADE, related_name="findings")
    theme = models.ForeignKey(Theme, on_delete=models.PROTECT, related_name="+")
    text = models.TextField(_("finding"))
    written_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["theme__order", "created_at"]

    def __str__(self) -> str:
        return self.text[:60]


class ActionStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")
    DROPPED = "dropped", _("Dropped")


class Action(models.Model):
    """One action of the gender action plan."""

    cycle = models.ForeignKey(Cycle, on_delete=models.CASCADE, related_name="actions")
    dimension = models.ForeignKey(
        Dimension, on_delete=models.PROTECT, related_name="+", verbose_name=_("dimension")
    )
    title = models.CharField(_("action"), max_length=300)
    owner = models.CharField(_("owner"), max_length=200)
    due_on = models.DateField(_("due date"))
    status = models.CharField(
        _("status"), max_length=20, choices=ActionStatus.choices, default=ActionStatus.PLANNED
    )
    completion_evidence = models.TextField(_("evidence of completion"), blank=True)
    indicator = models.CharField(_("results indicator"), max_length=80, blank=True)
    toolkit_reference = models.CharField(_("toolkit tool"), max_length=200, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)
    reminded_on = models.DateField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["due_on", "pk"]

    def __str__(self) -> str:
        return self.title
