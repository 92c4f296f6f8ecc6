"""The simulator's results by country and sex: exact figures, scoped, small cells hidden."""

from __future__ import annotations

from typing import Any

import pytest

from momentum.people.models import Sex
from momentum.people.tests import factories
from momentum.screening.models import Check, Expected, Play, Queue
from momentum.screening.services import queues as services
from momentum.screening.tests.conftest import teach

pytestmark = pytest.mark.django_db


def _play_through(queue: Queue, officer: Any, *, say_hit: bool) -> None:
    play = Play.objects.get(queue=queue, trainee=officer)
    while (check := services.open_next(play=play, by=officer)) is not None:
        services.decide(check=check, decision="hit" if say_hit else "no_hit", note="", by=officer)


def _officers(country: Any, n: int, sex: str, prefix: str) -> list[Any]:
    return [
        factories.officer(country, sex=sex, user__email=f"{prefix}{number}@example.org")
        for number in range(n)
    ]


def test_staff_see_exact_counts_recall_and_precision_per_country(
    client: Any, queue: Queue, trainer: Any, staff: Any, officer: Any, jordan: Any
) -> None:
    teach(trainer, officer)
    _play_through(queue, officer, say_hit=True)
    hits = queue.items.filter(presentation__expected=Expected.HIT).count()
    client.force_login(staff)
    response = client.get("/en/screening/results/")
    [line] = response.context["summary"].lines
    assert line.country == jordan
    assert line.total == 1
    assert line.recall == 100  # every hit called a hit
    assert line.precision == round(100 * hits / queue.items.count())
    decided = Check.objects.filter(play__trainee=officer).exclude(decision="")
    assert decided.count() == queue.items.count()


def test_observers_see_fewer_than_five_as_a_hidden_cell_and_no_rates(
    client: Any, queue: Queue, trainer: Any, donor: Any, jordan: Any, morocco: Any
) -> None:
    women = _officers(jordan, 6, Sex.FEMALE, "jw")
    men = _officers(jordan, 2, Sex.MALE, "jm")
    few = _officers(morocco, 3, Sex.FEMALE, "mw")
    teach(trainer, *women, *men, *few)
    services.assign(queue=queue, trainees=[*women, *men, *few], by=trainer)
    for person in [*women, *men, *few]:
        _play_through(queue, person, say_hit=False)
    client.force_login(donor)
    response = client.get("/en/screening/results/")
    body = response.content.decode()
    summary = response.context["summary"]
    assert summary.observer
    lines = {line.country.code: line for line in summary.lines}
    assert lines["MA"].rates_hidden and lines["MA"].recall is None
    assert not lines["JO"].rates_hidden and lines["JO"].recall == 0
    assert summary.label("JO", Sex.MALE) == "<5"
    # Jordan's row and the men's column would give the 2 away: a second cell is hidden in each.
    assert summary.label("JO", Sex.FEMALE) is not None or summary.label("JO", "*") is not None
    assert "&lt;5" in body
    for person in [*women, *men, *few]:
        assert person.email not in body and person.family_name not in body


def test_a_focal_point_sees_her_country_only(
    client: Any, queue: Queue, trainer: Any, focal_point: Any, morocco: Any, officer: Any
) -> None:
    [moroccan] = _officers(morocco, 1, Sex.FEMALE, "ma")
    teach(trainer, officer, moroccan)
    services.assign(queue=queue, trainees=[moroccan], by=trainer)
    _play_through(queue, officer, say_hit=True)
    _play_through(queue, moroccan, say_hit=True)
    client.force_login(focal_point)
    lines = client.get("/en/screening/results/").context["summary"].lines
    assert [line.country.code for line in lines] == ["JO"]
    assert lines[0].recall == 100  # a focal point is not an observer: her country's rates


def test_the_results_page_asks_the_same_queries_whatever_the_plays(
    client: Any,
    queue: Queue,
    trainer: Any,
    staff: Any,
    jordan: Any,
    django_assert_max_num_queries: Any,
) -> None:
    people = _officers(jordan, 6, Sex.FEMALE, "q")
    teach(trainer, *people)
    services.assign(queue=queue, trainees=people, by=trainer)
    for person in people:
        _play_through(queue, person, say_hit=False)
    client.force_login(staff)
    with django_assert_max_num_queries(8):
        response = client.get("/ar/screening/results/")
    assert response.status_code == 200
    assert "الأردن" in response.content.decode()
