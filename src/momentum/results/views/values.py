"""Reported values: the list (what waits for whom), entering and submitting one, and staff's
decision (approve or return with a comment)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from momentum.core.forms import add_service_errors
from momentum.core.models import Country
from momentum.people.http import AuthenticatedRequest
from momentum.people.models import Role
from momentum.results.forms import ReturnForm, ValueForm
from momentum.results.models import Period, PeriodStatus, ReportedValue
from momentum.results.selectors.logframe import (
    get_indicator,
    get_value_for,
    logframe_or_404,
    reported_indicators,
    values_visible_to,
)
from momentum.results.services import values as services

# Like every list: 25 a page.
VALUES_PER_PAGE = 25


@login_required
def value_list(request: AuthenticatedRequest) -> HttpResponse:
    if not request.user.has_perm("results.view_results"):
        raise PermissionDenied
    values = values_visible_to(request.user).order_by("status", "-period__starts_on", "pk")
    page = Paginator(values, VALUES_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "results/values.html",
        {
            "values": page.object_list,
            "page": page,
            "can_report": request.user.has_perm("results.report_values"),
            "can_decide": request.user.is_programme_staff,
        },
    )


def _countries_for(request: AuthenticatedRequest):  # type: ignore[no-untyped-def]
    if request.user.is_programme_staff:
        return Country.objects.order_by("code")
    return Country.objects.filter(pk__in=request.user.countries_for(Role.FOCAL_POINT))


def _form(request: AuthenticatedRequest, value: ReportedValue | None) -> ValueForm:
    frame = logframe_or_404()
    initial = {}
    if value is not None:
        initial = {
            "indicator": value.indicator_id,
            "period": value.period_id,
            "country": value.country_id,
            "value": value.value if value.value is not None else "",
            "text": value.text,
            "not_available": value.not_available,
            "not_available_reason": value.not_available_reason,
        }
    return ValueForm(
        request.POST or None,
        request.FILES or None,
        initial=initial,
        indicators=reported_indicators(frame),
        periods=Period.objects.filter(logframe=frame, status=PeriodStatus.OPEN),
        countries=_countries_for(request),
    )


def _save(request: AuthenticatedRequest, value: ReportedValue | None) -> HttpResponse:
    form = _form(request, value)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            saved = services.save_value(
                indicator=get_indicator(data["indicator"]),
                period=Period.objects.get(pk=data["period"]),
                country=data["country"],
                by=request.user,
                raw=data["value"],
                text=data["text"],
                not_available=data["not_available"],
                reason=data["not_available_reason"],
                evidence=data["evidence"],
                submit="submit" in request.POST,
                version=value.version if value is not None else None,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            return redirect("results:value", pk=saved.pk)
    return render(request, "results/value_form.html", {"form": form, "value": value})


@login_required
def value_new(request: AuthenticatedRequest) -> HttpResponse:
    if not request.user.has_perm("results.report_values"):
        raise PermissionDenied
    return _save(request, None)


@login_required
def value_detail(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    value = get_value_for(request.user, pk)
    if request.method == "POST" or "edit" in request.GET:
        if not request.user.has_perm("results.edit_value", value):
            raise PermissionDenied
        return _save(request, value)
    return render(
        request,
        "results/value.html",
        {
            "value": value,
            "can_edit": request.user.has_perm("results.edit_value", value)
            and value.status in services.EDITABLE,
            "can_decide": request.user.has_perm("results.decide_value", value)
            and value.status == "submitted",
            "return_form": ReturnForm(initial={"version": value.version}),
        },
    )


@login_required
@require_POST
def value_decide(request: AuthenticatedRequest, pk: int, action: str) -> HttpResponse:
    if action not in ("approve", "return"):
        raise Http404
    value = get_value_for(request.user, pk)
    if not request.user.is_programme_staff:
        raise PermissionDenied
    version = int(request.POST.get("version") or 0) or None
    try:
        if action == "approve":
            services.approve_value(value=value, by=request.user, version=version)
        else:
            services.return_value(
                value=value,
                by=request.user,
                comment=request.POST.get("comment", ""),
                version=version,
            )
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    return redirect("results:value", pk=value.pk)
