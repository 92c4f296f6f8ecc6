"""The learning path pages: a mentee's path (staff and her mentor assign, order and remove
courses; she, her focal points and her mentors read it), every mentee's progress in a cohort
(staff), and the mentee's own programme page (her path, her opportunities, her completion)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from momentum.mentoring.forms.learning_path import AssignCourseForm
from momentum.mentoring.models import Application, ApplicationStatus, Cohort
from momentum.mentoring.selectors import alumni as alumni_selectors
from momentum.mentoring.selectors import learning_path as selectors
from momentum.mentoring.selectors import opportunities as opportunity_selectors
from momentum.mentoring.services import learning_path as services
from momentum.people.http import AuthenticatedRequest


def _path_url(application: Application) -> str:
    return reverse("mentoring:learning_path", kwargs={"pk": application.pk})


def _show_refusal(request: AuthenticatedRequest, error: ValidationError) -> None:
    for message in error.messages:
        messages.error(request, message)


@login_required
def learning_path(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    application = selectors.get_mentee_for(request.user, pk)
    can_manage = request.user.has_perm("mentoring.manage_learning_path", application)
    form = None
    if can_manage:
        form = AssignCourseForm(courses=selectors.assignable_courses(application))
    return render(
        request,
        "mentoring/learning_path/path.html",
        {
            "application": application,
            "mentee": application.applicant.user,
            "learning_path": selectors.progress_for(application),
            "can_manage": can_manage,
            "form": form,
        },
    )


@login_required
@require_POST
def learning_path_add(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    application = selectors.get_mentee_for(request.user, pk)
    if not request.user.has_perm("mentoring.manage_learning_path", application):
        raise PermissionDenied
    form = AssignCourseForm(request.POST, courses=selectors.assignable_courses(application))
    if form.is_valid():
        try:
            item = services.assign_course(
                application=application, course=form.cleaned_data["course"], by=request.user
            )
        except ValidationError as error:
            _show_refusal(request, error)
        else:
            messages.success(
                request,
                _("%(course)s was added to the learning path.") % {"course": item.course.title},
            )
    else:
        for field_errors in form.errors.values():
            for message in field_errors:
                messages.error(request, str(message))
    return redirect(_path_url(application))


@login_required
@require_POST
def learning_path_move(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    item = selectors.get_path_item_for(request.user, pk)
    direction = request.POST.get("direction")
    try:
        services.move_course(
            item=item,
            by=request.user,
            direction="up" if direction == "up" else "down",
        )
    except ValidationError as error:
        _show_refusal(request, error)
    return redirect(_path_url(item.mentee))


@login_required
@require_POST
def learning_path_remove(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    item = selectors.get_path_item_for(request.user, pk)
    try:
        services.remove_course(item=item, by=request.user)
    except ValidationError as error:
        _show_refusal(request, error)
    else:
        messages.success(
            request,
            _("%(course)s was removed from the learning path.") % {"course": item.course.title},
        )
    return redirect(_path_url(item.mentee))


@login_required
def cohort_learning_paths(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """Every mentee's progress in a cohort, in constant queries."""
    if not request.user.has_perm("mentoring.view_cohort_learning_paths"):
        raise PermissionDenied
    cohort = get_object_or_404(Cohort, pk=pk)
    mentees = selectors.cohort_mentees(cohort)
    progress = selectors.progress_for_many(mentees)
    rows = [{"application": mentee, "progress": progress[mentee.pk]} for mentee in mentees]
    return render(
        request,
        "mentoring/learning_path/cohort.html",
        {"cohort": cohort, "rows": rows},
    )


@login_required
def my_programme(request: AuthenticatedRequest) -> HttpResponse:
    """The mentee's own page: for each cohort she takes part in (or completed), her learning
    path and completion; and her opportunities with their statuses."""
    if not request.user.has_perm("mentoring.view_own_programme"):
        raise PermissionDenied
    applications = list(
        Application.objects.filter(
            applicant__user=request.user, status__in=selectors.MENTEE_STATUSES
        )
        .select_related("cohort", "certificate", "applicant__user")
        .order_by("-cohort__starts_on")
    )
    candidacies = opportunity_selectors.my_candidacies(request.user)
    rows = []
    for application in applications:
        check = alumni_selectors.completion_check(application)
        rows.append(
            {
                "application": application,
                "learning_path": check.path,
                "check": check,
                "completed": application.status == ApplicationStatus.COMPLETED,
            }
        )
    cohorts = {application.cohort_id for application in applications}
    applied = {candidacy.opportunity_id for candidacy in candidacies}
    open_opportunities = [
        opportunity
        for opportunity in opportunity_selectors.opportunities_for(request.user)
        if opportunity_selectors.is_open(opportunity)
        and (opportunity.cohort_id is None or opportunity.cohort_id in cohorts)
        and opportunity.pk not in applied
    ]
    return render(
        request,
        "mentoring/learning_path/my_programme.html",
        {
            "rows": rows,
            "candidacies": candidacies,
            "open_opportunities": open_opportunities if applications else [],
        },
    )
