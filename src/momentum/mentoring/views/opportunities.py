"""Opportunities: the list and each one's page (everyone of the programme), creating and
editing (staff), applying (mentees and alumnae), proposing (focal points, staff), and the
allocation page with its proposed allocation, shortlisting, allocating and travel support
(staff)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from momentum.core.forms import add_service_errors
from momentum.mentoring.forms.opportunities import (
    ApplyForOpportunityForm,
    OpportunityForm,
    ProposeCandidateForm,
    TravelSupportForm,
)
from momentum.mentoring.models import Candidacy, Opportunity, TravelSupport
from momentum.mentoring.selectors import opportunities as selectors
from momentum.mentoring.services import opportunities as services
from momentum.people.http import AuthenticatedRequest


def _detail_url(opportunity: Opportunity | int) -> str:
    pk = opportunity if isinstance(opportunity, int) else opportunity.pk
    return reverse("mentoring:opportunity", kwargs={"pk": pk})


def _allocation_url(opportunity: Opportunity | int) -> str:
    pk = opportunity if isinstance(opportunity, int) else opportunity.pk
    return reverse("mentoring:opportunity_allocation", kwargs={"pk": pk})


@login_required
def opportunity_list(request: AuthenticatedRequest) -> HttpResponse:
    if not request.user.has_perm("mentoring.view_opportunities"):
        raise PermissionDenied
    opportunities = list(selectors.opportunities_for(request.user))
    for opportunity in opportunities:
        opportunity.accepts_applications = selectors.is_open(opportunity)  # type: ignore[attr-defined]
    return render(
        request,
        "mentoring/opportunities/list.html",
        {
            "opportunities": opportunities,
            "can_manage": request.user.has_perm("mentoring.manage_opportunities"),
        },
    )


def _save(request: AuthenticatedRequest, opportunity: Opportunity | None) -> HttpResponse:
    initial = OpportunityForm.initial_for(opportunity) if opportunity else {}
    form = OpportunityForm(request.POST if request.method == "POST" else None, initial=initial)
    if form.is_bound and form.is_valid():
        data = dict(form.cleaned_data)
        version = data.pop("version", None)
        try:
            saved = services.save_opportunity(
                by=request.user, data=data, opportunity=opportunity, expected_version=version
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The opportunity was saved."))
            return redirect(_detail_url(saved))
    return render(
        request,
        "mentoring/opportunities/form.html",
        {"form": form, "opportunity": opportunity},
    )


@login_required
def opportunity_new(request: AuthenticatedRequest) -> HttpResponse:
    if not request.user.has_perm("mentoring.manage_opportunities"):
        raise PermissionDenied
    return _save(request, None)


@login_required
def opportunity_edit(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    opportunity = selectors.get_opportunity_for(request.user, pk, write=True)
    return _save(request, opportunity)


@login_required
def opportunity_detail(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    user = request.user
    opportunity = selectors.get_opportunity_for(user, pk)
    candidacies = selectors.candidacies_of(opportunity, user)
    own = next((c for c in candidacies if c.person.user_id == user.pk), None)
    can_apply = (
        own is None
        and user.has_perm("mentoring.apply_for_opportunity")
        and selectors.is_open(opportunity)
        and selectors.own_candidate_application(opportunity, user) is not None
    )
    return render(
        request,
        "mentoring/opportunities/detail.html",
        {
            "opportunity": opportunity,
            "candidacies": [c for c in candidacies if c is not own or user.is_programme_staff],
            "own": own,
            "open": selectors.is_open(opportunity),
            "can_apply": can_apply,
            "can_propose": user.has_perm("mentoring.propose_for_opportunity"),
            "can_manage": user.has_perm("mentoring.manage_opportunities"),
        },
    )


@login_required
def opportunity_apply(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    opportunity = selectors.get_opportunity_for(request.user, pk)
    if not request.user.has_perm("mentoring.apply_for_opportunity"):
        raise PermissionDenied
    form = ApplyForOpportunityForm(request.POST if request.method == "POST" else None)
    if form.is_bound and form.is_valid():
        try:
            services.apply_for_opportunity(
                opportunity=opportunity,
                by=request.user,
                motivation=form.cleaned_data["motivation"],
                needs_travel_support=form.cleaned_data["needs_travel_support"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Your application was sent."))
            return redirect(_detail_url(opportunity))
    return render(
        request,
        "mentoring/opportunities/apply.html",
        {"form": form, "opportunity": opportunity, "open": selectors.is_open(opportunity)},
    )


@login_required
def opportunity_propose(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    opportunity = selectors.get_opportunity_for(request.user, pk)
    if not request.user.has_perm("mentoring.propose_for_opportunity"):
        raise PermissionDenied
    form = ProposeCandidateForm(
        request.POST if request.method == "POST" else None,
        applications=selectors.proposable_applications(opportunity, request.user),
    )
    if form.is_bound and form.is_valid():
        try:
            services.propose_candidate(
                opportunity=opportunity,
                by=request.user,
                application=form.cleaned_data["application"],
                motivation=form.cleaned_data["motivation"],
                needs_travel_support=form.cleaned_data["needs_travel_support"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The candidate was proposed."))
            return redirect(_detail_url(opportunity))
    return render(
        request,
        "mentoring/opportunities/propose.html",
        {"form": form, "opportunity": opportunity},
    )


def _require_allocator(request: AuthenticatedRequest) -> None:
    if not request.user.has_perm("mentoring.allocate_places"):
        raise PermissionDenied


@login_required
def opportunity_allocation(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """Candidates by country, places left, partner countries with no participant yet; with
    ``?proposal=1`` the proposed allocation, which staff may apply."""
    opportunity = selectors.get_opportunity_for(request.user, pk)
    _require_allocator(request)
    board = selectors.allocation_board(opportunity)
    proposal = None
    if request.GET.get("proposal") == "1":
        proposal = selectors.plan_allocation(
            [c for row in board.rows for c in row.candidates],
            places=opportunity.places,
            every_country=opportunity.every_country,
        )
    return render(
        request,
        "mentoring/opportunities/allocation.html",
        {
            "opportunity": opportunity,
            "board": board,
            "proposal": proposal,
            "travel_choices": TravelSupport.choices,
        },
    )


def _confirm_page(
    request: AuthenticatedRequest,
    opportunity: Opportunity,
    error: services.AllocationNeedsConfirmation,
    fields: list[tuple[str, Any]],
) -> HttpResponse:
    return render(
        request,
        "mentoring/opportunities/confirm.html",
        {
            "opportunity": opportunity,
            "warnings": error.messages,
            "action": request.path,
            "fields": fields,
        },
    )


@login_required
@require_POST
def allocation_apply(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    opportunity = selectors.get_opportunity_for(request.user, pk)
    _require_allocator(request)
    try:
        ids = [int(value) for value in request.POST.getlist("candidacy")]
    except ValueError:
        ids = []
        messages.error(request, _("Choose among the candidates shown."))
        return redirect(_allocation_url(opportunity))
    try:
        newly = services.apply_allocation(
            opportunity=opportunity,
            by=request.user,
            candidacy_ids=ids,
            confirm=request.POST.get("confirm") == "1",
        )
    except services.AllocationNeedsConfirmation as error:
        return _confirm_page(request, opportunity, error, [("candidacy", pk) for pk in ids])
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(
            request,
            _("The allocation was applied: %(count)s new participants told.")
            % {"count": len(newly)},
        )
    return redirect(_allocation_url(opportunity))


def _candidacy_for_staff(request: AuthenticatedRequest, pk: int) -> Candidacy:
    _require_allocator(request)
    return selectors.get_candidacy_for(request.user, pk)


@login_required
@require_POST
def candidacy_shortlist(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    candidacy = _candidacy_for_staff(request, pk)
    try:
        services.shortlist_candidacy(candidacy=candidacy, by=request.user)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    return redirect(_allocation_url(candidacy.opportunity_id))


@login_required
@require_POST
def candidacy_allocate(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    candidacy = _candidacy_for_staff(request, pk)
    try:
        services.allocate_candidacy(
            candidacy=candidacy, by=request.user, confirm=request.POST.get("confirm") == "1"
        )
    except services.AllocationNeedsConfirmation as error:
        return _confirm_page(request, candidacy.opportunity, error, [])
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("The place was allocated."))
    return redirect(_allocation_url(candidacy.opportunity_id))


@login_required
@require_POST
def candidacy_unallocate(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    candidacy = _candidacy_for_staff(request, pk)
    try:
        services.unallocate_candidacy(
            candidacy=candidacy, by=request.user, confirm=request.POST.get("confirm") == "1"
        )
    except services.AllocationNeedsConfirmation as error:
        return _confirm_page(request, candidacy.opportunity, error, [])
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("The place was taken back."))
    return redirect(_allocation_url(candidacy.opportunity_id))


@login_required
@require_POST
def candidacy_travel(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    candidacy = _candidacy_for_staff(request, pk)
    form = TravelSupportForm(request.POST)
    if form.is_valid():
        services.set_travel_support(
            candidacy=candidacy, by=request.user, status=form.cleaned_data["travel_support"]
        )
        messages.success(request, _("The travel support was updated."))
    else:
        messages.error(request, _("Choose one of the statuses offered."))
    return redirect(_allocation_url(candidacy.opportunity_id))
