"""Evaluations: participants answer anonymously; staff and trainers read grouped results."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from momentum.core.forms import add_service_errors
from momentum.people.http import AuthenticatedRequest
from momentum.training import selectors
from momentum.training.forms import EvaluationForm
from momentum.training.models import EvaluationKind
from momentum.training.models.evaluations import MIN_GROUP_SIZE
from momentum.training.rules import participation
from momentum.training.services import evaluations as services


@login_required
def evaluate(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """The end-of-session evaluation."""
    return _survey(request, pk, EvaluationKind.END_OF_SESSION, "training.evaluate")


@login_required
def follow_up(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """The follow-up survey, some months after the session (the link comes by e-mail)."""
    return _survey(request, pk, EvaluationKind.FOLLOW_UP, "training.answer_follow_up")


def _survey(request: AuthenticatedRequest, pk: int, kind: str, permission: str) -> HttpResponse:
    session = selectors.get_session_for_evaluations(request.user, pk)
    if not request.user.has_perm(permission, session):
        raise PermissionDenied
    nomination = participation(request.user, session)
    answered = services.has_answered(nomination=nomination, kind=kind)
    is_open = services.survey_open(session, kind)
    form = None
    if is_open and not answered:
        form = EvaluationForm(request.POST or None, kind=kind)
    if request.method == "POST":
        if answered:
            messages.error(
                request, _("You have already answered this survey. Each participant answers once.")
            )
            return redirect(request.path)
        if form is not None and form.is_valid():
            try:
                services.submit_evaluation(
                    nomination=nomination,
                    kind=kind,
                    ratings=form.ratings(),
                    comments=form.cleaned_data["comments"],
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("Thank you. Your answers were recorded anonymously."))
                return redirect(request.path)
    return render(
        request,
        "training/evaluations/survey.html",
        {
            "session": session,
            "kind": kind,
            "form": form,
            "answered": answered,
            "is_open": is_open,
            "min_group_size": MIN_GROUP_SIZE,
            "opens_on": services.follow_up_opens_on(session)
            if kind == EvaluationKind.FOLLOW_UP
            else session.ends_on,
        },
    )


@login_required
def evaluation_results(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """Means and distributions per question, only for groups of at least five answers."""
    session = selectors.get_session_for_evaluations(request.user, pk)
    if not request.user.has_perm("training.view_evaluation_results", session):
        raise PermissionDenied
    return render(
        request,
        "training/evaluations/results.html",
        {
            "session": session,
            "surveys": [
                selectors.evaluation_results(session, EvaluationKind.END_OF_SESSION),
                selectors.evaluation_results(session, EvaluationKind.FOLLOW_UP),
            ],
        },
    )
