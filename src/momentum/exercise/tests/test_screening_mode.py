"""Screening's exercise mode: each site screens in its own queue, a traveller inject brings a
traveller to it, and the controller's board shows checks, hits and pending decisions."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from momentum.exercise.selectors import screening_board, screening_scores
from momentum.exercise.services import injects, planning
from momentum.exercise.tests.factories import an_exercise
from momentum.screening.selectors.queues import plays_of
from momentum.screening.services.generator import generate_world
from momentum.screening.services.queues import decide, open_next

pytestmark = pytest.mark.django_db


def test_a_traveller_inject_reaches_the_sites_queue_and_the_board_follows(
    staff: Any, officer: Any, client_for: Any, django_assert_max_num_queries: Any
) -> None:
    generate_world(seed=11, name="Test world", travellers=40, lost_documents=60, nominal_records=40)
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
    planning.open_screening_queue(site=s.amman, by=staff, size=4, seed=3)
    planning.open_screening_queue(site=s.tangier, by=staff, size=4, seed=4)
    s.amman.refresh_from_db()
    queue = s.amman.screening_queue
    assert queue is not None and queue.items.count() == 4

    play = plays_of(officer).get(queue=queue)
    check = open_next(play=play, by=officer)
    assert check is not None
    decide(check=check, decision="hit", note="", by=officer)
    inject = injects.add_inject(
        site=s.amman,
        objective=s.screening,
        kind="traveller",
        title="A traveller",
        message="A traveller at desk 2.",
        expected_action="Screen the traveller.",
        actor="screener",
        scheduled_at=timezone.now() + timedelta(minutes=5),
        by=staff,
    )
    planning.set_status(exercise=s.exercise, status="running", by=staff)
    injects.fire_inject(inject=inject, by=staff)

    assert queue.items.count() == 5
    with django_assert_max_num_queries(3):
        board = dict((site.name, figures) for site, figures in screening_board(s.exercise))
    assert board["Queen Alia Airport"].checked == 1
    assert board["Queen Alia Airport"].hits == 1
    assert board["Queen Alia Airport"].pending == 4
    assert board["Tanger Med port"].checked == 0
    scores = {row.site.name: row for row in screening_scores(s.exercise)}
    assert scores["Queen Alia Airport"].decided == 1
    page = client_for(staff).get(f"/en/exercise/{s.exercise.pk}/console/board/").content.decode()
    assert "Decisions pending" in page and 'hx-trigger="every 5s"' in page


def test_staff_open_a_sites_screening_queue_from_the_exercise_page(
    staff: Any, officer: Any, client_for: Any
) -> None:
    generate_world(seed=12, name="Test world", travellers=30, lost_documents=40, nominal_records=30)
    s = an_exercise(staff)
    url = f"/en/exercise/{s.exercise.pk}/plan/"

    response = client_for(staff).post(url, {"what": "queue", "site": s.tangier.pk})
    again = client_for(staff).post(url, {"what": "queue", "site": s.tangier.pk}, follow=True)

    assert response.status_code == 302
    s.tangier.refresh_from_db()
    assert s.tangier.screening_queue is not None
    assert "already has its screening queue" in again.content.decode()
