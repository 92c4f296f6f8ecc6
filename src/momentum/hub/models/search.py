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


class SearchWord(models.Model):
    """One token of one search entry (``core.text.index_tokens``): the narrow table a search
    matches on. The entry's space (0: readable by everyone who uses the hub) and date are
    copied here, so the newest matches of a token are read from one index, newest first, and
    reading stops as soon as a page's worth is found, however common the word; the entries'
    own rows (with their long keys) are read for those few only. Written and removed with the
    entry by ``hub.services.search_index``."""

    pk = models.CompositePrimaryKey("entry", "token")
    # The primary key (entry, token) serves the look-ups by entry: no index of its own.
    entry = models.ForeignKey(
        SearchEntry, on_delete=models.CASCADE, related_name="words", db_index=False
    )
    token = models.TextField()
    in_title = models.BooleanField(default=False)
    space_key = models.IntegerField(default=0)
    published_at = models.DateTimeField()

    class Meta:
        verbose_name = _("search word")
        verbose_name_plural = _("search words")
        indexes = [
            models.Index(
                fields=["token", "-published_at", "-entry"],
                include=["space_key"],
                name="hub_searchword_newest",
            ),
            models.Index(
                fields=["token", "-published_at", "-entry"],
                include=["space_key"],
                condition=models.Q(in_title=True),
                name="hub_searchword_title_newest",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.token} {self.entry_id}"


class SearchToken(models.Model):
    """How many entries hold each token: what a search reads first, in one short query, to
    know which of a query word's spellings the index holds at all (a count of zero: none) and
    which word of a query is the rarest, so that it is the one read (each row read is checked
    for the other words). Kept by ``hub.services.search_index`` as entries are written and
    removed; counted again from ``SearchWord`` when the index is rebuilt. Never lower than the
    truth: an entry removed outside the services (a cascade) leaves its tokens' counts a little
    high until the next rebuild, which only weighs on the choice of the word read first."""

    token = models.TextField(primary_key=True)
    entries = models.IntegerField(default=0)

    class Meta:
        verbose_name = _("search token")
        verbose_name_plural = _("search tokens")

    def __str__(self) -> str:
        return f"{self.token} {self.entries}"
