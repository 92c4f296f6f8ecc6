"""A small exercise for tests: two sites (Jordan, Morocco), one shift, two objectives."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.utils import timezone

from momentum.core.models import Country
from momentum.exercise.models import Exercise, Objective, Shift, Site
from momentum.exercise.services import planning


@dataclass
class Setup:
    exercise: Exercise
    shift: Shift
    amman: Site
    tangier: Site
    screening: Objective
    sharing: Objective


def an_exercise(by: Any, *, title: str = "Joint operation Sentinel") -> Setup:
    jordan, _ = Country.objects.get_or_create(code="JO", defaults={"name": "Jordan"})
    morocco, _ = Country.objects.get_or_create(code="MA", defaults={"name": "Morocco"})
    exercise = planning.create_exercise(title=title, by=by)
    today = timezone.localdate()
    planning.set_phase(exercise=exercise, kind="operational", starts_on=today, ends_on=today, by=by)
    now = timezone.now()
    shift = planning.add_shift(
        exercise=exercise, name="Day", starts_at=now, ends_at=now + timedelta(hours=8), by=by
    )
    amman = planning.add_site(
        exercise=exercise,
        name="Queen Alia Airport",
        kind="air",
        country=jordan,
        shifts=[shift],
        by=by,
    )
    tangier = planning.add_site(
        exercise=exercise,
        name="Tanger Med port",
        kind="sea",
        country=morocco,
        shifts=[shift],
        by=by,
    )
    screening = planning.add_objective(
        exercise=exercise,
        code="O1",
        text="Screen travel documents against SLTD.",
        capability="database_checks",
        course_ids=[],
        by=by,
    )
    sharing = planning.add_objective(
        exercise=exercise,
        code="O2",
        text="Share a hit with the NCB within 30 minutes.",
        capability="information_sharing",
        course_ids=[],
        by=by,
    )
    return Setup(exercise, shift, amman, tangier, screening, sharing)
