"""The register of recommendations: the programme's response, actions with owners and due
dates, linked records, and when each was reported back to the board."""

from __future__ import annotations

from typing import Any

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from momentum.core.models import Country
from momentum.governance.models.meetings import Meeting
from momentum.governance.models.procedures import WrittenProcedure


class RecommendationSource(models.TextChoices):
    MEETING = "meeting", _("A board meeting")
    WRITTEN_PROCEDURE = "written_procedure", _("A written procedure")
    REGIONAL_REPORT = "regional_report", _("The regional report")
    EXERCISE = "exercise", _("An exercise's improvement plan")
    OTHER = "other", _("Other")


class Response(models.TextChoices):
    PENDING = "pending", _("Awaiting the programme's response")
    ACCEPTED = "accepted", _("Accepted")
    PARTLY = "partly", _("Partly accepted")
    REJECTED = "rejected", _("Rejected")


class RecommendationQuerySet(models.QuerySet["Recommendation"]):
    def visible_to(self, user: Any) -> RecommendationQuerySet:
        from momentum.governance.rules import sees_board_business

        return self if sees_board_business(user) else self.none()


class Recommendation(models.Model):
    reference = models.CharField(_("reference"), max_length=20, unique=True)
    text = models.TextField(_("recommendation"))
    source = models.CharField(_("source"), max_length=20, choices=RecommendationSource.choices)
    meeting = models.ForeignKey(
        Meeting, on_delete=models.PROTECT, null=True, blank=True, related_name="recommendations"
    )
    procedure = models.ForeignKey(
        WrittenProcedure,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="recommendations",
    )
    countries = models.ManyToManyField(
        Country,
        blank=True,
        related_name="+",
        verbose_name=_("countries concerned"),
        help_text=_("None: the whole region."),
    )
    response = models.CharField(
        _("programme's response"), max_length=20, choices=Response.choices, default=Response.PENDING
    )
    response_reason = models.TextField(_("reason"), blank=True)
    reported_back_at = models.ForeignKey(
        Meeting,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="reported_recommendations",
        verbose_name=_("reported back at"),
    )
    created_at = models.DateTimeField(default=timezone.now)
    version = models.PositiveIntegerField(default=1)

    objects = RecommendationQuerySet.as_manager()

    class Meta:
        verbose_name = _("recommendation")
        verbose_name_plural = _("recommendations")
        ordering = ["-created_at", "reference"]

    def __str__(self) -> str:
        return self.reference


class ActionStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")
    DROPPED = "dropped", _("Dropped")


OPEN_ACTION_STATUSES = (ActionStatus.PLANNED, ActionStatus.IN_PROGRESS)


class RecommendationAction(models.Model):
    recommendation = models.ForeignKey(
        Recommendation, on_delete=models.CASCADE, related_name="actions"
    )
    description = models.TextField(_("action"))
    owner = models.CharField(_("owner"), max_length=200)
    due_on = models.DateField(_("due"))
    status = models.CharField(
        _("status"), max_length=20, choices=ActionStatus.choices, default=ActionStatus.PLANNED
    )
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0)

    class Meta:
        verbose_name = _("action")
        verbose_name_plural = _("actions")
        ordering = ["recommendation", "due_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(progress__lte=100), name="recommendation_action_progress"
            ),
        ]

    def __str__(self) -> str:
        return self.description[:60]

    @property
    def is_overdue(self) -> bool:
        return self.status in OPEN_ACTION_STATUSES and self.due_on < timezone.localdate()


class LinkKind(models.TextChoices):
    COURSE = "course", _("Course")
    SESSION = "session", _("Training session")
    DOCUMENT = "document", _("Document")
    INDICATOR = "indicator", _("Indicator")
    OTHER = "other", _("Other")


class RecommendationLink(models.Model):
    recommendation = models.ForeignKey(
        Recommendation, on_delete=models.CASCADE, related_name="links"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=LinkKind.choices)
    label = models.CharField(_("label"), max_length=200)
    url = models.CharField(_("address"), max_length=500)

    class Meta:
        ordering = ["recommendation", "kind", "label"]

    def __str__(self) -> str:
        return self.label
