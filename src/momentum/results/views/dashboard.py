"""The dashboard: every indicator against baseline and target, its trend and its table."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language_bidi
from django.utils.translation import gettext as _

from momentum.core.indicators import UNKNOWN
from momentum.core.models import Country
from momentum.people.http import AuthenticatedRequest
from momentum.results.chart import trend_svg
from momentum.results.models import Level, Period, Result
from momentum.results.selectors import dashboard as board
from momentum.results.selectors.figures import figures_as_of, is_stale
from momentum.results.selectors.logframe import (
    audience_for,
    get_period,
    logframe_or_404,
    periods_of,
)
from momentum.results.services import figures as figure_services


def _choices(request: AuthenticatedRequest) -> dict[str, object]:
    """The period, country and outcome asked for in the query string, checked."""
    logframe = logframe_or_404()
    audience = audience_for(request.user)
    periods = periods_of(logframe)
    if not periods:
        return {"logframe": logframe, "audience": audience, "periods": []}
    asked = request.GET.get("period", "")
    period = get_period(logframe, int(asked)) if asked.isdigit() else None
    if period is None:
        open_periods = [item for item in periods if not item.is_closed]
        period = open_periods[0] if open_periods else periods[-1]
    countries = Country.objects.order_by("code")
    if audience.country_codes is not None:
        countries = countries.filter(code__in=audience.country_codes)
    country = request.GET.get("country", "")
    if country and not countries.filter(code=country).exists():
        raise PermissionDenied
    if not country and audience.country_codes is not None:
        country = min(audience.country_codes, default="")
    outcome = None
    asked_outcome = request.GET.get("outcome", "")
    if asked_outcome.isdigit():
        outcome = Result.objects.filter(
            logframe=logframe, pk=int(asked_outcome), level=Level.OUTCOME
        ).first()
    shown = list(countries)
    return {
        "logframe": logframe,
        "audience": audience,
        "periods": periods,
        "period": period,
        "countries": shown,
        # Rows of the country-by-sex tables are named, never shown as ISO codes.
        "country_names": {
            **{item.code: str(item) for item in shown},
            UNKNOWN: _("Country not recorded"),
        },
        "country": country or None,
        "outcome": outcome,
    }


@login_required
def dashboard(request: AuthenticatedRequest) -> HttpResponse:
    context = _choices(request)
    if not context["periods"]:
        return render(request, "results/dashboard.html", context)
    period: Period = context["period"]  # type: ignore[assignment]
    results, rows = board.dashboard(
        logframe=context["logframe"],  # type: ignore[arg-type]
        period=period,
        audience=context["audience"],  # type: ignore[arg-type]
        country=context["country"],  # type: ignore[arg-type]
        outcome=context["outcome"],  # type: ignore[arg-type]
    )
    computed_now = {row.indicator: row.figures for row in rows if row.figures.computed_now}
    if computed_now:
        # Nothing stored yet for these (a new period or indicator): computed once here, kept
        # for the next readers until the background refresh replaces them.
        figure_services.store_live_figures(period=period, figures=computed_now)
    as_of = figures_as_of({row.indicator.pk: row.figures for row in rows})
    rtl = get_language_bidi()
    for row in rows:
        if row.trend and row.indicator.is_numeric and not context["country"]:
            row.chart = trend_svg(  # type: ignore[attr-defined]
                title=str(row.indicator.name),
                points=[(period.name, value) for period, value in row.trend],
                target=row.target.value if row.target else None,
                rtl=rtl,
            )
    by_result: dict[int, list[board.Row]] = {}
    for row in rows:
        by_result.setdefault(row.indicator.result_id, []).append(row)
    context.update(
        {
            "sections": [
                (result, by_result[result.pk]) for result in results if result.pk in by_result
            ],
            "all_outcomes": list(
                Result.objects.filter(
                    logframe=context["logframe"],  # type: ignore[misc]
                    level=Level.OUTCOME,
                )
            ),
            "can_drill": request.user.has_perm("results.drill_down"),
            "as_of": as_of,
            "stale": is_stale(as_of),
            "can_refresh": (
                not period.is_closed and request.user.has_perm("results.refresh_figures")
            ),
        }
    )
    return render(request, "results/dashboard.html", context)
