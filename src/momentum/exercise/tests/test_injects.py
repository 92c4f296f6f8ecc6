from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from momentum.core.models import AuditEntry
from momentum.exercise.models import Inject, InjectStatus
from momentum.exercise.services import injects, planning
from momentum.exercise.tests.factories import an_exercise

pytestmark = pytest.mark.django_db


def _inject(s: Any, by: Any, minutes: int = 30) -> Inject:
    return injects.add_inject(
        site=s.amman,
        objective=s.screening,
        kind="traveller",
        title="A traveller with a reported passport",
        message="A man presents passport P1234567 at desk 3.",
        expected_action="Check the passport against SLTD and refer the traveller.",
        actor="screener",
        scheduled_at=timezone.now() + timedelta(minutes=minutes),
        by=by,
    )


def test_the_timeline_changes_while_the_exercise_runs_and_each_change_is_audited(
    staff: Any,
) -> None:
    s = an_exercise(staff)
    first = _inject(s, staff)
    planning.set_status(exercise=s.exercise, status="running", by=staff)

    later = timezone.now() + timedelta(hours=2)
    moved = injects.move_inject(inject=first, scheduled_at=later, by=staff, version=first.version)
    added = _inject(s, staff, minutes=10)
    cancelled = injects.cancel_inject(inject=added, by=staff, version=added.version)

    assert moved.scheduled_at == later
    assert cancelled.status == InjectStatus.CANCELLED
    verbs = set(AuditEntry.objects.values_list("verb", flat=True))
    assert {"exercise.inject_moved", "exercise.inject_added", "exercise.inject_cancelled"} <= verbs
    with pytest.raises(ValidationError, match="reload"):
        injects.move_inject(inject=first, scheduled_at=later, by=staff, version=first.version)


def test_the_clock_fires_due_injects_only_on_a_running_exercise(staff: Any) -> None:
    s = an_exercise(staff)
    due = _inject(s, staff, minutes=-1)
    _inject(s, staff, minutes=60)

    assert injects.fire_due_injects() == 0
    planning.set_status(exercise=s.exercise, status="running", by=staff)
    assert injects.fire_due_injects() == 1

    due.refresh_from_db()
    assert due.status == InjectStatus.FIRED


def test_firing_on_a_closed_exercise_is_refused_with_a_clear_message(staff: Any) -> None:
    s = an_exercise(staff)
    inject = _inject(s, staff)
    planning.set_status(exercise=s.exercise, status="running", by=staff)
    planning.set_status(exercise=s.exercise, status="closed", by=staff)

    with pytest.raises(ValidationError) as refused:
        injects.fire_inject(inject=inject, by=staff)
    assert "is not running" in refused.value.messages[0]
    with pytest.raises(ValidationError, match="closed"):
        injects.move_inject(
            inject=inject, scheduled_at=timezone.now(), by=staff, version=inject.version
        )


def test_a_controller_fires_an_inject_and_the_site_screen_shows_it(
    staff: Any, officer: Any, outsider: Any, client_for: Any, morocco: Any
) -> None:
    from momentum.people.tests.factories import officer as make_officer

    s = an_exercise(staff)
    controller = make_officer(morocco)
    planning.place_member(
        exercise=s.exercise,
        user=controller,
        role="controller",
        source="certified",
        site=s.tangier,
        shift=s.shift,
        by=staff,
    )
    planning.place_member(
        exercise=s.exercise,
        user=officer,
        role="screener",
        source="certified",
        site=s.amman,
        shift=s.shift,
        by=staff,
    )
    inject = _inject(s, staff)
    planning.set_status(exercise=s.exercise, status="running", by=staff)
    feed = f"/en/exercise/sites/{s.amman.pk}/feed/"
    assert "reported passport" not in client_for(officer).get(feed).content.decode()

    response = client_for(controller).post(
        f"/en/exercise/injects/{inject.pk}/", {"do": "fire", "version": inject.version}
    )

    assert response.status_code == 302
    assert "reported passport" in client_for(officer).get(feed).content.decode()
    # Her own site only: the Moroccan port is not hers; an outsider sees nothing.
    assert client_for(officer).get(f"/en/exercise/sites/{s.tangier.pk}/").status_code == 404
    assert client_for(outsider).get(feed).status_code == 404
    # A screener is not a controller.
    assert client_for(officer).get(f"/en/exercise/{s.exercise.pk}/console/").status_code == 403
