"""The search index: one ``SearchEntry`` per published opening post, reply and resource.

The publishing, moderation and resource services call ``index_*`` when something becomes
readable or changes, and ``unindex_*`` when it stops being readable, so a search is one query
on one table. Keys hold word tokens (``core.text.word_key``: folded words and their stems);
the query is folded by the same module, so Arabic spelling variants and French accents match on
SQLite and PostgreSQL alike. Each token is also written as a ``SearchWord`` row (with the
entry's space and date), which is what a search matches on, and counted in ``SearchToken``
(how many entries hold each token), which a search reads first to pick the word to read.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from typing import Any

from django.db import connection, transaction
from django.db.models import Count, Q

from momentum.core.text import word_key
from momentum.hub.models import (
    EntryKind,
    Post,
    PostStatus,
    Resource,
    SearchEntry,
    SearchToken,
    SearchWord,
)

_BATCH = 1000


def _stem_language(language: str) -> str:
    # Latin words of an Arabic-language space are stemmed in French and English.
    return language if language in ("en", "fr") else ""


def _plain(body: str) -> str:
    try:
        from momentum.hub.markdown import plain_text
    except ImportError:  # pragma: no cover - the renderer ships with the hub
        return body
    return plain_text(body)


def _post_entry(post: Post) -> SearchEntry:
    thread = post.thread
    language = _stem_language(post.space.main_language)
    title = thread.title if post.is_opening else ""
    return SearchEntry(
        kind=EntryKind.THREAD if post.is_opening else EntryKind.REPLY,
        post=post,
        space_id=post.space_id,
        language=post.space.main_language,
        title_key=word_key(title, language=language),
        words_key=word_key(title, _plain(post.body), language=language),
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
        title_key=word_key(*titles, language=_stem_language(resource.language)),
        words_key=word_key(
            *titles, *descriptions, *tags, language=_stem_language(resource.language)
        ),
        published_at=resource.created_at,
    )


def _is_searchable_post(post: Post) -> bool:
    return post.status == PostStatus.PUBLISHED and post.thread.status == PostStatus.PUBLISHED


# Longer tokens (a pasted code or encoded file, not a word anyone searches for) get no row: a
# database index entry must fit in a third of a page.
MAX_TOKEN_LENGTH = 200


def _words(entry: SearchEntry) -> list[SearchWord]:
    """The rows that let a search find ``entry``: one per token of its key, marked when the
    token is also in its title."""
    in_title = set(entry.title_key.split())
    return [
        SearchWord(
            entry=entry,
            token=token,
            in_title=token in in_title,
            space_key=entry.space_id or 0,
            published_at=entry.published_at,
        )
        for token in sorted(set(entry.words_key.split()))
        if len(token) <= MAX_TOKEN_LENGTH
    ]


# A token's count changed, added if new; the same SQL on SQLite and PostgreSQL.
_ADD_COUNT_SQL = """
INSERT INTO hub_searchtoken (token, entries) VALUES (%s, %s)
ON CONFLICT (token) DO UPDATE SET entries = hub_searchtoken.entries + excluded.entries
"""


def _add_counts(changes: Counter[str]) -> None:
    """Add ``changes`` (a number of entries, more or fewer, per token) to the tokens' counts,
    in token order (two writers lock the rows in the same order), in one batch of
    statements."""
    changed = sorted((token, change) for token, change in changes.items() if change)
    if changed:
        with connection.cursor() as cursor:
            cursor.executemany(_ADD_COUNT_SQL, changed)


def _remove(entries: Q) -> None:
    """Delete the entries ``entries`` selects (their words go with them), their tokens
    counted out first: one grouped query, the counts, the delete."""
    held = (
        SearchWord.objects.filter(entry__in=SearchEntry.objects.filter(entries).values("pk"))
        .values("token")
        .annotate(entries=Count("*"))
        .order_by()
        .values_list("token", "entries")
    )
    with transaction.atomic():
        _add_counts(Counter({token: -count for token, count in held}))
        SearchEntry.objects.filter(entries).delete()


def _upsert(entry: SearchEntry, **lookup: Any) -> SearchEntry:
    fields = ["kind", "space_id", "language", "title_key", "words_key", "published_at"]
    with transaction.atomic():
        saved, _created = SearchEntry.objects.update_or_create(
            **lookup, defaults={name: getattr(entry, name) for name in fields}
        )
        held = SearchWord.objects.filter(entry=saved)
        before = set(held.values_list("token", flat=True))
        held.delete()
        words = _words(saved)
        SearchWord.objects.bulk_create(words)
        after = {word.token for word in words}
        # Only the tokens gained or lost change a count (an edit keeps most of them).
        changes = Counter(dict.fromkeys(after - before, 1))
        changes.update(dict.fromkeys(before - after, -1))
        _add_counts(changes)
    return saved


def index_post(post: Post) -> SearchEntry | None:
    """Write (or rewrite) the entry of ``post``; removes it if the post is not published."""
    if not _is_searchable_post(post):
        unindex_post(post)
        return None
    return _upsert(_post_entry(post), post=post)


def unindex_post(post: Post) -> None:
    _remove(Q(post_id=post.pk))


def index_thread_replies(thread_id: int) -> int:
    """Write the entries of a thread's published replies (when the thread is published again);
    returns how many."""
    replies = (
        Post.objects.filter(thread_id=thread_id, status=PostStatus.PUBLISHED, is_opening=False)
        .select_related("thread", "space")
        .order_by("pk")
    )
    count = 0
    for reply in replies:
        count += index_post(reply) is not None
    return count


def unindex_thread(thread_id: int) -> None:
    """Remove every entry of a thread (its opening post and replies) when it stops being
    readable, e.g. hidden by a moderator."""
    _remove(Q(post__thread_id=thread_id))


def index_resource(resource: Resource) -> SearchEntry | None:
    """Write (or rewrite) the entry of ``resource``: its three titles, descriptions and tags."""
    if not resource.is_published:
        unindex_resource(resource)
        return None
    return _upsert(_resource_entry(resource), resource=resource)


def unindex_resource(resource: Resource) -> None:
    _remove(Q(resource_id=resource.pk))


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
        SearchWord.objects.all().delete()
        SearchEntry.objects.all().delete()
        for batch in _batches(_post_entry(post) for post in posts.iterator(chunk_size=_BATCH)):
            SearchEntry.objects.bulk_create(batch)
            total += len(batch)
        for batch in _batches(
            _resource_entry(resource) for resource in resources.iterator(chunk_size=_BATCH)
        ):
            SearchEntry.objects.bulk_create(batch)
            total += len(batch)
        rebuild_words()
    return total


# The words of every entry from its keys, in one statement: each token of ``words_key``, marked
# when ``title_key`` holds it too (keys are tokens between single spaces, each once).
_REBUILD_WORDS_SQL = """
INSERT INTO hub_searchword (entry_id, token, in_title, space_key, published_at)
SELECT entry.id, word.token,
       word.token = ANY (string_to_array(btrim(entry.title_key), ' ')),
       COALESCE(entry.space_id, 0), entry.published_at
