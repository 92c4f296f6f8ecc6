"""The home page's screening steps, and the indicators fed by finished queues."""

from __future__ import annotations

from typing import Any

import pytest

from momentum.core.home import next_steps_for
from momentum.core.indicators import get
from momentum.screening.models import Play, Queue
from momentum.screening.services.queues import decide, open_next

pytestmark = pytest.mark.django_db


def test_a_trainees_waiting_queue_and_a_trainers_queues_are_on_their_home_pages(
    queue: Queue, officer: Any, trainer: Any, outsider: Any, django_assert_max_num_queries: Any
) -> None:
    from momentum.screening.home import screening_steps

    with django_assert_max_num_queries(3):  # screening's own provider
        steps = screening_steps(officer)
    assert [s.url for s in steps] == [
        s.url for s in next_steps_for(officer) if s.app == "screening"
    ]
    play = Play.objects.get(queue=queue, trainee=officer)
    assert [s.url for s in steps] == [f"/en/screening/plays/{play.pk}/"]
    assert "A screening queue waits for you" in str(steps[0].text)
    trainer_steps = [s for s in next_steps_for(trainer) if s.app == "screening"]
    assert [s.url for s in trainer_steps] == ["/en/screening/"]
    assert not [s for s in next_steps_for(outsider) if s.app == "screening"]


def test_indicators_count_assessed_officers_and_their_mean_recall_by_sex_and_country(
    queue: Queue, officer: Any
) -> None:
    assert get("screening.officers_assessed").value().total == 0
    play = Play.objects.get(queue=queue, trainee=officer)
    while (check := open_next(play=play, by=officer)) is not None:
        decide(check=check, decision=check.item.presentation.expected, note="", by=officer)
    assessed = get("screening.officers_assessed").value()
    assert assessed.total == 1
    assert assessed.by_country == {"JO": 1}
    recall = get("screening.mean_recall").value()
    assert recall.total == 100
    assert recall.by_sex == {officer.profile.sex: 100}
    assert get("screening.officers_assessed").value(country__code="MA").total == 0
