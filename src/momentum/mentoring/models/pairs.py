from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from momentum.mentoring.models.applications import Application
from momentum.mentoring.models.cohorts import Cohort
from momentum.mentoring.models.mentors import MentorProfile


class PairingStatus(models.TextChoices):
    PROPOSED = "proposed", _("Proposed, not published")
    ACTIVE = "active", _("Active")
    ENDED_EARLY = "ended_early", _("Ended early")
    COMPLETED = "completed", _("Completed")


class Pairing(models.Model):
    """A mentee and her mentor. Proposed by the matching, reviewed and published by staff."""

    cohort = models.ForeignKey(Cohort, on_delete=models.CASCADE, related_name="pairings")
    mentee = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="pairings")
    mentor = models.ForeignKey(MentorProfile, on_delete=models.PROTECT, related_name="pairings")
    status = models.CharField(
        _("status"), max_length=20, choices=PairingStatus.choices, default=PairingStatus.PROPOSED
    )
    # The matching score (0–100) and its parts, frozen when proposed, so staff see why.
    score = models.DecimalField(max_digits=5, decimal_places=2, default=0)
    score_parts = models.JSONField(default=list, blank=True)
    set_by_hand = models.BooleanField(default=False)
    proposed_at = models.DateTimeField(default=timezone.now)
    published_at = models.DateTimeField(null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    ended_at = models.DateTimeField(null=True, blank=True)
    end_reason = models.TextField(_("why the pair ended"), blank=True)
    # When both sides were last nudged for going 30 days without a meeting (at most once
    # every 30 days).
    reminded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("mentoring pair")
        verbose_name_plural = _("mentoring pairs")
        ordering = ["cohort", "mentee__country__code", "pk"]
        constraints = [
            # A mentee has at most one current (proposed or active) pair.
            models.UniqueConstraint(
                fields=["mentee"],
                condition=Q(status__in=["proposed", "active"]),
                name="one_current_pair_per_mentee",
            )
        ]
        indexes = [models.Index(fields=["mentor", "status"])]

    def __str__(self) -> str:
        return f"{self.mentee_id} ↔ {self.mentor_id}"


class GoalStatus(models.TextChoices):
    NOT_STARTED = "not_started", _("Not started")
    IN_PROGRESS = "in_progress", _("In progress")
    ACHIEVED = "achieved", _("Achieved")
    DROPPED = "dropped", _("Dropped")


class DevelopmentPlan(models.Model):
    pairing = models.OneToOneField(Pairing, on_delete=models.CASCADE, related_name="plan")
    summary = models.TextField(_("summary"), blank=True)
    reviewed_at = models.DateTimeField(null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    updated_at = models.DateTimeField(default=timezone.now)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("development plan")
        verbose_name_plural = _("development plans")

    def __str__(self) -> str:
        return f"plan of {self.pairing_id}"


class PlanGoal(models.Model):
    plan = models.ForeignKey(DevelopmentPlan, on_delete=models.CASCADE, related_name="goals")
    title = models.CharField(_("goal"), max_length=200)
    measure = models.TextField(_("how success is measured"), blank=True)
    target_date = models.DateField(_("target date"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=GoalStatus.choices, default=GoalStatus.NOT_STARTED
    )
    evidence = models.TextField(_("evidence"), blank=True)
    order = models.PositiveSmallIntegerField(default=0)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("plan goal")
        verbose_name_plural = _("plan goals")
        ordering = ["plan", "order", "pk"]

    def __str__(self) -> str:
        return self.title


class Milestone(models.Model):
    goal = models.ForeignKey(PlanGoal, on_delete=models.CASCADE, related_name="milestones")
    title = models.CharField(_("milestone"), max_length=200)
    due_on = models.DateField(_("due on"), null=True, blank=True)
    done_on = models.DateField(_("done on"), null=True, blank=True)

    class Meta:
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")
        ordering = ["goal", "due_on", "pk"]

    def __str__(self) -> str:
        return self.title


class MeetingMode(models.TextChoices):
    IN_PERSON = "in_person", _("In person")
    VIDEO = "video", _("Video call")
    PHONE = "phone", _("Phone call")
    MESSAGES = "messages", _("Written messages")


class Meeting(models.Model):
    pairing = models.ForeignKey(Pairing, on_delete=models.CASCADE, related_name="meetings")
    held_on = models.DateField(_("date"))
    duration_minutes = models.PositiveSmallIntegerField(_("duration in minutes"))
    mode = models.CharField(_("how you met"), max_length=20, choices=MeetingMode.choices)
    topics = models.TextField(_("topics"))
    next_steps = models.TextField(_("next steps"), blank=True)
    logged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["pairing", "-held_on", "-pk"]
        indexes = [models.Index(fields=["pairing", "held_on"])]

    def __str__(self) -> str:
        return f"{self.pairing_id} on {self.held_on}"


class MeetingNote(models.Model):
    """A private note on a meeting: only its author ever reads it (not staff, not the other
    side of the pair)."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="private_notes")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    text = models.TextField(_("private note"))

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["meeting", "author"], name="one_note_per_author")
        ]

    def __str__(self) -> str:
        return f"note on {self.meeting_id}"


class CheckIn(models.Model):
    """A periodic check-in of one side of a pair: 30 days after the start, then every 90."""

    pairing = models.ForeignKey(Pairing, on_delete=models.CASCADE, related_name="check_ins")
    respondent = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    due_on = models.DateField(_("due on"))
    submitted_at = models.DateTimeField(null=True, blank=True)
    satisfaction = models.PositiveSmallIntegerField(_("satisfaction (1 to 5)"), null=True)
    progress = models.PositiveSmallIntegerField(_("progress (1 to 5)"), null=True)
    comment = models.TextField(_("comment"), blank=True)
    reminded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("check-in")
        verbose_name_plural = _("check-ins")
        ordering = ["pairing", "due_on"]
        constraints = [
            models.UniqueConstraint(
                fields=["pairing", "respondent", "due_on"], name="one_check_in_per_due_date"
            ),
            models.CheckConstraint(
                condition=Q(satisfaction__isnull=True)
                | Q(satisfaction__gte=1, satisfaction__lte=5),
                name="check_in_satisfaction_1_to_5",
            ),
            models.CheckConstraint(
                condition=Q(progress__isnull=True) | Q(progress__gte=1, progress__lte=5),
                name="check_in_progress_1_to_5",
            ),
        ]

    def __str__(self) -> str:
        return f"check-in {self.pairing_id} {self.due_on}"


class LearningPathItem(models.Model):
    """A course of the training catalogue assigned to a mentee; progress comes from her
    training records."""

    mentee = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="learning_path")
    course = models.ForeignKey("training.Course", on_delete=models.PROTECT, related_name="+")
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    assigned_at = models.DateTimeField(default=timezone.now)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("learning path course")
        verbose_name_plural = _("learning path")
        ordering = ["mentee", "order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["mentee", "course"], name="one_path_item_per_course")
        ]

    def __str__(self) -> str:
        return f"{self.mentee_id}: {self.course_id}"
