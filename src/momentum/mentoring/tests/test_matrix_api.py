"""Who may use mentoring's API routes (see tests/test_authorization_matrix.py).

The records: a cohort open for applications with places for Jordan and Morocco, to which Leila
(the officer of Jordan, a woman) has not applied yet; a running cohort in which Leila is the
mentee of an active pair whose mentor is the ``mentor`` persona.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import pytest
from django.utils import timezone

from momentum.core.tests.matrix import PERSONAS, request_as
from momentum.mentoring.tests.factories import CohortFactory, pair_for
from momentum.people.models import Sex

# fmt: off
#                                             anon off  fp  out stf don trn men mod brd
MATRIX: dict[str, tuple[int, ...]] = {
    "api:list_mentoring_cohorts":            (401, 200, 200, 200, 200, 403, 403, 200, 403, 403),
    "api:get_mentoring_cohort":              (401, 200, 200, 200, 200, 404, 404, 200, 404, 404),
    "api:list_mentoring_applications":       (401, 200, 200, 200, 200, 403, 403, 200, 403, 403),
    "api:get_mentoring_application":         (401, 200, 200, 404, 200, 404, 404, 404, 404, 404),
    "api:create_mentoring_application":      (401, 201, 403, 403, 403, 404, 404, 403, 404, 404),
    "api:list_mentoring_pairs":              (401, 200, 200, 200, 200, 403, 403, 200, 403, 403),
    "api:get_mentoring_pair":                (401, 200, 200, 404, 200, 404, 404, 200, 404, 404),
    "api:log_mentoring_meeting":             (401, 201, 403, 404, 403, 404, 404, 201, 404, 404),
}
# fmt: on


@dataclass(frozen=True)
class World:
    open_cohort: int
    application: int
    pair: int


ROUTES = {
    "api:list_mentoring_cohorts": ("get", lambda w: "/api/v1/mentoring/cohorts"),
    "api:get_mentoring_cohort": ("get", lambda w: f"/api/v1/mentoring/cohorts/{w.open_cohort}"),
    "api:list_mentoring_applications": ("get", lambda w: "/api/v1/mentoring/applications"),
    "api:get_mentoring_application": (
        "get",
        lambda w: f"/api/v1/mentoring/applications/{w.application}",
    ),
    "api:create_mentoring_application": (
        "post",
        lambda w: f"/api/v1/mentoring/cohorts/{w.open_cohort}/applications",
    ),
    "api:list_mentoring_pairs": ("get", lambda w: "/api/v1/mentoring/pairs"),
    "api:get_mentoring_pair": ("get", lambda w: f"/api/v1/mentoring/pairs/{w.pair}"),
    "api:log_mentoring_meeting": ("post", lambda w: f"/api/v1/mentoring/pairs/{w.pair}/meetings"),
}


@pytest.fixture
def world(officer, mentor, jordan, morocco) -> World:  # type: ignore[no-untyped-def]
    officer.profile.sex = Sex.FEMALE
    officer.profile.save()
    open_cohort: Any = CohortFactory(places={jordan: 3, morocco: 3})
    pairing = pair_for(officer, mentor)
    return World(open_cohort=open_cohort.pk, application=pairing.mentee_id, pair=pairing.pk)


def _body(name: str) -> dict[str, object]:
    payload: dict[str, object] | None = None
    if name == "api:create_mentoring_application":
        payload = {
            "motivation": "I lead the women's unit at the Jaber crossing.",
            "goals": "Lead a regional task force.",
            "years_of_service": 8,
            "supervisor_name": "Colonel Nasser",
            "supervisor_email": "nasser@example.org",
        }
    if name == "api:log_mentoring_meeting":
        payload = {
            "held_on": timezone.localdate().isoformat(),
            "duration_minutes": 45,
            "mode": "video",
            "topics": "The first goal of the plan.",
        }
    if payload is None:
        return {}
    return {"data": json.dumps(payload), "content_type": "application/json"}


def test_every_route_has_a_request():
    assert ROUTES.keys() == MATRIX.keys()


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(MATRIX))
@pytest.mark.parametrize("persona", PERSONAS)
def test_each_persona_gets_the_expected_answer(client, request, world, name, persona):
    method, url = ROUTES[name]

    response = request_as(client, request, persona, method, url(world), **_body(name))

    assert response.status_code == MATRIX[name][PERSONAS.index(persona)], response.content
    if response.status_code >= 400:
        assert set(response.json()) == {"error"}
