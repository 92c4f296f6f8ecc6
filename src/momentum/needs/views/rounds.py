"""Rounds and country visits: the list, a round's page (visits and submissions), a visit's
page, planning a visit (staff) and the visit's calendar invitation."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render

from momentum.core.forms import add_service_errors
from momentum.needs import selectors
from momentum.needs.forms import VisitForm
from momentum.needs.models import Round, Submission, SubmissionStatus
from momentum.needs.services import rounds as services
from momentum.people.http import AuthenticatedRequest
from momentum.people.models import Role


@login_required
def round_list(request: AuthenticatedRequest) -> HttpResponse:
    if not request.user.has_perm("needs.see_rounds"):
        raise PermissionDenied
    rounds = list(Round.objects.select_related("questionnaire")[:50])
    return render(
        request,
        "needs/rounds/list.html",
        {"rounds": rounds, "can_manage": request.user.has_perm("needs.manage")},
    )


@login_required
def round_detail(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    round = selectors.get_round_for(request.user, pk)
    visits = list(selectors.visits_visible_to(request.user).filter(round=round))
    submissions = list(selectors.submissions_visible_to(request.user).filter(round=round))
    started = {submission.country_id for submission in submissions}
    own_countries = request.user.countries_for(Role.FOCAL_POINT)
    from momentum.core.models import Country

    to_start = list(Country.objects.filter(pk__in=own_countries - started))
    return render(
        request,
        "needs/rounds/detail.html",
        {
            "round": round,
            "visits": visits,
            "submissions": submissions,
            "to_start": to_start,
            "progress": [
                (SubmissionStatus(status).label, count)
                for status, count in selectors.round_progress(round).items()
            ]
            if request.user.is_programme_staff
            else None,
            "can_manage": request.user.has_perm("needs.manage"),
            "reports": list(selectors.reports_visible_to(request.user).filter(round=round)),
        },
    )


@login_required
def visit_detail(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    visit = selectors.get_visit_for(request.user, pk)
    return render(
        request,
        "needs/rounds/visit.html",
        {
            "visit": visit,
            "participants": list(visit.participants.all()),
            "documents_count": visit.documents.count(),
            "can_manage": request.user.has_perm("needs.manage"),
        },
    )


@login_required
def visit_ics(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    visit = selectors.get_visit_for(request.user, pk)
    response = HttpResponse(
        services.visit_ics(visit, host=request.get_host().split(":")[0]),
        content_type="text/calendar; charset=utf-8",
    )
    response["Content-Disposition"] = (
        f'attachment; filename="visit-{visit.country.code}-{visit.round.year}.ics"'
    )
    return response


@login_required
def visit_new(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    round = selectors.get_round_for(request.user, pk)
    if not request.user.has_perm("needs.manage"):
        raise PermissionDenied
    form = VisitForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            visit = services.plan_visit(
                by=request.user,
                round=round,
                country=data.pop("country"),
                starts_on=data.pop("starts_on"),
                ends_on=data.pop("ends_on"),
                **data,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            return redirect("needs:visit", pk=visit.pk)
    return render(request, "needs/rounds/visit_form.html", {"round": round, "form": form})


@login_required
def start_submission(request: AuthenticatedRequest, pk: int, country: int) -> HttpResponse:
    from momentum.core.models import Country
    from momentum.needs.services.submissions import start_submission as start

    round = selectors.get_round_for(request.user, pk)
    if request.method != "POST":
        return redirect("needs:round", pk=round.pk)
    target = Country.objects.filter(pk=country).first()
    if target is None or not (
        request.user.is_programme_staff or target.pk in request.user.countries_for(Role.FOCAL_POINT)
    ):
        raise PermissionDenied
    submission: Submission = start(by=request.user, round=round, country=target)
    return redirect("needs:submission", pk=submission.pk)
