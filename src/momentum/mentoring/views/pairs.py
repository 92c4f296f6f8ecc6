"""The pair's work: the pair page (plan, meetings, check-ins, learning path), editing the plan,
logging meetings, answering check-ins, and a mentor's list of mentees."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from momentum.core.forms import add_service_errors
from momentum.mentoring.forms.pairs import (
    CheckInForm,
    GoalForm,
    MeetingForm,
    MilestoneForm,
    PlanSummaryForm,
)
from momentum.mentoring.models import Application, Pairing
from momentum.mentoring.selectors import pairs as selectors
from momentum.mentoring.services import pairs as services
from momentum.people.http import AuthenticatedRequest


def _pair_url(pairing: Pairing, anchor: str = "") -> str:
    url = reverse("mentoring:pair", kwargs={"pk": pairing.pk})
    return f"{url}#{anchor}" if anchor else url


def _learning_path(application: Application) -> Any:
    """The learning-path progress block's data, when that part of the programme exists."""
    try:
        from momentum.mentoring.selectors.learning_path import (  # type: ignore[import-not-found,unused-ignore]
            progress_for,
        )
    except ImportError:
        return None
    return progress_for(application)


def _require(request: AuthenticatedRequest, permission: str, target: Any) -> None:
    if not request.user.has_perm(permission, target):
        raise PermissionDenied


