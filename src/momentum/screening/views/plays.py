"""The trainee's side: screen the queue one traveller at a time, decide, get feedback."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from momentum.people.http import AuthenticatedRequest
from momentum.screening.forms import ConsoleForm, DecisionForm
from momentum.screening.models import CaseKind, Check
from momentum.screening.selectors import queues as selectors
from momentum.screening.services import queues as services
from momentum.screening.views.console import run_console


@login_required
def play(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """The console on the next traveller of the queue; the MRZ as the reader gave it."""
    current = selectors.get_play_for(request.user, pk)
    check = services.open_next(play=current, by=request.user)
    if check is None:
        return redirect("screening:play_scores", pk=current.pk)
    presentation = check.item.presentation
    data: dict[str, Any] = {"mrz": presentation.mrz}
    form = ConsoleForm(request.GET or None, initial=data)
    if request.GET and form.is_valid():
        data = form.cleaned_data
    parsed, result, elapsed = run_console(current.queue.world, data)
    total = current.queue.items.count()
    return render(
        request,
        "screening/play.html",
        {
            "play": current,
            "check": check,
            "form": form,
            "parsed": parsed,
            "result": result,
            "elapsed": elapsed,
            "decision_form": DecisionForm(),
            "total": total,
        },
    )


def _own_check(request: AuthenticatedRequest, pk: int) -> Check:
    check = get_object_or_404(Check.objects.select_related("play", "item__presentation"), pk=pk)
    if not request.user.has_perm("screening.play", check.play):
        raise PermissionDenied
    return check


@login_required
@require_POST
def decide(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    check = _own_check(request, pk)
    form = DecisionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _error_text(form))
        return redirect("screening:play", pk=check.play_id)
    try:
        services.decide(
            check=check,
            decision=form.cleaned_data["decision"],
            note=form.cleaned_data["note"],
            by=request.user,
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("screening:feedback", pk=check.pk)


def _error_text(form: DecisionForm) -> str:
    return " ".join(str(message) for messages_ in form.errors.values() for message in messages_)


@login_required
def feedback(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """The ground truth of one traveller, shown only once the trainee has decided."""
    check = _own_check(request, pk)
    if not check.decision:
        raise Http404
    return render(
        request,
        "screening/feedback.html",
        {"check": check, "presentation": check.item.presentation},
    )


@login_required
def play_scores(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    current = selectors.get_play_for(request.user, pk, scores=True)
    checks = selectors.checks_of([current])
    # A trainee sees the ground truth of the travellers she has decided only.
    scores = selectors.scores_of(checks)
    missed = [
        (CaseKind(kind).label, count) for kind, count in sorted(scores.missed_by_kind.items())
    ]
    return render(
        request,
        "screening/scores.html",
        {"play": current, "checks": checks, "scores": scores, "missed": missed},
    )
