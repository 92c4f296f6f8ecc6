"""Requests to the support office, their messages and attachments, categories and queues."""

from __future__ import annotations

import secrets
from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from momentum.core.models import Country
from momentum.people.models import Language

REFERENCE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I


def new_reference() -> str:
    return "SUP-" + "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(8))


def new_access_token() -> str:
    return secrets.token_urlsafe(24)


class Category(models.Model):
    """What a request is about; routes it to a queue of staff and sets its targets."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=150)  # name_ar, name_fr, name_en
    first_response_hours = models.PositiveIntegerField(
        _("first response target (working hours)"), default=8
    )
    resolution_hours = models.PositiveIntegerField(
        _("resolution target (working hours)"), default=40
    )
    queue = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="support_queues",
        verbose_name=_("staff answering"),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=100)

    class Meta:
        verbose_name = _("category")
        verbose_name_plural = _("categories")
        ordering = ["order", "code"]

    def __str__(self) -> str:
        return self.name


class Status(models.TextChoices):
    NEW = "new", pgettext_lazy("support request", "New")
    OPEN = "open", pgettext_lazy("support request", "Open")
    WAITING = "waiting", pgettext_lazy("support request", "Waiting for the asker")
    RESOLVED = "resolved", pgettext_lazy("support request", "Resolved")
    CLOSED = "closed", pgettext_lazy("support request", "Closed")
    MERGED = "merged", pgettext_lazy("support request", "Merged into another request")


ACTIVE_STATUSES = (Status.NEW, Status.OPEN, Status.WAITING)


class Rating(models.TextChoices):
    GOOD = "good", _("Yes, it was answered")
    BAD = "bad", _("No, it was not")


class RequestQuerySet(models.QuerySet["Request"]):
    def visible_to(self, user: Any) -> RequestQuerySet:
        """Staff see every request; everyone else sees only the requests they asked.

        Focal points do not see their officers' requests: a question to the support office
        may be about a personal matter (travel, health, a nomination declined)."""
        if not getattr(user, "is_authenticated", False):
            return self.none()
        if user.is_programme_staff:
            return self.all()
        return self.filter(requester=user)

    def active(self) -> RequestQuerySet:
        return self.filter(status__in=ACTIVE_STATUSES)

    def breached(self, now: Any = None) -> RequestQuerySet:
        """Active requests past a target: first response not given in time, or not resolved
        in time (the resolution clock does not run while waiting for the asker)."""
        now = now or timezone.now()
        return self.filter(
            Q(
                first_response_at__isnull=True,
                first_response_due__lt=now,
                status__in=ACTIVE_STATUSES,
            )
            | Q(status__in=(Status.NEW, Status.OPEN), resolution_due__lt=now)
        )


class Request(models.Model):
    """A question to the support office, from a signed-in person or a visitor."""

    reference = models.CharField(_("reference"), max_length=16, unique=True, default=new_reference)
    access_token = models.CharField(max_length=64, unique=True, default=new_access_token)
    requester = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="support_requests",
        verbose_name=_("asker"),
    )
    # A visitor's contact (the public form); for a signed-in asker, her account's.
    contact_name = models.CharField(_("name"), max_length=200, blank=True)
    contact_email = models.EmailField(_("e-mail address"), blank=True)
    language = models.CharField(
        _("language"), max_length=2, choices=Language.choices, default=Language.ENGLISH
    )
    country = models.ForeignKey(
        Country, on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("country")
    )
    category = models.ForeignKey(
        Category, on_delete=models.PROTECT, related_name="requests", verbose_name=_("category")
    )
    subject = models.CharField(_("subject"), max_length=200)
    description = models.TextField(_("description"))
    # What the request was opened from (a training session, a mentoring application).
    about_kind = models.CharField(max_length=40, blank=True)
    about_id = models.PositiveIntegerField(null=True, blank=True)
    about_label = models.CharField(max_length=250, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.NEW
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="support_assigned",
        verbose_name=_("assigned to"),
    )
    merged_into = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="duplicates"
    )
    follow_up_of = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="follow_ups"
    )
    created_at = models.DateTimeField(_("opened"), default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(default=timezone.now)
    # Service levels, in the asker's country's working hours (see support.hours).
    first_response_due = models.DateTimeField(_("first response due"))
    first_response_at = models.DateTimeField(_("first response"), null=True, blank=True)
    first_response_seconds = models.PositiveIntegerField(null=True, blank=True)
    resolution_due = models.DateTimeField(_("resolution due"))
    # While waiting for the asker the clock stops: the working time left is kept here.
    resolution_left_seconds = models.PositiveIntegerField(null=True, blank=True)
    waiting_since = models.DateTimeField(null=True, blank=True)
    resolved_at = models.DateTimeField(_("resolved"), null=True, blank=True)
    resolved_within_target = models.BooleanField(null=True, blank=True)
    warned_at = models.DateTimeField(null=True, blank=True)
    rating = models.CharField(_("satisfaction"), max_length=4, choices=Rating.choices, blank=True)
    source_address = models.CharField(max_length=64, blank=True)  # hashed, for flood limits
    version = models.PositiveIntegerField(default=1)

    objects = RequestQuerySet.as_manager()

    class Meta:
        verbose_name = _("support request")
        verbose_name_plural = _("support requests")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["status", "first_response_due"]),
            models.Index(fields=["status", "resolution_due"]),
            models.Index(fields=["contact_email", "created_at"]),
            models.Index(fields=["source_address", "created_at"]),
        ]

    def __str__(self) -> str:
        return f"{self.reference} {self.subject}"

    @property
    def asker_email(self) -> str:
        return self.requester.email if self.requester_id and self.requester else self.contact_email

    @property
    def is_active(self) -> bool:
        return self.status in ACTIVE_STATUSES

    @property
    def is_breached(self) -> bool:
        now = timezone.now()
        if self.first_response_at is None and self.is_active and self.first_response_due < now:
            return True
        return self.status in (Status.NEW, Status.OPEN) and self.resolution_due < now


class MessageKind(models.TextChoices):
    ASKER = "asker", _("From the asker")
    REPLY = "reply", _("Reply")
    NOTE = "note", _("Internal note")
    EVENT = "event", _("Change")


class Message(models.Model):
    """One entry of a request's conversation. Notes are for staff only."""

    request = models.ForeignKey(Request, on_delete=models.CASCADE, related_name="messages")
    kind = models.CharField(max_length=6, choices=MessageKind.choices)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True
    )
    body = models.TextField()
    by_email = models.BooleanField(default=False)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.request.reference} {self.kind}"


