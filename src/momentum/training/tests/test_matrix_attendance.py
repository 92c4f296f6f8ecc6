"""Who may use the routes of attendance (see tests/test_authorization_matrix.py).

The records: a running session taught by the trainer, with Leila (the officer of Jordan) as a
selected participant. Only the session's trainers and staff keep its attendance; everyone else
signed in may see the session, so is refused (403) rather than kept in the dark (404).
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from momentum.core.tests.matrix import PERSONAS, request_as
from momentum.training.models import SessionStatus
from momentum.training.tests.factories import NominationFactory, SessionFactory

# fmt: off
#                                          anon off  fp  out stf don trn men mod brd
MATRIX: dict[str, tuple[int, ...]] = {
    "training:attendance":                (302, 403, 403, 403, 200, 403, 200, 403, 403, 403),
    "training:attendance_summary":        (302, 403, 403, 403, 200, 403, 200, 403, 403, 403),
    "training:attendance_sheet":          (302, 403, 403, 403, 200, 403, 200, 403, 403, 403),
}
# fmt: on


@dataclass(frozen=True)
class World:
    session: int
    nomination: int


ROUTES = {
    "training:attendance": ("get", lambda w: f"/en/training/sessions/{w.session}/attendance/"),
    "training:attendance_summary": (
        "get",
        lambda w: f"/en/training/sessions/{w.session}/attendance/summary/",
    ),
    "training:attendance_sheet": (
        "get",
        lambda w: f"/en/training/sessions/{w.session}/attendance/sheet.pdf",
    ),
}


@pytest.fixture
def world(officer, trainer) -> World:  # type: ignore[no-untyped-def]
    session = SessionFactory(trainers=[trainer], status=SessionStatus.RUNNING)
    nomination = NominationFactory(session=session, officer=officer.profile)
    return World(session=session.pk, nomination=nomination.pk)


def test_every_route_has_a_request():
    assert ROUTES.keys() == MATRIX.keys()


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(MATRIX))
@pytest.mark.parametrize("persona", PERSONAS)
def test_each_persona_gets_the_expected_answer(client, request, world, name, persona):
    method, url = ROUTES[name]

    response = request_as(client, request, persona, method, url(world))

    assert response.status_code == MATRIX[name][PERSONAS.index(persona)]
    if response.status_code == 302:
        assert "/accounts/login/" in response["Location"]


@pytest.mark.django_db
@pytest.mark.parametrize("persona", PERSONAS)
def test_marking_by_post_follows_the_same_rule(client, request, world, persona):
    from momentum.training.models import Attendance, Session

    if persona != "anonymous":
        client.force_login(request.getfixturevalue(persona))
    day = Session.objects.get(pk=world.session).starts_on

    response = client.post(
        ROUTES["training:attendance"][1](world),
        {"nomination": world.nomination, "day": day.isoformat(), "mark": "present"},
    )

    expected = MATRIX["training:attendance"][PERSONAS.index(persona)]
    assert response.status_code == (302 if expected == 200 else expected)
    assert Attendance.objects.exists() is (expected == 200)
