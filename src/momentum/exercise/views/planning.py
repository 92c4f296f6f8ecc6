"""The list of exercises, an exercise's plan (phases, objectives, shifts, sites, documents,
status, invitations) and its teams."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from momentum.core.forms import add_service_errors
from momentum.exercise import selectors
from momentum.exercise.forms import (
    DocumentForm,
    ExerciseForm,
    MemberForm,
    ObjectiveForm,
    PhaseForm,
    ShiftForm,
    SiteForm,
)
from momentum.exercise.models import MemberSource, PhaseDocument
from momentum.exercise.services import planning
from momentum.people.http import AuthenticatedRequest


@login_required
def exercise_list(request: AuthenticatedRequest) -> HttpResponse:
    user = request.user
    if not user.has_perm("exercise.see_in_menu"):
        raise PermissionDenied
    can_plan = user.has_perm("exercise.plan")
    form = ExerciseForm(request.POST or None) if can_plan else None
    if request.method == "POST":
        if form is None:
            raise PermissionDenied
        if form.is_valid():
            try:
                exercise = planning.create_exercise(by=user, **form.cleaned_data)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                return redirect("exercise:detail", exercise.pk)
    return render(
        request,
        "exercise/list.html",
        {"exercises": list(selectors.exercises_for(user)), "form": form},
    )


def _plan_forms(
    exercise: Any, data: Any = None, files: Any = None, which: str = ""
) -> dict[str, Any]:
    def bound(name: str) -> Any:
        return data if which == name else None

    return {
        "phase_form": PhaseForm(bound("phase"), prefix="phase"),
        "objective_form": ObjectiveForm(bound("objective"), prefix="objective"),
        "shift_form": ShiftForm(bound("shift"), prefix="shift"),
        "site_form": SiteForm(bound("site"), prefix="site", exercise=exercise),
        "document_form": DocumentForm(
            bound("document"),
            files if which == "document" else None,
            prefix="document",
            exercise=exercise,
        ),
    }


@login_required
def detail(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    user = request.user
    exercise = selectors.get_exercise_for(user, pk)
    return _render_detail(
        request, exercise, _plan_forms(exercise) if user.has_perm("exercise.plan") else {}
    )


def _render_detail(
    request: AuthenticatedRequest, exercise: Any, forms: dict[str, Any]
) -> HttpResponse:
    user = request.user
    phases = list(exercise.phases.prefetch_related("documents"))
    return render(
        request,
        "exercise/detail.html",
        {
            "exercise": exercise,
            "phases": phases,
            "objectives": list(exercise.objectives.prefetch_related("courses")),
            "shifts": list(exercise.shifts.all()),
            "sites": list(selectors.sites_for(user, exercise).prefetch_related("shifts")),
            "interpol_team": list(selectors.team_of(exercise).filter(site__isnull=True)),
            "can_plan": user.has_perm("exercise.plan"),
            "can_control": user.has_perm("exercise.control", exercise),
            "can_observe": user.has_perm("exercise.observe", exercise),
            "can_report": user.has_perm("exercise.view_report", exercise),
            "language": get_language(),
            **forms,
        },
    )


_ACTIONS = {
    "phase",
    "objective",
    "shift",
    "site",
    "document",
    "start",
    "close",
    "invite",
    "queue",
}


@login_required
@require_POST
def plan(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    user = request.user
    exercise = selectors.get_exercise_for(user, pk, perm="exercise.plan")
    which = request.POST.get("what", "")
    if which not in _ACTIONS:
        raise Http404
    forms = _plan_forms(exercise, request.POST, request.FILES, which)
    try:
        if which in ("start", "close"):
            planning.set_status(
                exercise=exercise,
                status="running" if which == "start" else "closed",
                by=user,
                version=int(request.POST.get("version", 0)),
            )
            messages.success(request, _("The exercise's status was changed."))
            return redirect("exercise:detail", pk)
        if which == "queue":
            site = exercise.sites.filter(pk=request.POST.get("site") or 0).first()
            if site is None:
                raise Http404
            planning.open_screening_queue(site=site, by=user)
            messages.success(request, _("The site's screening queue is open."))
            return redirect("exercise:detail", pk)
        if which == "invite":
            count = planning.send_invitations(exercise=exercise, by=user)
            messages.success(
                request,
                ngettext("%(count)s person was invited.", "%(count)s people were invited.", count)
                % {"count": count},
            )
            return redirect("exercise:detail", pk)
        form = forms[f"{which}_form"]
        if form.is_valid():
            data = form.cleaned_data
            if which == "phase":
                planning.set_phase(exercise=exercise, by=user, **data)
            elif which == "objective":
                planning.add_objective(
                    exercise=exercise,
                    code=data["code"],
                    text=data["text"],
                    capability=data["capability"],
                    course_ids=[course.pk for course in data["courses"]],
                    by=user,
                )
            elif which == "shift":
                planning.add_shift(exercise=exercise, by=user, **data)
            elif which == "site":
                planning.add_site(exercise=exercise, by=user, **data)
            else:
                planning.add_document(
                    phase=data["phase"], title=data["title"], uploaded=data["file"], by=user
                )
            messages.success(request, _("Saved."))
            return redirect("exercise:detail", pk)
    except ValidationError as error:
        if which in ("start", "close", "invite", "queue"):
            messages.error(request, " ".join(error.messages))
            return redirect("exercise:detail", pk)
        add_service_errors(forms[f"{which}_form"], error)
    return _render_detail(request, exercise, forms)


@login_required
def team(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    user = request.user
    exercise = selectors.get_exercise_for(user, pk, perm="exercise.plan")
    found = selectors.candidates(exercise)
    language = get_language()
    people = [
        (
            c.profile.user_id,
            f"{c.profile.user.display_name(language)} ({c.profile.country.code})",
            c.source,
        )
        for c in found
    ]
    people += [(u.pk, u.display_name(language), MemberSource.INTERPOL) for u in _interpol_staff()]
    form = MemberForm(request.POST or None, exercise=exercise, people=people)
    if request.method == "POST" and form.is_valid():
        from momentum.people.models import User

        data = form.cleaned_data
        try:
            planning.place_member(
                exercise=exercise,
                user=User.objects.get(pk=data["user"]),
                role=data["role"],
                source=form.source(),
                site=data["site"],
                shift=data["shift"],
                objectives=data["objectives"],
                by=user,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The person was placed on the team."))
            return redirect("exercise:team", pk)
    return render(
        request,
        "exercise/team.html",
        {
            "exercise": exercise,
            "candidates": found,
            "members": list(selectors.team_of(exercise)),
            "form": form,
            "language": language,
        },
    )


def _interpol_staff() -> list[Any]:
    from momentum.people.models import Role, User

    return list(User.objects.filter(role_assignments__role=Role.STAFF).distinct())


@login_required
def document(request: AuthenticatedRequest, pk: int) -> FileResponse:
    found = PhaseDocument.objects.select_related("phase__exercise").filter(pk=pk).first()
    if found is None or not request.user.has_perm("exercise.view_exercise", found.phase.exercise):
        raise Http404
    return FileResponse(
        found.file.open("rb"),
        as_attachment=True,
        filename=found.file_name,
        content_type=found.content_type,
    )
