"""Written procedures between meetings: a draft or a question put to the board with a deadline,
optionally under the silence procedure."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from momentum.core.models import Country
from momentum.governance.models.minutes import Minutes


class ProcedureStatus(models.TextChoices):
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")


class ProcedureOutcome(models.TextChoices):
    ADOPTED = "adopted", _("Adopted")
    REJECTED = "rejected", _("Not adopted")


class WrittenProcedureQuerySet(models.QuerySet["WrittenProcedure"]):
    def visible_to(self, user: Any) -> WrittenProcedureQuerySet:
        from momentum.governance.rules import sees_board_business

        return self if sees_board_business(user) else self.none()


class WrittenProcedure(models.Model):
    title = models.CharField(_("title"), max_length=200)
    question = models.TextField(_("question or draft put to the board"))
    link = models.URLField(_("link to the record"), blank=True)
    document = models.FileField(_("document"), upload_to="governance/procedures/", blank=True)
    minutes = models.ForeignKey(
        Minutes,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="procedures",
        verbose_name=_("minutes to approve"),
    )
    silence = models.BooleanField(
        _("silence procedure"),
        default=False,
        help_text=_("Adopted unless a member objects by the deadline."),
    )
    opened_at = models.DateTimeField(default=timezone.now)
    deadline = models.DateTimeField(_("deadline"))
    status = models.CharField(
        _("status"), max_length=20, choices=ProcedureStatus.choices, default=ProcedureStatus.OPEN
    )
    outcome = models.CharField(
        _("outcome"), max_length=20, choices=ProcedureOutcome.choices, blank=True
    )
    outcome_reason = models.TextField(_("why"), blank=True)
    reminder_sent_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    objects = WrittenProcedureQuerySet.as_manager()

    class Meta:
        verbose_name = _("written procedure")
        verbose_name_plural = _("written procedures")
        ordering = ["-deadline"]

    def __str__(self) -> str:
        return self.title


class AnswerChoice(models.TextChoices):
    APPROVE = "approve", _("Approve")
    OBJECT = "object", _("Object")
    COMMENT = "comment", _("Comment without objecting")


class ProcedureAnswer(models.Model):
    """A country's one answer, named."""

    procedure = models.ForeignKey(
        WrittenProcedure, on_delete=models.CASCADE, related_name="answers"
    )
    country = models.ForeignKey(Country, on_delete=models.PROTECT, related_name="+")
    choice = models.CharField(_("answer"), max_length=10, choices=AnswerChoice.choices)
    text = models.TextField(_("reason or comment"), blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    answered_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        ordering = ["procedure", "country__code"]
        constraints = [
            models.UniqueConstraint(
                fields=["procedure", "country"], name="procedure_answer_one_per_country"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.country.code}: {self.choice}"
