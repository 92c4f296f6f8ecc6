"""Planning the exercise: phases, objectives, sites and shifts, teams, documents, invitations.

Refusals are ``ValidationError`` with a whole translated sentence.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from momentum.core import audit
from momentum.core.models import Country
from momentum.exercise.models import (
    Exercise,
    ExerciseStatus,
    Member,
    MemberSource,
    Objective,
    Phase,
    PhaseDocument,
    Shift,
    Site,
    TeamRole,
)


@transaction.atomic
def create_exercise(*, title: str, by: Any, description: str = "") -> Exercise:
    if not title.strip():
        raise ValidationError({"title": _("Give the exercise a title.")})
    exercise = Exercise.objects.create(
        title=title.strip(), description=description.strip(), created_by=by
    )
    audit.record(by, "exercise.created", exercise)
    return exercise


@transaction.atomic
def set_phase(
    *, exercise: Exercise, kind: str, starts_on: date, ends_on: date, by: Any, location: str = ""
) -> Phase:
    if ends_on < starts_on:
        raise ValidationError({"ends_on": _("A phase cannot end before it starts.")})
    phase, _created = Phase.objects.update_or_create(
        exercise=exercise,
        kind=kind,
        defaults={"starts_on": starts_on, "ends_on": ends_on, "location": location},
    )
    audit.record(by, "exercise.phase_set", phase, kind=kind)
    return phase


@transaction.atomic
def add_objective(
    *, exercise: Exercise, code: str, text: str, capability: str, course_ids: Iterable[int], by: Any
) -> Objective:
    if not text.strip():
        raise ValidationError({"text": _("Write the objective.")})
    if Objective.objects.filter(exercise=exercise, code=code).exists():
        raise ValidationError({"code": _("Another objective of this exercise has this code.")})
    objective = Objective.objects.create(
        exercise=exercise, code=code, text=text.strip(), capability=capability
    )
    objective.courses.set(list(course_ids))
    audit.record(by, "exercise.objective_added", objective)
    return objective


@transaction.atomic
def add_shift(
    *, exercise: Exercise, name: str, starts_at: datetime, ends_at: datetime, by: Any
) -> Shift:
    if ends_at <= starts_at:
        raise ValidationError({"ends_at": _("A shift must end after it starts.")})
    shift = Shift.objects.create(exercise=exercise, name=name, starts_at=starts_at, ends_at=ends_at)
    audit.record(by, "exercise.shift_added", shift)
    return shift


@transaction.atomic
def add_site(
    *,
    exercise: Exercise,
    name: str,
    kind: str,
    country: Country,
    shifts: Iterable[Shift],
    by: Any,
) -> Site:
    shifts = list(shifts)
    if any(shift.exercise_id != exercise.pk for shift in shifts):
        raise ValidationError(_("A site can only run the shifts of its own exercise."))
    site = Site.objects.create(exercise=exercise, name=name, kind=kind, country=country)
    site.shifts.set(shifts)
    audit.record(by, "exercise.site_added", site, country=country)
    return site


@transaction.atomic
def place_member(
    *,
    exercise: Exercise,
    user: Any,
    role: str,
    source: str,
    by: Any,
    site: Site | None = None,
    shift: Shift | None = None,
    objectives: Iterable[Objective] = (),
) -> Member:
    """Put a person on a site for a shift (or on the INTERPOL team, without a site).

    Refused: a site without a shift, a shift the site does not run, and a person already on
    another site in the same shift."""
    if site is not None and site.exercise_id != exercise.pk:
        raise ValidationError(_("This site belongs to another exercise."))
    if site is None and source != MemberSource.INTERPOL:
        raise ValidationError(_("Only the INTERPOL team works without a site."))
    if site is not None:
        if shift is None:
            raise ValidationError({"shift": _("Choose the shift she works on this site.")})
        if not site.shifts.filter(pk=shift.pk).exists():
            raise ValidationError({"shift": _("This site does not run that shift.")})
    if shift is not None:
        other = (
            Member.objects.filter(exercise=exercise, user=user, shift=shift)
            .select_related("site")
            .first()
        )
        if other is not None:
            raise ValidationError(
                _(
                    "%(name)s is already on %(site)s during the shift %(shift)s: a person "
                    "cannot be on two sites in the same shift."
                )
                % {
                    "name": user.display_name(),
                    "site": other.site.name if other.site else _("the INTERPOL team"),
                    "shift": shift.name,
                }
            )
    objectives = list(objectives)
    if objectives and role != TeamRole.EVALUATOR:
        raise ValidationError(_("Only evaluators are assigned objectives."))
    member = Member.objects.create(
        exercise=exercise, user=user, role=role, source=source, site=site, shift=shift
    )
    member.objectives.set(objectives)
    audit.record(by, "exercise.member_placed", member, role=role, site=site.pk if site else None)
    return member


@transaction.atomic
def remove_member(*, member: Member, by: Any) -> None:
    audit.record(by, "exercise.member_removed", member, user=member.user_id)
    member.delete()


def _check_document(uploaded: UploadedFile) -> Any:
    """The hub's checks on attachments: type read from the content, images re-encoded so no
    location or camera metadata survives."""
    from momentum.hub.files import check_upload

    return check_upload(uploaded)


@transaction.atomic
def add_document(*, phase: Phase, title: str, uploaded: UploadedFile, by: Any) -> PhaseDocument:
    checked = _check_document(uploaded)
    document = PhaseDocument(
        phase=phase,
        title=title.strip() or checked.name,
        file_name=checked.name,
        content_type=checked.content_type,
        size=checked.size,
        uploaded_by=by,
    )
    document.file.save(checked.name, ContentFile(checked.data), save=False)
    document.save()
    audit.record(by, "exercise.document_added", document, phase=phase.kind)
    return document


@transaction.atomic
def set_status(*, exercise: Exercise, status: str, by: Any, version: int | None = None) -> Exercise:
    """Start or close the exercise (a closed one is not reopened)."""
    locked = Exercise.objects.select_for_update().get(pk=exercise.pk)
    if version is not None and locked.version != version:
        raise ValidationError(
            _("Someone changed this exercise meanwhile: reload it and try again.")
        )
    allowed = {
        ExerciseStatus.PLANNING: {ExerciseStatus.RUNNING},
        ExerciseStatus.RUNNING: {ExerciseStatus.CLOSED},
        ExerciseStatus.CLOSED: set(),
    }
    if status not in allowed[ExerciseStatus(locked.status)]:
        raise ValidationError(_("The exercise cannot move to that status from where it is."))
    locked.status = status
    locked.version += 1
    locked.save(update_fields=["status", "version"])
    audit.record(by, "exercise.status_changed", locked, status=status)
    return locked


@transaction.atomic
def send_invitations(*, exercise: Exercise, by: Any) -> int:
    """Invite every member not invited yet: a notice on the platform and an e-mail with the
    exercise's phases as an .ics, each in her own language. Returns how many were invited."""
    from momentum.core.notifications import notify

    members = list(
        Member.objects.filter(exercise=exercise, invited_at__isnull=True).select_related("user")
    )
    if not members:
        return 0
    now = timezone.now()
    Member.objects.filter(pk__in=[m.pk for m in members]).update(invited_at=now)
    audit.record(by, "exercise.invitations_sent", exercise, members=len(members))
    notify(
        recipients=[m.user for m in members],
        kind="exercise.invitation",
        message=lambda: (
            _("You are invited to the field exercise %(title)s.") % {"title": exercise.title}
        ),
        url=f"/exercise/{exercise.pk}/",
    )
    ids = [m.pk for m in members]
    transaction.on_commit(lambda: _queue_invitation_emails(ids))
    return len(members)


def _queue_invitation_emails(member_ids: list[int]) -> None:
    from momentum.exercise.tasks import email_invitation

    for member_id in member_ids:
        email_invitation.enqueue(member_id)


@transaction.atomic
def open_screening_queue(*, site: Site, by: Any, size: int = 12, seed: int = 0) -> Site:
    """Give the site a queue in the screening simulator (through screening's service), for
    its screeners; the after-action report reads the site's scores from it."""
    from momentum.screening.services.queues import create_queue_for_exercise_site

    if site.screening_queue_id is not None:
        raise ValidationError(_("This site already has its screening queue."))
    screeners = [
        member.user
        for member in Member.objects.filter(site=site, role=TeamRole.SCREENER).select_related(
            "user"
        )
    ]
    queue = create_queue_for_exercise_site(
        site_name=site.name, trainer=by, screeners=screeners, size=size, seed=seed
    )
    site.screening_queue = queue
    site.save(update_fields=["screening_queue"])
    audit.record(by, "exercise.screening_queue_opened", site, queue=queue.pk)
    return site
