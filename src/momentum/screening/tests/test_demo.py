"""`momentum demo`: a world to train on, a trainer's queue played by two trainees with scores."""

from __future__ import annotations

import time
from collections.abc import Iterator
from io import StringIO

import pytest
from django.db import transaction

from momentum.core.demo import seeders
from momentum.screening.models import Play, Presentation, Queue, QueueStatus, World
from momentum.screening.selectors.queues import checks_of, scores_of

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def _seeded_once(django_db_setup, django_db_blocker) -> Iterator[dict[str, float]]:  # type: ignore[no-untyped-def]
    """The programme, its people, training (the trainer's trainees) and the screening demo
    once, rolled back after the module."""
    timings: dict[str, float] = {}
    with django_db_blocker.unblock(), transaction.atomic():
        for seeder in seeders():
            if seeder.name in {"programme", "people", "training", "screening"}:
                started = time.perf_counter()
                seeder.seed(StringIO().write)
                timings[seeder.name] = time.perf_counter() - started
        yield timings
        transaction.set_rollback(True)


@pytest.fixture
def timings(_seeded_once, db) -> dict[str, float]:  # type: ignore[no-untyped-def]
    return _seeded_once


def test_it_is_seeded_fast(timings):
    assert timings["screening"] < 30, timings


def test_a_world_to_train_on(timings):
    world = World.objects.get(name="Demo world")
    assert Presentation.objects.filter(world=world).count() == 200


def test_two_trainees_finished_the_trainers_queue_with_different_scores(timings):
    queue = Queue.objects.get(title="Border post — mixed queue")
    assert queue.status == QueueStatus.STARTED
    finished = list(Play.objects.filter(queue=queue, finished_at__isnull=False))
    assert len(finished) == 2
    scores = [scores_of(checks_of([play])) for play in finished]
    assert all(s.decided == queue.items.count() for s in scores)
    assert scores[0].correct != scores[1].correct
    in_progress = Play.objects.get(queue=queue, finished_at__isnull=True)
    assert 0 < in_progress.checks.exclude(decision="").count() < queue.items.count()
    assert Queue.objects.filter(status=QueueStatus.DRAFT).exists()
