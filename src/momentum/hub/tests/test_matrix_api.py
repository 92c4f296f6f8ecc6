"""Who may use the hub's API routes (see tests/test_authorization_matrix.py).

The records: an open programme-wide space of which Leila (the officer) is the only member, and
a thread of hers there. Everyone who uses the hub reads the space, its threads and searches;
members (and staff) post; donors do not use the hub; nobody unsigned gets in.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import pytest

from momentum.core.tests.matrix import PERSONAS, request_as
from momentum.hub.tests.factories import SpaceFactory, ThreadFactory, member

# fmt: off
#                                     anon off  fp  out stf don trn men mod brd
MATRIX: dict[str, tuple[int, ...]] = {
    "api:list_hub_spaces":          (401, 200, 200, 200, 200, 403, 200, 200, 200, 200),
    "api:get_hub_space":            (401, 200, 200, 200, 200, 403, 200, 200, 200, 200),
    "api:list_hub_threads":         (401, 200, 200, 200, 200, 403, 200, 200, 200, 200),
    "api:get_hub_thread":           (401, 200, 200, 200, 200, 403, 200, 200, 200, 200),
    "api:create_hub_thread":        (401, 201, 403, 403, 201, 403, 403, 403, 403, 403),
    "api:create_hub_reply":         (401, 201, 403, 403, 201, 403, 403, 403, 403, 403),
    "api:search_hub":               (401, 200, 200, 200, 200, 403, 200, 200, 200, 200),
}
# fmt: on


@dataclass(frozen=True)
class World:
    space: int
    thread: int


ROUTES = {
    "api:list_hub_spaces": ("get", lambda w: "/api/v1/hub/spaces"),
    "api:get_hub_space": ("get", lambda w: f"/api/v1/hub/spaces/{w.space}"),
    "api:list_hub_threads": ("get", lambda w: f"/api/v1/hub/spaces/{w.space}/threads"),
    "api:get_hub_thread": ("get", lambda w: f"/api/v1/hub/threads/{w.thread}"),
    "api:create_hub_thread": ("post", lambda w: f"/api/v1/hub/spaces/{w.space}/threads"),
    "api:create_hub_reply": ("post", lambda w: f"/api/v1/hub/threads/{w.thread}/posts"),
    "api:search_hub": ("get", lambda w: "/api/v1/hub/search?q=documents"),
}


@pytest.fixture
def world(officer, settings) -> World:  # type: ignore[no-untyped-def]
    settings.HUB_POST_INTERVAL_SECONDS = 0
    space: Any = SpaceFactory()
    member(space, officer)
    thread: Any = ThreadFactory(space=space, author=officer)
    return World(space=space.pk, thread=thread.pk)


def _body(name: str) -> dict[str, Any]:
    if name == "api:create_hub_thread":
        payload = {"title": "Mentoring circles", "body": "How do yours work?"}
    elif name == "api:create_hub_reply":
        payload = {"body": "Ours meet monthly."}
    else:
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

    assert response.status_code == MATRIX[name][PERSONAS.index(persona)]
    if response.status_code >= 400:
        assert set(response.json()) == {"error"}
        assert {"code", "message"} <= set(response.json()["error"])
