"""The simulator's results by country and sex, for staff, focal points and observers."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import render

from momentum.people.http import AuthenticatedRequest
from momentum.screening.selectors.summary import SEXES, summary_for


@login_required
def summary(request: AuthenticatedRequest) -> HttpResponse:
    if not request.user.has_perm("screening.view_summary"):
        raise PermissionDenied
    result = summary_for(request.user)
    rows = [
        (
            line,
            [(line.officers.get(sex, 0), result.label(line.country.code, sex)) for sex in SEXES],
            result.label(line.country.code, "*"),
        )
        for line in result.lines
    ]
    totals = [(result.by_sex.get(sex, 0), result.label("*", sex)) for sex in SEXES]
    return render(
        request,
        "screening/summary.html",
        {
            "summary": result,
            "rows": rows,
            "totals": totals,
            "grand_label": result.label("*", "*"),
        },
    )
