"""``momentum send_hub_digests --frequency daily|weekly`` queues the digests for the worker."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core import mail
from django.core.management import CommandError, call_command

from momentum.hub.models import DigestFrequency, MemberSettings
from momentum.hub.services.members import settings_for
from momentum.hub.tests.factories import SpaceFactory, ThreadFactory

pytestmark = pytest.mark.django_db


def _wants(user, frequency):  # type: ignore[no-untyped-def]
    MemberSettings.objects.filter(pk=settings_for(user).pk).update(digest=frequency)


@pytest.fixture
def queue(settings):  # type: ignore[no-untyped-def]
    """A queue that keeps what is enqueued without running it."""
    from django_tasks import default_task_backend

    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    default_task_backend.clear()
    return default_task_backend


@pytest.mark.parametrize("frequency", ["daily", "weekly"])
def test_the_command_enqueues_the_task(queue, frequency):
    call_command("send_hub_digests", "--frequency", frequency, stdout=StringIO())

    assert [(r.task.name, r.args, r.task.run_after) for r in queue.results] == [
        ("send_digests", [frequency], None)
    ]


def test_the_queued_task_sends_each_due_digest_of_that_frequency(officer, focal_point, staff):
    ThreadFactory(space=SpaceFactory(), author=staff, title="A new thread")
    _wants(officer, DigestFrequency.DAILY)
    _wants(focal_point, DigestFrequency.WEEKLY)

    call_command("send_hub_digests", "--frequency", "daily", stdout=StringIO())

    assert [message.to for message in mail.outbox] == [[officer.email]]


def test_now_sends_in_the_process(queue, officer, staff):
    ThreadFactory(space=SpaceFactory(), author=staff, title="A new thread")
    _wants(officer, DigestFrequency.WEEKLY)
    out = StringIO()

    call_command("send_hub_digests", "--frequency", "weekly", "--now", stdout=out)

    assert queue.results == []
    assert "1 weekly digest(s) sent." in out.getvalue()
    assert len(mail.outbox) == 1


def test_an_unknown_frequency_is_refused():
    with pytest.raises(CommandError):
        call_command("send_hub_digests", "--frequency", "hourly", stdout=StringIO())


def test_the_frequency_is_required():
    with pytest.raises(CommandError):
        call_command("send_hub_digests", stdout=StringIO())


def test_the_task_refuses_an_unknown_frequency():
    from momentum.hub.services.digests import enqueue_digests

    with pytest.raises(ValueError, match="frequency"):
        enqueue_digests(frequency="never")
