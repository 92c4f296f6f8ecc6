"""The Knowledge Hub digest: a daily or weekly e-mail, in each person's language, for everyone
who asks for one (``MemberSettings.digest``), not only the inactive.

A digest gathers, since the person's last digest (at most one period back: 24 hours or 7
days), the new threads and the most active threads of the spaces they may read, the new
resources they may read, and their unread notifications. An empty digest is not sent. Each
digest costs a fixed number of queries, whatever the number of threads; ``enqueue_digests``
queues one task per recipient (run by ``momentum worker``).

Sending is safe to repeat: a person is due once per period (``last_digest_at``), claimed with a
conditional update, so two runs or two workers never send the same digest twice."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, time, timedelta
from typing import Any

from django.conf import settings as django_settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.db.models import Count, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from momentum.core.models import Notification
from momentum.core.notifications import (
    absolute_url,
    email_settings_url,
    one_line,
    unsubscribe_headers,
    unsubscribe_url,
)
from momentum.hub.models import DigestFrequency, MemberSettings, PostStatus, Resource, Thread
from momentum.hub.selectors import access
from momentum.hub.selectors.resources import readable_resources
from momentum.hub.services.unsubscribe import DIGEST
from momentum.people.models import User

PERIODS = {
    DigestFrequency.DAILY: timedelta(days=1),
    DigestFrequency.WEEKLY: timedelta(days=7),
}
# A run started a little early (cron at 06:00, the last digest went at 06:20) still counts.
TOLERANCE = timedelta(hours=1)
NEW_THREADS = 10
ACTIVE_THREADS = 5
NEW_RESOURCES = 10
NOTIFICATIONS = 20


@dataclass
class Digest:
    """What one person's digest holds (nothing from a space they may not read)."""

    user: Any
    frequency: str
    since: datetime
    new_threads: list[Thread] = field(default_factory=list)
    active_threads: list[Thread] = field(default_factory=list)  # with ``recent_replies``
    resources: list[Resource] = field(default_factory=list)
    notifications: list[Notification] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not (self.new_threads or self.active_threads or self.resources or self.notifications)


def _period(frequency: str) -> timedelta:
    try:
        return PERIODS[DigestFrequency(frequency)]
    except (KeyError, ValueError) as error:
        raise ValueError(f"Not a digest frequency: {frequency!r}") from error


def _due(frequency: str, now: datetime) -> Q:
    cutoff = now - _period(frequency) + TOLERANCE
    return Q(digest=frequency) & (Q(last_digest_at__isnull=True) | Q(last_digest_at__lte=cutoff))


def due_recipients(frequency: str, *, now: datetime | None = None) -> list[int]:
    """The ids of the people whose ``frequency`` digest is due (one query)."""
    now = now or timezone.now()
    return list(
        MemberSettings.objects.filter(_due(frequency, now), user__is_active=True)
        .order_by("user_id")
        .values_list("user_id", flat=True)
    )


def enqueue_digests(*, frequency: str, now: datetime | None = None) -> int:
    """Queue one digest task per person due; returns how many were queued."""
    from momentum.hub.tasks import send_digest

    _period(frequency)  # refuse a bad frequency before anything is queued
    recipients = due_recipients(frequency, now=now)
    for user_id in recipients:
        send_digest.enqueue(user_id, frequency)
    return len(recipients)


def build_digest(user: Any, *, frequency: str, since: datetime) -> Digest:
    """``user``'s digest since ``since``: five queries (the spaces they read, new threads,
    active threads, new resources, unread notifications), plus the reader's roles once."""
    digest = Digest(user=user, frequency=frequency, since=since)
    space_ids = list(
        access.readable_spaces(user).filter(archived_at__isnull=True).values_list("pk", flat=True)
    )
    if space_ids:
        published = Thread.objects.filter(
            space_id__in=space_ids, status=PostStatus.PUBLISHED
        ).select_related("space")
        digest.new_threads = list(
            published.filter(created_at__gt=since).order_by("-created_at", "-pk")[:NEW_THREADS]
        )
        new_ids = [thread.pk for thread in digest.new_threads]
        digest.active_threads = list(
            published.exclude(pk__in=new_ids)
            .annotate(
                recent_replies=Count(
                    "posts",
                    filter=Q(
                        posts__status=PostStatus.PUBLISHED,
                        posts__is_opening=False,
                        posts__published_at__gt=since,
                    ),
                )
            )
            .filter(recent_replies__gt=0)
            .order_by("-recent_replies", "-last_posted_at", "-pk")[:ACTIVE_THREADS]
        )
    digest.resources = list(
        readable_resources(user)
        .filter(is_published=True, created_at__gt=since)
        .select_related("space")
        .order_by("-created_at", "-pk")[:NEW_RESOURCES]
    )
    digest.notifications = list(
        Notification.objects.filter(
            recipient=user, read_at__isnull=True, digested_at__isnull=True
        ).order_by("-created_at", "-pk")[:NOTIFICATIONS]
    )
    return digest


def _subject(frequency: str) -> str:
    if frequency == DigestFrequency.DAILY:
        return _("Your daily Knowledge Hub digest")
    return _("Your weekly Knowledge Hub digest")


