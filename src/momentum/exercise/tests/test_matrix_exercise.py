"""Who may use the routes of the field exercise (see tests/test_authorization_matrix.py).

The records: Leila (the officer of Jordan) is a screener at the Jordanian airport site of a
planned exercise that has a briefing document and one inject. Staff plan and run everything;
a participant sees her own site; anyone not on the exercise (a focal point of her own country
included) is refused, and learns nothing of a record (404). The donor sees indicators only.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from momentum.core.tests.matrix import PERSONAS, request_as
from momentum.exercise.services import injects, planning
from momentum.exercise.tests.factories import an_exercise

# fmt: off
#                                           anon off  fp  out stf don trn men mod brd
MATRIX: dict[str, tuple[int, ...]] = {
    "exercise:list":                       (302, 200, 403, 403, 200, 403, 403, 403, 403, 403),
    "exercise:detail":                     (302, 200, 404, 404, 200, 404, 404, 404, 404, 404),
    "exercise:plan":                       (302, 403, 404, 404, 200, 404, 404, 404, 404, 404),
    "exercise:team":                       (302, 403, 404, 404, 200, 404, 404, 404, 404, 404),
    "exercise:console":                    (302, 403, 404, 404, 200, 404, 404, 404, 404, 404),
    "exercise:board":                      (302, 403, 404, 404, 200, 404, 404, 404, 404, 404),
    "exercise:observe":                    (302, 403, 404, 404, 403, 404, 404, 404, 404, 404),
    "exercise:report":                     (302, 403, 404, 404, 200, 404, 404, 404, 404, 404),
    "exercise:report_pdf":                 (302, 403, 404, 404, 404, 404, 404, 404, 404, 404),
    "exercise:document":                   (302, 200, 404, 404, 200, 404, 404, 404, 404, 404),
    "exercise:site":                       (302, 200, 404, 404, 200, 404, 404, 404, 404, 404),
    "exercise:site_feed":                  (302, 200, 404, 404, 200, 404, 404, 404, 404, 404),
    "exercise:inject":                     (302, 403, 404, 404, 302, 404, 404, 404, 404, 404),
    "api:list_exercises":                  (401, 200, 403, 403, 200, 403, 403, 403, 403, 403),
    "api:list_exercise_sites":             (401, 200, 404, 404, 200, 404, 404, 404, 404, 404),
    "api:list_exercise_injects":           (401, 200, 404, 404, 200, 404, 404, 404, 404, 404),
    "api:list_exercise_observations":      (401, 403, 404, 404, 200, 404, 404, 404, 404, 404),
    "api:create_exercise_observation":     (401, 403, 404, 404, 403, 404, 404, 404, 404, 404),
}
# fmt: on


@dataclass(frozen=True)
class World:
    exercise: int
    site: int
    document: int
    inject: int
    inject_version: int


ROUTES = {
    "exercise:list": ("get", lambda w: "/en/exercise/"),
    "exercise:detail": ("get", lambda w: f"/en/exercise/{w.exercise}/"),
    "exercise:plan": ("post", lambda w: f"/en/exercise/{w.exercise}/plan/"),
    "exercise:team": ("get", lambda w: f"/en/exercise/{w.exercise}/team/"),
    "exercise:console": ("get", lambda w: f"/en/exercise/{w.exercise}/console/"),
    "exercise:board": ("get", lambda w: f"/en/exercise/{w.exercise}/console/board/"),
    "exercise:observe": ("get", lambda w: f"/en/exercise/{w.exercise}/observe/"),
    "exercise:report": ("get", lambda w: f"/en/exercise/{w.exercise}/report/"),
    "exercise:report_pdf": ("get", lambda w: f"/en/exercise/{w.exercise}/report/ar.pdf"),
    "exercise:document": ("get", lambda w: f"/en/exercise/documents/{w.document}/"),
    "exercise:site": ("get", lambda w: f"/en/exercise/sites/{w.site}/"),
    "exercise:site_feed": ("get", lambda w: f"/en/exercise/sites/{w.site}/feed/"),
    "exercise:inject": ("post", lambda w: f"/en/exercise/injects/{w.inject}/"),
    "api:list_exercises": ("get", lambda w: "/api/v1/exercises"),
    "api:list_exercise_sites": ("get", lambda w: f"/api/v1/exercises/{w.exercise}/sites"),
    "api:list_exercise_injects": ("get", lambda w: f"/api/v1/exercises/{w.exercise}/injects"),
    "api:list_exercise_observations": (
        "get",
        lambda w: f"/api/v1/exercises/{w.exercise}/observations",
    ),
    "api:create_exercise_observation": (
        "post",
        lambda w: f"/api/v1/exercises/{w.exercise}/observations",
    ),
}


@pytest.fixture
def world(officer: Any, staff: Any) -> World:
    s = an_exercise(staff)
    planning.place_member(
        exercise=s.exercise,
        user=officer,
        role="screener",
        source="certified",
        site=s.amman,
        shift=s.shift,
        by=staff,
    )
    document = planning.add_document(
        phase=s.exercise.phases.get(),
        title="Briefing",
        uploaded=SimpleUploadedFile("briefing.txt", b"Gate B at seven.", "text/plain"),
        by=staff,
    )
    inject = injects.add_inject(
        site=s.amman,
        objective=s.screening,
        kind="tip_off",
        title="A tip-off",
        message="A call about a forged visa.",
        expected_action="Tell the site lead.",
        actor="site_lead",
        scheduled_at=timezone.now() + timedelta(hours=1),
        by=staff,
    )
    return World(s.exercise.pk, s.amman.pk, document.pk, inject.pk, inject.version)


def _data(name: str, world: World) -> dict[str, Any]:
    if name == "exercise:plan":
        return {"data": {"what": "phase"}}
    if name == "exercise:inject":
        return {"data": {"do": "fire", "version": world.inject_version}}
    if name == "api:create_exercise_observation":
        return {
            "data": {"objective": 1, "site": world.site, "rating": "P", "justification": "x"},
            "content_type": "application/json",
        }
    return {}


def test_every_route_has_a_request() -> None:
    assert ROUTES.keys() == MATRIX.keys()


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(MATRIX))
@pytest.mark.parametrize("persona", PERSONAS)
def test_each_persona_gets_the_expected_answer(
    client: Any, request: Any, world: World, name: str, persona: str
) -> None:
    method, url = ROUTES[name]

    response = request_as(client, request, persona, method, url(world), **_data(name, world))

    if response.streaming:
        # Read to the end: the test client then closes the file, as a server would.
        b"".join(response.streaming_content)
    assert response.status_code == MATRIX[name][PERSONAS.index(persona)]
    if persona == "anonymous" and response.status_code == 302:
        assert "/accounts/login/" in response["Location"]
