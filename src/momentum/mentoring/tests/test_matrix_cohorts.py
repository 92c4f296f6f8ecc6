"""Who may use the routes of cohorts and applications (see tests/test_authorization_matrix.py).

The records: two cohorts open for applications, with places for Jordan and Morocco. Leila (the
officer of Jordan, a woman) has not applied to the first; her application to the second waits
for the national endorsement. Another Jordanian officer's application to the first waits for
her supervisor, who holds a valid signed link.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from momentum.core.tests.matrix import PERSONAS, request_as
from momentum.mentoring.models import ApplicationStatus
from momentum.mentoring.services.applications import supervisor_token
from momentum.mentoring.tests.factories import ApplicationFactory, CohortFactory
from momentum.people.models import Sex

# fmt: off
#                                             anon off  fp  out stf don trn men mod brd
MATRIX: dict[str, tuple[int, ...]] = {
    "mentoring:cohorts":                     (302, 200, 200, 200, 200, 403, 403, 200, 403, 403),
    "mentoring:cohort":                      (302, 200, 200, 200, 200, 404, 404, 200, 404, 404),
    "mentoring:cohort_new":                  (302, 403, 403, 403, 200, 403, 403, 403, 403, 403),
    "mentoring:cohort_edit":                 (302, 403, 403, 403, 200, 404, 404, 403, 404, 404),
    "mentoring:cohort_transition":           (302, 403, 403, 403, 302, 404, 404, 403, 404, 404),
    "mentoring:apply":                       (302, 200, 403, 403, 403, 404, 404, 403, 404, 404),
    "mentoring:propose":                     (302, 403, 200, 200, 200, 404, 404, 403, 404, 404),
    "mentoring:application":                 (302, 200, 200, 404, 200, 404, 404, 404, 404, 404),
    "mentoring:record_supervisor_endorsement": (302, 403, 302, 404, 302, 404, 404, 404, 404, 404),
    "mentoring:national_endorsement":        (302, 403, 302, 404, 302, 404, 404, 404, 404, 404),
    "mentoring:withdraw_application":        (302, 302, 302, 404, 302, 404, 404, 404, 404, 404),
    "mentoring:supervisor_endorse":          (200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
    "mentoring:my_mentoring":                (302, 200, 200, 200, 200, 200, 200, 200, 200, 200),
}
# fmt: on


@dataclass(frozen=True)
class World:
    cohort: int
    application: int
    token: str


ROUTES = {
    "mentoring:cohorts": ("get", lambda w: "/en/mentoring/"),
    "mentoring:cohort": ("get", lambda w: f"/en/mentoring/cohorts/{w.cohort}/"),
    "mentoring:cohort_new": ("get", lambda w: "/en/mentoring/cohorts/new/"),
    "mentoring:cohort_edit": ("get", lambda w: f"/en/mentoring/cohorts/{w.cohort}/edit/"),
    "mentoring:cohort_transition": ("post", lambda w: f"/en/mentoring/cohorts/{w.cohort}/stage/"),
    "mentoring:apply": ("get", lambda w: f"/en/mentoring/cohorts/{w.cohort}/apply/"),
    "mentoring:propose": ("get", lambda w: f"/en/mentoring/cohorts/{w.cohort}/propose/"),
    "mentoring:application": ("get", lambda w: f"/en/mentoring/applications/{w.application}/"),
    "mentoring:record_supervisor_endorsement": (
        "post",
        lambda w: f"/en/mentoring/applications/{w.application}/supervisor/",
    ),
    "mentoring:national_endorsement": (
        "post",
        lambda w: f"/en/mentoring/applications/{w.application}/national/",
    ),
    "mentoring:withdraw_application": (
        "post",
        lambda w: f"/en/mentoring/applications/{w.application}/withdraw/",
    ),
    "mentoring:supervisor_endorse": ("get", lambda w: f"/en/mentoring/endorse/{w.token}/"),
    "mentoring:my_mentoring": ("get", lambda w: "/en/mentoring/my/"),
}


@pytest.fixture
def world(officer, jordan, morocco) -> World:  # type: ignore[no-untyped-def]
    officer.profile.sex = Sex.FEMALE
    officer.profile.save()
    cohort = CohortFactory(places={jordan: 3, morocco: 3})
    other_cohort = CohortFactory(places={jordan: 3, morocco: 3})
    application = ApplicationFactory(
        cohort=other_cohort,
        applicant=officer.profile,
        status=ApplicationStatus.SUPERVISOR_ENDORSED,
    )
    waiting = ApplicationFactory(cohort=cohort)
    return World(cohort=cohort.pk, application=application.pk, token=supervisor_token(waiting))


def _body(name: str) -> dict[str, object]:
    if name == "mentoring:cohort_transition":
        return {"data": {"to": "selection"}}
    if name == "mentoring:national_endorsement":
        return {"data": {"decision": "endorse"}}
    if name == "mentoring:record_supervisor_endorsement":
        return {"data": {"statement": "She is ready.", "endorsed_on": "2024-01-01"}}
    return {}


def test_every_route_has_a_request():
    assert ROUTES.keys() == MATRIX.keys()


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(MATRIX))
@pytest.mark.parametrize("persona", PERSONAS)
def test_each_persona_gets_the_expected_answer(client, request, world, name, persona):
    method, url = ROUTES[name]

    response = request_as(client, request, persona, method, url(world), **_body(name))

    assert response.status_code == MATRIX[name][PERSONAS.index(persona)]
    if persona == "anonymous" and response.status_code == 302:
        assert "/accounts/login/" in response["Location"]
