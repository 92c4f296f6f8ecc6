"""Daily and weekly work queues itself: the worker starts every registered chain once, each run
queues the next, and nothing is ever queued twice for the same moment."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from momentum.core import periodic
from momentum.mentoring import tasks as mentoring_tasks

pytestmark = pytest.mark.django_db

NOW = datetime(2026, 3, 4, 9, 30, tzinfo=UTC)
TOMORROW_MORNING = datetime(2026, 3, 5, 6, 0, tzinfo=UTC)


@pytest.fixture
def database_queue(settings):  # type: ignore[no-untyped-def]
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def _waiting():  # type: ignore[no-untyped-def]
    from django_tasks_db.models import DBTaskResult

    return sorted(
        DBTaskResult.objects.filter(status="READY").values_list("task_path", "run_after"),
        key=lambda row: (row[0], row[1]),
    )


def test_the_next_daily_run_is_the_next_morning():
    assert periodic.next_daily(NOW) == TOMORROW_MORNING
    assert periodic.next_daily(datetime(2026, 3, 4, 5, 0, tzinfo=UTC)) == datetime(
        2026, 3, 4, 6, 0, tzinfo=UTC
    )


def test_the_worker_starts_every_chain_once(database_queue):  # type: ignore[no-untyped-def]
    first = periodic.ensure_all(NOW)
    again = periodic.ensure_all(NOW)

    assert first["mentoring.reminders"] == TOMORROW_MORNING
    assert first["mentoring.expire_offers"] == TOMORROW_MORNING
    assert first["hub.digests.daily"] == TOMORROW_MORNING
    assert first["hub.digests.weekly"] == datetime(2026, 3, 9, 6, 0, tzinfo=UTC)  # Monday
    assert all(when is None for when in again.values())
    paths = [path for path, _when in _waiting()]
    assert paths.count(mentoring_tasks.send_mentoring_reminders.module_path) == 1
    assert paths.count(mentoring_tasks.expire_mentoring_offers.module_path) == 1


def test_a_daily_task_queues_its_next_run_when_it_finishes(database_queue):  # type: ignore[no-untyped-def]
    mentoring_tasks.send_mentoring_reminders.call()
    mentoring_tasks.send_mentoring_reminders.call()

    waiting = [
        path
        for path, _when in _waiting()
        if path == mentoring_tasks.send_mentoring_reminders.module_path
    ]
    assert waiting == [mentoring_tasks.send_mentoring_reminders.module_path]


def test_nothing_is_queued_when_the_queue_cannot_wait():
    # The tests' immediate backend runs tasks at once and cannot defer them.
    assert all(when is None for when in periodic.ensure_all(NOW).values())
