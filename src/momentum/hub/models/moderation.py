from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from momentum.hub.models.threads import Post
from momentum.people.models import Language


class FlagReason(models.TextChoices):
    OPERATIONAL = "operational", _("Operational information")
    PERSONAL_DATA = "personal_data", _("Personal data about someone")
    ABUSIVE = "abusive", _("Abusive or harassing")
    SPAM = "spam", _("Spam or advertising")
    OTHER = "other", _("Something else")


class FlagStatus(models.TextChoices):
    OPEN = "open", _("Waiting for a moderator")
    ACTED = "acted", _("Acted on")
    DISMISSED = "dismissed", _("Dismissed")


class Flag(models.Model):
    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="flags")
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="hub_flags"
    )
    reason = models.CharField(_("reason"), max_length=20, choices=FlagReason.choices)
    comment = models.TextField(_("comment"), blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=FlagStatus.choices, default=FlagStatus.OPEN
    )
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    resolved_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("flag")
        verbose_name_plural = _("flags")
        ordering = ["created_at"]
        constraints = [
            models.UniqueConstraint(fields=["post", "reporter"], name="one_flag_per_reporter")
        ]
        indexes = [models.Index(fields=["status", "post"])]

    def __str__(self) -> str:
        return f"flag {self.reason} on {self.post_id}"


class WatchedTerm(models.Model):
    """A word or phrase that sends a post to the moderators instead of publishing it."""

    phrase = models.CharField(_("word or phrase"), max_length=100)
    language = models.CharField(_("language"), max_length=2, choices=Language.choices)
    note = models.CharField(_("why it is watched"), max_length=200, blank=True)
    # One phrase a line: where the word is used in a benign sense ("target group").
    exceptions = models.TextField(_("phrases in which it does not count"), blank=True)
    is_active = models.BooleanField(_("active"), default=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("watched word or phrase")
        verbose_name_plural = _("watched words and phrases")
        ordering = ["language", "phrase"]
        constraints = [
            models.UniqueConstraint(fields=["phrase", "language"], name="watched_term_unique")
        ]

    def __str__(self) -> str:
        return self.phrase

    @property
    def exception_phrases(self) -> list[str]:
        return [line.strip() for line in self.exceptions.splitlines() if line.strip()]
