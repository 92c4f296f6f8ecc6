"""Who may use the routes of threads and posts (see tests/test_authorization_matrix.py).

The records: an open programme-wide space of which Leila (the officer) is the only member; her
thread there, its opening post with an attached text file, and a reply of hers the content
guard blocked. Staff post anywhere; the others read the open space but do not post in it;
donors do not use the hub.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest
from django.core.files.base import ContentFile

from momentum.core.tests.matrix import PERSONAS, request_as
from momentum.hub.models import Attachment, Post, PostStatus
from momentum.hub.tests.factories import SpaceFactory, ThreadFactory, member

# fmt: off
#                                     anon off  fp  out stf don trn men mod brd
MATRIX: dict[str, tuple[int, ...]] = {
    "hub:thread_new":               (302, 200, 403, 403, 200, 403, 403, 403, 403, 403),
    "hub:thread":                   (302, 200, 200, 200, 200, 403, 200, 200, 200, 200),
    "hub:reply":                    (302, 200, 403, 403, 200, 403, 403, 403, 403, 403),
    "hub:post":                     (302, 302, 302, 302, 302, 403, 302, 302, 302, 302),
    "hub:post_edit":                (302, 200, 403, 403, 403, 403, 403, 403, 403, 403),
    "hub:post_history":             (302, 200, 200, 200, 200, 403, 200, 200, 200, 200),
    "hub:post_request_review":      (302, 302, 404, 404, 403, 403, 404, 404, 403, 404),
    "hub:attachment":               (302, 200, 200, 200, 200, 404, 200, 200, 200, 200),
}
# fmt: on


@dataclass(frozen=True)
class World:
    space: int
    thread: int
    opening: int
    blocked: int
    attachment: int


ROUTES = {
    "hub:thread_new": ("get", lambda w: f"/en/hub/spaces/{w.space}/threads/new/"),
    "hub:thread": ("get", lambda w: f"/en/hub/threads/{w.thread}/"),
    "hub:reply": ("get", lambda w: f"/en/hub/threads/{w.thread}/reply/"),
    "hub:post": ("get", lambda w: f"/en/hub/posts/{w.opening}/"),
    "hub:post_edit": ("get", lambda w: f"/en/hub/posts/{w.opening}/edit/"),
    "hub:post_history": ("get", lambda w: f"/en/hub/posts/{w.opening}/history/"),
    "hub:post_request_review": ("post", lambda w: f"/en/hub/posts/{w.blocked}/review/"),
    "hub:attachment": ("get", lambda w: f"/en/hub/attachments/{w.attachment}/"),
}


@pytest.fixture
def world(officer) -> World:  # type: ignore[no-untyped-def]
    space: Any = SpaceFactory()
    member(space, officer)
    thread: Any = ThreadFactory(space=space, author=officer)
    opening = thread.posts.get()
    blocked = Post.objects.create(
        thread=thread,
        space=space,
        author=officer,
        body="Passport A12345678",
        status=PostStatus.BLOCKED,
        guard_findings=[{"kind": "travel_document", "excerpt": "A12•••78", "line": 1}],
    )
    attachment = Attachment(post=opening, name="notes.txt", content_type="text/plain", size=5)
    attachment.file.save("attachment.txt", ContentFile(b"notes"), save=False)
    attachment.save()
    return World(
        space=space.pk,
        thread=thread.pk,
        opening=opening.pk,
        blocked=blocked.pk,
        attachment=attachment.pk,
    )


def test_every_route_has_a_request():
    assert ROUTES.keys() == MATRIX.keys()


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(MATRIX))
@pytest.mark.parametrize("persona", PERSONAS)
def test_each_persona_gets_the_expected_answer(client, request, world, name, persona):
    method, url = ROUTES[name]

    response = request_as(client, request, persona, method, url(world))
    if response.streaming:
        response.close()

    assert response.status_code == MATRIX[name][PERSONAS.index(persona)]
    if persona == "anonymous" and response.status_code == 302:
        assert "/accounts/login/" in response["Location"]
