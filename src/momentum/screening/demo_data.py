"""The demo's screening simulator: a synthetic world to train on, a trainer's queue played
through by two trainees (their scores differ), and a third trainee half-way through.

Everything goes through the services, then the times are moved back to when the checks would
have happened: two and three days ago, never later than the seed. The random choices use a
fixed seed, so the demo is the same everywhere.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import datetime, timedelta

from django.utils import timezone

from momentum.core.demo import register_seeder
from momentum.people.models import Role, User
from momentum.screening.models import Check, Decision, Difficulty, Play, Queue
from momentum.screening.selectors.queues import trainees_for
from momentum.screening.services.generator import generate_world
from momentum.screening.services.queues import assign, decide, generate_queue, open_next

DEMO_SEED = 2026
# How often each demo trainee gets a traveller right, and what she says when she does not.
TRAINEES = [(0.9, Decision.REFER), (0.65, Decision.NO_HIT), (0.8, Decision.HIT)]


def _play_through(
    play: Play,
    trainee: User,
    skill: float,
    slip: str,
    rng: random.Random,
    limit: int | None,
    start: datetime,
) -> None:
    decided = 0
    while (check := open_next(play=play, by=trainee)) is not None and (
        limit is None or decided < limit
    ):
        expected = check.item.presentation.expected
        choice = (
            expected if rng.random() < skill else (slip if slip != expected else Decision.NO_HIT)
        )
        opened = start + timedelta(minutes=2 * decided)
        Check.objects.filter(pk=check.pk).update(opened_at=opened)
        check.opened_at = opened
        decide(check=check, decision=choice, note="", by=trainee)
        seconds = round(rng.uniform(25, 110), 1)
        Check.objects.filter(pk=check.pk).update(
            decided_at=opened + timedelta(seconds=seconds), seconds=seconds
        )
        decided += 1
    if limit is None:
        last = start + timedelta(minutes=2 * decided)
        Play.objects.filter(pk=play.pk).update(finished_at=last)


@register_seeder(64, "screening")
def seed_screening(say: Callable[[str], None]) -> None:
    rng = random.Random(DEMO_SEED)
    now = timezone.now()
    trainer = User.objects.filter(role_assignments__role=Role.TRAINER).order_by("email").first()
    # The trainer's own trainees: officers selected for a session she trains.
    officers = [] if trainer is None else list(trainees_for(trainer).order_by("email")[:3])
    world = generate_world(
        seed=DEMO_SEED,
        name="Demo world",
        by=trainer,
        travellers=200,
        lost_documents=2000,
        nominal_records=1000,
    )
    say(f"Screening: a synthetic world of {world.travellers.count()} travellers")
    if trainer is None or len(officers) < 3:
        return
    queue = generate_queue(
        world=world,
        trainer=trainer,
        title="Border post — mixed queue",
        difficulty=Difficulty.MIXED,
        size=12,
        seed=DEMO_SEED,
    )
    generate_queue(
        world=world,
        trainer=trainer,
        title="Border post — hard cases",
        difficulty=Difficulty.HARD,
        size=8,
        seed=DEMO_SEED + 1,
    )
    plays = assign(queue=queue, trainees=officers, by=trainer)
    created = now - timedelta(days=4)
    Queue.objects.filter(trainer=trainer).update(created_at=created)
    Play.objects.filter(pk__in=[p.pk for p in plays]).update(
        assigned_at=created + timedelta(hours=1)
    )
    for index, (play, officer, (skill, slip)) in enumerate(
        zip(plays, officers, TRAINEES, strict=True)
    ):
        start = now - timedelta(days=3 - index, hours=2)
        _play_through(play, officer, skill, slip, rng, None if index < 2 else 5, start)
    say(
        f"Screening: the queue {queue.title!r}, played by {officers[0].email} and {officers[1].email}"
    )
