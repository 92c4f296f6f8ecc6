"""Meetings: ordinary, extraordinary and working groups; their trilingual agenda, documents and
attendance, with proxies."""

from __future__ import annotations

from typing import Any

from django.db import models
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from momentum.core.models import Country
from momentum.governance.models.members import BoardMember


def in_language(obj: Any, field: str, language: str | None = None) -> str:
    """``obj.<field>_<language>``, falling back to English, French then Arabic."""
    language = (language or get_language() or "en")[:2]
    for code in (language, "en", "fr", "ar"):
        value = getattr(obj, f"{field}_{code}", "")
        if value:
            return str(value)
    return ""


class MeetingKind(models.TextChoices):
    ORDINARY = "ordinary", _("Ordinary meeting")
    EXTRAORDINARY = "extraordinary", _("Extraordinary meeting")
    WORKING_GROUP = "working_group", _("Working group")


class MeetingFormat(models.TextChoices):
    IN_PERSON = "in_person", _("In person")
    ONLINE = "online", _("Online")


class MeetingStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    CONVENED = "convened", _("Invitations sent")
    HELD = "held", _("Held")
    CANCELLED = "cancelled", _("Cancelled")


class QuorumRule(models.TextChoices):
    MAJORITY = "majority", _("A majority of the countries")
    TWO_THIRDS = "two_thirds", _("Two thirds of the countries")
    ALL = "all", _("Every country")


class MeetingQuerySet(models.QuerySet["Meeting"]):
    def visible_to(self, user: Any) -> MeetingQuerySet:
        from momentum.governance.rules import sees_board_business

        return self if sees_board_business(user) else self.none()


class Meeting(models.Model):
    kind = models.CharField(_("kind"), max_length=20, choices=MeetingKind.choices)
    format = models.CharField(_("format"), max_length=20, choices=MeetingFormat.choices)
    title_ar = models.CharField(_("title (Arabic)"), max_length=200, blank=True)
    title_fr = models.CharField(_("title (French)"), max_length=200, blank=True)
    title_en = models.CharField(_("title (English)"), max_length=200, blank=True)
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    location = models.CharField(_("place"), max_length=200, blank=True)
    online_link = models.URLField(_("online meeting link"), blank=True)
    notice_days = models.PositiveSmallIntegerField(_("notice period (days)"), default=21)
    requested_by = models.TextField(
        _("written request"),
        blank=True,
        help_text=_("For an extraordinary meeting: who asked for it in writing, and when."),
    )
    quorum_rule = models.CharField(
        _("quorum"), max_length=20, choices=QuorumRule.choices, default=QuorumRule.MAJORITY
    )
    status = models.CharField(
        _("status"), max_length=20, choices=MeetingStatus.choices, default=MeetingStatus.PLANNED
    )
    invitations_sent_at = models.DateTimeField(null=True, blank=True)
    sequence = models.PositiveIntegerField(default=0)  # the .ics SEQUENCE, raised on changes
    created_at = models.DateTimeField(default=timezone.now)

    objects = MeetingQuerySet.as_manager()

    class Meta:
        verbose_name = _("board meeting")
        verbose_name_plural = _("board meetings")
        ordering = ["-starts_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")),
                name="board_meeting_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def title(self) -> str:
        return in_language(self, "title")


class AgendaItem(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="agenda")
    position = models.PositiveSmallIntegerField(_("position"))
    title_ar = models.CharField(_("title (Arabic)"), max_length=300, blank=True)
    title_fr = models.CharField(_("title (French)"), max_length=300, blank=True)
    title_en = models.CharField(_("title (English)"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")
        ordering = ["meeting", "position"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "position"], name="agenda_item_position"),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def title(self) -> str:
        return in_language(self, "title")


class MeetingDocument(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="documents")
    agenda_item = models.ForeignKey(
        AgendaItem, on_delete=models.SET_NULL, null=True, blank=True, related_name="documents"
    )
    title = models.CharField(_("title"), max_length=200)
    language = models.CharField(_("language"), max_length=2, blank=True)
    file = models.FileField(_("file"), upload_to="governance/documents/", blank=True)
    url = models.URLField(_("link"), blank=True)
    added_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("meeting document")
        verbose_name_plural = _("meeting documents")
        ordering = ["meeting", "agenda_item__position", "title"]

    def __str__(self) -> str:
        return self.title


class AttendanceStatus(models.TextChoices):
    INVITED = "invited", _("Invited")
    CONFIRMED = "confirmed", _("Confirmed")
    DECLINED = "declined", _("Declined")
    PRESENT = "present", _("Present")
    REPRESENTED = "represented", _("Represented by proxy")
    ABSENT = "absent", _("Absent")


# The countries counted for the quorum.
PRESENT_STATUSES = (AttendanceStatus.PRESENT, AttendanceStatus.REPRESENTED)


class Attendance(models.Model):
    """One country's place at a meeting: who was invited, who came, who holds its proxy."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendances")
    country = models.ForeignKey(Country, on_delete=models.PROTECT, related_name="+")
    member = models.ForeignKey(
        BoardMember, on_delete=models.PROTECT, null=True, blank=True, related_name="attendances"
    )
    status = models.CharField(
        _("attendance"),
        max_length=20,
        choices=AttendanceStatus.choices,
        default=AttendanceStatus.INVITED,
    )
    proxy = models.ForeignKey(
        BoardMember,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="proxies_held",
        verbose_name=_("proxy"),
        help_text=_("The alternate or another member who speaks and votes for the country."),
    )
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        ordering = ["meeting", "country__code"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "country"], name="attendance_one_per_country"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.meeting} — {self.country.code}"
