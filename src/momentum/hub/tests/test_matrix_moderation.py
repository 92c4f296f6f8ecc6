"""Who may use the routes of moderation (see tests/test_authorization_matrix.py).

The records: an open programme-wide space of which Leila (the officer) is the only member; her
published thread there, and a reply of hers held by a watched word; one watched word. Staff and
the hub moderator moderate the space; the others read it (and may report Leila's post) but do
not moderate it; Leila may not report her own post nor decide about her held one; donors do not
use the hub. Space moderators are checked in test_moderation_access.py.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from momentum.core.tests.matrix import PERSONAS, request_as
from momentum.hub.models import HoldReason, Post, PostStatus, WatchedTerm
from momentum.hub.tests.factories import SpaceFactory, ThreadFactory, member

# fmt: off
#                                     anon off  fp  out stf don trn men mod brd
MATRIX: dict[str, tuple[int, ...]] = {
    "hub:moderation":               (302, 403, 403, 403, 200, 403, 403, 403, 200, 403),
    "hub:moderation_queue":         (302, 403, 403, 403, 200, 403, 403, 403, 200, 403),
    "hub:flag_post":                (302, 403, 200, 200, 200, 403, 200, 200, 200, 200),
    "hub:moderate_post":            (302, 403, 404, 404, 200, 403, 404, 404, 200, 404),
    "hub:thread_lock":              (302, 403, 403, 403, 302, 403, 403, 403, 302, 403),
    "hub:thread_pin":               (302, 403, 403, 403, 302, 403, 403, 403, 302, 403),
    "hub:watched_terms":            (302, 403, 403, 403, 200, 403, 403, 403, 403, 403),
    "hub:watched_term_active":      (302, 403, 403, 403, 302, 403, 403, 403, 403, 403),
    "hub:watched_term_delete":      (302, 403, 403, 403, 302, 403, 403, 403, 403, 403),
}
# fmt: on


@dataclass(frozen=True)
class World:
    space: int
    thread: int
    opening: int
    held: int
    term: int


ROUTES = {
    "hub:moderation": ("get", lambda w: "/en/hub/moderation/", {}),
    "hub:moderation_queue": ("get", lambda w: f"/en/hub/spaces/{w.space}/moderation/", {}),
    "hub:flag_post": ("get", lambda w: f"/en/hub/posts/{w.opening}/flag/", {}),
    "hub:moderate_post": ("get", lambda w: f"/en/hub/posts/{w.held}/moderate/", {}),
    "hub:thread_lock": ("post", lambda w: f"/en/hub/threads/{w.thread}/lock/", {"action": "lock"}),
    "hub:thread_pin": ("post", lambda w: f"/en/hub/threads/{w.thread}/pin/", {"action": "pin"}),
    "hub:watched_terms": ("get", lambda w: "/en/hub/watched-terms/", {}),
    "hub:watched_term_active": (
        "post",
        lambda w: f"/en/hub/watched-terms/{w.term}/active/",
        {"active": "0"},
    ),
    "hub:watched_term_delete": ("post", lambda w: f"/en/hub/watched-terms/{w.term}/delete/", {}),
}


@pytest.fixture
def world(officer) -> World:  # type: ignore[no-untyped-def]
    space = SpaceFactory()
    member(space, officer)
    thread = ThreadFactory(space=space, author=officer)
    opening = thread.posts.get()
    held = Post.objects.create(
        thread=thread,
        space=space,
        author=officer,
        body="Lessons from the raid.",
        body_html="<p>Lessons from the raid.</p>",
        status=PostStatus.HELD,
        hold_reason=HoldReason.WATCHED_TERM,
        guard_findings=[{"kind": "watched_term", "excerpt": "raid", "line": 1}],
    )
    term = WatchedTerm.objects.create(phrase="raid", language="en")
    return World(space=space.pk, thread=thread.pk, opening=opening.pk, held=held.pk, term=term.pk)


def test_every_route_has_a_request():
    assert ROUTES.keys() == MATRIX.keys()


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(MATRIX))
@pytest.mark.parametrize("persona", PERSONAS)
def test_each_persona_gets_the_expected_answer(client, request, world, name, persona):
    method, url, data = ROUTES[name]

    response = request_as(client, request, persona, method, url(world), data=data)

    assert response.status_code == MATRIX[name][PERSONAS.index(persona)]
    if persona == "anonymous" and response.status_code == 302:
        assert "/accounts/login/" in response["Location"]
