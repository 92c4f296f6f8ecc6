"""The master scenario events list: add, move, cancel and fire injects, note what was done.

The timeline may change while the exercise runs; every change is audited, and an edit made from
a stale page (someone moved the inject meanwhile) is refused rather than lost. Nothing is fired
on an exercise that is not running.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from momentum.core import audit
from momentum.exercise.models import (
    Exercise,
    ExerciseStatus,
    Inject,
    InjectKind,
    InjectStatus,
    Objective,
    Site,
)


def _stale() -> ValidationError:
    return ValidationError(
        _("Someone changed this inject since you opened the page: reload it and try again.")
    )


def _locked(inject: Inject, version: int | None) -> Inject:
    locked = Inject.objects.select_for_update().select_related("exercise").get(pk=inject.pk)
    if version is not None and locked.version != version:
        raise _stale()
    return locked


def _refuse_if_closed(exercise: Exercise) -> None:
    if exercise.status == ExerciseStatus.CLOSED:
        raise ValidationError(
            _("The exercise %(title)s is closed: its injects can no longer be fired or changed.")
            % {"title": exercise.title}
        )


@transaction.atomic
def add_inject(
    *,
    site: Site,
    objective: Objective,
    kind: str,
    title: str,
    message: str,
    expected_action: str,
    actor: str,
    scheduled_at: datetime,
    by: Any,
) -> Inject:
    exercise = Exercise.objects.get(pk=site.exercise_id)
    _refuse_if_closed(exercise)
    if objective.exercise_id != exercise.pk:
        raise ValidationError({"objective": _("This objective belongs to another exercise.")})
    if not expected_action.strip():
        raise ValidationError({"expected_action": _("Say what the site is expected to do.")})
    inject = Inject.objects.create(
        exercise=exercise,
        site=site,
        objective=objective,
        kind=kind,
        title=title.strip(),
        message=message.strip(),
        expected_action=expected_action.strip(),
        actor=actor,
        scheduled_at=scheduled_at,
    )
    audit.record(
        by, "exercise.inject_added", inject, site=site.pk, running=exercise.status == "running"
    )
    return inject


@transaction.atomic
def move_inject(*, inject: Inject, scheduled_at: datetime, by: Any, version: int) -> Inject:
    locked = _locked(inject, version)
    _refuse_if_closed(locked.exercise)
    if locked.status != InjectStatus.PLANNED:
        raise ValidationError(_("Only an inject still to come can be moved."))
    before = locked.scheduled_at
    locked.scheduled_at = scheduled_at
    locked.version += 1
    locked.save(update_fields=["scheduled_at", "version"])
    audit.record(
        by,
        "exercise.inject_moved",
        locked,
        before=before.isoformat(),
        after=scheduled_at.isoformat(),
    )
    return locked


@transaction.atomic
def cancel_inject(*, inject: Inject, by: Any, version: int) -> Inject:
    locked = _locked(inject, version)
    _refuse_if_closed(locked.exercise)
    if locked.status != InjectStatus.PLANNED:
        raise ValidationError(_("Only an inject still to come can be cancelled."))
    locked.status = InjectStatus.CANCELLED
    locked.version += 1
    locked.save(update_fields=["status", "version"])
    audit.record(by, "exercise.inject_cancelled", locked)
    return locked


@transaction.atomic
def fire_inject(
    *, inject: Inject, by: Any, version: int | None = None, now: datetime | None = None
) -> Inject:
    """Send the inject to its site now (by hand, or by the clock when ``by`` is None)."""
    locked = _locked(inject, version)
    if locked.exercise.status != ExerciseStatus.RUNNING:
        raise ValidationError(
            _(
                "The exercise %(title)s is not running: start it before firing injects, "
                "or, if it is closed, nothing more can be fired."
            )
            % {"title": locked.exercise.title}
        )
    if locked.status == InjectStatus.FIRED:
        raise ValidationError(_("This inject was already fired."))
    if locked.status == InjectStatus.CANCELLED:
        raise ValidationError(_("This inject was cancelled: add it again to play it."))
    locked.status = InjectStatus.FIRED
    locked.fired_at = now or timezone.now()
    locked.version += 1
    locked.save(update_fields=["status", "fired_at", "version"])
    audit.record(by, "exercise.inject_fired", locked, scheduled=by is None)
    _follow_in_screening(locked, by)
    return locked


def _follow_in_screening(inject: Inject, by: Any) -> None:
    """Exercise mode of the screening simulator: a traveller inject brings a traveller to
    be screened (a planted hit) to the end of the site's queue, through screening's service."""
    if inject.kind != InjectKind.TRAVELLER:
        return
    site = Site.objects.select_related("screening_queue").get(pk=inject.site_id)
    if site.screening_queue is None:
        return
    from momentum.screening.services.queues import append_traveller

    append_traveller(queue=site.screening_queue, by=by or inject.exercise.created_by, hit=True)


@transaction.atomic
def record_action(*, inject: Inject, note: str, by: Any, version: int | None = None) -> Inject:
    """The controller notes that the site acted on the inject, and what it did."""
    locked = _locked(inject, version)
    _refuse_if_closed(locked.exercise)
    if locked.status != InjectStatus.FIRED:
        raise ValidationError(_("Only a fired inject can be acted on."))
    if not note.strip():
        raise ValidationError({"note": _("Say what the site did.")})
    locked.acted_at = timezone.now()
    locked.acted_note = note.strip()
    locked.version += 1
    locked.save(update_fields=["acted_at", "acted_note", "version"])
    audit.record(by, "exercise.inject_acted_on", locked)
    return locked


def fire_due_injects(now: datetime | None = None) -> int:
    """Fire every planned inject whose time has come on a running exercise; each in its own
    transaction, skipping one that a controller moved or cancelled meanwhile."""
    now = now or timezone.now()
    due = list(
        Inject.objects.filter(
            status=InjectStatus.PLANNED,
            scheduled_at__lte=now,
            exercise__status=ExerciseStatus.RUNNING,
        ).values_list("pk", "version")
    )
    fired = 0
    for pk, version in due:
        try:
            fire_inject(inject=Inject(pk=pk), by=None, version=version, now=now)
        except ValidationError:
            continue
        fired += 1
    return fired
