"""Reporting periods: the list, a new period, correcting an open one, closing (a background
snapshot) and re-opening."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from momentum.core.forms import add_service_errors
from momentum.people.http import AuthenticatedRequest
from momentum.results.forms import PeriodEditForm, PeriodForm, ReopenForm
from momentum.results.models import Level, Narrative, Result
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
def period_edit(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    _require_manager(request)
    period = get_period(logframe_or_404(), pk)
    initial = {field: getattr(period, field) for field in PeriodEditForm.base_fields}
    form = PeriodEditForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_period(period=period, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            return redirect("results:periods")
    return render(request, "results/period_form.html", {"period": period, "form": form})


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


@login_required
def narratives(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """Staff write, per outcome, what the period's report says about it (in each language)."""
    _require_manager(request)
    frame = logframe_or_404()
    period = get_period(frame, pk)
    outcomes = list(Result.objects.filter(logframe=frame, level=Level.OUTCOME))
    if request.method == "POST":
        try:
            for outcome in outcomes:
                services.save_narrative(
                    period=period,
                    result=outcome,
                    by=request.user,
                    texts={
                        language: request.POST.get(f"text_{outcome.pk}_{language}", "")
                        for language in ("ar", "fr", "en")
                    },
                )
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            return redirect("results:periods")
    written = {item.result_id: item for item in Narrative.objects.filter(period=period)}
    return render(
        request,
        "results/narratives.html",
        {
            "period": period,
            "sections": [(outcome, written.get(outcome.pk)) for outcome in outcomes],
            "languages": (("ar", _("Arabic")), ("fr", _("French")), ("en", _("English"))),
        },
    )
