"""Search the hub: threads, replies and resources the reader may read."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render

from momentum.hub.forms.search import SearchForm
from momentum.hub.selectors import access
from momentum.hub.selectors import search as selectors
from momentum.hub.selectors.search_results import results
from momentum.people.http import AuthenticatedRequest

PAGE_SIZE = 20


@login_required
def search(request: AuthenticatedRequest) -> HttpResponse:
    user = request.user
    if not user.has_perm("hub.use_hub"):
        raise PermissionDenied
    spaces = access.readable_spaces(user).filter(archived_at__isnull=True).order_by("slug")
    form = SearchForm(request.GET or None, spaces=spaces)
    filters = form.cleaned_data if form.is_valid() else {}
    query = filters.get("q", "")
    found = selectors.search(
        user,
        query,
        kind=filters.get("kind") or None,
        space=filters.get("space"),
        language=filters.get("language") or None,
    )
    page = Paginator(found, PAGE_SIZE).get_page(request.GET.get("page"))
    params = request.GET.copy()
    params.pop("page", None)
    template = "hub/search/_results.html" if request.htmx else "hub/search/page.html"
    return render(
        request,
        template,
        {
            "form": form,
            "page": page,
            "results": results(list(page.object_list), query),
            "query": params.urlencode(),
            "searched": bool(selectors.query_terms(query)),
        },
    )
