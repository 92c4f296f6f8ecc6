"""Attendance: trainers (and staff) mark each selected participant's day of a session."""

from __future__ import annotations

from datetime import date, timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from momentum.core import audit
from momentum.people.models import User
from momentum.training.models import (
    Attendance,
    AttendanceMark,
    Nomination,
    NominationStatus,
    Session,
    SessionStatus,
)

# Attendance is kept from the confirmation of a session until it is completed.
MARKING_STATUSES = frozenset(
    {SessionStatus.CONFIRMED, SessionStatus.RUNNING, SessionStatus.COMPLETED}
)


def session_days(session: Session) -> list[date]:
    """Every day of the session, first to last."""
    length = (session.ends_on - session.starts_on).days + 1
    return [session.starts_on + timedelta(days=offset) for offset in range(length)]


def _check_session_and_day(session: Session, day: date, by: User) -> None:
    if not by.has_perm("training.mark_attendance", session):
        raise PermissionDenied
    if session.status not in MARKING_STATUSES:
        raise ValidationError(
            _(
                "Attendance can be marked only for a session that is confirmed, running or "
                "completed; this one is “%(status)s”."
            )
            % {"status": session.get_status_display()}
        )
    if not session.starts_on <= day <= session.ends_on:
        raise ValidationError(
            _("%(day)s is not a day of this session, which runs from %(first)s to %(last)s.")
            % {
                "day": date_format(day),
                "first": date_format(session.starts_on),
                "last": date_format(session.ends_on),
            }
        )


@transaction.atomic
def mark_attendance(*, nomination: Nomination, day: date, mark: str, by: User) -> Attendance:
    """Record (or change) a participant's attendance on one day of their session."""
    session = nomination.session
    _check_session_and_day(session, day, by)
    if mark not in AttendanceMark.values:
        raise ValidationError(_("Choose present, late, absent or excused."))
    if nomination.status != NominationStatus.SELECTED:
        raise ValidationError(
            _(
                "%(name)s is not a selected participant of this session, so their attendance "
                "cannot be marked."
            )
            % {"name": nomination.officer.user.display_name()}
        )
    # update_or_create locks the row, and retries a create that lost a race to another trainer.
    attendance, _created = Attendance.objects.update_or_create(
        nomination=nomination,
        day=day,
        defaults={"mark": mark, "marked_by": by, "marked_at": timezone.now()},
    )
    audit.record(
        by, "attendance.marked", nomination, country=nomination.country, day=str(day), mark=mark
    )
    return attendance


@transaction.atomic
def mark_everyone_present(*, session: Session, day: date, by: User) -> int:
    """Mark present every selected participant not yet marked on ``day``; marks already given
    are kept. Returns how many participants were marked."""
    _check_session_and_day(session, day, by)
    unmarked = (
        Nomination.objects.filter(session=session, status=NominationStatus.SELECTED)
        .exclude(attendance__day=day)
        .values_list("pk", flat=True)
    )
    now = timezone.now()
    created = Attendance.objects.bulk_create(
        [
            Attendance(
                nomination_id=pk,
                day=day,
                mark=AttendanceMark.PRESENT,
                marked_by=by,
                marked_at=now,
            )
            for pk in unmarked
        ],
        # A trainer marking someone at the same moment keeps their mark.
        ignore_conflicts=True,
    )
    if created:
        audit.record(
            by, "attendance.everyone_present", session, day=str(day), participants=len(created)
        )
    return len(created)
