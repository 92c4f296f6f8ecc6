"""The course catalogue: officers browse and search it in their language."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render

from momentum.people.http import AuthenticatedRequest
from momentum.training import selectors
from momentum.training.forms import CatalogueFilterForm


@login_required
def catalogue(request: AuthenticatedRequest) -> HttpResponse:
    if not request.user.has_perm("training.browse_catalogue"):
        raise PermissionDenied
    form = CatalogueFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    courses = selectors.courses(
        text=filters.get("q", ""),
        track=filters.get("track", ""),
        delivery=filters.get("delivery", ""),
    )
    page = Paginator(courses, 20).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "training/catalogue/list.html",
        {"form": form, "page": page, "query": query.urlencode()},
    )
