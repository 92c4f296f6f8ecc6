"""`momentum demo`: the gender self-assessment shows every state of its workflow."""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest

from momentum.selfassessment import selectors
from momentum.selfassessment.models import Action, ActionStatus, Cycle, CycleStatus

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeded(seeded_demo: Any) -> str:
    """What seeding the demo printed (the demo is seeded once for the suite: ``conftest``)."""
    return str(seeded_demo.output)


def test_cycles_in_every_state_across_five_countries(seeded):
    statuses = Counter(Cycle.objects.values_list("status", flat=True))

    assert set(statuses) == set(CycleStatus.values)
    assert set(Cycle.objects.values_list("country__code", flat=True)) == {
        "JO",
        "LB",
        "TN",
        "MA",
        "DZ",
    }
    assert "Gender self-assessment: 6 cycles" in seeded


def test_jordan_has_two_cycles_the_current_one_compared_with_the_earlier(seeded):
    earlier, current = Cycle.objects.filter(country__code="JO").order_by("year")
    dimensions = [d for theme in selectors.framework() for d in theme.dimensions.all()]
    points = selectors.radar_for(current, dimensions)

    assert earlier.status == CycleStatus.COMPLETED and current.previous == earlier
    assert current.status == CycleStatus.IN_PROGRESS
    assert sum(p.score is not None for p in points) == 11
    assert all(p.previous is not None for p in points)
    assert current.findings.count() == 3
    assert {a.status for a in Action.objects.filter(cycle=current)} == set(ActionStatus.values)


def test_survey_results_show_in_jordan_and_stay_hidden_in_morocco(seeded):
    jordan = Cycle.objects.get(country__code="JO", status=CycleStatus.IN_PROGRESS)
    morocco = Cycle.objects.get(country__code="MA")

    assert selectors.survey_result(jordan).shown
    assert not selectors.survey_result(morocco).shown
    assert selectors.survey_result(morocco).answered == 3


def test_observers_have_an_overview_of_three_agencies(seeded):
    dimensions = [d for t in selectors.framework() for d in t.dimensions.all()]

    overview = selectors.overview(dimensions)

    assert overview.shown and overview.agencies == 3
    assert len(overview.rows) == 16
