"""Counts and small aggregates of large tables, kept in the shared cache until the records change.

Counting 100,000 officers for a list's "N officers" reads the whole table on every request.
Instead, the figure is cached under the hash of the query's own SQL and parameters — which
contain every filter and the reader's scope (their country, their own id), so a figure is only
ever reused for exactly the same question — together with the *version* of the records it
counts. The app that owns the records bumps that version whenever they change (a signal on
save and delete), which makes every cached figure about them stale at once.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Callable
from typing import Any, TypeVar

from django.core.cache import cache
from django.core.exceptions import EmptyResultSet
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import QuerySet
from django.utils.functional import cached_property

T = TypeVar("T")

# A figure is recomputed at least this often, even if some change escaped the signals.
MAX_AGE = 15 * 60


def _version_key(topic: str) -> str:
    return f"momentum:version:{topic}"


def bump(topic: str) -> None:
    """The records of ``topic`` changed: every figure cached about them is stale. Bumped at once
    and again when the transaction commits, so that a figure computed meanwhile from the records
    as they were before the commit is not taken for a fresh one."""

    def new_version() -> None:
        cache.set(_version_key(topic), uuid.uuid4().hex, None)

    new_version()
    transaction.on_commit(new_version)


def query_key(topic: str, kind: str, queryset: QuerySet[Any], *extra: object) -> str:
    """A cache key for a figure about ``queryset``: its SQL and parameters (every filter, the
    reader's scope), plus whatever else the figure depends on (``extra``: a language…)."""
    sql, params = queryset.query.sql_with_params()
    text = f"{queryset.db}\n{sql}\n{params!r}\n{extra!r}"
    return f"momentum:{kind}:{topic}:{hashlib.sha256(text.encode()).hexdigest()}"


def cached(topic: str, key: str, compute: Callable[[], T]) -> T:
    """``compute()``, or its value cached under ``key`` while ``topic``'s version is unchanged
    (one cache read when it is fresh)."""
    version_key = _version_key(topic)
    found = cache.get_many([version_key, key])
    version = found.get(version_key)
    if version is None:
        # No version known (first use, or evicted): start one, so that no figure cached under
        # an earlier version can be taken for a fresh one.
        version = uuid.uuid4().hex
        cache.set(version_key, version, None)
    entry = found.get(key)
    if isinstance(entry, tuple) and len(entry) == 2 and entry[0] == version:
        return entry[1]  # type: ignore[no-any-return]
    value = compute()
    cache.set(key, (version, value), MAX_AGE)
    return value


def cached_count(topic: str, queryset: QuerySet[Any]) -> int:
    """``queryset.count()``, cached until ``topic``'s records change."""
    try:
        key = query_key(topic, "count", queryset)
    except EmptyResultSet:  # .none(): nothing to count, no query to make
        return 0
    return cached(topic, key, queryset.count)


def cached_rows(topic: str, queryset: QuerySet[Any]) -> list[Any]:
    """The rows of a small aggregate (``values(…).annotate(…)``) or of one page of a list,
    cached likewise."""
    try:
        key = query_key(topic, "rows", queryset)
    except EmptyResultSet:
        return []
    return cached(topic, key, lambda: list(queryset))


class CachedCountPaginator(Paginator):
    """A paginator whose total is ``cached_count(topic, …)`` rather than a count each time."""

    def __init__(self, object_list: QuerySet[Any], per_page: int, *, topic: str) -> None:
        super().__init__(object_list, per_page)
        self.queryset = object_list
        self.topic = topic

    @cached_property
    def count(self) -> int:
        return cached_count(self.topic, self.queryset)
