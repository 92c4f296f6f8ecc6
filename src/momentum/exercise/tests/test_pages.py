"""The exercise's pages cost a bounded number of queries, whatever the number of rows."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from momentum.exercise.services import injects, planning
from momentum.exercise.services.observations import record_observation
from momentum.exercise.services.report import draft_report
from momentum.exercise.tests.factories import Setup, an_exercise
from momentum.people.tests.factories import officer as make_officer

pytestmark = pytest.mark.django_db


def _played(staff: Any, officer: Any, rows: int) -> Setup:
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
    evaluator = make_officer(s.amman.country)
    planning.place_member(
        exercise=s.exercise,
        user=evaluator,
        role="evaluator",
        source="certified",
        site=s.amman,
        shift=s.shift,
        objectives=[s.screening, s.sharing],
        by=staff,
    )
    for _number in range(rows):
        planning.place_member(
            exercise=s.exercise,
            user=make_officer(s.tangier.country),
            role="analyst",
            source="alumna",
            site=s.tangier,
            shift=s.shift,
            by=staff,
        )
    planning.set_status(exercise=s.exercise, status="running", by=staff)
    for number in range(rows):
        inject = injects.add_inject(
            site=s.amman,
            objective=s.screening,
            kind="tip_off",
            title=f"Tip-off {number}",
            message="A call.",
            expected_action="Tell the lead.",
            actor="site_lead",
            scheduled_at=timezone.now() + timedelta(minutes=number),
            by=staff,
        )
        injects.fire_inject(inject=inject, by=staff)
        record_observation(
            objective=s.screening,
            site=s.amman,
            evaluator=evaluator,
            rating="S",
            justification=f"Seen {number}.",
            strengths="Fast.",
            improvements="Slow at night.",
        )
    draft_report(exercise=s.exercise, by=staff)
    return s


@pytest.mark.parametrize("rows", [1, 6])
def test_pages_cost_a_bounded_number_of_queries(
    rows: int, staff: Any, officer: Any, client_for: Any, django_assert_max_num_queries: Any
) -> None:
    s = _played(staff, officer, rows)
    as_staff, as_officer = staff, officer
    # Measured: 4, 17, 8, 10, 9 and 6 queries, the same with 1 or 6 rows; the budgets leave
    # two for the first request of a signed-in client.
    pages = [
        # session, user and roles, the exercises with their counts
        (as_staff, "/en/exercise/", 6),
        # + the exercise, phases and documents, objectives and courses, shifts, sites and
        # their shifts, the INTERPOL team, the planning forms' choices
        (as_staff, f"/en/exercise/{s.exercise.pk}/", 19),
        # + the timeline with sites and objectives
        (as_staff, f"/en/exercise/{s.exercise.pk}/console/", 10),
        # + the report, findings, items, sites with screening queues
        (as_staff, f"/en/exercise/{s.exercise.pk}/report/", 12),
        # + her places (1), the site, its team, phases and documents, the fired injects
        (as_officer, f"/en/exercise/sites/{s.amman.pk}/", 11),
        (as_officer, f"/en/exercise/sites/{s.amman.pk}/feed/", 8),
    ]
    for user, url, budget in pages:
        client = client_for(user)
        with django_assert_max_num_queries(budget):
            response = client.get(url)
        assert response.status_code == 200, url
    feed = client_for(officer).get(f"/en/exercise/sites/{s.amman.pk}/feed/").content.decode()
    assert feed.count("<article") == rows
    assert 'hx-trigger="every 5s"' in feed and "<script" not in feed


def test_a_donor_sees_no_exercise_page_and_the_indicators_count_participants(
    staff: Any, officer: Any, donor: Any, client_for: Any
) -> None:
    from momentum.core.indicators import get

    s = _played(staff, officer, 2)

    assert client_for(donor).get("/en/exercise/").status_code == 403
    assert client_for(donor).get(f"/en/exercise/{s.exercise.pk}/").status_code == 404
    took_part = get("exercise.officers_took_part").value()
    assert took_part.total == 4  # the screener, the evaluator, two analysts
    assert took_part.by_country == {"JO": 2, "MA": 2}
    table = get("exercise.officers_took_part").crosstab()
    assert table is not None and sum(table.n.values()) == 4
    performed = get("exercise.objectives_performed").value()
    assert performed.by_country == {"JO": 1}
