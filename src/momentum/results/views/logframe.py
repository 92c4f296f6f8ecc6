"""The logframe page (its workflow), building it (results and indicators) and the
drill-down from a figure to its records."""

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
from momentum.results.forms import IndicatorForm, LogframeReturnForm, ResultForm, TargetForm
from momentum.results.models import Direction, Logframe
from momentum.results.selectors.logframe import (
    audience_for,
    current_logframe,
    first_programme,
    get_indicator,
    get_period,
    get_result,
    logframe_or_404,
    parents_for,
    periods_of,
    results_of,
)
from momentum.results.services import logframe as services

DRILL_LIMIT = 200


def _logframe_page(
    request: AuthenticatedRequest, frame: Logframe, return_form: LogframeReturnForm
) -> HttpResponse:
    user = request.user
    return render(
        request,
        "results/logframe.html",
        {
            "logframe": frame,
            "results": results_of(frame),
            "registered": {item.code: item for item in registry.all_indicators()},
            "can_manage": user.has_perm("results.manage_logframe"),
            "can_submit": user.has_perm("results.submit_logframe"),
            "can_approve": user.has_perm("results.approve_logframe", frame),
            "can_return": user.has_perm("results.return_logframe", frame),
            "return_form": return_form,
        },
    )


@login_required
def logframe(request: AuthenticatedRequest) -> HttpResponse:
    audience_for(request.user)  # who may see the dashboard may read the logframe
    frame = current_logframe()
    if frame is None:
        # Before anything is built: staff start it here, others have nothing to read.
        programme = first_programme()
        if programme is None or not request.user.has_perm("results.manage_logframe"):
            raise Http404
        return render(request, "results/logframe_start.html", {"programme": programme})
    return _logframe_page(request, frame, LogframeReturnForm(initial={"version": frame.version}))


@login_required
@require_POST
def logframe_start(request: AuthenticatedRequest) -> HttpResponse:
    _require_manager(request)
    programme = first_programme()
    if programme is None:
        raise Http404
    services.start_logframe(programme=programme, by=request.user)
    return redirect("results:logframe")


TRANSITION_PERMISSIONS = {
    "submit": "results.submit_logframe",
    "approve": "results.manage_logframe",  # the service says why one's own is refused
    "return": "results.manage_logframe",
}


@login_required
@require_POST
def logframe_transition(request: AuthenticatedRequest, action: str) -> HttpResponse:
    if action not in TRANSITION_PERMISSIONS:
        raise Http404
    if not request.user.has_perm(TRANSITION_PERMISSIONS[action]):
        raise PermissionDenied
    frame = logframe_or_404()
    version = int(request.POST.get("version") or 0) or None
    if action == "return":
        form = LogframeReturnForm(request.POST)
        if form.is_valid():
            try:
                services.return_logframe(
                    logframe=frame,
                    by=request.user,
                    comment=form.cleaned_data["comment"],
                    version=form.cleaned_data["version"],
                )
            except ValidationError as error:
                add_service_errors(form, error)
        if form.errors:  # the comment stays in the box, the reason beside it
            return _logframe_page(request, frame, form)
        return redirect("results:logframe")
    try:
        if action == "submit":
            services.submit_logframe(logframe=frame, by=request.user, version=version)
        else:
            services.approve_logframe(logframe=frame, by=request.user, version=version)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    return redirect("results:logframe")


def _require_manager(request: AuthenticatedRequest) -> None:
    if not request.user.has_perm("results.manage_logframe"):
        raise PermissionDenied


def _parent_from(form: ResultForm, parents: list[Any]) -> Any:
    wanted = form.cleaned_data.get("parent")
    return next((item for item in parents if item.pk == wanted), None)


@login_required
def result_new(request: AuthenticatedRequest) -> HttpResponse:
    _require_manager(request)
    frame = logframe_or_404()
    parents = parents_for(frame)
    form = ResultForm(
        request.POST or None,
        parents=parents,
        creating=True,
        initial={"level": request.GET.get("level", ""), "parent": request.GET.get("parent")},
    )
    if request.method == "POST" and form.is_valid():
        data = form.changes()
        try:
            services.create_result(
                logframe=frame,
                by=request.user,
                level=data["level"],
                code=data["code"],
                names={field: data[field] for field in services.RESULT_NAMES},
                parent=_parent_from(form, parents),
                order=data["order"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            return redirect("results:logframe")
    return render(request, "results/result_form.html", {"form": form, "result": None})


@login_required
def result_edit(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    _require_manager(request)
    frame = logframe_or_404()
    result = get_result(frame, pk)
    parents = [item for item in parents_for(frame) if item.pk != result.pk]
    initial = {field: getattr(result, field) for field in ResultForm.base_fields}
    initial["parent"] = result.parent_id
    form = ResultForm(request.POST or None, parents=parents, creating=False, initial=initial)
    if request.method == "POST" and form.is_valid():
        changes = form.changes()
        changes["parent"] = _parent_from(form, parents)
        try:
            services.update_result(
                result=result,
                by=request.user,
                version=form.cleaned_data["version"],
                changes=changes,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            return redirect("results:logframe")
    return render(request, "results/result_form.html", {"form": form, "result": result})


@login_required
def indicator_new(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    _require_manager(request)
    result = get_result(logframe_or_404(), pk)
    registered = registry.all_indicators()
    form = IndicatorForm(
        request.POST or None,
        registered=registered,
        creating=True,
        initial={"kind": "computed", "unit": "count", "direction": "higher"},
    )
    if request.method == "POST" and form.is_valid():
        try:
            indicator = services.create_indicator(
                result=result, by=request.user, values=form.changes()
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            # Next: its targets, set on the indicator's page.
            return redirect("results:indicator_edit", pk=indicator.pk)
    return render(
        request,
        "results/indicator_new.html",
        {"result": result, "form": form, "registered": registered},
    )


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
    _require_manager(request)
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
        changes = form.changes()
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
