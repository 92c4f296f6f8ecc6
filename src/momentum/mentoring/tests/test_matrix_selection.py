"""Who may use the routes of the panel and the selection (see tests/test_authorization_matrix.py).

The records: a cohort at the selection stage with places for Jordan and Morocco, whose panel
the trainer sits on (panel members may hold any role); the moderator sits on the panel of
another cohort only. Leila (the officer of Jordan, a woman) has been offered a place; another
Jordanian officer's application is with the panel.

Panel members see the cohort's endorsed applications and score them; staff who are not on
the panel are sent from the panel page to the selection board, and panel members from the
board to their panel page. The selection and the offers are staff's; only the applicant
answers her offer.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from momentum.core.tests.matrix import PERSONAS, request_as
from momentum.mentoring.models import ApplicationStatus, CohortStatus
from momentum.mentoring.tests.factories import (
    ApplicationFactory,
    CohortFactory,
    endorsed_application,
)
from momentum.people.models import Sex

# fmt: off
#                                     anon off  fp  out stf don trn men mod brd
MATRIX: dict[str, tuple[int, ...]] = {
    "mentoring:panel":               (302, 403, 403, 403, 302, 404, 200, 403, 403, 404),
    "mentoring:score_application":   (302, 404, 403, 404, 403, 404, 200, 404, 404, 404),
    "mentoring:selection":           (302, 403, 403, 403, 200, 404, 302, 403, 403, 404),
    "mentoring:offer_top":           (302, 403, 403, 403, 302, 404, 403, 403, 403, 404),
    "mentoring:offer_place":         (302, 403, 403, 403, 302, 403, 403, 403, 403, 403),
    "mentoring:not_selected":        (302, 403, 403, 403, 302, 403, 403, 403, 403, 403),
    "mentoring:respond_offer":       (302, 200, 403, 404, 403, 404, 403, 404, 404, 404),
}
# fmt: on


@dataclass(frozen=True)
class World:
    cohort: int
    endorsed: int
    offered: int


ROUTES = {
    "mentoring:panel": ("get", lambda w: f"/en/mentoring/cohorts/{w.cohort}/panel/"),
    "mentoring:score_application": (
        "get",
        lambda w: f"/en/mentoring/applications/{w.endorsed}/score/",
    ),
    "mentoring:selection": ("get", lambda w: f"/en/mentoring/cohorts/{w.cohort}/selection/"),
    "mentoring:offer_top": (
        "post",
        lambda w: f"/en/mentoring/cohorts/{w.cohort}/selection/offer-top/",
    ),
    "mentoring:offer_place": ("post", lambda w: f"/en/mentoring/applications/{w.endorsed}/offer/"),
    "mentoring:not_selected": (
        "post",
        lambda w: f"/en/mentoring/applications/{w.endorsed}/not-selected/",
    ),
    "mentoring:respond_offer": (
        "get",
        lambda w: f"/en/mentoring/applications/{w.offered}/respond/",
    ),
}


@pytest.fixture
def world(officer, trainer, moderator, jordan, morocco) -> World:  # type: ignore[no-untyped-def]
    officer.profile.sex = Sex.FEMALE
    officer.profile.save()
    cohort = CohortFactory(
        status=CohortStatus.SELECTION, places={jordan: 3, morocco: 3}, panel=[trainer]
    )
    CohortFactory(status=CohortStatus.SELECTION, places={jordan: 1}, panel=[moderator])
    offered = ApplicationFactory(
        cohort=cohort, applicant=officer.profile, status=ApplicationStatus.OFFERED
    )
    endorsed = endorsed_application(cohort, jordan)
    return World(cohort=cohort.pk, endorsed=endorsed.pk, offered=offered.pk)


def _body(name: str) -> dict[str, object]:
    if name == "mentoring:not_selected":
        return {"data": {"reason": "Fewer years of service than the others."}}
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


@pytest.mark.django_db
def test_a_focal_point_on_another_cohorts_panel_sees_nothing_of_this_one(client, outsider, world):
    CohortFactory(status=CohortStatus.SELECTION).panel.add(outsider)
    client.force_login(outsider)

    assert client.get(ROUTES["mentoring:panel"][1](world)).status_code == 403
    assert client.get(ROUTES["mentoring:score_application"][1](world)).status_code == 404
