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

Ranking happens in Python over the few hundred entries read: more query words found as whole
words first, then more found in their title, then the newest. A hidden thread or post is never
found: the index drops it, and the query checks the post's and its thread's state as well.
What a result shows (titles, links, highlighted excerpts) is made by ``search_results``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from datetime import datetime
from typing import Any, overload

from django.db import connection
from django.db.models import OuterRef, Q, Subquery
from django.db.models.lookups import IsNull

from momentum.core.text import (
    STEM_MARK,
    STOP_WORDS,
    QueryWord,
    is_arabic,
    query_words,
    stem,
    strip_arabic_prefix,
)
from momentum.hub.models import Post, PostStatus, SearchEntry, SearchToken, Space
from momentum.hub.selectors import access, search_rows
from momentum.hub.selectors.search_rows import Holds, Part, Row, Scope

MAX_TERMS = 8
# Matches counted (and ranked, for a very common word) at most; see ``Found``.
MAX_COUNTED = 200
# A word checked on each row read is read whole (``search_rows.Holds.read_whole``) up to this
# many rows: about what a few hundred look-ups cost when the index is not in memory.
READ_WHOLE_MAX = 20_000
_LANGUAGES = ("en", "fr", "ar")


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


def _newest_of(rows: Iterable[Row], limit: int) -> list[int]:
    dated = {row.entry: row.date for row in rows}
    return sorted(dated, key=lambda pk: (dated[pk], pk), reverse=True)[:limit]


