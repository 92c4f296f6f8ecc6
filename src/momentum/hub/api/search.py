"""The API of search: threads, replies and resources the caller may read, best first, with
the same matching as the page (Arabic spelling variants and French accents do not matter)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.core.paginator import Paginator
from django.http import HttpRequest
from ninja import Field, Query, Router, Schema

from momentum.hub.api.common import ErrorOut, in_callers_language, page_number, require_hub
from momentum.hub.models import EntryKind
from momentum.hub.selectors import access
from momentum.hub.selectors import search as selectors
from momentum.hub.selectors.search_results import results
from momentum.people.models import Language

router = Router()

RESULTS_PER_PAGE = 20


class SearchQuery(Schema):
    q: str = Field("", max_length=200, description="Words that must all appear")
    kind: EntryKind | None = None
    space: int | None = Field(None, description="Only this space's threads and replies")
    language: Language | None = None
    page: int = 1


class SearchSpaceOut(Schema):
    id: int
    name: str


class SearchResultOut(Schema):
    kind: EntryKind
    title: str
    title_html: str = Field(..., description="The title, escaped, with the matches in <mark>")
    excerpt_html: str = Field(..., description="An excerpt, escaped, with the matches in <mark>")
    url: str
    space: SearchSpaceOut | None
    published_at: datetime


class SearchPageOut(Schema):
    count: int
    page: int
    pages: int
    items: list[SearchResultOut]


def _plain_title(entry: Any, language: str) -> str:
    if entry.kind == EntryKind.RESOURCE and entry.resource is not None:
        for code in (language, "en", "fr", "ar"):
            value = getattr(entry.resource, f"title_{code}", "") or ""
            if value.strip():
                return str(value)
        return str(entry.resource.title)
    return str(entry.post.thread.title) if entry.post is not None else ""


@router.get("/hub/search", response={200: SearchPageOut, 403: ErrorOut, 404: ErrorOut})
def search_hub(request: HttpRequest, query: Query[SearchQuery]) -> Any:
    """Search what the caller may read: every word must match; entries with more words in
    their title first, then the newest. 20 a page.

    Queries: the count, the page of entries (with their posts, threads, resources and
    spaces), and at most one to place the replies on their threads' pages."""
    require_hub(request)
    user = request.user
    space = access.get_space_for(user, query.space) if query.space else None
    entries = selectors.search(
        user,
        query.q,
        kind=query.kind or None,
        space=space,
        language=query.language or None,
    )
    paginator = Paginator(entries, RESULTS_PER_PAGE)
    page = paginator.get_page(page_number(query.page))
    found = list(page.object_list)
    with in_callers_language(request) as language:
        shown = results(found, query.q)
        items = []
        # ``results`` keeps the order of the entries and skips none that has a post or resource.
        readable = [entry for entry in found if entry.post is not None or entry.resource]
        for entry, result in zip(readable, shown, strict=True):
            items.append(
                {
                    "kind": result.kind,
                    "title": _plain_title(entry, language),
                    "title_html": str(result.title),
                    "excerpt_html": str(result.excerpt),
                    "url": result.url,
                    "space": (
                        {"id": entry.space.pk, "name": _space_name(entry.space, language)}
                        if entry.space is not None
                        else None
                    ),
                    "published_at": result.published_at,
                }
            )
    return {
        "count": paginator.count,
        "page": page.number,
        "pages": paginator.num_pages,
        "items": items,
    }


def _space_name(space: Any, language: str) -> str:
    for code in (language, "en", "fr", "ar"):
        value = getattr(space, f"name_{code}", "") or ""
        if value.strip():
            return str(value)
    return str(space.name)
