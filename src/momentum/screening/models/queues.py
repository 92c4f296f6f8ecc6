"""Training queues: a trainer's list of travellers, played by trainees one check at a time."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from momentum.screening.models.world import Presentation, World


class QueueStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    STARTED = "started", _("Started")


class Difficulty(models.TextChoices):
    EASY = "easy", _("Easy")
    MIXED = "mixed", _("Mixed")
    HARD = "hard", _("Hard")


class Queue(models.Model):
    world = models.ForeignKey(World, on_delete=models.PROTECT, related_name="queues")
    title = models.CharField(_("title"), max_length=120)
    difficulty = models.CharField(
        _("difficulty"), max_length=10, choices=Difficulty.choices, default=Difficulty.MIXED
    )
    trainer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="screening_queues"
    )
    status = models.CharField(max_length=10, choices=QueueStatus.choices, default=QueueStatus.DRAFT)
    # A queue given for a training session whose course asks for a practical assessment: each
    # trainee's share of correct decisions is recorded there when she finishes.
    session = models.ForeignKey(
        "training.Session",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("counts for the session"),
    )
    created_at = models.DateTimeField(default=timezone.now)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.title


class QueueItem(models.Model):
    queue = models.ForeignKey(Queue, on_delete=models.CASCADE, related_name="items")
    position = models.PositiveSmallIntegerField()
    presentation = models.ForeignKey(Presentation, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["position"]
        constraints = [
            models.UniqueConstraint(fields=["queue", "position"], name="scr_item_position_unique")
        ]

    def __str__(self) -> str:
        return f"{self.queue_id}#{self.position}"


class Play(models.Model):
    """One trainee's run through a queue."""

    queue = models.ForeignKey(Queue, on_delete=models.PROTECT, related_name="plays")
    trainee = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="screening_plays"
    )
    assigned_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-assigned_at"]
        constraints = [models.UniqueConstraint(fields=["queue", "trainee"], name="scr_play_unique")]

    def __str__(self) -> str:
        return f"{self.queue_id}/{self.trainee_id}"


class Decision(models.TextChoices):
    HIT = "hit", _("Hit")
    NO_HIT = "no_hit", _("No hit")
    REFER = "refer", _("Refer")


class Check(models.Model):
    """One traveller screened by a trainee: opened, then decided once."""

    play = models.ForeignKey(Play, on_delete=models.CASCADE, related_name="checks")
    item = models.ForeignKey(QueueItem, on_delete=models.CASCADE, related_name="checks")
    opened_at = models.DateTimeField(default=timezone.now)
    decided_at = models.DateTimeField(null=True, blank=True)
    decision = models.CharField(max_length=10, choices=Decision.choices, blank=True)
    note = models.TextField(blank=True)
    seconds = models.FloatField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["play", "item"], name="scr_check_unique")]

    def __str__(self) -> str:
        return f"{self.play_id}/{self.item_id}: {self.decision or '-'}"
