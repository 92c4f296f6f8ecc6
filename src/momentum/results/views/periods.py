"""Reporting periods: the list, a new period, closing (a background snapshot) and re-opening."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.views.decorators.http import require_POST

from momentum.core.forms import add_service_errors
from momentum.people.http import AuthenticatedRequest
from momentum.results.forms import PeriodForm, ReopenForm
from momentum.results.selectors.logframe import get_period, logframe_or_404, periods_of
from momentum.results.services import periods as services


def _require_manager(request: AuthenticatedRequest) -> None:
    if not request.user.has_perm("results.manage_periods"):
        raise PermissionDenied


@login_required
def period_list(request: AuthenticatedRequest) -> HttpResponse:
    _require_manager(request)
    frame = logframe_or_404()
    form = PeriodForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.create_period(logframe=frame, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            return redirect("results:periods")
    return render(
        request,
        "results/periods.html",
        {"periods": periods_of(frame), "form": form, "reopen_form": ReopenForm()},
    )


@login_required
@require_POST
def period_close(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    _require_manager(request)
    period = get_period(logframe_or_404(), pk)
    try:
        job = services.close_period(period=period, by=request.user, language=get_language())
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return redirect("results:periods")
    return redirect("core:job", pk=job.pk)


@login_required
@require_POST
def period_reopen(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    _require_manager(request)
    period = get_period(logframe_or_404(), pk)
    form = ReopenForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError({"reason": form.errors.get("reason", [])})
        services.reopen_period(
            period=period,
            by=request.user,
            reason=form.cleaned_data["reason"],
            version=form.cleaned_data["version"],
        )
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    return redirect("results:periods")
