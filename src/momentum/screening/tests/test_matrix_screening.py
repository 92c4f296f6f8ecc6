"""Who may use the screening simulator's routes (see tests/test_authorization_matrix.py).

The records: a small world, a queue of the ``trainer`` persona given to Leila (the officer of
Jordan), her play with its first check opened. Officers screen; trainers and staff build
queues; the queue's own trainer and staff read it; only Leila opens her play and decides.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from momentum.core.tests.matrix import PERSONAS, request_as
from momentum.screening.models import Play, Queue
from momentum.screening.services.queues import open_next

# fmt: off
#                                     anon off  fp  out stf don trn men mod brd
MATRIX: dict[str, tuple[int, ...]] = {
    "screening:index":               (302, 200, 403, 403, 200, 403, 200, 403, 403, 403),
    "screening:console":             (302, 200, 403, 403, 200, 403, 200, 403, 403, 403),
    "screening:summary":             (302, 403, 200, 200, 200, 200, 403, 403, 403, 200),
    "screening:queue_new":           (302, 403, 403, 403, 200, 403, 200, 403, 403, 403),
    "screening:queue":               (302, 403, 403, 403, 200, 403, 200, 403, 403, 403),
    "screening:queue_assign":        (302, 403, 403, 403, 302, 403, 302, 403, 403, 403),
    "screening:queue_edit":          (302, 403, 403, 403, 200, 403, 200, 403, 403, 403),
    "screening:play":                (302, 200, 403, 403, 403, 403, 403, 403, 403, 403),
    "screening:play_scores":         (302, 200, 403, 403, 200, 403, 200, 403, 403, 403),
    "screening:decide":              (302, 302, 403, 403, 403, 403, 403, 403, 403, 403),
    "screening:feedback":            (302, 404, 403, 403, 403, 403, 403, 403, 403, 403),
    "api:parse_mrz":                 (401, 200, 403, 403, 200, 403, 200, 403, 403, 403),
    "api:screen_traveller":          (401, 200, 403, 403, 200, 403, 200, 403, 403, 403),
    "api:decide_check":              (401, 200, 403, 403, 403, 403, 403, 403, 403, 403),
    "api:play_scores":               (401, 200, 403, 403, 200, 403, 200, 403, 403, 403),
}
# fmt: on


@dataclass(frozen=True)
class World:
    world: int
    queue: int
    play: int
    check: int


TD3 = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10"

ROUTES = {
    "screening:index": ("get", lambda w: "/en/screening/", lambda w: {}),
    "screening:console": ("get", lambda w: "/en/screening/console/", lambda w: {}),
    "screening:summary": ("get", lambda w: "/en/screening/results/", lambda w: {}),
    "screening:queue_new": ("get", lambda w: "/en/screening/queues/new/", lambda w: {}),
    "screening:queue": ("get", lambda w: f"/en/screening/queues/{w.queue}/", lambda w: {}),
    "screening:queue_assign": (
        "post",
        lambda w: f"/en/screening/queues/{w.queue}/assign/",
        lambda w: {},
    ),
    "screening:queue_edit": (
        "get",
        lambda w: f"/en/screening/queues/{w.queue}/edit/",
        lambda w: {},
    ),
    "screening:play": ("get", lambda w: f"/en/screening/plays/{w.play}/", lambda w: {}),
    "screening:play_scores": (
        "get",
        lambda w: f"/en/screening/plays/{w.play}/scores/",
        lambda w: {},
    ),
    "screening:decide": ("post", lambda w: f"/en/screening/checks/{w.check}/decide/", lambda w: {}),
    "screening:feedback": (
        "get",
        lambda w: f"/en/screening/checks/{w.check}/feedback/",
        lambda w: {},
    ),
    "api:parse_mrz": (
        "post",
        lambda w: "/api/v1/screening/parse",
        lambda w: {"data": {"mrz": TD3}, "content_type": "application/json"},
    ),
    "api:screen_traveller": (
        "post",
        lambda w: "/api/v1/screening/screen",
        lambda w: {"data": {"world": w.world, "mrz": TD3}, "content_type": "application/json"},
    ),
    "api:decide_check": (
        "post",
        lambda w: f"/api/v1/screening/checks/{w.check}/decide",
        lambda w: {"data": {"decision": "no_hit"}, "content_type": "application/json"},
    ),
    "api:play_scores": ("get", lambda w: f"/api/v1/screening/plays/{w.play}/scores", lambda w: {}),
}


@pytest.fixture
def world(queue: Queue, officer) -> World:  # type: ignore[no-untyped-def]
    play = Play.objects.get(queue=queue, trainee=officer)
    check = open_next(play=play, by=officer)
    assert check is not None
    return World(world=queue.world_id, queue=queue.pk, play=play.pk, check=check.pk)


def test_every_route_has_a_request():
    assert ROUTES.keys() == MATRIX.keys()


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(MATRIX))
def test_each_persona_gets_the_expected_answer(client, request, world, name):
    from django.db import transaction

    method, url, options = ROUTES[name]
    wrong = []
    for persona in PERSONAS:
        client.logout()
        with transaction.atomic():
            response = request_as(client, request, persona, method, url(world), **options(world))
            transaction.set_rollback(True)
        expected = MATRIX[name][PERSONAS.index(persona)]
        if response.status_code != expected:
            wrong.append(f"{persona}: expected {expected}, got {response.status_code}")
        elif persona == "anonymous" and response.status_code == 302:
            assert "/accounts/login/" in response["Location"]
    assert not wrong, wrong
