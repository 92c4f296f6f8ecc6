"""Who may use the routes of the gender self-assessment (see tests/test_authorization_matrix.py).

The records: Leila (the officer of Jordan) leads the working group of a Jordanian agency's
cycle, invited by Jordan's focal point; the cycle has one action and an unused survey link. An
agency's results belong to its country: another country's focal point, the donor and the board
get 404; observers see only the overview.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from django.utils import timezone

from momentum.core.tests.matrix import PERSONAS, request_as
from momentum.selfassessment import services
from momentum.selfassessment.models import Dimension
from momentum.selfassessment.tests.factories import cycle_for

# fmt: off
#                                            anon off  fp  out stf don trn men mod brd
MATRIX: dict[str, tuple[int, ...]] = {
    "selfassessment:cycles":                (302, 200, 200, 200, 200, 302, 403, 403, 403, 302),
    "selfassessment:invite":                (302, 403, 200, 200, 200, 403, 403, 403, 403, 403),
    "selfassessment:overview":              (302, 403, 403, 403, 200, 200, 403, 403, 403, 200),
    "selfassessment:framework":             (302, 403, 403, 403, 200, 403, 403, 403, 403, 403),
    "selfassessment:dimension_edit":        (302, 403, 403, 403, 200, 403, 403, 403, 403, 403),
    "selfassessment:cycle":                 (302, 200, 200, 404, 200, 404, 404, 404, 404, 404),
    "selfassessment:dimension":             (302, 200, 200, 404, 200, 404, 404, 404, 404, 404),
    "selfassessment:finding_add":           (302, 302, 403, 404, 302, 404, 404, 404, 404, 404),
    "selfassessment:actions":               (302, 200, 200, 404, 200, 404, 404, 404, 404, 404),
    "selfassessment:action_edit":           (302, 200, 403, 404, 200, 404, 404, 404, 404, 404),
    "selfassessment:survey_links":          (302, 403, 200, 404, 200, 404, 404, 404, 404, 404),
    "selfassessment:complete":              (302, 302, 403, 404, 302, 404, 404, 404, 404, 404),
    "selfassessment:survey":                (200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
    "api:list_selfassessment_cycles":       (401, 200, 200, 200, 200, 403, 403, 403, 403, 403),
    "api:get_selfassessment_cycle":         (401, 200, 200, 404, 200, 404, 404, 404, 404, 404),
    "api:get_selfassessment_overview":      (401, 403, 403, 403, 200, 200, 403, 403, 403, 200),
}
# fmt: on


@dataclass(frozen=True)
class World:
    cycle: int
    dimension: int
    action: int
    token: str


ROUTES = {
    "selfassessment:cycles": ("get", lambda w: "/en/selfassessment/"),
    "selfassessment:invite": ("get", lambda w: "/en/selfassessment/invite/"),
    "selfassessment:overview": ("get", lambda w: "/en/selfassessment/overview/"),
    "selfassessment:framework": ("get", lambda w: "/en/selfassessment/framework/"),
    "selfassessment:dimension_edit": (
        "get",
        lambda w: f"/en/selfassessment/framework/dimensions/{w.dimension}/",
    ),
    "selfassessment:cycle": ("get", lambda w: f"/en/selfassessment/{w.cycle}/"),
    "selfassessment:dimension": (
        "get",
        lambda w: f"/en/selfassessment/{w.cycle}/dimensions/{w.dimension}/",
    ),
    "selfassessment:finding_add": ("post", lambda w: f"/en/selfassessment/{w.cycle}/findings/"),
    "selfassessment:actions": ("get", lambda w: f"/en/selfassessment/{w.cycle}/actions/"),
    "selfassessment:action_edit": (
        "get",
        lambda w: f"/en/selfassessment/{w.cycle}/actions/{w.action}/",
    ),
    "selfassessment:survey_links": (
        "get",
        lambda w: f"/en/selfassessment/{w.cycle}/survey-links/",
    ),
    "selfassessment:complete": ("post", lambda w: f"/en/selfassessment/{w.cycle}/complete/"),
    "selfassessment:survey": ("get", lambda w: f"/en/selfassessment/survey/{w.token}/"),
    "api:list_selfassessment_cycles": ("get", lambda w: "/api/v1/selfassessment/cycles"),
    "api:get_selfassessment_cycle": (
        "get",
        lambda w: f"/api/v1/selfassessment/cycles/{w.cycle}",
    ),
    "api:get_selfassessment_overview": ("get", lambda w: "/api/v1/selfassessment/overview"),
}


@pytest.fixture
def world(officer, focal_point) -> World:
    cycle = cycle_for(officer, by=focal_point)
    dimension = Dimension.objects.order_by("order").first()
    assert dimension is not None
    action = services.add_action(
        cycle=cycle,
        by=officer,
        dimension=dimension,
        title="Record victims' age",
        owner="Statistics office",
        due_on=timezone.localdate(),
    )
    (token,) = services.create_survey_links(cycle=cycle, count=1, by=focal_point)
    return World(cycle=cycle.pk, dimension=dimension.pk, action=action.pk, token=token)


def _data(name: str, world: World) -> dict[str, object]:
    if name == "selfassessment:finding_add":
        from momentum.selfassessment.models import Theme

        theme = Theme.objects.order_by("order").first()
        assert theme is not None
        return {"data": {"theme": theme.pk, "text": "Crimes are not recorded by age."}}
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
