"""Who may use the results framework's routes (see tests/test_authorization_matrix.py).

The records: a logframe with a computed and a reported indicator, two periods, and a value of
Jordan submitted by Jordan's focal point. The API's new value is Morocco's: its focal point (the
outsider) and staff may enter it, Jordan's focal point may not."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from momentum.core.tests.matrix import PERSONAS, request_as
from momentum.results.services import values as value_services
from momentum.results.tests.factories import logframe_with_indicators

# fmt: off
#                                        anon off  fp  out stf don trn men mod brd
MATRIX: dict[str, tuple[int, ...]] = {
    "results:dashboard":                (302, 403, 200, 200, 200, 200, 403, 403, 403, 200),
    "results:logframe":                 (302, 403, 200, 200, 200, 200, 403, 403, 403, 200),
    "results:logframe_transition":      (302, 403, 403, 403, 302, 403, 403, 403, 403, 403),
    "results:logframe_start":           (302, 403, 403, 403, 302, 403, 403, 403, 403, 403),
    "results:result_new":               (302, 403, 403, 403, 200, 403, 403, 403, 403, 403),
    "results:result_edit":              (302, 403, 403, 403, 200, 403, 403, 403, 403, 403),
    "results:indicator_new":            (302, 403, 403, 403, 200, 403, 403, 403, 403, 403),
    "results:drill":                    (302, 403, 403, 403, 200, 403, 403, 403, 403, 403),
    "results:indicator_edit":           (302, 403, 403, 403, 200, 403, 403, 403, 403, 403),
    "results:periods":                  (302, 403, 403, 403, 200, 403, 403, 403, 403, 403),
    "results:period_edit":              (302, 403, 403, 403, 200, 403, 403, 403, 403, 403),
    "results:period_close":             (302, 403, 403, 403, 302, 403, 403, 403, 403, 403),
    "results:period_reopen":            (302, 403, 403, 403, 302, 403, 403, 403, 403, 403),
    "results:period_refresh":           (302, 403, 403, 403, 302, 403, 403, 403, 403, 403),
    "results:narratives":               (302, 403, 403, 403, 200, 403, 403, 403, 403, 403),
    "results:values":                   (302, 403, 200, 200, 200, 200, 403, 403, 403, 200),
    "results:value_new":                (302, 403, 200, 200, 200, 403, 403, 403, 403, 403),
    "results:value":                    (302, 404, 200, 404, 200, 404, 404, 404, 404, 404),
    "results:value_decide":             (302, 404, 403, 404, 302, 404, 404, 404, 404, 404),
    "results:export":                   (302, 403, 200, 200, 200, 200, 403, 403, 403, 200),
    "results:report":                   (302, 403, 200, 200, 200, 200, 403, 403, 403, 200),
    "api:list_result_periods":          (401, 403, 200, 200, 200, 200, 403, 403, 403, 200),
    "api:list_result_indicators":       (401, 403, 200, 200, 200, 200, 403, 403, 403, 200),
    "api:list_result_values":           (401, 403, 200, 200, 200, 200, 403, 403, 403, 200),
    "api:create_result_value":          (401, 403, 403, 201, 201, 403, 403, 403, 403, 403),
    "api:approve_result_value":         (401, 404, 403, 404, 200, 404, 404, 404, 404, 404),
    "api:return_result_value":          (401, 404, 403, 404, 200, 404, 404, 404, 404, 404),
}
# fmt: on


@dataclass(frozen=True)
class World:
    result: int
    indicator: int
    reported: int
    period: int
    value: int


ROUTES = {
    "results:dashboard": ("get", lambda w: "/en/results/"),
    "results:logframe": ("get", lambda w: "/en/results/logframe/"),
    "results:logframe_transition": ("post", lambda w: "/en/results/logframe/submit/"),
    "results:logframe_start": ("post", lambda w: "/en/results/logframe/start/"),
    "results:result_new": ("get", lambda w: "/en/results/logframe/results/new/"),
    "results:result_edit": ("get", lambda w: f"/en/results/logframe/results/{w.result}/edit/"),
    "results:indicator_new": (
        "get",
        lambda w: f"/en/results/logframe/results/{w.result}/indicators/new/",
    ),
    "results:drill": ("get", lambda w: f"/en/results/indicators/{w.indicator}/records/"),
    "results:indicator_edit": ("get", lambda w: f"/en/results/indicators/{w.indicator}/edit/"),
    "results:periods": ("get", lambda w: "/en/results/periods/"),
    "results:period_edit": ("get", lambda w: f"/en/results/periods/{w.period}/edit/"),
    "results:period_close": ("post", lambda w: f"/en/results/periods/{w.period}/close/"),
    "results:period_reopen": ("post", lambda w: f"/en/results/periods/{w.period}/reopen/"),
    "results:period_refresh": ("post", lambda w: f"/en/results/periods/{w.period}/refresh/"),
    "results:narratives": ("get", lambda w: f"/en/results/periods/{w.period}/narratives/"),
    "results:values": ("get", lambda w: "/en/results/values/"),
    "results:value_new": ("get", lambda w: "/en/results/values/new/"),
    "results:value": ("get", lambda w: f"/en/results/values/{w.value}/"),
    "results:value_decide": ("post", lambda w: f"/en/results/values/{w.value}/approve/"),
    "results:export": ("get", lambda w: f"/en/results/periods/{w.period}/export.csv"),
    "results:report": ("get", lambda w: f"/en/results/periods/{w.period}/report-en.pdf"),
    "api:list_result_periods": ("get", lambda w: "/api/v1/results/periods"),
    "api:list_result_indicators": (
        "get",
        lambda w: f"/api/v1/results/periods/{w.period}/indicators",
    ),
    "api:list_result_values": ("get", lambda w: "/api/v1/results/values"),
    "api:create_result_value": ("post", lambda w: "/api/v1/results/values"),
    "api:approve_result_value": ("post", lambda w: f"/api/v1/results/values/{w.value}/approve"),
    "api:return_result_value": ("post", lambda w: f"/api/v1/results/values/{w.value}/return"),
}


@pytest.fixture
def world(focal_point, jordan, morocco) -> World:
    frame = logframe_with_indicators()
    value = value_services.save_value(
        indicator=frame["share"],
        period=frame["first"],
        country=jordan,
        by=focal_point,
        raw="20",
        submit=True,
    )
    return World(
        result=frame["outcome"].pk,
        indicator=frame["trained"].pk,
        reported=frame["share"].pk,
        period=frame["first"].pk,
        value=value.pk,
    )


def _options(name: str, world: World) -> dict[str, object]:
    if name == "api:create_result_value":
        return {
            "data": {
                "indicator": world.reported,
                "period": world.period,
                "country": "MA",
                "value": "12",
            },
            "content_type": "application/json",
        }
    if name == "api:return_result_value":
        return {"data": {"comment": "Attach the table."}, "content_type": "application/json"}
    return {}


def test_every_route_has_a_request():
    assert ROUTES.keys() == MATRIX.keys()


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(MATRIX))
@pytest.mark.parametrize("persona", PERSONAS)
def test_each_persona_gets_the_expected_answer(client, request, world, name, persona):
    method, url = ROUTES[name]

    response = request_as(client, request, persona, method, url(world), **_options(name, world))

    assert response.status_code == MATRIX[name][PERSONAS.index(persona)]
    if persona == "anonymous" and response.status_code == 302:
        assert "/accounts/login/" in response["Location"]
