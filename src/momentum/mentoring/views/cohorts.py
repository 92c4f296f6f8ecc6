"""Cohorts: the list, a cohort's page (window, eligibility, places and applications per
country), and staff's pages to prepare a cohort and move it from one stage to the next."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from momentum.core.forms import add_service_errors
from momentum.core.models import Country
from momentum.mentoring.forms.cohorts import (
    CohortForm,
    CriterionFormSet,
    TransitionForm,
    criteria_initial,
)
from momentum.mentoring.models import Application, Cohort, CohortStatus
from momentum.mentoring.selectors import applications as application_selectors
from momentum.mentoring.selectors import cohorts as selectors
from momentum.mentoring.services import cohorts as services
from momentum.people.http import AuthenticatedRequest

COUNTRY_PAGE_SIZE = 50


def cohort_url(cohort: Cohort) -> str:
    return reverse("mentoring:cohort", kwargs={"pk": cohort.pk})


@login_required
def cohort_list(request: AuthenticatedRequest) -> HttpResponse:
    user = request.user
    if not user.has_perm("mentoring.use_mentoring"):
        raise PermissionDenied
    page = Paginator(selectors.cohorts_for(user), 20).get_page(request.GET.get("page"))
    applied = set(
        Application.objects.filter(
            applicant__user=user, cohort__in=[cohort.pk for cohort in page]
        ).values_list("cohort_id", flat=True)
    )
    return render(
        request,
        "mentoring/cohorts/list.html",
        {
            "page": page,
            "applied": applied,
            "can_manage": user.has_perm("mentoring.manage_cohorts"),
        },
    )


def _chosen_country(request: AuthenticatedRequest, countries: list[Country]) -> Country | None:
    code = (request.GET.get("country") or "").upper()
    if not code:
        return countries[0] if countries else None
    for country in countries:
        if country.code == code:
            return country
    # Another country's applications are not the reader's to see.
    raise PermissionDenied


@login_required
def cohort_detail(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    user = request.user
    cohort = selectors.get_cohort_for(user, pk)
    sees_counts = (
        user.is_programme_staff
        or user.has_perm("mentoring.view_country_applications")
        or cohort.panel.filter(pk=user.pk).exists()
    )
    context: dict[str, Any] = {
        "cohort": cohort,
        "places": selectors.place_summary(cohort),
        "summary_statuses": [status.label for status in selectors.SUMMARY_STATUSES],
        "sees_counts": sees_counts,
        "can_manage": user.has_perm("mentoring.manage_cohorts"),
        "can_apply": user.has_perm("mentoring.apply", cohort) and cohort.accepts_applications,
        "can_propose": user.has_perm("mentoring.propose", cohort) and cohort.accepts_applications,
        "own_application": application_selectors.own_application(user, cohort),
        "next_status": services.next_status(cohort),
    }
    if context["next_status"]:
        context["next_status_label"] = CohortStatus(context["next_status"]).label
    if user.has_perm("mentoring.view_country_applications"):
        countries = selectors.countries_for_applications(user, cohort)
        country = _chosen_country(request, countries)
        context["countries"] = countries
        context["country"] = country
        if country is not None:
            applications = application_selectors.country_applications(user, cohort, country)
            context["country_page"] = Paginator(applications, COUNTRY_PAGE_SIZE).get_page(
                request.GET.get("page")
            )
    return render(request, "mentoring/cohorts/detail.html", context)


def _active_countries() -> list[Country]:
    return list(Country.objects.active().order_by("code"))


def _edit(request: AuthenticatedRequest, cohort: Cohort | None) -> HttpResponse:
    user = request.user
    criteria: Any
    countries = _active_countries()
    if cohort is not None:
        # A country no longer active keeps its places visible while it has some.
        codes = {country.code for country in countries}
        countries += [
            place.country for place in cohort.places.all() if place.country.code not in codes
        ]
    if request.method == "POST":
        form = CohortForm(request.POST, countries=countries)
        criteria = CriterionFormSet(request.POST, prefix="criteria")
        if form.is_valid() and criteria.is_valid():
            try:
                saved = services.save_cohort(
                    by=user,
                    data=form.cohort_data(),
                    places=form.places(),
                    eligible_areas=list(form.cleaned_data["eligible_areas"]),
                    panel=list(form.cleaned_data["panel"]),
                    criteria=criteria.criteria(),
                    cohort=cohort,
                    expected_version=form.cleaned_data.get("version"),
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("The cohort was saved."))
                return redirect(cohort_url(saved))
    else:
        if cohort is None:
            form = CohortForm(countries=countries)
            criteria = CriterionFormSet(prefix="criteria")
        else:
            form = CohortForm(initial=CohortForm.initial_for(cohort), countries=countries)
            criteria = CriterionFormSet(prefix="criteria", initial=criteria_initial(cohort))
    return render(
        request,
        "mentoring/cohorts/form.html",
        {"form": form, "criteria": criteria, "cohort": cohort},
    )


@login_required
def cohort_new(request: AuthenticatedRequest) -> HttpResponse:
    if not request.user.has_perm("mentoring.manage_cohorts"):
        raise PermissionDenied
    return _edit(request, None)


@login_required
def cohort_edit(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    cohort = selectors.get_cohort_for(request.user, pk, write=True)
    return _edit(request, cohort)


@login_required
@require_POST
def cohort_transition(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """Move the cohort to its next stage (the service refuses an illegal move)."""
    cohort = selectors.get_cohort_for(request.user, pk, write=True)
    form = TransitionForm(request.POST)
    move = services.TRANSITION_SERVICES.get(form.data.get("to", "")) if form.is_valid() else None
    if move is None:
        messages.error(request, _("Choose the stage the cohort moves to."))
        return redirect(cohort_url(cohort))
    try:
        cohort = move(cohort=cohort, by=request.user)
    except ValidationError as refusal:
        for message in refusal.messages:
            messages.error(request, message)
    else:
        messages.success(
            request,
            _("The cohort is now at the “%(status)s” stage.")
            % {"status": cohort.get_status_display()},
        )
    return redirect(cohort_url(cohort))
