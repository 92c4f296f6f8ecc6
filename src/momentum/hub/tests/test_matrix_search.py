"""Who may search the hub (see tests/test_authorization_matrix.py).

The records: a thread in an open programme-wide space and a guide shared with the whole hub,
both with the word searched.
"""

from __future__ import annotations

import pytest

from momentum.core.tests.matrix import PERSONAS, request_as
from momentum.hub.services.search_index import index_post, index_resource
from momentum.hub.tests.factories import ResourceFactory, SpaceFactory, ThreadFactory

# fmt: off
#                         anon off  fp  out stf don trn men mod brd
MATRIX: dict[str, tuple[int, ...]] = {
    "hub:search":        (302, 200, 200, 200, 200, 403, 200, 200, 200, 200),
}
# fmt: on

ROUTES = {
    "hub:search": ("get", lambda: "/en/hub/search/?q=passport"),
}


@pytest.fixture
def world(db) -> None:  # type: ignore[no-untyped-def]
    thread = ThreadFactory(space=SpaceFactory(), title="Passport checks")
    index_post(thread.posts.get())
    resource = ResourceFactory(title_en="Passport guide")
    index_resource(resource)


def test_every_route_has_a_request():
    assert ROUTES.keys() == MATRIX.keys()


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(MATRIX))
@pytest.mark.parametrize("persona", PERSONAS)
def test_each_persona_gets_the_expected_answer(client, request, world, name, persona):
    method, url = ROUTES[name]

    response = request_as(client, request, persona, method, url())

    assert response.status_code == MATRIX[name][PERSONAS.index(persona)]
    if response.status_code == 200:
        assert response.context["page"].paginator.count == 2
    if persona == "anonymous":
        assert "/accounts/login/" in response["Location"]
