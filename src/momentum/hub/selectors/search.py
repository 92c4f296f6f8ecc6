"""Search across the hub: threads, replies and resources the reader may read, in one query.

Matching is on words (``core.text``): every word of the query must be found in an entry's
title or text, as the same word (whatever its Arabic spelling variant, French accents, case,
Arabic article or attached clitic) or as a word with the same stem ("formation" finds
"formations"). A word is never found inside an unrelated longer word ("port" does not find
"rapport", "سر" does not find "أسرة"). On PostgreSQL, GIN indexes on the token arrays answer
the match; SQLite reads ``LIKE '% token %'`` (``core.word_index``): the same rows on both.

Ranking happens in SQL: entries with more query words found as whole words first, then more
found in their title, then the newest. A hidden thread or post is never found: the index
drops it, and the query checks the post's and its thread's state as well.
Excerpts are highlighted in Python for the page shown only.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from typing import Any, overload

from django.db.models import (
    Case,
    Count,
    F,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.expressions import Combinable
from django.db.models.functions import Coalesce
from django.db.models.lookups import In, IsNull
from django.urls import NoReverseMatch, reverse
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from momentum.core.text import QueryWord, index_tokens, query_words, words
from momentum.core.word_index import HasAnyToken
from momentum.hub.models import EntryKind, Post, PostStatus, SearchEntry, Space
from momentum.hub.selectors import access

MAX_TERMS = 8
# Matches counted (and ranked, for a very common word) at most; see ``Found``.
MAX_COUNTED = 200
POSTS_PER_THREAD_PAGE = 50
EXCERPT_WORDS_BEFORE = 12
EXCERPT_WORDS = 40
_LANGUAGES = ("en", "fr", "ar")
# A word of the original text, with the marks ``normalise`` folds away (Arabic diacritics,
# tatweel, combining accents), so a word is never cut inside.
_WORD = re.compile("([\\w\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u0300-\u036f]+)")


_NOT_SHOWN = (
    "title_key",
    "words_key",
    "post__body_html",
    "post__guard_findings",
    "post__review_message",
    "post__moderation_reason",
    "post__search_key",
    "post__thread__search_key",
    "resource__search_key",
    "space__description",
    *(f"space__description_{code}" for code in _LANGUAGES),
)


def query_terms(query: str) -> list[QueryWord]:
    """The words of ``query`` that must all match, with the tokens that find each one. Stop
    words are left out when other words remain."""
    return query_words(query or "", limit=MAX_TERMS)


def _found(field: str, term: QueryWord) -> HasAnyToken:
    return HasAnyToken(F(field), term.tokens)


def _count(condition: Any) -> Combinable:
    return Case(When(condition, then=Value(1)), default=Value(0), output_field=IntegerField())


def _ranked(entries: QuerySet[SearchEntry], terms: list[QueryWord]) -> QuerySet[SearchEntry]:
    exact: Combinable = Value(0)
    titled: Combinable = Value(0)
    for term in terms:
        exact = exact + _count(HasAnyToken(F("words_key"), term.exact))
        titled = titled + _count(_found("title_key", term))
    return entries.annotate(exact_hits=exact, title_hits=titled).order_by(*_RANKING)


_RANKING = ("-exact_hits", "-title_hits", "-published_at", "-pk")


class Found:
    """The entries a search found, in their order, for a ``Paginator``: ``count()`` is one
    query, each page (a slice) one more, whatever the number of matches.

    Counting stops at ``MAX_COUNTED``. Past it (a very common word), the ranking considers the
    newest ``MAX_COUNTED`` matches and the newest with a query word in their title, and, when
    those hold fewer whole-word matches than the page needs, the newest whole-word matches: so
    a page never sorts tens of thousands of rows, and whole words and titles still come
    first."""

    ordered = True  # for Paginator

    def __init__(
        self,
        matches: QuerySet[SearchEntry],
        terms: list[QueryWord],
        candidates: QuerySet[SearchEntry] | None = None,
    ) -> None:
        self.matches = matches
        self.terms = terms
        # The same matches without the row-by-row state check: where to look for candidates
        # past the cap (the ranking checks the state of the few hundred it picks).
        self.candidates = candidates if candidates is not None else matches
        self._count: int | None = None

    def _matched(self) -> int:
        if self._count is None:
            self._count = self.matches.values("pk")[: MAX_COUNTED + 1].count()
        return self._count

    @property
    def capped(self) -> bool:
        """True when more entries matched than were counted."""
        return self._matched() > MAX_COUNTED

    def count(self) -> int:
        return min(self._matched(), MAX_COUNTED)

    def __len__(self) -> int:
        return self.count()

    def _newest(self, entries: QuerySet[SearchEntry]) -> list[int]:
        ids = entries.order_by("-published_at", "-pk").values_list("pk", flat=True)
        return list(ids[:MAX_COUNTED])

    def _ranked(self, stop: int) -> QuerySet[SearchEntry]:
        if not self.capped:
            return _ranked(self.matches, self.terms)
        exact = self.candidates
        for term in self.terms:
            exact = exact.filter(HasAnyToken(F("words_key"), term.exact))
        in_title = Q()
        for term in self.terms:
            in_title |= Q(_found("title_key", term))
        newest = self._newest(self.candidates)
        candidates = {*newest, *self._newest(self.candidates.filter(in_title))}
        # Whole-word matches rank first: when the newest matches hold fewer of them than the
        # page needs, the newest whole-word matches are read too (a longer read).
        if exact.filter(pk__in=newest).count() < stop:
            candidates.update(self._newest(exact))
        picked = SearchEntry.objects.filter(_readable(), pk__in=sorted(candidates))
        return _ranked(picked, self.terms)

    def _shown(self, ranked: QuerySet[SearchEntry]) -> list[SearchEntry]:
        # The ranking picks the page's ids; the page is then read with what it shows, so the
        # joins are made for 20 rows, not for every match.
        page = SearchEntry.objects.filter(pk__in=ranked.values("pk"))
        return list(
            _ranked(page, self.terms)
            .select_related("post__thread", "resource", "space")
            # What a result does not show stays in the database (the keys are the largest).
            .defer(*_NOT_SHOWN)
        )

    @overload
    def __getitem__(self, key: int) -> SearchEntry: ...

    @overload
    def __getitem__(self, key: slice) -> list[SearchEntry]: ...

    def __getitem__(self, key: int | slice) -> SearchEntry | list[SearchEntry]:
        if isinstance(key, int):
            return self[key : key + 1][0]
        if not self.terms:
            return []
        start, stop = key.start or 0, key.stop if key.stop is not None else len(self)
        return self._shown(self._ranked(stop)[start:stop])

    def __iter__(self) -> Iterator[SearchEntry]:
        return iter(self[0 : len(self)])


def _readable() -> Q:
    """A post is found only while it and its thread are published, whatever the index says.
    Checked row by row with a scalar subquery (two primary-key reads), so only the rows a
    count or a page reads pay for it, never the whole table of posts."""
    published = (
        Post.objects.filter(
            pk=OuterRef("post_id"),
            status=PostStatus.PUBLISHED,
            thread__status=PostStatus.PUBLISHED,
        )
        .order_by()
        .values("pk")[:1]
    )
    return Q(post__isnull=True) | Q(IsNull(Subquery(published), False))


def _in_spaces(spaces: list[int]) -> In:
    # One comparison on each row the word index finds: written so that PostgreSQL does not
    # read every entry of the reader's spaces first (most of the table) and then their words.
    return In(Coalesce(F("space_id"), Value(0)), [0, *spaces])


def search(
    user: Any,
    query: str,
    *,
    kind: str | None = None,
    space: Space | None = None,
    language: str | None = None,
) -> Found:
    """The entries ``user`` may read that match every word of ``query``, best first, with what
    a result shows (one query to count, one per page)."""
    terms = query_terms(query)
    if not terms or not access.uses_hub(user):
        return Found(SearchEntry.objects.none(), [])
    found = SearchEntry.objects.all()
    if not user.is_programme_staff:
        # The reader's spaces are read once (a short list), not re-joined in every query.
        spaces = list(access.readable_spaces(user).values_list("pk", flat=True))
        found = found.filter(_in_spaces(spaces))
    for term in terms:
        found = found.filter(_found("words_key", term))
    if kind:
        found = found.filter(kind=kind)
    if space is not None:
        found = found.filter(space=space)
    if language:
        found = found.filter(language=language)
    return Found(found.filter(_readable()), terms, candidates=found)


# --- what a result shows ----------------------------------------------------------------


@lru_cache(maxsize=20_000)
def _tokens(word: str) -> frozenset[str]:
    """The index tokens of one written word (cached: the same words come back in every
    excerpt)."""
    return frozenset(index_tokens(word))


def _word_matches(word: str, terms: list[QueryWord]) -> bool:
    tokens = _tokens(word)
    return any(tokens & term.tokens for term in terms) if words(word) else False


def _marked(pieces: list[str], terms: list[QueryWord]) -> str:
    out: list[str] = []
    for index, piece in enumerate(pieces):
        # ``re.split`` with a group puts the words at odd positions.
        if index % 2 and _word_matches(piece, terms):
            out.append(f"<mark>{escape(piece)}</mark>")
        else:
            out.append(escape(piece))
    return "".join(out)


def highlight(text: str, terms: list[QueryWord]) -> SafeString:
    """``text`` escaped, with the words that match ``terms`` in ``<mark>``."""
    return mark_safe(_marked(_WORD.split(text or ""), terms))  # every piece escaped by _marked


def excerpt(text: str, terms: list[QueryWord]) -> SafeString:
    """A few dozen words of ``text`` around its first match, escaped and highlighted."""
    pieces = _WORD.split(" ".join((text or "").split()))
    words = range(1, len(pieces), 2)
    first = next((i for i in words if _word_matches(pieces[i], terms)), 1)
    start = max(0, first - 2 * EXCERPT_WORDS_BEFORE - 1)
    if start % 2:
        start -= 1
    end = min(len(pieces), start + 2 * EXCERPT_WORDS + 1)
    body = _marked(pieces[start:end], terms).strip()
    if start > 0:
        body = "… " + body
    if end < len(pieces):
        body += " …"
    return mark_safe(body)  # every piece escaped by _marked


@dataclass(frozen=True)
class Result:
    kind: str
    title: SafeString
    url: str
    space: Space | None
    published_at: datetime
    excerpt: SafeString

    @property
    def kind_label(self) -> str:
        return str(EntryKind(self.kind).label)


def _in_language(obj: Any, field: str, language: str) -> str:
    for code in [language, *(code for code in _LANGUAGES if code != language)]:
        value = getattr(obj, f"{field}_{code}", "") or ""
        if value.strip():
            return str(value)
    return str(getattr(obj, field, "") or "")


def _plain(body: str) -> str:
    try:
        from momentum.hub.markdown import plain_text
    except ImportError:  # pragma: no cover - the renderer ships with the hub
        return body
    return plain_text(body)


def _url(name: str, pk: int) -> str | None:
    try:
        return reverse(name, kwargs={"pk": pk})
    except NoReverseMatch:
        return None


def _thread_url(thread_id: int) -> str:
    return _url("hub:thread", thread_id) or f"/{get_language() or 'en'}/hub/threads/{thread_id}/"


def _reply_urls(entries: list[SearchEntry]) -> dict[int, str]:
    """Where each reply is read: the post's own address if the hub has one, else its thread's
    page that holds it (positions of all the replies in one query)."""
    replies = [entry.post for entry in entries if entry.kind == EntryKind.REPLY and entry.post]
    if not replies:
        return {}
    urls = {post.pk: _url("hub:post", post.pk) for post in replies}
    if all(urls.values()):
        return {pk: url for pk, url in urls.items() if url}
    earlier = (
        Post.objects.filter(thread=OuterRef("thread"), status=PostStatus.PUBLISHED)
        .filter(
            Q(created_at__lt=OuterRef("created_at"))
            | Q(created_at=OuterRef("created_at"), pk__lt=OuterRef("pk"))
        )
        .order_by()
        .values("thread")
        .annotate(count=Count("pk"))
        .values("count")
    )
    positions = dict(
        Post.objects.filter(pk__in=[post.pk for post in replies])
        .annotate(position=Subquery(earlier, output_field=IntegerField()))
        .values_list("pk", "position")
    )
    found: dict[int, str] = {}
    for post in replies:
        page = (positions.get(post.pk) or 0) // POSTS_PER_THREAD_PAGE + 1
        found[post.pk] = f"{_thread_url(post.thread_id)}?page={page}#post-{post.pk}"
    return found


def results(entries: list[SearchEntry], query: str) -> list[Result]:
    """What the page shows for ``entries`` (already fetched): titles in the reader's language,
    links, and highlighted excerpts."""
    terms = query_terms(query)
    language = (get_language() or "en")[:2]
    reply_urls = _reply_urls(entries)
    shown: list[Result] = []
    for entry in entries:
        if entry.kind == EntryKind.RESOURCE and entry.resource is not None:
            resource = entry.resource
            title = _in_language(resource, "title", language)
            description = _in_language(resource, "description", language)
            url = _url("hub:resource", resource.pk) or ""
        elif entry.post is not None:
            post = entry.post
            title = post.thread.title
            description = _plain(post.body)
            if entry.kind == EntryKind.THREAD:
                url = _thread_url(post.thread_id)
            else:
                url = reply_urls.get(post.pk) or f"{_thread_url(post.thread_id)}#post-{post.pk}"
        else:
            continue
        shown.append(
            Result(
                kind=entry.kind,
                title=highlight(title, terms),
                url=url,
                space=entry.space,
                published_at=entry.published_at,
                excerpt=excerpt(description, terms),
            )
        )
    return shown
