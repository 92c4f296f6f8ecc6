"""The logframe page (its workflow) and the drill-down from a figure to its records."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from momentum.core import indicators as registry
from momentum.core.forms import add_service_errors
from momentum.people.http import AuthenticatedRequest
from momentum.people.models import Profile
from momentum.results.forms import IndicatorForm, TargetForm
from momentum.results.models import Direction
from momentum.results.selectors.logframe import (
    audience_for,
    get_indicator,
    get_period,
    logframe_or_404,
    periods_of,
    results_of,
)
from momentum.results.services import logframe as services

DRILL_LIMIT = 200


@login_required
def logframe(request: AuthenticatedRequest) -> HttpResponse:
    audience_for(request.user)  # who may see the dashboard may read the logframe
    frame = logframe_or_404()
    return render(
        request,
        "results/logframe.html",
        {
            "logframe": frame,
            "results": results_of(frame),
            "registered": {item.code: item for item in registry.all_indicators()},
            "can_manage": request.user.has_perm("results.manage_logframe"),
        },
    )


@login_required
@require_POST
def logframe_transition(request: AuthenticatedRequest, action: str) -> HttpResponse:
    if action not in ("submit", "approve"):
        raise Http404
    if not request.user.has_perm("results.manage_logframe"):
        raise PermissionDenied
    frame = logframe_or_404()
    version = int(request.POST.get("version") or 0) or None
    try:
        if action == "submit":
            services.submit_logframe(logframe=frame, by=request.user, version=version)
        else:
            services.approve_logframe(logframe=frame, by=request.user, version=version)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    return redirect("results:logframe")


@login_required
def drill(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    if not request.user.has_perm("results.drill_down"):
        raise PermissionDenied
    indicator = get_indicator(pk)
    registered = registry.find(indicator.registry_code)
    frame = logframe_or_404()
    periods = periods_of(frame)
    asked = request.GET.get("period", "")
    period = (
        get_period(frame, int(asked)) if asked.isdigit() else (periods[-1] if periods else None)
    )
    profiles = None
    if registered is not None and registered.records is not None and period is not None:
        profiles = (
            Profile.objects.visible_to(request.user)
            .filter(pk__in=registered.records(period.starts_on, period.ends_on).values("pk"))
            .select_related("user", "country")
            .order_by("country__code", "user__family_name", "pk")[:DRILL_LIMIT]
        )
    return render(
        request,
        "results/drill.html",
        {"indicator": indicator, "period": period, "profiles": profiles, "limit": DRILL_LIMIT},
    )


def _indicator_page(
    request: AuthenticatedRequest, indicator: Any, form: IndicatorForm, target_form: TargetForm
) -> HttpResponse:
    return render(
        request,
        "results/indicator_edit.html",
        {
            "indicator": indicator,
            "form": form,
            "target_form": target_form,
            "registered": registry.all_indicators(),
            "targets": indicator.targets.select_related("period", "country"),
        },
    )


@login_required
def indicator_edit(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    if not request.user.has_perm("results.manage_logframe"):
        raise PermissionDenied
    indicator = get_indicator(pk)
    fields = list(IndicatorForm.base_fields)
    initial = {field: getattr(indicator, field, None) for field in fields}
    form = IndicatorForm(
        request.POST if "save_indicator" in request.POST else None,
        initial=initial,
        registered=registry.all_indicators(),
        directions=Direction.choices,
    )
    periods = periods_of(indicator.result.logframe)
    target_form = TargetForm(
        request.POST if "save_target" in request.POST else None, periods=periods
    )
    if request.method == "POST" and form.is_bound and form.is_valid():
        changes = {k: v for k, v in form.cleaned_data.items() if k != "version"}
        for field in (
            "definition_en",
            "definition_fr",
            "definition_ar",
            "baseline_source",
            "means_of_verification_en",
            "registry_code",
        ):
            changes[field] = changes[field] or ""
        try:
            services.update_indicator(
                indicator=indicator,
                by=request.user,
                version=form.cleaned_data["version"],
                changes=changes,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            return redirect("results:logframe")
    if request.method == "POST" and target_form.is_bound and target_form.is_valid():
        data = target_form.cleaned_data
        period = next((item for item in periods if item.pk == data["period"]), None)
        try:
            services.set_target(
                indicator=indicator,
                by=request.user,
                raw=data["value"],
                period=period,
                country=data["country"],
            )
        except ValidationError as error:
            add_service_errors(target_form, error)
        else:
            return redirect("results:indicator_edit", pk=indicator.pk)
    return _indicator_page(request, indicator, form, target_form)
