"""Women in law enforcement, in figures: per country, each with its source; a missing figure
reads "no public figure". Observers see published figures only."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from momentum.core.models import Country
from momentum.needs.models import Figure
from momentum.needs.report_view import format_figure
from momentum.needs.services import figures as services
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
                        "can_validate": request.user.has_perm("needs.validate_figure", figure),
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


@login_required
@require_POST
def figure_validate(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    if not request.user.has_perm("needs.view_figures"):
        raise PermissionDenied
    figure = get_object_or_404(Figure.objects.visible_to(request.user), pk=pk)
    if not request.user.has_perm("needs.validate_figure", figure):
        raise PermissionDenied
    services.validate_figure(by=request.user, figure=figure)
    messages.success(request, _("The figure is validated: staff can now publish it."))
    return redirect("needs:figures")