@login_required
def pair(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    user = request.user
    pairing = selectors.get_pair_for(user, pk)
    plan = selectors.plan_of(pairing)
    meetings = selectors.meetings_of(pairing, user)
    check_ins = selectors.check_ins_of(pairing)
    today = timezone.localdate()
    for check_in in check_ins:
        check_in.is_own = check_in.respondent_id == user.pk  # type: ignore[attr-defined]
        check_in.is_due = check_in.submitted_at is None and check_in.due_on <= today  # type: ignore[attr-defined]
    return render(
        request,
        "mentoring/pairs/pair.html",
        {
            "pairing": pairing,
            "mentee": pairing.mentee.applicant.user,
            "mentor": pairing.mentor.user,
            "plan": plan,
            "goals": selectors.goals_of(plan),
            "meetings": meetings,
            "totals": selectors.meeting_totals(meetings),
            "check_ins": check_ins,
            "learning_path": _learning_path(pairing.mentee),
            "sees_conversation": user.has_perm("mentoring.view_pair_conversation", pairing),
            "can_edit": user.has_perm("mentoring.edit_plan", pairing),
            "can_review": user.has_perm("mentoring.review_plan", pairing),
            "can_log": user.has_perm("mentoring.log_meeting", pairing),
            "today": today,
        },
    )


@login_required
def plan_edit(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    pairing = selectors.get_pair_for(request.user, pk)
    _require(request, "mentoring.edit_plan", pairing)
    plan = services.ensure_plan(pairing=pairing)
    form = PlanSummaryForm(
        request.POST if request.method == "POST" else None,
        initial={"summary": plan.summary, "version": plan.version},
    )
    if form.is_bound and form.is_valid():
        try:
            services.update_plan_summary(
                plan=plan,
                by=request.user,
                summary=form.cleaned_data["summary"],
                expected_version=form.cleaned_data["version"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The plan was saved."))
            return redirect(_pair_url(pairing, "plan"))
    return render(
        request,
        "mentoring/pairs/plan_form.html",
        {"pairing": pairing, "form": form, "title": _("The plan's summary")},
    )


@login_required
@require_POST
def plan_review(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    pairing = selectors.get_pair_for(request.user, pk)
    _require(request, "mentoring.review_plan", pairing)
    plan = services.ensure_plan(pairing=pairing)
    try:
        services.mark_plan_reviewed(plan=plan, by=request.user)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("The plan is marked as reviewed."))
    return redirect(_pair_url(pairing, "plan"))


@login_required
def goal_new(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    pairing = selectors.get_pair_for(request.user, pk)
    _require(request, "mentoring.edit_plan", pairing)
    form = GoalForm(request.POST if request.method == "POST" else None)
    if form.is_bound and form.is_valid():
        data = dict(form.cleaned_data)
        data.pop("version", None)
        try:
            plan = services.ensure_plan(pairing=pairing)
            services.add_goal(plan=plan, by=request.user, **data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The goal was added to the plan."))
            return redirect(_pair_url(pairing, "plan"))
    return render(
        request,
        "mentoring/pairs/plan_form.html",
        {"pairing": pairing, "form": form, "title": _("Add a goal")},
    )


@login_required
def goal_edit(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    goal = selectors.get_goal_for(request.user, pk)
    pairing = goal.plan.pairing
    _require(request, "mentoring.edit_plan", pairing)
    form = GoalForm(
        request.POST if request.method == "POST" else None,
        initial={
            "title": goal.title,
            "measure": goal.measure,
            "target_date": goal.target_date,
            "status": goal.status,
            "evidence": goal.evidence,
            "version": goal.version,
        },
    )
    if form.is_bound and form.is_valid():
        data = dict(form.cleaned_data)
        version = data.pop("version")
        try:
            services.update_goal(goal=goal, by=request.user, data=data, expected_version=version)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The goal was saved."))
            return redirect(_pair_url(pairing, f"goal-{goal.pk}"))
    return render(
        request,
        "mentoring/pairs/plan_form.html",
        {"pairing": pairing, "form": form, "title": _("Edit the goal")},
    )


@login_required
def milestone_new(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    goal = selectors.get_goal_for(request.user, pk)
    pairing = goal.plan.pairing
    _require(request, "mentoring.edit_plan", pairing)
    form = MilestoneForm(
        request.POST if request.method == "POST" else None,
        initial={"goal_version": goal.version},
    )
    if form.is_bound and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            services.add_milestone(
                goal=goal,
                by=request.user,
                title=data["title"],
                due_on=data["due_on"],
                done_on=data["done_on"],
                expected_goal_version=data["goal_version"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The milestone was added."))
            return redirect(_pair_url(pairing, f"goal-{goal.pk}"))
    return render(
        request,
        "mentoring/pairs/plan_form.html",
        {"pairing": pairing, "goal": goal, "form": form, "title": _("Add a milestone")},
    )


@login_required
def milestone_edit(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    milestone = selectors.get_milestone_for(request.user, pk)
    goal = milestone.goal
    pairing = goal.plan.pairing
    _require(request, "mentoring.edit_plan", pairing)
    form = MilestoneForm(
        request.POST if request.method == "POST" else None,
        initial={
            "title": milestone.title,
            "due_on": milestone.due_on,
            "done_on": milestone.done_on,
            "goal_version": goal.version,
        },
    )
    if form.is_bound and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            services.update_milestone(
                milestone=milestone,
                by=request.user,
                title=data["title"],
                due_on=data["due_on"],
                done_on=data["done_on"],
                expected_goal_version=data["goal_version"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The milestone was saved."))
            return redirect(_pair_url(pairing, f"goal-{goal.pk}"))
    return render(
        request,
        "mentoring/pairs/plan_form.html",
        {"pairing": pairing, "goal": goal, "form": form, "title": _("Edit the milestone")},
    )


@login_required
def meeting_new(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    pairing = selectors.get_pair_for(request.user, pk)
    _require(request, "mentoring.log_meeting", pairing)
    form = MeetingForm(
        request.POST if request.method == "POST" else None,
        initial={"held_on": timezone.localdate()},
    )
    if form.is_bound and form.is_valid():
        try:
            services.log_meeting(pairing=pairing, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The meeting was added to the log."))
            return redirect(_pair_url(pairing, "meetings"))
    return render(request, "mentoring/pairs/meeting_form.html", {"pairing": pairing, "form": form})


@login_required
def check_in(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    item = selectors.get_check_in_for(request.user, pk)
    _require(request, "mentoring.answer_check_in", item)
    pairing = item.pairing
    if item.submitted_at is not None:
        messages.info(request, _("You already answered this check-in. Thank you."))
        return redirect(_pair_url(pairing, "check-ins"))
    is_due = item.due_on <= timezone.localdate()
    form = CheckInForm(request.POST if request.method == "POST" and is_due else None)
    if form.is_bound and form.is_valid():
        try:
            services.submit_check_in(check_in=item, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Thank you: your check-in was recorded."))
            return redirect(_pair_url(pairing, "check-ins"))
    return render(
        request,
        "mentoring/pairs/check_in_form.html",
        {"pairing": pairing, "check_in": item, "form": form, "is_due": is_due},
    )


@login_required
def my_mentees(request: AuthenticatedRequest) -> HttpResponse:
    _require(request, "mentoring.view_own_mentees", None)
    return render(
        request,
        "mentoring/pairs/my_mentees.html",
        {"pairs": list(selectors.mentees_of(request.user)), "today": timezone.localdate()},
    )
