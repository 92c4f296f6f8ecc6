"""Shared records of the screening tests: one small world per module, a trainer's queue."""

from __future__ import annotations

from typing import Any

import pytest

from momentum.screening.models import Queue, World
from momentum.screening.services.generator import generate_world
from momentum.screening.services.queues import assign, generate_queue


@pytest.fixture
def small_world(db: Any) -> World:
    return generate_world(
        seed=5, name="Test world", travellers=40, lost_documents=200, nominal_records=100
    )


def teach(trainer: Any, *officers: Any) -> None:
    """Make the officers the trainer's trainees: selected for a session she trains."""
    from momentum.training.tests.factories import NominationFactory, SessionFactory

    session = SessionFactory()
    session.trainers.add(trainer)
    for officer in officers:
        NominationFactory(session=session, officer=officer.profile)


@pytest.fixture
def queue(small_world: World, trainer: Any, officer: Any) -> Queue:
    teach(trainer, officer)
    queue = generate_queue(world=small_world, trainer=trainer, title="Counter one", size=6, seed=3)
    assign(queue=queue, trainees=[officer], by=trainer)
    return queue
