from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from momentum.core.models import City, Country
from momentum.training.models.catalogue import Course, Delivery


class SessionStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    OPEN = "open", _("Open for nominations")
    SELECTION = "selection", _("Selection")
    CONFIRMED = "confirmed", _("Confirmed")
    RUNNING = "running", _("Running")
    COMPLETED = "completed", _("Completed")
    CLOSED = "closed", _("Closed")
    CANCELLED = "cancelled", _("Cancelled")


# The lifecycle: which status may follow which. Anything else is refused.
TRANSITIONS: dict[str, tuple[str, ...]] = {
    SessionStatus.DRAFT: (SessionStatus.OPEN, SessionStatus.CANCELLED),
    SessionStatus.OPEN: (SessionStatus.SELECTION, SessionStatus.CANCELLED),
    SessionStatus.SELECTION: (SessionStatus.CONFIRMED, SessionStatus.OPEN, SessionStatus.CANCELLED),
    SessionStatus.CONFIRMED: (SessionStatus.RUNNING, SessionStatus.CANCELLED),
    SessionStatus.RUNNING: (SessionStatus.COMPLETED,),
    SessionStatus.COMPLETED: (SessionStatus.CLOSED,),
    SessionStatus.CLOSED: (),
    SessionStatus.CANCELLED: (),
}


# How each status is coloured on pages (``status--<tone>`` in the stylesheet).
STATUS_TONES: dict[str, str] = {
    SessionStatus.DRAFT: "muted",
    SessionStatus.OPEN: "ok",
    SessionStatus.SELECTION: "warn",
    SessionStatus.CONFIRMED: "ok",
    SessionStatus.RUNNING: "ok",
    SessionStatus.COMPLETED: "muted",
    SessionStatus.CLOSED: "muted",
    SessionStatus.CANCELLED: "error",
}


class SessionQuerySet(models.QuerySet["Session"]):
    def visible_to(self, user: Any) -> SessionQuerySet:
        """Staff see every session; others see sessions past the draft stage, and trainers
        also the drafts they teach."""
        if not getattr(user, "is_authenticated", False):
            return self.none()
        if user.is_programme_staff:
            return self.all()
        # A subquery rather than a join on the trainers: no duplicate rows, so no DISTINCT, which
        # made PostgreSQL build and sort every visible session before taking a page of them.
        taught = Session.trainers.through.objects.filter(user_id=user.pk).values("session_id")
        return self.filter(~Q(status=SessionStatus.DRAFT) | Q(pk__in=taught))


class Session(models.Model):
    """One scheduled run of a course, with its seats shared out between countries."""

    course = models.ForeignKey(
        Course, on_delete=models.PROTECT, related_name="sessions", verbose_name=_("course")
    )
    starts_on = models.DateField(_("first day"))
    ends_on = models.DateField(_("last day"))
    time_zone = models.CharField(_("time zone"), max_length=64, default="UTC")
    delivery = models.CharField(_("delivery"), max_length=20, choices=Delivery.choices)
    venue_city = models.ForeignKey(
        City,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("city"),
    )
    venue_country = models.ForeignKey(
        Country,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("country of the venue"),
    )
    language = models.CharField(
        _("language of instruction"), max_length=2, choices=settings.LANGUAGES
    )
    interpretation = models.JSONField(_("interpretation into"), default=list, blank=True)
    capacity = models.PositiveSmallIntegerField(_("capacity"))
    women_target_percent = models.PositiveSmallIntegerField(
        _("target share of women (%)"), default=40
    )
    nomination_deadline = models.DateTimeField(_("nomination deadline"))
    trainers = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="sessions_taught",
        verbose_name=_("trainers"),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=SessionStatus.choices, default=SessionStatus.DRAFT
    )
    cancellation_reason = models.TextField(_("reason for the cancellation"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = SessionQuerySet.as_manager()

    class Meta:
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        ordering = ["-starts_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")), name="session_dates_in_order"
            ),
        ]
        indexes = [
            # A course's next session (the catalogue asks it for every course on the page).
            models.Index(fields=["course", "starts_on"], name="session_course_starts"),
            # The session list, newest first: its page is read from the index, not sorted.
            models.Index(fields=["-starts_on", "-id"], name="session_newest_first"),
        ]

    def __str__(self) -> str:
        return f"{self.course.code} {self.starts_on:%Y-%m-%d}"

    def can_move_to(self, status: str) -> bool:
        return status in TRANSITIONS.get(self.status, ())

    @property
    def status_tone(self) -> str:
        """The colour family the status is shown in (always beside its words)."""
        return STATUS_TONES.get(self.status, "muted")


class SeatQuota(models.Model):
    """The seats one country may fill in a session. Their sum never exceeds the capacity."""

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="quotas")
    country = models.ForeignKey(Country, on_delete=models.PROTECT, related_name="+")
    seats = models.PositiveSmallIntegerField(_("seats"))
    # Seats taken by selected participants. Only ever changed by a conditional UPDATE
    # (``selected < seats``) and guarded by a CHECK, so no race can overbook a country.
    selected = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("seat quota")
        verbose_name_plural = _("seat quotas")
        ordering = ["country__code"]
        constraints = [
            models.UniqueConstraint(fields=["session", "country"], name="one_quota_per_country"),
            models.CheckConstraint(
                condition=Q(selected__lte=models.F("seats")), name="quota_never_overbooked"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.session}: {self.country.code} × {self.seats}"

    @property
    def seats_left(self) -> int:
        return self.seats - self.selected


class CalendarFeed(models.Model):
    """A person's private calendar feed: whoever holds the token reads their sessions, so the
    token is long and random, and the person can replace it."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feed"
    )
    token = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("calendar feed")
        verbose_name_plural = _("calendar feeds")

    def __str__(self) -> str:
        # Never the token: this label is written to the audit log.
        return str(self.user)
