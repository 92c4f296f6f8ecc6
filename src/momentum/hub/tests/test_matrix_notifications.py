"""Who may use the hub's notification routes (see tests/test_authorization_matrix.py).

The unsubscribe page needs no sign-in: the signed token in its address says whose e-mails it
stops (the record: the link in Leila's mention e-mails), so everyone who holds the link gets
the same confirmation page, and a GET changes nothing."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from momentum.core.notifications import unsubscribe_token
from momentum.core.tests.matrix import PERSONAS, request_as
from momentum.hub.models import MemberSettings

# fmt: off
#                                  anon off  fp  out stf don trn men mod brd
MATRIX: dict[str, tuple[int, ...]] = {
    "hub:unsubscribe":            (200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
}
# fmt: on


@dataclass(frozen=True)
class World:
    token: str


ROUTES = {
    "hub:unsubscribe": ("get", lambda w: f"/en/hub/unsubscribe/{w.token}/"),
}


@pytest.fixture
def world(officer) -> World:  # type: ignore[no-untyped-def]
    return World(token=unsubscribe_token(officer.pk, "hub.mention"))


def test_every_route_has_a_request():
    assert ROUTES.keys() == MATRIX.keys()


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(MATRIX))
@pytest.mark.parametrize("persona", PERSONAS)
def test_each_persona_gets_the_expected_answer(client, request, world, officer, name, persona):
    method, url = ROUTES[name]

    response = request_as(client, request, persona, method, url(world))

    assert response.status_code == MATRIX[name][PERSONAS.index(persona)]
    # The page only asks: nobody's e-mails were stopped by opening it.
    assert not MemberSettings.objects.filter(user=officer, email_on_mention=False).exists()
