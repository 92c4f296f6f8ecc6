"""Who may use the routes of in-app notifications (see tests/test_authorization_matrix.py).

Everyone signed in has a notification list and a counter of their own; a notification is
opened by its recipient only (the record: one of Leila's, the officer of Jordan)."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from momentum.core.tests.factories import NotificationFactory
from momentum.core.tests.matrix import PERSONAS, request_as

# fmt: off
#                                        anon off  fp  out stf don trn men mod brd
MATRIX: dict[str, tuple[int, ...]] = {
    "core:notifications":               (302, 200, 200, 200, 200, 200, 200, 200, 200, 200),
    "core:notification_count":          (302, 200, 200, 200, 200, 200, 200, 200, 200, 200),
    "core:notifications_mark_read":     (302, 302, 302, 302, 302, 302, 302, 302, 302, 302),
    "core:notification_open":           (302, 302, 404, 404, 404, 404, 404, 404, 404, 404),
}
# fmt: on


@dataclass(frozen=True)
class World:
    notification: int


ROUTES = {
    "core:notifications": ("get", lambda w: "/en/notifications/"),
    "core:notification_count": ("get", lambda w: "/en/notifications/count/"),
    "core:notifications_mark_read": ("post", lambda w: "/en/notifications/read/"),
    "core:notification_open": ("get", lambda w: f"/en/notifications/{w.notification}/open/"),
}


@pytest.fixture
def world(officer) -> World:  # type: ignore[no-untyped-def]
    return World(notification=NotificationFactory(recipient=officer, url="/hub/").pk)


def test_every_route_has_a_request():
    assert ROUTES.keys() == MATRIX.keys()


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(MATRIX))
@pytest.mark.parametrize("persona", PERSONAS)
def test_each_persona_gets_the_expected_answer(client, request, world, name, persona):
    method, url = ROUTES[name]

    response = request_as(client, request, persona, method, url(world))

    assert response.status_code == MATRIX[name][PERSONAS.index(persona)]
    if persona == "anonymous" and response.status_code == 302:
        assert "/accounts/login/" in response["Location"]