class Found:
    """The entries a search found, in their order, for a ``Paginator``: ``count()`` is two
    short queries (how many entries hold each of the query's tokens; the newest matches and
    the newest with a query word in their title, in one query), a page one more (its
    entries), or two for a very common word, whatever the number of matches and of words.

    Counting stops at ``MAX_COUNTED``. Past it (a very common word), the ranking considers the
    newest ``MAX_COUNTED`` matches and the newest with a query word in their title, and, when
    those hold fewer whole-word matches than the page needs, the newest whole-word matches: so
    a page never sorts tens of thousands of rows, and whole words and titles still come
    first. The ranking (more query words found as whole words, then more in the title, then
    the newest) is made in Python from the rows read: the same order on every database."""

    ordered = True  # for Paginator

    def __init__(self, terms: list[QueryWord], scope: Scope | None = None) -> None:
        self.terms = terms
        self.scope = scope or Scope()
        self._newest_matches: list[int] | None = None
        self._counts: dict[str, int] = {}
        self._rows: list[Row] = []

    def _matched(self) -> list[int]:
        if self._newest_matches is None:
            self._newest_matches = []
            if self.terms:
                self._counts = _token_counts(self.terms)
                self._rows = _read(
                    self.terms, self._counts, self.scope, MAX_COUNTED + 1, titles=True
                )
                matches = (row for row in self._rows if not row.for_title)
                self._newest_matches = _newest_of(matches, MAX_COUNTED + 1)
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

    def _hits(self, rows: Iterable[Row]) -> dict[int, tuple[int, int]]:
        """For each entry of ``rows``: how many query words it holds as whole words, and how
        many in its title."""
        exact: dict[int, set[int]] = {}
        titled: dict[int, set[int]] = {}
        for row in rows:
            exact.setdefault(row.entry, set())
            titled.setdefault(row.entry, set())
            for index, term in enumerate(self.terms):
                if row.flags[2 * index] or row.token in term.exact:
                    exact[row.entry].add(index)
                if row.flags[2 * index + 1] or (row.in_title and row.token in term.tokens):
                    titled[row.entry].add(index)
        return {entry: (len(exact[entry]), len(titled[entry])) for entry in exact}

    def _ranked(self, stop: int) -> list[int]:
        newest = self._matched()[:MAX_COUNTED]
        rows = self._rows
        candidates = set(newest)
        if self.capped:
            candidates.update(_newest_of((row for row in rows if row.for_title), MAX_COUNTED))
            hits = self._hits(rows)
            # Whole-word matches rank first: when the newest matches hold fewer of them than
            # the page needs, the newest whole-word matches are read too.
            if sum(hits[pk][0] == len(self.terms) for pk in newest) < stop:
                exact = _read(self.terms, self._counts, self.scope, MAX_COUNTED, exact=True)
                candidates.update(_newest_of(exact, MAX_COUNTED))
                rows = [*rows, *exact]
        hits = self._hits(row for row in rows if row.entry in candidates)
        dates = {row.entry: row.date for row in rows}

        def rank(pk: int) -> tuple[int, int, datetime, int]:
            return (*hits[pk], dates[pk], pk)

        return sorted(candidates, key=rank, reverse=True)

    def _shown(self, page: list[int]) -> list[SearchEntry]:
        # The page is read with what it shows: the joins are made for 20 rows only.
        entries = (
            SearchEntry.objects.filter(_readable(), pk__in=page)
            .select_related("post__thread", "resource", "space")
            # What a result does not show stays in the database (the keys are the largest).
            .defer(*_NOT_SHOWN)
        )
        by_pk = {entry.pk: entry for entry in entries}
        return [by_pk[pk] for pk in page if pk in by_pk]

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
    Checked row by row with a scalar subquery (two primary-key reads), so only the rows read
    pay for it, never the whole table of posts (``search_rows`` does the same)."""
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


def _groups(tokens: list[str], counts: dict[str, int], limit: int) -> list[list[str]]:
    """The tokens read together: each on its own, newest first, unless the rows of several
    fit in ``limit`` together (their counts say so), which are read whole in one part."""
    groups: list[list[str]] = []
    small: list[str] = []
    for token in sorted(tokens, key=lambda token: (counts.get(token, 0), token)):
        if counts.get(token, 0) + sum(counts.get(other, 0) for other in small) <= limit:
            small.append(token)
        else:
            groups.append([token])
    return [sorted(small), *groups] if small else groups


def _read(
    terms: list[QueryWord],
    counts: dict[str, int],
    scope: Scope,
    limit: int,
    *,
    exact: bool = False,
    titles: bool = False,
) -> list[Row]:
    """Rows (``search_rows.Row``) of the newest ``limit`` readable entries in ``scope`` that
    hold every word of ``terms`` (as whole words only, with ``exact``), read from the rarest
    word's tokens; with ``titles``, also those of the newest ``MAX_COUNTED`` with a word of
    ``terms`` in their title (every word takes its turn to lead), when the rarest word's
    counts say there may be more than ``MAX_COUNTED`` matches. Only the tokens with a
    count (``_token_counts``) are read or looked up.

    Each token that may find the leading word is read on its own, newest first, at most
    ``limit`` rows (an entry holds a token once): the newest ``limit`` entries are among the
    rows read, whichever token found them; tokens whose rows fit in ``limit`` together are
    read whole, together. PostgreSQL reads all these in one query (a union of short index
    reads); SQLite, which cannot order or limit the parts of a union, reads every matching
    row: the same entries either way."""

    def tokens_of(term: QueryWord) -> frozenset[str]:
        return frozenset(
            token for token in (term.exact if exact else term.tokens) if token in counts
        )

    if any(not tokens_of(term) for term in terms):
        return []  # a word none of whose forms is in the index: nothing to read
    bounded = connection.features.supports_slicing_ordering_in_compound
    first = _rarest(terms, tokens_of, counts)
    leads = [(first, False, limit)]
    # The title matches only count past the cap, which fewer rows than that cannot reach.
    if titles and sum(counts[token] for token in tokens_of(terms[first])) > MAX_COUNTED:
        leads += [(lead, True, MAX_COUNTED) for lead in range(len(terms))]
    parts: list[Part] = []
    for lead, title, most in leads:
        others = [_other_word(tokens_of(term), counts) for i, term in enumerate(terms) if i != lead]
        flags = _flags(terms, lead, counts, exact=exact)
        tokens = _to_read(tokens_of(terms[lead]))
        for group in _groups(tokens, counts, most) if bounded else [tokens]:
            parts.append(Part(group, title, others, flags, most if bounded else None))
    return search_rows.read(parts, scope)


def _other_word(tokens: frozenset[str], counts: dict[str, int]) -> Holds:
    """The check that an entry read also holds one of ``tokens`` (another word of the query):
    its rows read whole when they are few (see ``READ_WHOLE_MAX``), else looked up row by row."""
    read = _to_read(tokens)
    return Holds(read, read_whole=sum(counts[token] for token in read) <= READ_WHOLE_MAX)


def _flags(
    terms: list[QueryWord], lead: int, counts: dict[str, int], *, exact: bool
) -> list[Holds | bool]:
    """For each word of ``terms``: whether the entry of the row at hand holds it as a whole
    word, and in its title, looked up (a primary-key read, on the rows returned only) where
    the token read does not tell: only the title of the word read is told, when all its
    tokens are read (not only its whole-word ones)."""
    flags: list[Holds | bool] = []
    for index, term in enumerate(terms):
        told = index == lead and not exact
        flags.append(Holds(_to_read(term.exact & counts.keys())))
        flags.append(False if told else Holds(_to_read(term.tokens & counts.keys()), title=True))
    return flags


def _implied(token: str) -> frozenset[str]:
    """Stem tokens of which an entry holding ``token`` holds at least one
    (``core.text.index_tokens``: a word comes with its stem, in the entry's language); none
    for a stop word, which comes alone."""
    if token.startswith(STEM_MARK) or token in STOP_WORDS:
        return frozenset()
    if is_arabic(token):
        bare = strip_arabic_prefix(token)
        return frozenset({STEM_MARK + stem(bare, "ar"), STEM_MARK + stem(token, "ar")})
    return frozenset({STEM_MARK + stem(token, "en"), STEM_MARK + stem(token, "fr")})


def _to_read(tokens: frozenset[str] | set[str]) -> list[str]:
    """``tokens`` without those whose entries the others find anyway: a whole word whose
    every possible stem is among them (an entry that holds "formations" holds "~format"
    too), whether they are read or looked up. A title holds its words' stems as well."""
    return sorted(token for token in tokens if not (_implied(token) and _implied(token) <= tokens))


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
    scope = Scope(
        spaces=spaces,
        space=space.pk if space is not None else None,
        kind=kind or None,
        language=language or None,
    )
    return Found(terms, scope)
