"""Search across the hub: threads, replies and resources the reader may read, in one query.

Every word of the query must appear in an entry's folded title or text (``core.text``), so
"الاسرة" finds "الأسرة" and "securite" finds "sécurité". Words of three letters or more match
inside longer words ("تدريب" finds "وبالتدريب"); shorter ones match whole words only, which
keeps them precise and lets PostgreSQL's trigram index answer them too. Ranking happens in
SQL: entries with more query words in their title first, then more in their text, then the
newest. Excerpts are highlighted in Python for the page shown only.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from typing import Any, overload

from django.db.models import Case, Count, IntegerField, OuterRef, Q, QuerySet, Subquery, Value, When
from django.db.models.expressions import Combinable
from django.urls import NoReverseMatch, reverse
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from momentum.core.text import normalise, search_terms, strip_arabic_prefix
from momentum.hub.models import EntryKind, Post, PostStatus, SearchEntry, Space
from momentum.hub.selectors import access

MAX_TERMS = 8
# Matches counted (and ranked, for a very common word) at most; see ``Found``.
MAX_COUNTED = 500
SHORT_TERM = 3  # under this many letters, a word matches whole words only
POSTS_PER_THREAD_PAGE = 50
EXCERPT_WORDS_BEFORE = 12
EXCERPT_WORDS = 40
_LANGUAGES = ("en", "fr", "ar")
# A word of the original text, with the marks ``normalise`` folds away (Arabic diacritics,
# tatweel, combining accents), so a word is never cut inside.
_WORD = re.compile("([\\w\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u0300-\u036f]+)")


_NOT_SHOWN = (
    "title_key",
    "body_key",
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


# Words so common they narrow nothing (folded: core.text.normalise). Left out of a query that
# has other words; a query of stop words alone still searches for them.
STOP_WORDS = frozenset(
    "في من على الى ان عن مع هذا هذه التي الذي او ما لا ثم قد "  # noqa: SIM905
    "le la les de des du et en un une pour avec sur dans au aux par est "
    "the of and to in for with on a an is are by at or".split()
)


def query_terms(query: str) -> list[str]:
    """The folded words of ``query``: every one must match. Arabic words lose every attached
    prefix (و then بال…), since matching inside words finds the longer forms anyway. Stop
    words are left out when other words remain."""
    terms: list[str] = []
    for term in search_terms(query or ""):
        stripped = strip_arabic_prefix(term)
        while stripped != term:
            term, stripped = stripped, strip_arabic_prefix(stripped)
        if term and term not in terms:
            terms.append(term)
    meaningful = [term for term in terms if term not in STOP_WORDS]
    return (meaningful or terms)[:MAX_TERMS]


def _pattern(term: str) -> str:
    # Keys are stored with a space at each end, so " ab " finds the whole word anywhere.
    return f" {term} " if len(term) < SHORT_TERM else term


def _hits(field: str, terms: list[str]) -> Combinable:
    total: Combinable = Value(0)
    for term in terms:
        total = total + Case(
            When(**{f"{field}__contains": _pattern(term)}, then=Value(1)),
            default=Value(0),
            output_field=IntegerField(),
        )
    return total


_RANKING = ("-title_hits", "-body_hits", "-published_at", "-pk")


class Found:
    """The entries a search found, in their order, for a ``Paginator``: ``count()`` is one
    query, each page (a slice) one more, whatever the number of matches.

    Counting stops at ``MAX_COUNTED``. Past it (a very common word), the ranking considers the
    entries with a query word in their title and the newest ``MAX_COUNTED`` matches (read in
    two more queries): so a page never sorts tens of thousands of rows, and titles still come
    first."""

    ordered = True  # for Paginator

    def __init__(self, matches: QuerySet[SearchEntry], terms: list[str]) -> None:
        self.matches = matches
        self.terms = terms
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

    def _ranked(self) -> QuerySet[SearchEntry]:
        if not self.capped:
            return _ranked(self.matches, self.terms)
        # Two short reads of ids (PostgreSQL walks its date index and stops, and reads the
        # rare titles by their trigram index), so the ranking sorts a few hundred rows.
        newest = self.matches.order_by("-published_at", "-pk").values_list("pk", flat=True)
        in_title = Q()
        for term in self.terms:
            in_title |= Q(title_key__contains=_pattern(term))
        titled = (
            self.matches.filter(in_title)
            .order_by("-published_at", "-pk")
            .values_list("pk", flat=True)
        )
        candidates = {*newest[:MAX_COUNTED], *titled[:MAX_COUNTED]}
        return _ranked(SearchEntry.objects.filter(pk__in=sorted(candidates)), self.terms)

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
        return self._shown(self._ranked()[start:stop])

    def __iter__(self) -> Iterator[SearchEntry]:
        return iter(self[0 : len(self)])


def _ranked(entries: QuerySet[SearchEntry], terms: list[str]) -> QuerySet[SearchEntry]:
    return entries.annotate(
        title_hits=_hits("title_key", terms), body_hits=_hits("body_key", terms)
    ).order_by(*_RANKING)


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
        found = found.filter(Q(space__isnull=True) | Q(space_id__in=spaces))
    for term in terms:
        pattern = _pattern(term)
        found = found.filter(Q(title_key__contains=pattern) | Q(body_key__contains=pattern))
    if kind:
        found = found.filter(kind=kind)
    if space is not None:
        found = found.filter(space=space)
    if language:
        found = found.filter(language=language)
    return Found(found, terms)


# --- what a result shows ----------------------------------------------------------------


@lru_cache(maxsize=20_000)
def _forms(word: str) -> frozenset[str]:
    """The folded word and what is left of it without each attached prefix (cached: the
    same words come back in every excerpt)."""
    folded = normalise(word)
    if not folded:
        return frozenset()
    forms = {folded}
    stripped = strip_arabic_prefix(folded)
    while stripped not in forms:
        forms.add(stripped)
        stripped = strip_arabic_prefix(stripped)
    return frozenset(forms)


def _word_matches(word: str, terms: list[str]) -> bool:
    forms = _forms(word)
    for term in terms:
        if len(term) < SHORT_TERM:
            if term in forms:
                return True
        elif any(term in form for form in forms):
            return True
    return False


def _marked(pieces: list[str], terms: list[str]) -> str:
    out: list[str] = []
    for index, piece in enumerate(pieces):
        # ``re.split`` with a group puts the words at odd positions.
        if index % 2 and _word_matches(piece, terms):
            out.append(f"<mark>{escape(piece)}</mark>")
        else:
            out.append(escape(piece))
    return "".join(out)


def highlight(text: str, terms: list[str]) -> SafeString:
    """``text`` escaped, with the words that match ``terms`` in ``<mark>``."""
    return mark_safe(_marked(_WORD.split(text or ""), terms))  # every piece escaped by _marked


def excerpt(text: str, terms: list[str]) -> SafeString:
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
