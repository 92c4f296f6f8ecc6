"""Minutes: drafted, circulated for comments, revised, approved (then frozen) and published."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from momentum.governance.models.meetings import Meeting


class MinutesStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    CIRCULATED = "circulated", _("Circulated for comments")
    REVISED = "revised", _("Revised")
    APPROVED = "approved", _("Approved")
    PUBLISHED = "published", _("Published")


FROZEN_STATUSES = (MinutesStatus.APPROVED, MinutesStatus.PUBLISHED)


class ApprovalRoute(models.TextChoices):
    MEETING = "meeting", _("At the next meeting")
    WRITTEN_PROCEDURE = "written_procedure", _("By written procedure")


class Minutes(models.Model):
    meeting = models.OneToOneField(Meeting, on_delete=models.CASCADE, related_name="minutes")
    status = models.CharField(
        _("status"), max_length=20, choices=MinutesStatus.choices, default=MinutesStatus.DRAFT
    )
    comments_due = models.DateTimeField(_("comments due"), null=True, blank=True)
    approved_at = models.DateTimeField(null=True, blank=True)
    approved_by_route = models.CharField(max_length=20, choices=ApprovalRoute.choices, blank=True)
    approved_at_meeting = models.ForeignKey(
        Meeting, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    published_thread_id = models.PositiveIntegerField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1)  # optimistic lock for staff edits

    class Meta:
        verbose_name = _("minutes")
        verbose_name_plural = _("minutes")

    def __str__(self) -> str:
        return str(self.meeting)

    @property
    def is_frozen(self) -> bool:
        return self.status in FROZEN_STATUSES


class MinutesVersion(models.Model):
    minutes = models.ForeignKey(Minutes, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    text = models.TextField(_("text"))
    written_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["minutes", "number"]
        constraints = [
            models.UniqueConstraint(fields=["minutes", "number"], name="minutes_version_number"),
        ]

    def __str__(self) -> str:
        return f"{self.minutes} v{self.number}"


class MinutesComment(models.Model):
    minutes = models.ForeignKey(Minutes, on_delete=models.CASCADE, related_name="comments")
    on_version = models.PositiveIntegerField()
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    text = models.TextField(_("comment"))
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["minutes", "created_at"]

    def __str__(self) -> str:
        return self.text[:60]
