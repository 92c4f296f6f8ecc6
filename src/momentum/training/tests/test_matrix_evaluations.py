"""Who may use the routes of evaluations (see tests/test_authorization_matrix.py).

The records: a completed session taught by the trainer, in which Leila (the officer of Jordan)
was a selected participant.
"""

from __future__ import annotations

import pytest

from momentum.core.tests.matrix import PERSONAS, request_as
from momentum.training.models import SessionStatus
from momentum.training.tests.factories import completed_participation

# fmt: off
#                                     anon off  fp  out stf don trn men mod brd
MATRIX: dict[str, tuple[int, ...]] = {
    "training:evaluate":             (302, 200, 403, 403, 403, 403, 403, 403, 403, 403),
    "training:follow_up":            (302, 200, 403, 403, 403, 403, 403, 403, 403, 403),
    "training:evaluation_results":   (302, 403, 403, 403, 200, 403, 200, 403, 403, 403),
}
# fmt: on

URLS = {
    "training:evaluate": lambda session: f"/en/training/sessions/{session}/evaluate/",
    "training:follow_up": lambda session: f"/en/training/sessions/{session}/follow-up/",
    "training:evaluation_results": (
        lambda session: f"/en/training/sessions/{session}/evaluation-results/"
    ),
}


def test_every_route_has_a_request():
    assert URLS.keys() == MATRIX.keys()


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(MATRIX))
@pytest.mark.parametrize("persona", PERSONAS)
def test_each_persona_gets_the_expected_answer(client, request, officer, trainer, name, persona):
    nomination = completed_participation(officer.profile, status=SessionStatus.COMPLETED)
    nomination.session.trainers.add(trainer)

    response = request_as(client, request, persona, "get", URLS[name](nomination.session_id))

    assert response.status_code == MATRIX[name][PERSONAS.index(persona)]
    if persona == "anonymous":
        assert "/accounts/login/" in response["Location"]
