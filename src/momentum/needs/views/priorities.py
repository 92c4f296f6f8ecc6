"""The needs-priority matrix (staff and the board): needs per area of work and country, scored
importance times gap from the answers, as a heatmap that is also its data table."""

from __future__ import annotations

from decimal import Decimal

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from momentum.core.models import AreaOfWork, Country
from momentum.needs import selectors
from momentum.needs.models import Priority
from momentum.needs.services import priorities as services
from momentum.people.http import AuthenticatedRequest

MAX_SCORE = Decimal(25)  # 5 (importance) × 5 (gap)


@login_required
def matrix(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    if not request.user.has_perm("needs.view_matrix"):
        raise PermissionDenied
    round = selectors.get_round_for(request.user, pk)
    scores = selectors.need_scores(round)
    countries = list(Country.objects.order_by("code"))
    areas = list(AreaOfWork.objects.order_by("code"))
    priorities = {
        (priority.country_id, priority.area_of_work_id): priority
        for priority in Priority.objects.filter(round=round)
    }
    rows = []
    for area in areas:
        cells = []
        for country in countries:
            score = scores.get((country.code, area.code))
            cells.append(
                {
                    "country": country,
                    "score": score,
                    "level": 0 if score is None else min(4, int(score * 5 / (MAX_SCORE + 1))),
                    "priority": priorities.get((country.pk, area.pk)),
                }
            )
        rows.append({"area": area, "cells": cells})
    return render(
        request,
        "needs/matrix.html",
        {
            "round": round,
            "countries": countries,
            "rows": rows,
            "can_manage": request.user.has_perm("needs.manage"),
        },
    )


@login_required
@require_POST
def mark(request: AuthenticatedRequest, pk: int, country: int, area: int) -> HttpResponse:
    if not request.user.has_perm("needs.manage"):
        raise PermissionDenied
    round = selectors.get_round_for(request.user, pk)
    target_country = get_object_or_404(Country, pk=country)
    target_area = get_object_or_404(AreaOfWork, pk=area)
    score = selectors.need_scores(round).get((target_country.code, target_area.code), Decimal(0))
    priority = services.mark_priority(
        by=request.user, round=round, country=target_country, area_of_work=target_area, score=score
    )
    if request.POST.get("course"):
        try:
            services.make_draft_course(by=request.user, priority=priority)
            messages.success(
                request, _("A draft course was added to the training catalogue for this need.")
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The need is marked as a priority."))
    return redirect("needs:matrix", pk=round.pk)
