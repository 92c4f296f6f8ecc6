"""Completion and alumni: a cohort's completion checklist and completing a mentee (staff), the
alumni directory (alumnae, staff, focal points for their country), and shortlisting alumnae for
the operational field exercise (staff)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from momentum.core.models import Country
from momentum.mentoring.forms.opportunities import CompleteMenteeForm, ShortlistAlumnaForm
from momentum.mentoring.models import Application, ApplicationStatus, Cohort
from momentum.mentoring.selectors import alumni as selectors
from momentum.mentoring.selectors.learning_path import cohort_mentees
from momentum.mentoring.services import completion as services
from momentum.mentoring.services import opportunities as opportunity_services
from momentum.people.http import AuthenticatedRequest


@login_required
def cohort_completion(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """Each mentee's completion checklist (constant queries)."""
    if not request.user.has_perm("mentoring.complete_mentees"):
        raise PermissionDenied
    cohort = get_object_or_404(Cohort, pk=pk)
    checks = selectors.completion_checks(cohort_mentees(cohort), cohort)
    return render(
        request,
        "mentoring/alumni/completion.html",
        {
            "cohort": cohort,
            "checks": checks,
            "ready": sum(1 for check in checks if check.meets_criteria and not check.is_completed),
            "completed": sum(1 for check in checks if check.is_completed),
        },
    )


@login_required
@require_POST
def complete_mentee(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    if not request.user.has_perm("mentoring.complete_mentees"):
        raise PermissionDenied
    application = (
        Application.objects.filter(
            pk=pk, status__in=[ApplicationStatus.ACCEPTED, ApplicationStatus.COMPLETED]
        )
        .select_related("applicant__user", "cohort")
        .first()
    )
    if application is None:
        raise Http404
    form = CompleteMenteeForm(request.POST)
    form.is_valid()
    try:
        certificate = services.complete_mentee(
            application=application,
            by=request.user,
            override_reason=form.cleaned_data.get("override_reason", ""),
        )
    except ValidationError as error:
        messages.error(
            request,
            _("%(name)s cannot be completed yet:") % {"name": application.applicant.user},
        )
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(
            request,
            _("%(name)s completed the programme. Certificate %(code)s was issued.")
            % {"name": application.applicant.user, "code": certificate.code},
        )
    return redirect(reverse("mentoring:cohort_completion", kwargs={"pk": application.cohort_id}))


@login_required
def alumni_directory(request: AuthenticatedRequest) -> HttpResponse:
    if not request.user.has_perm("mentoring.view_alumni"):
        raise PermissionDenied
    country = None
    code = (request.GET.get("country") or "").upper()
    if code:
        country = Country.objects.filter(code=code).first()
    cohort = None
    cohort_pk = request.GET.get("cohort") or ""
    if cohort_pk.isdigit():
        cohort = Cohort.objects.filter(pk=int(cohort_pk)).first()
    page, alumni = selectors.alumni_for(
        request.user,
        request.LANGUAGE_CODE,
        country=country,
        cohort=cohort,
        page_number=request.GET.get("page"),
    )
    query = request.GET.copy()
    query.pop("page", None)
    can_shortlist = request.user.has_perm("mentoring.shortlist_alumnae")
    exercises = selectors.field_exercises() if can_shortlist else []
    return render(
        request,
        "mentoring/alumni/directory.html",
        {
            "alumni": alumni,
            "page": page,
            "query": query.urlencode(),
            "country": country,
            "cohort": cohort,
            "can_shortlist": can_shortlist,
            "exercises": exercises,
        },
    )


@login_required
@require_POST
def alumni_shortlist(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """Shortlist an alumna for a field exercise, from the directory."""
    if not request.user.has_perm("mentoring.shortlist_alumnae"):
        raise PermissionDenied
    application = (
        Application.objects.filter(pk=pk, status=ApplicationStatus.COMPLETED)
        .select_related("applicant__user", "country")
        .first()
    )
    if application is None:
        raise Http404
    form = ShortlistAlumnaForm(request.POST, opportunities=selectors.field_exercises())
    if not form.is_valid():
        messages.error(request, _("Choose a field exercise."))
    else:
        opportunity = form.cleaned_data["opportunity"]
        try:
            opportunity_services.shortlist_for_opportunity(
                opportunity=opportunity, application=application, by=request.user
            )
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(
                request,
                _("%(name)s was shortlisted for %(opportunity)s.")
                % {"name": application.applicant.user, "opportunity": opportunity},
            )
    return redirect(reverse("mentoring:alumni"))
