"""Search across the hub: threads, replies and resources the reader may read, in one query.

Matching is on words (``core.text``): every word of the query must be found in an entry's
title or text, as the same word (whatever its Arabic spelling variant, French accents, case,
Arabic article or attached clitic) or as a word with the same stem ("formation" finds
"formations"). A word is never found inside an unrelated longer word ("port" does not find
"rapport", "سر" does not find "أسرة").

Matching reads ``SearchWord``, one narrow row per token of an entry with its space and date,
indexed (token, date newest first): the newest matches of a word are read from that index and
reading stops as soon as enough are found, so a word found in 60,000 posts costs about what a
rare one does. Each token of the first (rarest) query word is read on its own, newest first,
and only as far as needed; the other words are checked on each row read. The same query runs
on SQLite and PostgreSQL (on SQLite the tokens are read in one go): the same rows on both.

Ranking happens in SQL over those few hundred entries: more query words found as whole words
first, then more found in their title, then the newest. A hidden thread or post is never
found: the index drops it, and the query checks the post's and its thread's state as well.
Excerpts are highlighted in Python for the page shown only.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from typing import Any, overload

from django.db import connection
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
from django.db.models.lookups import IsNull
from django.urls import NoReverseMatch, reverse
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from momentum.core.text import QueryWord, index_tokens, query_words, words
from momentum.core.word_index import HasAnyToken
from momentum.hub.models import (
    EntryKind,
    Post,
    PostStatus,
    SearchEntry,
    SearchToken,
    SearchWord,
    Space,
)
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


@dataclass(frozen=True)
class _Scope:
    """What narrows a search besides its words: the reader's spaces (None: every space),
    one space, a kind, a language."""

    spaces: list[int] | None = None
    space: int | None = None
    kind: str | None = None
    language: str | None = None


class Found:
    """The entries a search found, in their order, for a ``Paginator``: ``count()`` is two
    short queries (how many entries hold each of the query's tokens, the newest matches),
    each page one to four more, whatever the number of matches and of words.

    Counting stops at ``MAX_COUNTED``. Past it (a very common word), the ranking considers the
    newest ``MAX_COUNTED`` matches and the newest with a query word in their title, and, when
    those hold fewer whole-word matches than the page needs, the newest whole-word matches: so
    a page never sorts tens of thousands of rows, and whole words and titles still come
    first."""

    ordered = True  # for Paginator

    def __init__(self, terms: list[QueryWord], scope: _Scope | None = None) -> None:
        self.terms = terms
        self.scope = scope or _Scope()
        self._newest_matches: list[int] | None = None
        self._counts: dict[str, int] = {}

    def _matched(self) -> list[int]:
        if self._newest_matches is None:
            self._newest_matches = []
            if self.terms:
                self._counts = _token_counts(self.terms)
                self._newest_matches = _newest(
                    self.terms, self._counts, self.scope, MAX_COUNTED + 1
                )
        return self._newest_matches

    @property
    def read_first(self) -> QueryWord | None:
        """The query word whose rows are read (the rarest by the token counts); each row read
        is checked for the other words."""
        self._matched()
        if not self.terms:
            return None
        return self.terms[_rarest(self.terms, lambda term: term.tokens, self._counts)]

    @property
    def capped(self) -> bool:
        """True when more entries matched than were counted."""
        return len(self._matched()) > MAX_COUNTED

    def count(self) -> int:
        return min(len(self._matched()), MAX_COUNTED)

    def __len__(self) -> int:
        return self.count()

    def _ranked(self, stop: int) -> QuerySet[SearchEntry]:
        newest = self._matched()[:MAX_COUNTED]
        candidates = set(newest)
        if self.capped:
            candidates.update(
                _newest(self.terms, self._counts, self.scope, MAX_COUNTED, title=True)
            )
            exact = SearchEntry.objects.filter(pk__in=newest)
            for term in self.terms:
                exact = exact.filter(HasAnyToken(F("words_key"), term.exact))
            # Whole-word matches rank first: when the newest matches hold fewer of them than
            # the page needs, the newest whole-word matches are read too.
            if exact.count() < stop:
                candidates.update(
                    _newest(self.terms, self._counts, self.scope, MAX_COUNTED, exact=True)
                )
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


def _readable(prefix: str = "") -> Q:
    """A post is found only while it and its thread are published, whatever the index says.
    Checked row by row with a scalar subquery (two primary-key reads), so only the rows a
    search reads pay for it, never the whole table of posts."""
    published = (
        Post.objects.filter(
            pk=OuterRef(f"{prefix}post_id"),
            status=PostStatus.PUBLISHED,
            thread__status=PostStatus.PUBLISHED,
        )
        .order_by()
        .values("pk")[:1]
    )
    return Q(**{f"{prefix}post__isnull": True}) | Q(IsNull(Subquery(published), False))


def _has_word(tokens: frozenset[str], *, title: bool = False) -> Q:
    """The entry of the ``SearchWord`` row at hand has one of ``tokens`` (in its title).
    A scalar subquery, checked on each row read (a primary-key look-up), rather than
    ``EXISTS``, which PostgreSQL may turn into reading every row of a common word first."""
    found = SearchWord.objects.filter(entry=OuterRef("entry"), token__in=sorted(tokens))
    if title:
        found = found.filter(in_title=True)
    return Q(IsNull(Subquery(found.order_by().values("entry")[:1]), False))


def _rows(
    tokens: list[str], others: list[Q], scope: _Scope, *, title: bool
) -> QuerySet[SearchWord]:
    if len(tokens) == 1:
        rows = SearchWord.objects.filter(token=tokens[0])
    else:
        rows = SearchWord.objects.filter(token__in=tokens)
    if title:
        rows = rows.filter(in_title=True)
    if scope.spaces is not None:
        rows = rows.filter(space_key__in=[0, *scope.spaces])
    if scope.space is not None:
        rows = rows.filter(space_key=scope.space)
    if scope.kind:
        rows = rows.filter(entry__kind=scope.kind)
    if scope.language:
        rows = rows.filter(entry__language=scope.language)
    for other in others:
        rows = rows.filter(other)
    return rows.filter(_readable("entry__"))


def _newest(
    terms: list[QueryWord],
    counts: dict[str, int],
    scope: _Scope,
    limit: int,
    *,
    exact: bool = False,
    title: bool = False,
) -> list[int]:
    """The ids of the newest ``limit`` readable entries in ``scope`` that hold every word of
    ``terms`` (as whole words only, with ``exact``; with ``title``, at least one of them in
    the title). Only the tokens with a count (``_token_counts``) are read.

    Each token that may find the leading word is read on its own, newest first, at most
    ``limit`` rows (an entry holds a token once): the newest ``limit`` entries are among the
    rows read, whichever token found them. With ``title``, every word takes its turn to lead,
    found in the title. PostgreSQL reads all these in one query (a union of short index
    reads); SQLite, which cannot order or limit the parts of a union, reads every matching
    row: the same entries either way."""

    def tokens_of(term: QueryWord) -> frozenset[str]:
        return frozenset(
            token for token in (term.exact if exact else term.tokens) if token in counts
        )

    if any(not tokens_of(term) for term in terms):
        return []  # a word none of whose forms is in the index: nothing to read
    bounded = connection.features.supports_slicing_ordering_in_compound
    leads = range(len(terms)) if title else [_rarest(terms, tokens_of, counts)]
    parts: list[QuerySet[SearchWord, tuple[int, datetime]]] = []
    for lead in leads:
        others = [_has_word(tokens_of(term)) for i, term in enumerate(terms) if i != lead]
        tokens = sorted(tokens_of(terms[lead]))
        for group in [[token] for token in tokens] if bounded else [tokens]:
            rows = _rows(group, others, scope, title=title).values_list("entry_id", "published_at")
            # Newest first from the (token, date) index, stopping at ``limit``.
            parts.append(rows.order_by("-published_at", "-entry")[:limit] if bounded else rows)
    rows = parts[0].union(*parts[1:], all=True) if len(parts) > 1 else parts[0]
    dated = dict(rows)
    return sorted(dated, key=lambda pk: (dated[pk], pk), reverse=True)[:limit]


def _token_counts(terms: list[QueryWord]) -> dict[str, int]:
    """How many entries hold each token of ``terms``, for the tokens the index holds (one
    query on ``SearchToken``): a word's two dozen spellings with a clitic or the article are
    mostly absent, and a token less is a part less to plan and read."""
    tokens = sorted(set().union(*(term.tokens for term in terms)))
    return dict(
        SearchToken.objects.filter(token__in=tokens, entries__gt=0).values_list("token", "entries")
    )


def _rarest(
    terms: list[QueryWord],
    tokens_of: Callable[[QueryWord], frozenset[str]],
    counts: dict[str, int],
) -> int:
    """The query word to read first: the one whose tokens have the fewest rows in all, since
    each row read is checked for the other words."""
    rows = [sum(counts.get(token, 0) for token in tokens_of(term)) for term in terms]
    return min(range(len(terms)), key=lambda i: (rows[i], -len(terms[i].word)))


def search(
    user: Any,
    query: str,
    *,
    kind: str | None = None,
    space: Space | None = None,
    language: str | None = None,
) -> Found:
    """The entries ``user`` may read that match every word of ``query``, best first, with what
    a result shows (see ``Found`` for the queries)."""
    terms = query_terms(query)
    if not terms or not access.uses_hub(user):
        return Found([])
    spaces = None
    if not user.is_programme_staff:
        # The reader's spaces are read once (a short list), not re-joined in every query.
        spaces = list(access.readable_spaces(user).values_list("pk", flat=True))
    scope = _Scope(
        spaces=spaces,
        space=space.pk if space is not None else None,
        kind=kind or None,
        language=language or None,
    )
    return Found(terms, scope)


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
