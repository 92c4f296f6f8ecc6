"""The search index: one ``SearchEntry`` per published opening post, reply and resource.

The publishing, moderation and resource services call ``index_*`` when something becomes
readable or changes, and ``unindex_*`` when it stops being readable, so a search is one query
on one table. Keys hold folded words (``core.text.search_key``): the same function folds the
query, so Arabic spelling variants and French accents match on SQLite and PostgreSQL alike.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from django.db import transaction

from momentum.core.text import search_key
from momentum.hub.models import EntryKind, Post, PostStatus, Resource, SearchEntry

_BATCH = 1000


def padded_key(*parts: str) -> str:
    """``search_key`` with a space at each end, so that a whole word is found anywhere in the
    key with one pattern (`` ab ``): short query words match whole words only."""
    key = search_key(*parts)
    return f" {key} " if key else ""


def _plain(body: str) -> str:
    try:
        from momentum.hub.markdown import plain_text
    except ImportError:  # pragma: no cover - the renderer ships with the hub
        return body
    return plain_text(body)


def _post_entry(post: Post) -> SearchEntry:
    thread = post.thread
    return SearchEntry(
        kind=EntryKind.THREAD if post.is_opening else EntryKind.REPLY,
        post=post,
        space_id=post.space_id,
        language=post.space.main_language,
        title_key=padded_key(thread.title) if post.is_opening else "",
        body_key=padded_key(_plain(post.body)),
        published_at=post.published_at or post.created_at,
    )


def _resource_entry(resource: Resource) -> SearchEntry:
    titles = [getattr(resource, f"title_{code}", "") or "" for code in ("en", "fr", "ar")]
    descriptions = [
        getattr(resource, f"description_{code}", "") or "" for code in ("en", "fr", "ar")
    ]
    tags = [tag.name for tag in resource.tags.all()]
    return SearchEntry(
        kind=EntryKind.RESOURCE,
        resource=resource,
        space_id=resource.space_id,
        language=resource.language,
        title_key=padded_key(*titles),
        body_key=padded_key(*descriptions, *tags),
        published_at=resource.created_at,
    )


def _is_searchable_post(post: Post) -> bool:
    return post.status == PostStatus.PUBLISHED and post.thread.status == PostStatus.PUBLISHED


def _upsert(entry: SearchEntry, **lookup: Any) -> SearchEntry:
    fields = ["kind", "space_id", "language", "title_key", "body_key", "published_at"]
    saved, _created = SearchEntry.objects.update_or_create(
        **lookup, defaults={name: getattr(entry, name) for name in fields}
    )
    return saved


def index_post(post: Post) -> SearchEntry | None:
    """Write (or rewrite) the entry of ``post``; removes it if the post is not published."""
    if not _is_searchable_post(post):
        unindex_post(post)
        return None
    return _upsert(_post_entry(post), post=post)


def unindex_post(post: Post) -> None:
    SearchEntry.objects.filter(post_id=post.pk).delete()


def index_resource(resource: Resource) -> SearchEntry | None:
    """Write (or rewrite) the entry of ``resource``: its three titles, descriptions and tags."""
    if not resource.is_published:
        unindex_resource(resource)
        return None
    return _upsert(_resource_entry(resource), resource=resource)


def unindex_resource(resource: Resource) -> None:
    SearchEntry.objects.filter(resource_id=resource.pk).delete()


def _batches(entries: Iterable[SearchEntry]) -> Iterator[list[SearchEntry]]:
    batch: list[SearchEntry] = []
    for entry in entries:
        batch.append(entry)
        if len(batch) >= _BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


def reindex_all() -> int:
    """Rebuild the whole index from the published posts and resources; returns its size."""
    posts = (
        Post.objects.filter(status=PostStatus.PUBLISHED, thread__status=PostStatus.PUBLISHED)
        .select_related("thread", "space")
        .order_by("pk")
    )
    resources = Resource.objects.filter(is_published=True).prefetch_related("tags").order_by("pk")
    total = 0
    with transaction.atomic():
        SearchEntry.objects.all().delete()
        for batch in _batches(_post_entry(post) for post in posts.iterator(chunk_size=_BATCH)):
            SearchEntry.objects.bulk_create(batch)
            total += len(batch)
        for batch in _batches(
            _resource_entry(resource) for resource in resources.iterator(chunk_size=_BATCH)
        ):
            SearchEntry.objects.bulk_create(batch)
            total += len(batch)
    return total
