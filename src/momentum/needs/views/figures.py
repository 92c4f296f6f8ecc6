"""Women in law enforcement, in figures: per country, each with its source; a missing figure
reads "no public figure". Observers see published figures only."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import render

from momentum.core.models import Country
from momentum.needs.models import Figure
from momentum.needs.report_view import format_figure
from momentum.people.http import AuthenticatedRequest


@login_required
def figure_list(request: AuthenticatedRequest) -> HttpResponse:
    if not request.user.has_perm("needs.view_figures"):
        raise PermissionDenied
    figures = list(
        Figure.objects.visible_to(request.user)
        .select_related("country")
        .order_by("country__code", "indicator", "-year", "pk")[:500]
    )
    countries = list(Country.objects.order_by("code"))
    rows = []
    for country in [*countries, None]:
        own = [
            figure for figure in figures if figure.country_id == (country.pk if country else None)
        ]
        rows.append(
            {
                "country": country,
                "figures": [
                    {
                        "figure": figure,
                        "text": format_figure(
                            None
                            if figure.value is None
                            else {
                                "value": float(figure.value),
                                "percent": figure.is_percent,
                                "qualifier": figure.qualifier,
                            }
                        ),
                    }
                    for figure in own
                ],
            }
        )
    return render(request, "needs/figures/list.html", {"rows": rows})
