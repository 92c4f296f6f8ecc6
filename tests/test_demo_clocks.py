"""The demo holds at any hour: seeded under frozen clocks, nothing that happened is in the future.

A demo that places a past event at "today + N hours" passes at noon and fails just after
midnight; seeding it at a few awkward moments (just after midnight, noon, the last minutes of
31 December, 29 February) catches that whatever the hour CI runs. The clock keeps ticking from
the frozen moment, so "now" after seeding is later than every event the seed stamped.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from io import StringIO

import pytest
import time_machine
from django.apps import apps
from django.core.management import call_command
from django.db import models, transaction
from django.utils import timezone

pytestmark = pytest.mark.django_db

CLOCKS = {
    "just after midnight": datetime(2027, 3, 15, 0, 5, tzinfo=UTC),
    "noon": datetime(2027, 6, 15, 12, 0, tzinfo=UTC),
    "31 December": datetime(2027, 12, 31, 23, 55, tzinfo=UTC),
    "29 February": datetime(2028, 2, 29, 0, 30, tzinfo=UTC),
}

# A field records something that happened when its name says so: created, updated, any past
# participle (decided_at, issued_on, …) and a few plain words. Schedules (starts_on, due_on,
# expires_at, nomination_deadline, …) may lie ahead.
_HAPPENED = re.compile(r"^(at|date_joined|last_\w+|read_at|sent_at|done_on|\w+ed_(at|on))$")
_SCHEDULED = {"scheduled_at", "scheduled_on", "expected_at", "planned_on", "planned_at"}


def _happened_fields() -> list[tuple[type[models.Model], str, bool]]:
    """Every (model, field, is_datetime) of the platform that records a past event."""
    found = []
    for model in apps.get_models():
        if not model.__module__.startswith("momentum."):
            continue
        for field in model._meta.concrete_fields:
            if not isinstance(field, models.DateField):
                continue
            name = field.name
            if name in _SCHEDULED:
                continue
            if _HAPPENED.match(name) or name in {"created_at", "updated_at"}:
                found.append((model, name, isinstance(field, models.DateTimeField)))
    return found


@pytest.fixture(scope="module", params=list(CLOCKS), ids=list(CLOCKS))
def seeded_at(request, django_db_setup, django_db_blocker) -> Iterator[datetime]:
    """The whole demo, seeded once per clock in a transaction rolled back afterwards."""
    with (
        time_machine.travel(CLOCKS[request.param], tick=True),
        django_db_blocker.unblock(),
        transaction.atomic(),
    ):
        call_command("demo", stdout=StringIO())
        yield CLOCKS[request.param]
        transaction.set_rollback(True)


def test_the_demo_is_seeded_at_the_frozen_moment(seeded_at):
    assert timedelta(0) <= timezone.now() - seeded_at < timedelta(hours=1)


def test_nothing_that_happened_is_in_the_future(seeded_at):
    now = timezone.now()
    today = timezone.localdate()
    fields = _happened_fields()
    assert len(fields) > 40  # the check covers the platform, not a handful of fields
    late = []
    for model, name, is_datetime in fields:
        limit: datetime | date = now if is_datetime else today
        rows = model._default_manager.filter(**{f"{name}__gt": limit})
        for pk, value in rows.values_list("pk", name)[:3]:
            late.append(f"{model._meta.label}.{name} #{pk} = {value} (now {limit})")
    assert not late, "\n".join(late)


def test_every_record_happened_after_it_was_created(seeded_at):
    """A decision, an answer or an edit never comes before the record it belongs to."""
    wrong = []
    for model, name, is_datetime in _happened_fields():
        if not is_datetime or name in {"created_at", "updated_at"}:
            continue
        if "created_at" not in {field.name for field in model._meta.concrete_fields}:
            continue
        # A service may stamp an event a few microseconds before the row's own insert.
        before = models.F("created_at") - timedelta(seconds=1)
        earlier = model._default_manager.filter(**{f"{name}__lt": before})
        for pk, value, created in earlier.values_list("pk", name, "created_at")[:3]:
            wrong.append(f"{model._meta.label}.{name} #{pk} = {value} < created {created}")
    assert not wrong, "\n".join(wrong)
