"""Who may use the routes of knowledge tests and their results (see
tests/test_authorization_matrix.py).

The records: a confirmed session (starting in three days, so its pre-test is open) taught by
the trainer, of a course with one question; Leila (the officer of Jordan) is a selected
participant. The question bank is for staff. A participant takes only their own tests: those who
may see the nomination are refused (403), others do not find it (404). Results are for staff,
the session's trainers and focal points (who see their own country's participants only).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

import pytest
from django.utils import timezone

from momentum.core.tests.matrix import PERSONAS, request_as
from momentum.training.models import SessionStatus
from momentum.training.tests.factories import NominationFactory, SessionFactory, make_question

# fmt: off
#                                          anon off  fp  out stf don trn men mod brd
MATRIX: dict[str, tuple[int, ...]] = {
    "training:questions":                 (302, 403, 403, 403, 200, 403, 403, 403, 403, 403),
    "training:question_new":              (302, 403, 403, 403, 200, 403, 403, 403, 403, 403),
    "training:question_edit":             (302, 403, 403, 403, 200, 403, 403, 403, 403, 403),
    "training:take_test":                 (302, 200, 403, 404, 403, 404, 403, 404, 404, 404),
    "training:session_results":           (302, 403, 200, 200, 200, 403, 200, 403, 403, 403),
    "training:course_results":            (302, 403, 200, 200, 200, 403, 403, 403, 403, 403),
}
# fmt: on


@dataclass(frozen=True)
class World:
    course: int
    question: int
    session: int
    nomination: int


ROUTES = {
    "training:questions": ("get", lambda w: f"/en/training/courses/{w.course}/questions/"),
    "training:question_new": (
        "get",
        lambda w: f"/en/training/courses/{w.course}/questions/new/",
    ),
    "training:question_edit": (
        "get",
        lambda w: f"/en/training/courses/{w.course}/questions/{w.question}/",
    ),
    "training:take_test": ("get", lambda w: f"/en/training/nominations/{w.nomination}/tests/pre/"),
    "training:session_results": (
        "get",
        lambda w: f"/en/training/sessions/{w.session}/results/",
    ),
    "training:course_results": ("get", lambda w: f"/en/training/courses/{w.course}/results/"),
}


@pytest.fixture
def world(officer, trainer) -> World:  # type: ignore[no-untyped-def]
    starts_on = timezone.localdate() + timedelta(days=3)
    session = SessionFactory(
        trainers=[trainer],
        status=SessionStatus.CONFIRMED,
        starts_on=starts_on,
        ends_on=starts_on + timedelta(days=2),
    )
    question = make_question(session.course, "true_false")
    nomination = NominationFactory(session=session, officer=officer.profile)
    return World(
        course=session.course.pk,
        question=question.pk,
        session=session.pk,
        nomination=nomination.pk,
    )


def test_every_route_has_a_request():
    assert ROUTES.keys() == MATRIX.keys()


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(MATRIX))
@pytest.mark.parametrize("persona", PERSONAS)
def test_each_persona_gets_the_expected_answer(client, request, world, name, persona):
    method, url = ROUTES[name]

    response = request_as(client, request, persona, method, url(world))

    assert response.status_code == MATRIX[name][PERSONAS.index(persona)]
    if response.status_code == 302:
        assert "/accounts/login/" in response["Location"]
