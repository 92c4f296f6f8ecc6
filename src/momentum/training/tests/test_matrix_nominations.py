"""Who may use the routes of nominations and selection (see tests/test_authorization_matrix.py).

The records: a session open for nominations and one at the selection stage, both with seats
for Jordan and Morocco and taught by the trainer; Leila (the officer of Jordan) is nominated
for the second; another Jordanian officer is not nominated yet.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import pytest

from momentum.core.tests.matrix import PERSONAS, request_as
from momentum.people.tests.factories import officer as make_officer
from momentum.training.models import NominationStatus, SessionStatus
from momentum.training.tests.factories import NominationFactory, session_with_seats

# fmt: off
#                                          anon off  fp  out stf don trn men mod brd
MATRIX: dict[str, tuple[int, ...]] = {
    "training:nominate":                  (302, 403, 200, 200, 200, 403, 403, 403, 403, 403),
    "training:selection_board":           (302, 403, 403, 403, 200, 403, 403, 403, 403, 403),
    "training:selection_export":          (302, 403, 403, 403, 200, 403, 403, 403, 403, 403),
    "training:decide_nomination":         (302, 403, 403, 403, 302, 403, 403, 403, 403, 403),
    "training:withdraw_nomination":       (302, 403, 302, 404, 302, 404, 403, 404, 404, 404),
    "training:my_nominations":            (302, 200, 200, 200, 200, 200, 200, 200, 200, 200),
    "api:list_session_nominations":       (401, 403, 200, 200, 200, 403, 200, 403, 403, 403),
    "api:create_session_nomination":      (401, 403, 201, 403, 201, 403, 403, 403, 403, 403),
}
# fmt: on


@dataclass(frozen=True)
class World:
    open_session: int
    selection_session: int
    nomination: int
    candidate: int


ROUTES = {
    "training:nominate": ("get", lambda w: f"/en/training/sessions/{w.open_session}/nominate/"),
    "training:selection_board": (
        "get",
        lambda w: f"/en/training/sessions/{w.selection_session}/selection/",
    ),
    "training:selection_export": (
        "get",
        lambda w: f"/en/training/sessions/{w.selection_session}/selection/export.xlsx",
    ),
    "training:decide_nomination": (
        "post",
        lambda w: f"/en/training/nominations/{w.nomination}/decide/",
    ),
    "training:withdraw_nomination": (
        "post",
        lambda w: f"/en/training/nominations/{w.nomination}/withdraw/",
    ),
    "training:my_nominations": ("get", lambda w: "/en/training/my-nominations/"),
    "api:list_session_nominations": (
        "get",
        lambda w: f"/api/v1/sessions/{w.selection_session}/nominations",
    ),
    "api:create_session_nomination": (
        "post",
        lambda w: f"/api/v1/sessions/{w.open_session}/nominations",
    ),
}


@pytest.fixture
def world(officer, trainer, jordan, morocco) -> World:
    open_session = session_with_seats({jordan: 3, morocco: 3})
    selection = session_with_seats(
        {jordan: 3, morocco: 3}, status=SessionStatus.SELECTION, course=open_session.course
    )
    for session in (open_session, selection):
        session.trainers.add(trainer)
    nomination = NominationFactory(
        session=selection, officer=officer.profile, status=NominationStatus.NOMINATED
    )
    return World(
        open_session=open_session.pk,
        selection_session=selection.pk,
        nomination=nomination.pk,
        candidate=make_officer(jordan).profile.pk,
    )


def _body(name: str, world: World) -> dict[str, object]:
    if name == "training:decide_nomination":
        return {"data": {"action": "waitlist"}}
    if name == "api:create_session_nomination":
        payload = {"officer": world.candidate, "justification": "Border police, Jaber."}
        return {"data": json.dumps(payload), "content_type": "application/json"}
    return {}


def test_every_route_has_a_request():
    assert ROUTES.keys() == MATRIX.keys()


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(MATRIX))
@pytest.mark.parametrize("persona", PERSONAS)
def test_each_persona_gets_the_expected_answer(client, request, world, name, persona):
    method, url = ROUTES[name]

    response = request_as(client, request, persona, method, url(world), **_body(name, world))

    assert response.status_code == MATRIX[name][PERSONAS.index(persona)]
    if name.startswith("api:") and response.status_code >= 400:
        assert set(response.json()) == {"error"}
    if persona == "anonymous" and response.status_code == 302:
        assert "/accounts/login/" in response["Location"]
