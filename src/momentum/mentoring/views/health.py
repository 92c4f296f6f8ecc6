"""Programme health: staff see every active pair of a cohort and which are at risk, and why."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from momentum.core.models import Country
from momentum.mentoring.models import Cohort, CohortPlace
from momentum.mentoring.selectors import health
from momentum.people.http import AuthenticatedRequest


@login_required
def cohort_health(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    if not request.user.has_perm("mentoring.view_programme_health"):
        raise PermissionDenied
    cohort = get_object_or_404(Cohort, pk=pk)
    today = timezone.localdate()
    countries = list(
        Country.objects.filter(
            pk__in=CohortPlace.objects.filter(cohort=cohort).values("country")
        ).order_by("code")
    )
    country_code = (request.GET.get("country") or "").upper()
    country = next((each for each in countries if each.code == country_code), None)
    at_risk_only = request.GET.get("risk") == "1"
    pairs = health.pairs_with_health(cohort, today=today)
    if country is not None:
        pairs = pairs.filter(mentee__country=country)
    if at_risk_only:
        pairs = pairs.filter(Q(at_risk=True))
    rows = list(pairs)
    for row in rows:
        row.days_since_meeting = health.days_since_meeting(row, today)  # type: ignore[attr-defined]
        row.risk_reasons = health.risk_reasons(row)  # type: ignore[attr-defined]
    return render(
        request,
        "mentoring/health/cohort_health.html",
        {
            "cohort": cohort,
            "rows": rows,
            "at_risk_count": len([row for row in rows if getattr(row, "at_risk", False)]),
            "countries": countries,
            "country": country,
            "at_risk_only": at_risk_only,
            "no_meeting_days": health.NO_MEETING_DAYS,
            "low_score": health.LOW_SCORE,
        },
    )
