"""Published editions as web pages (contents, a chapter, search, print view) and their PDF
booklets; publishing and the public-reading switch (staff)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from momentum.people.http import AuthenticatedRequest
from momentum.toolkit import rules
from momentum.toolkit.markup import render_text
from momentum.toolkit.models import LANGUAGES, Edition, Publication
from momentum.toolkit.services import editions as services


def _edition(request: HttpRequest, pk: int) -> Edition:
    """The edition for whoever may read it; anonymous visitors of a closed one sign in."""
    try:
        return rules.get_edition_for(request.user, pk)
    except Http404:
        if not request.user.is_authenticated:
            raise _SignIn from None
        raise


class _SignIn(Exception):
    pass


def _reading(view: Any) -> Any:
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        try:
            return view(request, *args, **kwargs)  # type: ignore[no-any-return]
        except _SignIn:
            return redirect_to_login(request.get_full_path())

    wrapped.__name__ = view.__name__
    wrapped.__module__ = view.__module__
    return wrapped


def _language() -> str:
    language = get_language() or "en"
    return language if language in LANGUAGES else "en"


def _chapters(edition: Edition, language: str) -> list[dict[str, Any]]:
    return [
        {
            "id": chapter["id"],
            "title": chapter["title"].get(language, ""),
            "part": part["title"].get(language, ""),
            "sections": [_section(section, language) for section in chapter["sections"]],
        }
        for part in edition.snapshot.get("parts", [])
        for chapter in part["chapters"]
    ]


def _section(section: dict[str, Any], language: str) -> dict[str, Any]:
    text = section["texts"].get(language)
    fallback = text is None
    if fallback:
        text = section["texts"].get(section["source_language"]) or {}
    return {
        "id": section["id"],
        "title": text.get("title", ""),
        "html": render_text(text.get("body", "")),
        "sources": text.get("sources", []),
        "fallback": fallback,
        "source_language": section["source_language"],
    }


@_reading
def edition(request: HttpRequest, pk: int) -> HttpResponse:
    item = _edition(request, pk)
    language = _language()
    return render(
        request,
        "toolkit/edition.html",
        {
            "edition": item,
            "title": item.snapshot.get("title", {}).get(language, ""),
            "chapters": _chapters(item, language),
            "missing": services.missing_in(item.snapshot, language),
            "pdfs": [(code, bool(item.pdf_in(code))) for code in LANGUAGES],
            "job_id": item.job_id if request.user.is_authenticated else None,
        },
    )


@_reading
def edition_chapter(request: HttpRequest, pk: int, chapter: int) -> HttpResponse:
    item = _edition(request, pk)
    language = _language()
    found = next((c for c in _chapters(item, language) if c["id"] == chapter), None)
    if found is None:
        raise Http404
    return render(request, "toolkit/edition_chapter.html", {"edition": item, "chapter": found})


@_reading
def search(request: HttpRequest, pk: int) -> HttpResponse:
    item = _edition(request, pk)
    language = _language()
    query = request.GET.get("q", "")[:200]
    results = services.search_edition(item, query, language) if query.strip() else []
    return render(
        request,
        "toolkit/edition_search.html",
        {
            "edition": item,
            "query": query,
            "results": [
                {
                    "chapter": result["chapter"]["id"],
                    "chapter_title": result["chapter"]["title"].get(language, ""),
                    "title": result["text"]["title"],
                    "section": result["section"]["id"],
                }
                for result in results[:50]
            ],
        },
    )


@_reading
def print_view(request: HttpRequest, pk: int) -> HttpResponse:
    item = _edition(request, pk)
    language = _language()
    return render(
        request,
        "toolkit/edition_print.html",
        {
            "edition": item,
            "title": item.snapshot.get("title", {}).get(language, ""),
            "chapters": _chapters(item, language),
        },
    )


@_reading
def pdf(request: HttpRequest, pk: int, language: str) -> FileResponse:
    item = _edition(request, pk)
    if language not in LANGUAGES or not item.pdf_in(language):
        raise Http404
    return FileResponse(
        item.pdf_in(language).open("rb"),
        content_type="application/pdf",
        filename=f"toolkit-{item.number}-{language}.pdf",
    )


@login_required
@require_POST
def publish(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    if not request.user.has_perm("toolkit.manage"):
        raise PermissionDenied
    publication = get_object_or_404(Publication, pk=pk)
    try:
        item, _job = services.publish_edition(publication=publication, by=request.user)
    except ValidationError as refused:
        messages.error(request, " ".join(refused.messages))
        return redirect("toolkit:publication", pk=publication.pk)
    messages.success(
        request,
        _("Edition %(number)s is published; its booklets are being built.")
        % {"number": item.number},
    )
    return redirect("toolkit:edition", pk=item.pk)


@login_required
@require_POST
def public_reading(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    if not request.user.has_perm("toolkit.manage"):
        raise PermissionDenied
    publication = get_object_or_404(Publication, pk=pk)
    services.set_public_reading(
        publication=publication, public=request.POST.get("public") == "1", by=request.user
    )
    return redirect("toolkit:publication", pk=publication.pk)
