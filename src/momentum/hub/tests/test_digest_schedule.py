"""Each digest run queues the next one when the queue can wait (as training's follow-up
surveys do), never twice for the same moment."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from momentum.hub.services.digests import next_run, schedule_next_digests
from momentum.hub.tasks import send_digests

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        (datetime(2025, 3, 5, 5, 0, tzinfo=UTC), datetime(2025, 3, 5, 6, 0, tzinfo=UTC)),
        (datetime(2025, 3, 5, 6, 0, tzinfo=UTC), datetime(2025, 3, 6, 6, 0, tzinfo=UTC)),
        (datetime(2025, 3, 5, 6, 0, 3, tzinfo=UTC), datetime(2025, 3, 6, 6, 0, tzinfo=UTC)),
    ],
)
def test_the_next_daily_run_is_the_next_morning(now, expected):
    assert next_run("daily", now=now) == expected


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        # a Wednesday → the next Monday
        (datetime(2025, 3, 5, 12, 0, tzinfo=UTC), datetime(2025, 3, 10, 6, 0, tzinfo=UTC)),
        # Monday before six → that morning; at six → a week later
        (datetime(2025, 3, 10, 5, 59, tzinfo=UTC), datetime(2025, 3, 10, 6, 0, tzinfo=UTC)),
        (datetime(2025, 3, 10, 6, 0, tzinfo=UTC), datetime(2025, 3, 17, 6, 0, tzinfo=UTC)),
    ],
)
def test_the_next_weekly_run_is_next_monday_morning(now, expected):
    assert next_run("weekly", now=now) == expected


@pytest.fixture
def database_queue(settings):  # type: ignore[no-untyped-def]
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def _queued_runs():  # type: ignore[no-untyped-def]
    from django_tasks_db.models import DBTaskResult

    return list(
        DBTaskResult.objects.filter(task_path=send_digests.module_path).values_list(
            "args_kwargs", "run_after"
        )
    )


def test_a_run_queues_the_next_one_once(database_queue):
    send_digests.call("daily")
    send_digests.call("daily")  # e.g. cron started one while the chain runs

    runs = _queued_runs()
    assert runs == [({"args": ["daily"], "kwargs": {}}, next_run("daily"))]


def test_daily_and_weekly_runs_are_queued_separately(database_queue):
    send_digests.call("daily")
    send_digests.call("weekly")

    assert sorted(args["args"][0] for args, _at in _queued_runs()) == ["daily", "weekly"]


def test_nothing_is_queued_when_the_queue_cannot_wait():
    # The tests' queue runs tasks at once and cannot defer them.
    assert schedule_next_digests("daily") is None