def _attachment_path(instance: Attachment, filename: str) -> str:
    return f"support/{instance.request_id}/{secrets.token_hex(8)}"


class Attachment(models.Model):
    request = models.ForeignKey(Request, on_delete=models.CASCADE, related_name="attachments")
    message = models.ForeignKey(
        Message, on_delete=models.CASCADE, null=True, blank=True, related_name="attachments"
    )
    name = models.CharField(max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    file = models.FileField(upload_to=_attachment_path)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return self.name


class CannedReply(models.Model):
    """A ready answer staff start from; written in the three languages."""

    title = models.CharField(_("title"), max_length=150)  # title_ar, title_fr, title_en
    body = models.TextField(_("text"))  # body_ar, body_fr, body_en
    category = models.ForeignKey(
        Category, on_delete=models.CASCADE, null=True, blank=True, verbose_name=_("category")
    )

    class Meta:
        verbose_name = _("canned reply")
        verbose_name_plural = _("canned replies")
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title


class HeldReason(models.TextChoices):
    NO_REFERENCE = "no_reference", _("No request reference in the subject")
    UNKNOWN_SENDER = "unknown_sender", _("Sent from an address that is not the asker's")
    MALFORMED = "malformed", _("The message could not be read")


class HeldMail(models.Model):
    """An incoming e-mail set aside for staff instead of being attached to a request."""

    reason = models.CharField(_("reason"), max_length=20, choices=HeldReason.choices)
    request = models.ForeignKey(
        Request, on_delete=models.SET_NULL, null=True, blank=True, related_name="held_mail"
    )
    sender = models.CharField(_("sender"), max_length=254, blank=True)
    subject = models.CharField(_("subject"), max_length=250, blank=True)
    body = models.TextField(blank=True)
    raw = models.BinaryField()
    received_at = models.DateTimeField(default=timezone.now)
    released_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("held e-mail")
        verbose_name_plural = _("held e-mails")
        ordering = ["-received_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.sender}: {self.subject}"