FROM hub_searchentry AS entry
CROSS JOIN LATERAL unnest(string_to_array(btrim(entry.words_key), ' ')) AS word (token)
WHERE word.token <> '' AND char_length(word.token) <= %s
"""


def rebuild_words() -> int:
    """Write the ``SearchWord`` rows of every entry again from the entries' keys (after a
    bulk load, or when the table is new), and count the tokens again; returns how many rows.
    One statement on PostgreSQL, batches of entries elsewhere: the same rows."""
    with transaction.atomic():
        SearchWord.objects.all().delete()
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute(_REBUILD_WORDS_SQL, [MAX_TOKEN_LENGTH])
                total = int(cursor.rowcount)
        else:
            total = 0
            entries = SearchEntry.objects.only(
                "pk", "space_id", "published_at", "title_key", "words_key"
            ).order_by("pk")
            for batch in _batches(entries.iterator(chunk_size=_BATCH)):
                words = [word for entry in batch for word in _words(entry)]
                SearchWord.objects.bulk_create(words, batch_size=_BATCH)
                total += len(words)
        count_tokens()
        return total


_COUNT_TOKENS_SQL = """
INSERT INTO hub_searchtoken (token, entries)
SELECT token, COUNT(*) FROM hub_searchword GROUP BY token
"""


def count_tokens() -> int:
    """Count again how many entries hold each token, from the ``SearchWord`` rows (one
    statement); returns how many tokens."""
    with transaction.atomic():
        SearchToken.objects.all().delete()
        with connection.cursor() as cursor:
            cursor.execute(_COUNT_TOKENS_SQL)
            return int(cursor.rowcount)
