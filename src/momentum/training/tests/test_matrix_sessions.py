"""Who may use the routes of sessions and calendar feeds (see tests/test_authorization_matrix.py).

The records: a confirmed session with seats for Jordan and Morocco, taught by the trainer;
Leila (the officer of Jordan) takes part in it and has a calendar feed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest

from momentum.core.tests.matrix import PERSONAS, request_as
from momentum.training.models import SessionStatus
from momentum.training.services.sessions import calendar_feed_for
from momentum.training.tests.factories import NominationFactory, SessionFactory

# fmt: off
#                                      anon off  fp  out stf don trn men mod brd
MATRIX: dict[str, tuple[int, ...]] = {
    "training:sessions":              (302, 200, 200, 200, 200, 200, 200, 200, 200, 200),
    "training:session":               (302, 200, 200, 200, 200, 200, 200, 200, 200, 200),
    "training:session_new":           (302, 403, 403, 403, 200, 403, 403, 403, 403, 403),
    "training:session_edit":          (302, 403, 403, 403, 200, 403, 403, 403, 403, 403),
    "training:session_cancel":        (302, 403, 403, 403, 200, 403, 403, 403, 403, 403),
    "training:session_transition":    (302, 403, 403, 403, 302, 403, 403, 403, 403, 403),
    "training:calendar":              (302, 200, 200, 200, 200, 200, 200, 200, 200, 200),
    "training:calendar_reset":        (302, 302, 302, 302, 302, 302, 302, 302, 302, 302),
    # The feed is read by calendar programs with the token alone.
    "training:calendar_feed":         (200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
    "api:list_sessions":              (401, 200, 200, 200, 200, 200, 200, 200, 200, 200),
    "api:get_session":                (401, 200, 200, 200, 200, 200, 200, 200, 200, 200),
}
# fmt: on


@dataclass(frozen=True)
class World:
    session: int
    token: str


ROUTES: dict[str, tuple[str, Callable[[World], str]]] = {
    "training:sessions": ("get", lambda w: "/en/training/sessions/"),
    "training:session": ("get", lambda w: f"/en/training/sessions/{w.session}/"),
    "training:session_new": ("get", lambda w: "/en/training/sessions/new/"),
    "training:session_edit": ("get", lambda w: f"/en/training/sessions/{w.session}/edit/"),
    "training:session_cancel": ("get", lambda w: f"/en/training/sessions/{w.session}/cancel/"),
    "training:session_transition": (
        "post",
        lambda w: f"/en/training/sessions/{w.session}/move/start/",
    ),
    "training:calendar": ("get", lambda w: "/en/training/calendar/"),
    "training:calendar_reset": ("post", lambda w: "/en/training/calendar/reset/"),
    "training:calendar_feed": ("get", lambda w: f"/en/training/calendar/{w.token}.ics"),
    "api:list_sessions": ("get", lambda w: "/api/v1/sessions"),
    "api:get_session": ("get", lambda w: f"/api/v1/sessions/{w.session}"),
}


@pytest.fixture
def world(officer, trainer, jordan, morocco) -> World:  # type: ignore[no-untyped-def]
    session = SessionFactory(
        status=SessionStatus.CONFIRMED, trainers=[trainer], quotas={jordan: 10, morocco: 10}
    )
    NominationFactory(session=session, officer=officer.profile)
    return World(session=session.pk, token=calendar_feed_for(officer).token)


def test_every_row_has_a_request():
    assert MATRIX.keys() == ROUTES.keys()


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(MATRIX))
@pytest.mark.parametrize("persona", PERSONAS)
def test_each_persona_gets_the_expected_answer(client, request, world, name, persona):
    method, url = ROUTES[name]

    response = request_as(client, request, persona, method, url(world))

    expected = MATRIX[name][PERSONAS.index(persona)]
    assert response.status_code == expected
    if name.startswith("api:") and expected >= 400:
        assert set(response.json()["error"]) >= {"code", "message"}
    elif expected == 302 and persona == "anonymous":
        assert "/accounts/login/" in response["Location"]
