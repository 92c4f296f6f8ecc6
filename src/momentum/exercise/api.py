"""The field exercise's JSON API: exercises, sites, injects and observations, scoped like the
pages (participants see their own site; staff and controllers every site)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, HttpRequest
from ninja import Router, Schema, Status
from ninja.errors import HttpError
from ninja.pagination import PageNumberPagination, paginate

from momentum.exercise import selectors
from momentum.exercise.models import Objective, Site

router = Router(tags=["field exercise"])


class ExerciseOut(Schema):
    id: int
    title: str
    status: str
    sites: int
    people: int


class SiteOut(Schema):
    id: int
    name: str
    kind: str
    country: str


class InjectOut(Schema):
    id: int
    site: int
    objective: str
    kind: str
    title: str
    expected_action: str
    actor: str
    scheduled_at: datetime
    status: str
    fired_at: datetime | None
    acted_on: bool


class ObservationIn(Schema):
    objective: int
    site: int
    rating: str
    justification: str
    strengths: str = ""
    improvements: str = ""
    evidence_note: str = ""


class ObservationOut(Schema):
    id: int
    objective: str
    site: int
    rating: str
    justification: str
    strengths: str
    improvements: str


@router.get("/exercises", response=list[ExerciseOut])
@paginate(PageNumberPagination, page_size=50)
def list_exercises(request: HttpRequest) -> Any:
    if not request.user.has_perm("exercise.see_in_menu"):
        raise PermissionDenied
    return [
        {
            "id": e.pk,
            "title": e.title,
            "status": e.status,
            "sites": e.n_sites,  # type: ignore[attr-defined]
            "people": e.n_members,  # type: ignore[attr-defined]
        }
        for e in selectors.exercises_for(request.user)
    ]


@router.get("/exercises/{exercise_id}/sites", response=list[SiteOut])
def list_exercise_sites(request: HttpRequest, exercise_id: int) -> Any:
    exercise = selectors.get_exercise_for(request.user, exercise_id)
    return [
        {"id": s.pk, "name": s.name, "kind": s.kind, "country": s.country.code}
        for s in selectors.sites_for(request.user, exercise)
    ]


@router.get("/exercises/{exercise_id}/injects", response=list[InjectOut])
@paginate(PageNumberPagination, page_size=100)
def list_exercise_injects(request: HttpRequest, exercise_id: int) -> Any:
    """The whole timeline for staff and controllers; the injects fired on her own site for a
    participant."""
    user = request.user
    exercise = selectors.get_exercise_for(user, exercise_id)
    injects = selectors.timeline(exercise)
    if not user.has_perm("exercise.control", exercise):
        injects = injects.filter(site__in=selectors.sites_for(user, exercise), status="fired")
    return [
        {
            "id": i.pk,
            "site": i.site_id,
            "objective": i.objective.code,
            "kind": i.kind,
            "title": i.title,
            "expected_action": i.expected_action,
            "actor": i.actor,
            "scheduled_at": i.scheduled_at,
            "status": i.status,
            "fired_at": i.fired_at,
            "acted_on": i.acted_at is not None,
        }
        for i in injects
    ]


def _observation_out(o: Any) -> dict[str, Any]:
    return {
        "id": o.pk,
        "objective": o.objective.code,
        "site": o.site_id,
        "rating": o.rating,
        "justification": o.justification,
        "strengths": o.strengths,
        "improvements": o.improvements,
    }


@router.get("/exercises/{exercise_id}/observations", response=list[ObservationOut])
@paginate(PageNumberPagination, page_size=100)
def list_exercise_observations(request: HttpRequest, exercise_id: int) -> Any:
    """Every observation for staff and controllers; her own for an evaluator."""
    user = request.user
    exercise = selectors.get_exercise_for(user, exercise_id)
    if not (
        user.has_perm("exercise.control", exercise) or user.has_perm("exercise.observe", exercise)
    ):
        raise PermissionDenied
    return [_observation_out(o) for o in selectors.observations_of(exercise, user)]


@router.post("/exercises/{exercise_id}/observations", response={201: ObservationOut})
def create_exercise_observation(
    request: HttpRequest, exercise_id: int, payload: ObservationIn
) -> Any:
    from momentum.exercise.services.observations import record_observation

    user = request.user
    exercise = selectors.get_exercise_for(user, exercise_id, perm="exercise.observe")
    objective = Objective.objects.filter(exercise=exercise, pk=payload.objective).first()
    site = Site.objects.filter(exercise=exercise, pk=payload.site).first()
    if objective is None or site is None:
        raise Http404
    try:
        observation = record_observation(
            objective=objective,
            site=site,
            evaluator=user,
            **payload.dict(exclude={"objective", "site"}),
        )
    except DjangoValidationError as error:
        raise HttpError(422, " ".join(error.messages)) from error
    return Status(201, _observation_out(observation))
