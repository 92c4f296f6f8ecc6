"""Who may use the routes of the learning path (see tests/test_authorization_matrix.py).

The records: Leila (the officer of Jordan) is a mentee in an active pair with a mentor of her
own (the ``mentor`` persona mentors someone else); her path has two courses; another active
course is in the catalogue.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from momentum.core.tests.matrix import PERSONAS, request_as
from momentum.mentoring.tests.factories import female_officer_profile, pair_for, path_course
from momentum.training.tests.factories import CourseFactory

# fmt: off
#                                          anon off  fp  out stf don trn men mod brd
MATRIX: dict[str, tuple[int, ...]] = {
    "mentoring:learning_path":            (302, 200, 200, 404, 200, 404, 404, 404, 404, 404),
    "mentoring:learning_path_add":        (302, 403, 403, 404, 302, 404, 404, 404, 404, 404),
    "mentoring:learning_path_move":       (302, 403, 403, 404, 302, 404, 404, 404, 404, 404),
    "mentoring:learning_path_remove":     (302, 403, 403, 404, 302, 404, 404, 404, 404, 404),
    "mentoring:cohort_learning_paths":    (302, 403, 403, 403, 200, 403, 403, 403, 403, 403),
    "mentoring:my_programme":             (302, 200, 403, 403, 403, 403, 403, 403, 403, 403),
}
# fmt: on


@dataclass(frozen=True)
class World:
    application: int
    cohort: int
    item: int
    course: int
    mentor: object


ROUTES = {
    "mentoring:learning_path": ("get", lambda w: f"/en/mentoring/mentees/{w.application}/path/"),
    "mentoring:learning_path_add": (
        "post",
        lambda w: f"/en/mentoring/mentees/{w.application}/path/add/",
    ),
    "mentoring:learning_path_move": ("post", lambda w: f"/en/mentoring/path-items/{w.item}/move/"),
    "mentoring:learning_path_remove": (
        "post",
        lambda w: f"/en/mentoring/path-items/{w.item}/remove/",
    ),
    "mentoring:cohort_learning_paths": (
        "get",
        lambda w: f"/en/mentoring/cohorts/{w.cohort}/learning-paths/",
    ),
    "mentoring:my_programme": ("get", lambda w: "/en/mentoring/my/programme/"),
}


@pytest.fixture
def world(officer, mentor, jordan) -> World:  # type: ignore[no-untyped-def]
    pairing = pair_for(officer)
    pair_for(female_officer_profile(jordan).user, mentor, cohort=pairing.cohort)
    path_course(pairing.mentee, "completed")
    item = path_course(pairing.mentee)
    return World(
        application=pairing.mentee_id,
        cohort=pairing.cohort_id,
        item=item.pk,
        course=CourseFactory().pk,
        mentor=pairing.mentor.user,
    )


def _data(name: str, world: World) -> dict[str, object]:
    if name == "mentoring:learning_path_add":
        return {"data": {"course": world.course}}
    if name == "mentoring:learning_path_move":
        return {"data": {"direction": "up"}}
    return {}


def test_every_route_has_a_request():
    assert ROUTES.keys() == MATRIX.keys()


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(MATRIX))
@pytest.mark.parametrize("persona", PERSONAS)
def test_each_persona_gets_the_expected_answer(client, request, world, name, persona):
    method, url = ROUTES[name]

    response = request_as(client, request, persona, method, url(world), **_data(name, world))

    assert response.status_code == MATRIX[name][PERSONAS.index(persona)]
    if persona == "anonymous" and response.status_code == 302:
        assert "/accounts/login/" in response["Location"]


@pytest.mark.django_db
def test_her_own_mentor_manages_her_path(client, world):
    client.force_login(world.mentor)
    expected = {
        "mentoring:learning_path": 200,
        "mentoring:learning_path_add": 302,
        "mentoring:learning_path_move": 302,
        "mentoring:learning_path_remove": 302,
        "mentoring:cohort_learning_paths": 403,
        "mentoring:my_programme": 403,
    }

    got = {
        name: getattr(client, method)(url(world), _data(name, world).get("data")).status_code
        for name, (method, url) in ROUTES.items()
    }

    assert got == expected
