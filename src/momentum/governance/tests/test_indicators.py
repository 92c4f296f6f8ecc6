"""The board's indicators, computed from the records."""

from __future__ import annotations

import pytest

from momentum.core import indicators

pytestmark = pytest.mark.django_db


def test_members_are_counted_by_sex_and_country():
    from momentum.governance.tests.factories import board, member

    reps = board(2)
    member(reps["DZ"].country, seat="alternate", sex="male")

    value = indicators.get("governance.members").value()

    assert value.total == 3
    assert value.by_sex == {"female": 2, "male": 1}
    assert value.by_country == {"DZ": 2, "EG": 1}


def test_meetings_held_and_recommendations_acted_on(small_board, staff):
    from datetime import timedelta

    from django.utils import timezone

    from momentum.governance.services import recommendations as register

    register.respond_to_recommendation(
        recommendation=small_board.recommendation, response="accepted", by=staff
    )
    action = register.add_action(
        recommendation=small_board.recommendation,
        description="Translate.",
        owner="Staff",
        due_on=timezone.localdate() + timedelta(days=5),
        by=staff,
    )
    register.update_action(action=action, status="in_progress", progress=10, by=staff)
    register.record_recommendation(text="Another.", source="other", by=staff)

    assert indicators.get("governance.meetings_held").value().total == 1
    assert indicators.get("governance.recommendations_acted_on").value().total == 50
