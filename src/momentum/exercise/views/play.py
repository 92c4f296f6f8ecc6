"""Playing the exercise: a site's page and screen of fired injects (polled), the controller
console (fire, move, add, cancel, note what was done) and the evaluators' observation form."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.dateparse import parse_datetime
from django.utils.timezone import make_aware
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from momentum.core.forms import add_service_errors
from momentum.exercise import selectors
from momentum.exercise.forms import InjectForm, ObservationForm
from momentum.exercise.models import Objective, Site
from momentum.exercise.services import injects as inject_services
from momentum.exercise.services.observations import record_observation
from momentum.people.http import AuthenticatedRequest

FEED_SIZE = 30
OWN_SHOWN = 50  # an evaluator's latest observations under her form


@login_required
def site(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    found = selectors.get_site_for(request.user, pk)
    exercise = found.exercise
    return render(
        request,
        "exercise/site.html",
        {
            "site": found,
            "exercise": exercise,
            "team": list(selectors.team_of(exercise, found)),
            "phases": list(exercise.phases.prefetch_related("documents")),
            "fired": list(selectors.fired_injects(found)[:FEED_SIZE]),
        },
    )


@login_required
def site_feed(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    found = selectors.get_site_for(request.user, pk)
    return render(
        request,
        "exercise/_feed.html",
        {"site": found, "fired": list(selectors.fired_injects(found)[:FEED_SIZE])},
    )


@login_required
def console(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    user = request.user
    exercise = selectors.get_exercise_for(user, pk, perm="exercise.control")
    form = InjectForm(request.POST or None, exercise=exercise, prefix="inject")
    if request.method == "POST" and form.is_valid():
        try:
            inject_services.add_inject(by=user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The inject was added to the timeline."))
            return redirect("exercise:console", pk)
    injects = list(selectors.timeline(exercise))
    return render(
        request,
        "exercise/console.html",
        {
            "exercise": exercise,
            "injects": injects,
            "acted": sum(1 for i in injects if i.acted_at),
            "fired": sum(1 for i in injects if i.status == "fired"),
            "form": form,
            "board": selectors.screening_board(exercise),
        },
    )


@login_required
def board(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """The controller's live board of each site's screening, polled by the console."""
    exercise = selectors.get_exercise_for(request.user, pk, perm="exercise.control")
    return render(
        request,
        "exercise/_board.html",
        {"exercise": exercise, "board": selectors.screening_board(exercise)},
    )


@login_required
@require_POST
def inject(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """One change to one inject: fire it, move it, cancel it, or note what was done."""
    user = request.user
    found = selectors.get_inject_for(user, pk)
    do = request.POST.get("do", "")
    try:
        version = int(request.POST.get("version", ""))
    except ValueError as error:
        raise Http404 from error
    try:
        if do == "fire":
            inject_services.fire_inject(inject=found, by=user, version=version)
            messages.success(request, _("The inject was sent to its site."))
        elif do == "move":
            when = parse_datetime(request.POST.get("scheduled_at", ""))
            if when is None:
                raise ValidationError(_("Give the new time as a date and an hour."))
            if when.tzinfo is None:
                when = make_aware(when)
            inject_services.move_inject(inject=found, scheduled_at=when, by=user, version=version)
            messages.success(request, _("The inject was moved."))
        elif do == "cancel":
            inject_services.cancel_inject(inject=found, by=user, version=version)
            messages.success(request, _("The inject was cancelled."))
        elif do == "acted":
            inject_services.record_action(
                inject=found, note=request.POST.get("note", ""), by=user, version=version
            )
            messages.success(request, _("What the site did was noted."))
        else:
            raise Http404
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("exercise:console", found.exercise_id)


@login_required
def observe(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    user = request.user
    exercise = selectors.get_exercise_for(user, pk, perm="exercise.observe")
    assigned = selectors.assigned_objectives(user, exercise)
    form = ObservationForm(request.POST or None, request.FILES or None, assigned=assigned)
    if request.method == "POST":
        objective = Objective.objects.filter(
            exercise=exercise, pk=request.POST.get("objective") or 0
        ).first()
        site_found = Site.objects.filter(
            exercise=exercise, pk=request.POST.get("site") or 0
        ).first()
        if objective is None or site_found is None:
            form.is_valid()
            form.add_error(None, _("Choose one of your objectives and one of your sites."))
        elif _valid_enough(form):
            try:
                record_observation(
                    objective=objective,
                    site=site_found,
                    evaluator=user,
                    rating=request.POST.get("rating", ""),
                    justification=request.POST.get("justification", ""),
                    strengths=request.POST.get("strengths", ""),
                    improvements=request.POST.get("improvements", ""),
                    evidence_note=request.POST.get("evidence_note", ""),
                    evidence=request.FILES.get("evidence"),
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("Your observation was recorded."))
                return redirect("exercise:observe", pk)
    return render(
        request,
        "exercise/observe.html",
        {
            "exercise": exercise,
            "form": form,
            "assigned": assigned,
            "observations": list(
                selectors.observations_of(exercise, user)
                .filter(evaluator=user)
                .order_by("-observed_at")[:OWN_SHOWN]
            ),
        },
    )


def _valid_enough(form: Any) -> bool:
    """The form's own checks, except the choice lists: the service says why an objective or a
    site that is not the evaluator's is refused."""
    form.is_valid()
    for name in ("objective", "site"):
        form.errors.pop(name, None)
    return not form.errors
