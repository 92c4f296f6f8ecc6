from __future__ import annotations

from typing import Any

import pytest

from momentum.exercise.services import planning
from momentum.exercise.tests.factories import an_exercise

pytestmark = pytest.mark.django_db


def test_an_evaluator_records_an_observation_through_the_api(
    staff: Any, officer: Any, client_for: Any
) -> None:
    s = an_exercise(staff)
    planning.place_member(
        exercise=s.exercise,
        user=officer,
        role="evaluator",
        source="certified",
        site=s.amman,
        shift=s.shift,
        objectives=[s.screening],
        by=staff,
    )
    planning.set_status(exercise=s.exercise, status="running", by=staff)
    client = client_for(officer)
    url = f"/api/v1/exercises/{s.exercise.pk}/observations"

    refused = client.post(
        url,
        {"objective": s.sharing.pk, "site": s.amman.pk, "rating": "P", "justification": "Seen."},
        content_type="application/json",
    )
    created = client.post(
        url,
        {"objective": s.screening.pk, "site": s.amman.pk, "rating": "S", "justification": "Late."},
        content_type="application/json",
    )

    assert refused.status_code == 422
    assert "O2 is not assigned to you" in refused.json()["error"]["message"]
    assert created.status_code == 201
    assert created.json()["rating"] == "S"
    listed = client.get(url).json()
    assert [row["objective"] for row in listed["items"]] == ["O1"]


def test_a_participant_sees_only_her_own_site_through_the_api(
    staff: Any, officer: Any, client_for: Any, django_assert_max_num_queries: Any
) -> None:
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
    client = client_for(officer)

    with django_assert_max_num_queries(8):
        sites = client.get(f"/api/v1/exercises/{s.exercise.pk}/sites").json()

    assert [site["name"] for site in sites] == ["Queen Alia Airport"]
    staff_sites = client_for(staff).get(f"/api/v1/exercises/{s.exercise.pk}/sites").json()
    assert len(staff_sites) == 2