def _path(name: str, pk: int) -> str:
    """``name``'s address in the active language (the e-mail is rendered in the reader's)."""
    return f"{django_settings.SITE_URL}{reverse(name, args=[pk])}"


def render_digest(digest: Digest) -> tuple[str, str, str, str | None]:
    """Subject, text, HTML and the unsubscribe address, in the reader's language."""
    user = digest.user
    language = user.preferred_language
    stop_url = unsubscribe_url(user, DIGEST, language)
    with translation.override(language):
        context = {
            "digest": digest,
            "recipient_name": user.display_name(language),
            "new_threads": [
                (thread, _path("hub:thread", thread.pk)) for thread in digest.new_threads
            ],
            "active_threads": [
                (thread, _path("hub:thread", thread.pk)) for thread in digest.active_threads
            ],
            "resources": [
                (resource, _path("hub:resource", resource.pk)) for resource in digest.resources
            ],
            "notifications": [
                (
                    notification.message_in(language),
                    _path("core:notification_open", notification.pk),
                )
                for notification in digest.notifications
            ],
            "hub_url": absolute_url("/hub/", language),
            "unsubscribe_url": stop_url,
            "settings_url": email_settings_url(language),
        }
        subject = one_line(_subject(digest.frequency))
        text = render_to_string("hub/email/digest.txt", context)
        html = render_to_string("hub/email/digest.html", context)
    return subject, text, html, stop_url


def send_digest(*, user_id: int, frequency: str, now: datetime | None = None) -> bool:
    """Build and send one person's digest if it is due and not empty. True when sent."""
    now = now or timezone.now()
    user = (
        User.objects.select_related("hub_settings", "profile")
        .filter(pk=user_id, is_active=True)
        .first()
    )
    settings = getattr(user, "hub_settings", None) if user is not None else None
    if user is None or settings is None or settings.digest != frequency:
        return False  # gone, or changed their mind since the run started
    since = now - _period(frequency)
    if settings.last_digest_at is not None and settings.last_digest_at > since:
        since = settings.last_digest_at
    digest = build_digest(user, frequency=frequency, since=since)
    if digest.is_empty:
        return False
    subject, text, html, stop_url = render_digest(digest)
    with transaction.atomic():
        # Claim the digest: another worker (or a second run) finds it no longer due.
        claimed = MemberSettings.objects.filter(_due(frequency, now), pk=settings.pk).update(
            last_digest_at=now
        )
        if not claimed:
            return False
        if digest.notifications:
            Notification.objects.filter(
                pk__in=[notification.pk for notification in digest.notifications]
            ).update(digested_at=now)
        email = EmailMultiAlternatives(
            subject, text, to=[user.email], headers=unsubscribe_headers(stop_url)
        )
        email.attach_alternative(html, "text/html")
        # Sent inside the transaction: if the mail server refuses it, nothing is marked and
        # the next run tries again.
        email.send()
    return True


# --- the next run -----------------------------------------------------------------------------
#
# Like training's follow-up surveys: when the task queue can wait (the database queue can),
# each run queues the next one (daily: tomorrow at DIGEST_HOUR, UTC; weekly: next Monday), so
# the digests go out with ``momentum worker`` alone. ``momentum send_hub_digests`` (cron) does
# the same work for a deployment that prefers cron, and starts the chain; both together are
# safe: a run already queued for that moment is not queued twice, and nobody gets two digests
# in one period.

DIGEST_HOUR = 6  # UTC: early morning from Rabat to Baghdad


def next_run(frequency: str, *, now: datetime | None = None) -> datetime:
    """When the next ``frequency`` run is due after ``now``."""
    now = (now or timezone.now()).astimezone(UTC)
    _period(frequency)
    at = datetime.combine(now.date(), time(DIGEST_HOUR), tzinfo=UTC)
    if frequency == DigestFrequency.WEEKLY:
        at += timedelta(days=(7 - at.weekday()) % 7)  # Monday
        while at <= now:
            at += timedelta(days=7)
    else:
        while at <= now:
            at += timedelta(days=1)
    return at


def _already_queued(frequency: str, run_after: datetime) -> bool:
    """A run of ``frequency`` already waits for ``run_after`` in the database queue."""
    from django_tasks import task_backends
    from django_tasks.base import TaskResultStatus

    from momentum.hub.tasks import send_digests

    try:
        from django_tasks_db.backend import DatabaseBackend
        from django_tasks_db.models import DBTaskResult
    except ImportError:  # pragma: no cover - the database queue is installed with the project
        return False
    if not isinstance(task_backends[send_digests.backend], DatabaseBackend):
        return False
    return DBTaskResult.objects.filter(
        task_path=send_digests.module_path,
        status=TaskResultStatus.READY,
        run_after=run_after,
        args_kwargs__args__0=frequency,
    ).exists()


def schedule_next_digests(frequency: str, *, now: datetime | None = None) -> datetime | None:
    """Queue the next ``frequency`` run when the queue can wait; returns when, or None."""
    from django_tasks import task_backends

    from momentum.hub.tasks import send_digests

    if not task_backends[send_digests.backend].supports_defer:
        return None
    run_after = next_run(frequency, now=now)
    if _already_queued(frequency, run_after):
        return None
    send_digests.using(run_after=run_after).enqueue(frequency)
    return run_after
