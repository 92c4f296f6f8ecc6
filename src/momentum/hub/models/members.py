from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from momentum.hub.models.spaces import Space


class MembershipStatus(models.TextChoices):
    ACTIVE = "active", _("Member")
    REQUESTED = "requested", _("Asked to join")
    INVITED = "invited", _("Invited")
    DECLINED = "declined", _("Request declined")
    REMOVED = "removed", _("Removed by a moderator")
    LEFT = "left", _("Left the space")


class MemberRole(models.TextChoices):
    MEMBER = "member", _("Member")
    MODERATOR = "moderator", _("Moderator")


class Membership(models.Model):
    space = models.ForeignKey(Space, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="hub_memberships"
    )
    role = models.CharField(
        _("role"), max_length=20, choices=MemberRole.choices, default=MemberRole.MEMBER
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=MembershipStatus.choices,
        default=MembershipStatus.ACTIVE,
    )
    request_message = models.TextField(_("message to the moderators"), blank=True)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    reason = models.TextField(_("reason"), blank=True)
    # Published posts in this space: a new member's first ones may be held (Space.hold_first_posts).
    published_posts = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(default=timezone.now)
    joined_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ["space", "-role", "joined_at"]
        constraints = [
            models.UniqueConstraint(fields=["space", "user"], name="one_membership_per_space")
        ]
        indexes = [models.Index(fields=["user", "status"])]

    def __str__(self) -> str:
        return f"{self.user_id} in {self.space_id}"

    @property
    def is_active(self) -> bool:
        return self.status == MembershipStatus.ACTIVE

    @property
    def is_moderator(self) -> bool:
        return self.is_active and self.role == MemberRole.MODERATOR


class NameDisplay(models.TextChoices):
    FULL = "full", _("My full name")
    INITIALS = "initials", _("My initials only")


class DigestFrequency(models.TextChoices):
    NEVER = "never", _("No digest")
    DAILY = "daily", _("Daily")
    WEEKLY = "weekly", _("Weekly")


class MemberSettings(models.Model):
    """How a person appears in the hub and what it sends them. Created on first use."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="hub_settings"
    )
    # Written after "@" to mention someone: Latin letters, digits, dot, dash, underscore.
    handle = models.CharField(_("handle"), max_length=30, unique=True)
    name_display = models.CharField(
        _("show others"), max_length=10, choices=NameDisplay.choices, default=NameDisplay.FULL
    )
    show_photo = models.BooleanField(_("show my photo"), default=False)
    photo = models.ImageField(_("photo"), upload_to="hub/photos/", blank=True)
    email_on_mention = models.BooleanField(_("e-mail me when someone mentions me"), default=True)
    email_on_reply = models.BooleanField(
        _("e-mail me when someone replies in a thread I take part in"), default=False
    )
    digest = models.CharField(
        _("digest"), max_length=10, choices=DigestFrequency.choices, default=DigestFrequency.WEEKLY
    )
    last_digest_at = models.DateTimeField(null=True, blank=True)
    # The last post a person published, for the rate limit on repeated posting.
    last_posted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("hub settings")
        verbose_name_plural = _("hub settings")

    def __str__(self) -> str:
        return self.handle
