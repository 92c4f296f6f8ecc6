"""What a search result shows: its title in the reader's language, its link (a reply's page in
its thread), and an excerpt around the first match, with the words that match in ``<mark>``.
Made in Python for the page shown only, from the entries ``search.search`` found."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from html import escape as _escape
from typing import Any

from django.db.models import Count, IntegerField, OuterRef, Q, Subquery
from django.urls import NoReverseMatch, reverse
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from momentum.core.text import QueryWord, index_tokens
from momentum.hub.models import EntryKind, Post, PostStatus, SearchEntry, Space
from momentum.hub.selectors.search import query_terms

POSTS_PER_THREAD_PAGE = 50
EXCERPT_WORDS_BEFORE = 12
EXCERPT_WORDS = 40
_LANGUAGES = ("en", "fr", "ar")
# A word of the original text, with the marks ``normalise`` folds away (Arabic diacritics,
# tatweel, combining accents), so a word is never cut inside.
_WORD = re.compile("([\\w\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u0300-\u036f]+)")


@lru_cache(maxsize=50_000)
def _tokens(word: str) -> frozenset[str]:
    """The index tokens of one written word (none for punctuation); cached: the same words
    come back in every excerpt, and folding a word costs more than marking it."""
    return frozenset(index_tokens(word))


def _sought(terms: list[QueryWord]) -> frozenset[str]:
    """Every token that finds a word of ``terms``: a written word is marked when its own
    tokens meet these."""
    return frozenset().union(*(term.tokens for term in terms))


def _marked(pieces: list[str], sought: frozenset[str]) -> str:
    out: list[str] = []
    for index, piece in enumerate(pieces):
        # ``re.split`` with a group puts the words at odd positions.
        if index % 2 and not _tokens(piece).isdisjoint(sought):
            out.append(f"<mark>{_escape(piece)}</mark>")
        else:
            out.append(_escape(piece))
    return "".join(out)


def highlight(text: str, terms: list[QueryWord]) -> SafeString:
    """``text`` escaped, with the words that match ``terms`` in ``<mark>``."""
    return mark_safe(_marked(_WORD.split(text or ""), _sought(terms)))  # escaped by _marked


def excerpt(text: str, terms: list[QueryWord]) -> SafeString:
    """A few dozen words of ``text`` around its first match, escaped and highlighted."""
    sought = _sought(terms)
    pieces = _WORD.split(" ".join((text or "").split()))
    words = range(1, len(pieces), 2)
    first = next((i for i in words if not _tokens(pieces[i]).isdisjoint(sought)), 1)
    start = max(0, first - 2 * EXCERPT_WORDS_BEFORE - 1)
    if start % 2:
        start -= 1
    end = min(len(pieces), start + 2 * EXCERPT_WORDS + 1)
    body = _marked(pieces[start:end], sought).strip()
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
