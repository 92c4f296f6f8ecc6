"""The screening console page and the API's parse and screen routes."""

from __future__ import annotations

from typing import Any

import pytest

from momentum.screening.models import CaseKind, Presentation, World

pytestmark = pytest.mark.django_db


def test_console_shows_the_stolen_document_and_each_score_contribution(
    client: Any, small_world: World, officer: Any, django_assert_max_num_queries: Any
) -> None:
    lost = Presentation.objects.filter(world=small_world, case_kind=CaseKind.LOST_EXACT).first()
    assert lost is not None
    client.force_login(officer)
    # session, user, roles, world choice, lost look-up, nominal look-up, navigation/home extras
    with django_assert_max_num_queries(12):
        response = client.get("/en/screening/console/", {"world": small_world.pk, "mrz": lost.mrz})
    body = response.content.decode()
    assert "Exact match: this number and issuing state are recorded." in body
    assert "Training — synthetic data" in body


def test_console_reports_a_malformed_mrz_by_field(
    client: Any, small_world: World, officer: Any
) -> None:
    client.force_login(officer)
    response = client.get(
        "/en/screening/console/", {"world": small_world.pk, "mrz": "p<utoeriksson"}
    )
    assert response.status_code == 200
    assert "Layout" in response.content.decode()


def test_console_in_arabic_reads_right_to_left(
    client: Any, small_world: World, officer: Any
) -> None:
    client.force_login(officer)
    response = client.get("/ar/screening/console/")
    assert 'dir="rtl"' in response.content.decode()


def test_api_parse_reports_every_problem_by_field(client: Any, officer: Any) -> None:
    client.force_login(officer)
    response = client.post(
        "/api/v1/screening/parse", {"mrz": "P<UTO\n123"}, content_type="application/json"
    )
    assert response.status_code == 200
    assert response.json()["valid"] is False
    assert response.json()["errors"][0]["field"] == "layout"


def test_api_decide_twice_is_a_conflict(client: Any, queue: Any, officer: Any) -> None:
    from momentum.screening.models import Play
    from momentum.screening.services.queues import open_next

    check = open_next(play=Play.objects.get(queue=queue, trainee=officer), by=officer)
    assert check is not None
    client.force_login(officer)
    url = f"/api/v1/screening/checks/{check.pk}/decide"
    assert (
        client.post(url, {"decision": "refer"}, content_type="application/json").status_code == 200
    )
    second = client.post(url, {"decision": "hit"}, content_type="application/json")
    assert second.status_code == 409
    assert second.json()["error"]["code"] == "conflict"
