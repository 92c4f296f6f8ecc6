"""Who may use the routes of completion and the alumni directory (see
tests/test_authorization_matrix.py).

The records: Leila (the officer of Jordan) is a mentee taking part (not an alumna: the
directory is not hers yet); an alumna of Jordan from an earlier cohort; a field exercise.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from momentum.core.tests.matrix import PERSONAS, request_as
from momentum.mentoring.models import ApplicationStatus, OpportunityKind
from momentum.mentoring.tests.factories import mentee, opportunity, pair_for, running_cohort

# fmt: off
#                                          anon off  fp  out stf don trn men mod brd
MATRIX: dict[str, tuple[int, ...]] = {
    "mentoring:cohort_completion":        (302, 403, 403, 403, 200, 403, 403, 403, 403, 403),
    "mentoring:complete_mentee":          (302, 403, 403, 403, 302, 403, 403, 403, 403, 403),
    "mentoring:alumni":                   (302, 403, 200, 200, 200, 403, 403, 403, 403, 403),
    "mentoring:alumni_shortlist":         (302, 403, 403, 403, 302, 403, 403, 403, 403, 403),
}
# fmt: on


@dataclass(frozen=True)
class World:
    cohort: int
    application: int
    alumna: int
    exercise: int


ROUTES = {
    "mentoring:cohort_completion": (
        "get",
        lambda w: f"/en/mentoring/cohorts/{w.cohort}/completion/",
    ),
    "mentoring:complete_mentee": (
        "post",
        lambda w: f"/en/mentoring/applications/{w.application}/complete/",
    ),
    "mentoring:alumni": ("get", lambda w: "/en/mentoring/alumni/"),
    "mentoring:alumni_shortlist": (
        "post",
        lambda w: f"/en/mentoring/alumni/{w.alumna}/shortlist/",
    ),
}


@pytest.fixture
def world(officer, jordan) -> World:  # type: ignore[no-untyped-def]
    pairing = pair_for(officer)
    alumna = mentee(running_cohort(mentees={}), jordan, status=ApplicationStatus.COMPLETED)
    exercise = opportunity(kind=OpportunityKind.FIELD_EXERCISE, title_en="Field exercise")
    return World(
        cohort=pairing.cohort_id,
        application=pairing.mentee_id,
        alumna=alumna.pk,
        exercise=exercise.pk,
    )


def _data(name: str, world: World) -> dict[str, object]:
    if name == "mentoring:alumni_shortlist":
        return {"data": {"opportunity": world.exercise}}
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
