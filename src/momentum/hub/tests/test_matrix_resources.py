"""Who may use the routes of the resource library (see tests/test_authorization_matrix.py).

The records: a guide shared with the whole hub, with one file; a web page shared in an open
programme-wide space (its moderators — staff and the hub moderator — manage it); one space,
so the hub moderator has somewhere to add resources.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from momentum.core.tests.matrix import PERSONAS, request_as
from momentum.hub.tests.factories import ResourceFactory, SpaceFactory, versioned

# fmt: off
#                                     anon off  fp  out stf don trn men mod brd
MATRIX: dict[str, tuple[int, ...]] = {
    "hub:resources":                 (302, 200, 200, 200, 200, 403, 200, 200, 200, 200),
    "hub:resource":                  (302, 200, 200, 200, 200, 404, 200, 200, 200, 200),
    "hub:resource_new":              (302, 403, 403, 403, 200, 403, 403, 403, 200, 403),
    "hub:resource_edit":             (302, 403, 403, 403, 200, 404, 403, 403, 200, 403),
    "hub:resource_version_new":      (302, 403, 403, 403, 200, 404, 403, 403, 200, 403),
    "hub:resource_download":         (302, 302, 302, 302, 302, 404, 302, 302, 302, 302),
}
# fmt: on


@dataclass(frozen=True)
class World:
    guide: int
    link: int


ROUTES = {
    "hub:resources": ("get", lambda w: "/en/hub/resources/"),
    "hub:resource": ("get", lambda w: f"/en/hub/resources/{w.guide}/"),
    "hub:resource_new": ("get", lambda w: "/en/hub/resources/new/"),
    "hub:resource_edit": ("get", lambda w: f"/en/hub/resources/{w.link}/edit/"),
    "hub:resource_version_new": ("get", lambda w: f"/en/hub/resources/{w.link}/versions/new/"),
    "hub:resource_download": ("get", lambda w: f"/en/hub/resources/{w.link}/download/"),
}


@pytest.fixture
def world(db) -> World:  # type: ignore[no-untyped-def]
    guide = ResourceFactory()
    versioned(guide)
    link = ResourceFactory(kind="link", url="https://example.org/guide", space=SpaceFactory())
    return World(guide=guide.pk, link=link.pk)


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
    elif name == "hub:resource_download" and response.status_code == 302:
        assert response["Location"] == "https://example.org/guide"
