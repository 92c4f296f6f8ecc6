"""Anonymous evaluations. The answer and the fact of having answered are stored apart, so an
answer can never be traced to a person."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING, Any

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from momentum.training.models.nominations import Nomination
from momentum.training.models.sessions import Session

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

# Results are shown only for groups at least this large.
MIN_GROUP_SIZE = 5


class EvaluationKind(models.TextChoices):
    END_OF_SESSION = "end", _("End-of-session evaluation")
    FOLLOW_UP = "follow_up", _("Follow-up survey")


def _rating(label: StrOrPromise) -> models.PositiveSmallIntegerField:
    return models.PositiveSmallIntegerField(
        label, null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(5)]
    )


class Evaluation(models.Model):
    """One anonymous answer: no person, no time of day, a random key."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="evaluations")
    kind = models.CharField(max_length=10, choices=EvaluationKind.choices)
    relevance = _rating(_("relevance to my work"))
    content = _rating(_("content"))
    trainers = _rating(_("trainers"))
    organisation = _rating(_("organisation"))
    applied_on_job = _rating(_("I apply what I learned in my work"))
    comments = models.TextField(_("comments"), blank=True)
    submitted_on = models.DateField()
    # Which group of MIN_GROUP_SIZE answers this one belongs to (the first five are group 0):
    # results show whole groups only, so one more answer never changes what a reader sees.
    release_step = models.PositiveIntegerField(null=True, editable=False)

    class Meta:
        verbose_name = _("evaluation")
        verbose_name_plural = _("evaluations")

    def __str__(self) -> str:
        return f"{self.session} {self.kind}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self._state.adding and self.release_step is None:
            answered = Evaluation.objects.filter(session_id=self.session_id, kind=self.kind)
            self.release_step = answered.count() // MIN_GROUP_SIZE
        super().save(*args, **kwargs)


class EvaluationReceipt(models.Model):
    """That a participant has answered (so they answer once), never what."""

    nomination = models.ForeignKey(Nomination, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=10, choices=EvaluationKind.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["nomination", "kind"], name="one_evaluation_each")
        ]

    def __str__(self) -> str:
        return f"{self.nomination_id} {self.kind}"


class FollowUpInvitation(models.Model):
    """That a participant was sent the follow-up survey (so the sending command runs safely
    any number of times). Says nothing of whether or what they answered."""

    nomination = models.OneToOneField(Nomination, on_delete=models.CASCADE, related_name="+")
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("follow-up invitation")
        verbose_name_plural = _("follow-up invitations")

    def __str__(self) -> str:
        return f"{self.nomination_id} {self.sent_at:%Y-%m-%d}"
