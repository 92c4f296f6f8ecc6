from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from momentum.hub.models.resources import Resource
from momentum.hub.models.spaces import Space
from momentum.hub.models.threads import Post


class EntryKind(models.TextChoices):
    THREAD = "thread", _("Thread")
    REPLY = "reply", _("Reply")
    RESOURCE = "resource", _("Resource")


class SearchEntry(models.Model):
    """One searchable thing the hub shows: a published opening post (with its thread's title),
    reply or resource. Kept by the services as content is published, edited or hidden, so a
    search is one query on one table whatever it finds. ``space`` null: readable by everyone
    who uses the hub. Keys hold word tokens (``core.text.word_key``): ``title_key`` those of
    the title, ``words_key`` those of the title and the text together."""

    kind = models.CharField(max_length=10, choices=EntryKind.choices)
    post = models.OneToOneField(
        Post, on_delete=models.CASCADE, null=True, blank=True, related_name="search_entry"
    )
    resource = models.OneToOneField(
        Resource, on_delete=models.CASCADE, null=True, blank=True, related_name="search_entry"
    )
    space = models.ForeignKey(
        Space, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    language = models.CharField(max_length=2, blank=True)
    title_key = models.TextField(blank=True)
    words_key = models.TextField(blank=True)
    published_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("search entry")
        verbose_name_plural = _("search entries")
        indexes = [models.Index(fields=["space", "kind"])]

    def __str__(self) -> str:
        return f"{self.kind} {self.post_id or self.resource_id}"
