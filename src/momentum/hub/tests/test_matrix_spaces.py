"""Who may use the routes of spaces and membership (see tests/test_authorization_matrix.py).

The records: an open programme-wide space with a thread; a space on request, of which Leila
(the officer of Jordan) is a member and where another person waits for an answer; a space by
invitation, to which Leila is invited; Leila's photo, which she shows.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from django.core.files.base import ContentFile

from momentum.core.tests.matrix import PERSONAS, request_as
from momentum.hub.models import JoinPolicy, MembershipStatus
from momentum.hub.services.members import settings_for
from momentum.hub.tests.factories import SpaceFactory, ThreadFactory, member, png_bytes
from momentum.people.tests.factories import UserFactory

# fmt: off
#                                  anon off  fp  out stf don trn men mod brd
MATRIX: dict[str, tuple[int, ...]] = {
    "hub:spaces":                 (302, 200, 200, 200, 200, 403, 200, 200, 200, 200),
    "hub:space":                  (302, 200, 200, 200, 200, 403, 200, 200, 200, 200),
    "hub:space_new":              (302, 403, 403, 403, 200, 403, 403, 403, 403, 403),
    "hub:space_edit":             (302, 403, 403, 403, 200, 403, 403, 403, 403, 403),
    "hub:space_archive":          (302, 403, 403, 403, 302, 403, 403, 403, 403, 403),
    "hub:space_join":             (302, 302, 302, 302, 302, 403, 302, 302, 302, 302),
    "hub:space_leave":            (302, 302, 302, 302, 302, 403, 302, 302, 302, 302),
    "hub:space_invitation":       (302, 302, 404, 404, 302, 403, 404, 404, 302, 404),
    "hub:space_requests":         (302, 403, 403, 403, 200, 403, 403, 403, 200, 403),
    "hub:space_request_decide":   (302, 403, 403, 403, 302, 403, 403, 403, 302, 403),
    "hub:space_invite":           (302, 403, 403, 403, 200, 403, 403, 403, 200, 403),
    "hub:space_members":          (302, 200, 403, 403, 200, 403, 403, 403, 200, 403),
    "hub:member_remove":          (302, 403, 403, 403, 200, 403, 403, 403, 200, 403),
    "hub:settings":               (302, 200, 200, 200, 200, 403, 200, 200, 200, 200),
    "hub:member_photo":           (302, 200, 200, 200, 200, 404, 200, 200, 200, 200),
}
# fmt: on


@dataclass(frozen=True)
class World:
    open_space: int
    request_space: int
    invitation_space: int
    request: int
    member: int
    officer: int


ROUTES = {
    "hub:spaces": ("get", lambda w: "/en/hub/"),
    "hub:space": ("get", lambda w: f"/en/hub/spaces/{w.open_space}/"),
    "hub:space_new": ("get", lambda w: "/en/hub/spaces/new/"),
    "hub:space_edit": ("get", lambda w: f"/en/hub/spaces/{w.open_space}/edit/"),
    "hub:space_archive": ("post", lambda w: f"/en/hub/spaces/{w.open_space}/archive/"),
    "hub:space_join": ("post", lambda w: f"/en/hub/spaces/{w.open_space}/join/"),
    "hub:space_leave": ("post", lambda w: f"/en/hub/spaces/{w.open_space}/leave/"),
    "hub:space_invitation": (
        "post",
        lambda w: f"/en/hub/spaces/{w.invitation_space}/invitation/",
    ),
    "hub:space_requests": ("get", lambda w: f"/en/hub/spaces/{w.request_space}/requests/"),
    "hub:space_request_decide": (
        "post",
        lambda w: f"/en/hub/spaces/{w.request_space}/requests/{w.request}/",
    ),
    "hub:space_invite": ("get", lambda w: f"/en/hub/spaces/{w.request_space}/invite/"),
    "hub:space_members": ("get", lambda w: f"/en/hub/spaces/{w.request_space}/members/"),
    "hub:member_remove": (
        "get",
        lambda w: f"/en/hub/spaces/{w.request_space}/members/{w.member}/remove/",
    ),
    "hub:settings": ("get", lambda w: "/en/hub/settings/"),
    "hub:member_photo": ("get", lambda w: f"/en/hub/photos/{w.officer}/"),
}

BODIES = {
    "hub:space_invitation": {"answer": "accept"},
    "hub:space_request_decide": {"action": "approve"},
}


@pytest.fixture
def world(officer):  # type: ignore[no-untyped-def]
    open_space = SpaceFactory()
    ThreadFactory(space=open_space, author=officer)
    request_space = SpaceFactory(join_policy=JoinPolicy.REQUEST)
    leila = member(request_space, officer)
    waiting = member(request_space, UserFactory(), status=MembershipStatus.REQUESTED)
    invitation_space = SpaceFactory(join_policy=JoinPolicy.INVITATION)
    member(invitation_space, officer, status=MembershipStatus.INVITED)
    settings = settings_for(officer)
    settings.show_photo = True
    settings.photo.save("leila.png", ContentFile(png_bytes()), save=True)
    return World(
        open_space=open_space.pk,
        request_space=request_space.pk,
        invitation_space=invitation_space.pk,
        request=waiting.pk,
        member=leila.pk,
        officer=officer.pk,
    )


def test_every_route_has_a_request() -> None:
    assert ROUTES.keys() == MATRIX.keys()


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(MATRIX))
@pytest.mark.parametrize("persona", PERSONAS)
def test_each_persona_gets_the_expected_answer(client, request, world, name, persona):  # type: ignore[no-untyped-def]
    method, url = ROUTES[name]

    response = request_as(client, request, persona, method, url(world), data=BODIES.get(name, {}))
    response.close()  # a photo is streamed from its file

    assert response.status_code == MATRIX[name][PERSONAS.index(persona)]
    if persona == "anonymous" and response.status_code == 302:
        assert "/accounts/login/" in response["Location"]
