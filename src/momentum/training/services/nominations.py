"""Writes for nominations and selection: focal points nominate, staff select, waitlist and
decline, participants withdraw and the first on their country's waiting list takes the seat.

Seats are counted by ``SeatQuota.selected``, which only ever changes through a conditional
``UPDATE … WHERE selected < seats`` (guarded by a CHECK constraint too), so no two decisions
taken at the same moment can overbook a country.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, transaction
from django.db.models import F, Max, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from momentum.core import audit
from momentum.people.models import Profile, RankLevel, Role, User
from momentum.training.models import (
    Course,
    Nomination,
    NominationStatus,
    SeatQuota,
    Session,
    SessionStatus,
    Track,
)

# Nominations that still claim the officer's time: they block overlapping sessions.
ACTIVE_STATUSES = (
    NominationStatus.NOMINATED,
    NominationStatus.WAITLISTED,
    NominationStatus.SELECTED,
)
# Session statuses in which each kind of decision may be taken.
DECISION_STATUSES = (SessionStatus.SELECTION,)
WITHDRAWAL_STATUSES = (SessionStatus.SELECTION, SessionStatus.CONFIRMED, SessionStatus.RUNNING)


def may_nominate_for(user: Any, country_id: int) -> bool:
    """Staff nominate for any country; a focal point for the countries they hold."""
    if not getattr(user, "is_authenticated", False):
        return False
    return bool(user.is_programme_staff or country_id in user.countries_for(Role.FOCAL_POINT))


def ineligibility(course: Course, officer: Profile) -> str:
    """Why ``officer`` may not take ``course``, as a sentence; empty when eligible.

    Reads the course's target areas and the officer's areas of work: prefetch them when
    checking many officers.
    """
    if course.track == Track.LEADERSHIP and officer.rank_level != RankLevel.MID:
        return _("Leadership programmes are for mid-level officers.")
    if course.target_rank_levels and officer.rank_level not in course.target_rank_levels:
        return _("This course is not open to officers of this rank level.")
    target_areas = {area.pk for area in course.target_areas.all()}
    if target_areas and not target_areas & {area.pk for area in officer.areas_of_work.all()}:
        return _("None of the officer's areas of work is among those this course is for.")
    return ""


def _refusal(message: str, code: str, *, field: str | None = None) -> ValidationError:
    """A refusal with a code the API reports, naming the form field it concerns, if any."""
    error = ValidationError(message, code=code)
    return ValidationError({field: error}) if field else error


def _overlapping(session: Session) -> Q:
    """Nominations for sessions whose dates overlap ``session``'s."""
    return Q(session__starts_on__lte=session.ends_on, session__ends_on__gte=session.starts_on)


def _already_nominated(session: Session, officer: Profile) -> bool:
    return Nomination.objects.filter(session=session, officer=officer).exists()


def _name(officer: Profile) -> str:
    return officer.user.display_name()


@transaction.atomic
def nominate_officer(
    *,
    session: Session,
    officer: Profile,
    by: User,
    justification: str,
    motivation: str = "",
    supervisor_name: str = "",
    supervisor_endorsement: str = "",
) -> Nomination:
    """Put ``officer`` forward for ``session`` on behalf of their country.

    Refuses (PermissionDenied) an officer of a country ``by`` does not nominate for, and
    (ValidationError, with a code) a session not open or past its deadline, a country with no
    seats, an ineligible officer, a missing motivation or endorsement, a second nomination and
    a nomination overlapping another session of the officer's.
    """
    if not may_nominate_for(by, officer.country_id):
        raise PermissionDenied(_("You may only nominate officers of your own country."))
    if session.status != SessionStatus.OPEN:
        raise ValidationError(_("This session is not open for nominations."), code="closed")
    if timezone.now() > session.nomination_deadline:
        raise ValidationError(
            _("The deadline for nominations to this session has passed."), code="deadline"
        )
    if not SeatQuota.objects.filter(session=session, country_id=officer.country_id).exists():
        raise ValidationError(
            _("This session has no seats for %(country)s.") % {"country": officer.country},
            code="no_seats",
        )
    course = session.course
    reason = ineligibility(course, officer)
    if reason:
        raise _refusal(reason, "ineligible", field="officer")
    justification = justification.strip()
    motivation = motivation.strip()
    supervisor_name = supervisor_name.strip()
    supervisor_endorsement = supervisor_endorsement.strip()
    missing: dict[str, str] = {}
    if not justification:
        missing["justification"] = _("Explain why this officer should take part.")
    if course.requires_motivation and not motivation:
        missing["motivation"] = _("This course needs the officer's motivation statement.")
    if course.requires_endorsement and not supervisor_name:
        missing["supervisor_name"] = _("This course needs the name of the officer's supervisor.")
    if course.requires_endorsement and not supervisor_endorsement:
        missing["supervisor_endorsement"] = _(
            "This course needs the endorsement of the officer's supervisor."
        )
    if missing:
        raise ValidationError(
            {field: ValidationError(message, code="required") for field, message in missing.items()}
        )
    with transaction.atomic():
        # The officer's profile row is locked while their other nominations are checked and
        # this one is written: two overlapping nominations sent at the same moment (for two
        # different sessions) run one after the other, and the second sees the first.
        Profile.objects.select_for_update().filter(pk=officer.pk).first()
        nomination = _checked_nomination(
            session=session,
            officer=officer,
            by=by,
            justification=justification,
            motivation=motivation,
            supervisor_name=supervisor_name,
            supervisor_endorsement=supervisor_endorsement,
        )
        audit.record(
            by,
            "nomination.created",
            nomination,
            country=officer.country,
            session=session.pk,
            officer=officer.pk,
        )
    return nomination


def _checked_nomination(
    *,
    session: Session,
    officer: Profile,
    by: User,
    justification: str,
    motivation: str,
    supervisor_name: str,
    supervisor_endorsement: str,
) -> Nomination:
    duplicate = _("%(name)s is already nominated for this session.") % {"name": _name(officer)}
    if _already_nominated(session, officer):
        raise _refusal(duplicate, "duplicate", field="officer")
    overlapping = (
        Nomination.objects.filter(officer=officer, status__in=ACTIVE_STATUSES)
        .exclude(session=session)
        .exclude(session__status=SessionStatus.CANCELLED)
        .filter(_overlapping(session))
        .select_related("session__course")
        .first()
    )
    if overlapping is not None:
        raise _refusal(
            _("%(name)s is already nominated for %(course)s, whose dates overlap this session's.")
            % {"name": _name(officer), "course": overlapping.session.course.title},
            "overlap",
            field="officer",
        )
    try:
        # A savepoint: two nominations sent at the same moment meet the unique constraint.
        with transaction.atomic():
            nomination = Nomination.objects.create(
                session=session,
                officer=officer,
                country_id=officer.country_id,
                nominated_by=by,
                justification=justification,
                motivation=motivation,
                supervisor_name=supervisor_name,
                supervisor_endorsement=supervisor_endorsement,
            )
    except IntegrityError as exc:
        raise _refusal(duplicate, "duplicate", field="officer") from exc
    return nomination


def _locked(nomination: Nomination) -> Nomination:
    """The nomination read afresh and locked, with what decisions need to know."""
    return (
        Nomination.objects.select_for_update(of=("self",))
        .select_related("session__course", "country", "officer__user")
        .get(pk=nomination.pk)
    )


def _refuse_unless_session_in(nomination: Nomination, statuses: tuple[str, ...]) -> None:
    if nomination.session.status not in statuses:
        raise ValidationError(
            _("This cannot be done while the session is at the “%(status)s” stage.")
            % {"status": nomination.session.get_status_display()},
            code="session_status",
        )


# The refusal of each transition, as a whole sentence.
_REFUSALS: dict[str, Promise] = {
    NominationStatus.SELECTED: gettext_lazy(
        "%(name)s cannot be selected: the nomination is “%(status)s”."
    ),
    NominationStatus.WAITLISTED: gettext_lazy(
        "%(name)s cannot be put on the waiting list: the nomination is “%(status)s”."
    ),
    NominationStatus.DECLINED: gettext_lazy(
        "%(name)s cannot be declined: the nomination is “%(status)s”."
    ),
    NominationStatus.WITHDRAWN: gettext_lazy(
        "%(name)s cannot be withdrawn: the nomination is “%(status)s”."
    ),
}


def _refuse_unless_status(nomination: Nomination, allowed: tuple[str, ...], to: str) -> None:
    if nomination.status not in allowed:
        raise ValidationError(
            str(_REFUSALS[to])
            % {"name": _name(nomination.officer), "status": nomination.get_status_display()},
            code="transition",
        )


def _take_seat(nomination: Nomination) -> bool:
    """Count one more selected participant for the nomination's country, if a seat is left.

    One conditional UPDATE: the database decides, so concurrent selections never overbook.
    """
    return bool(
        SeatQuota.objects.filter(
            session_id=nomination.session_id,
            country_id=nomination.country_id,
            selected__lt=F("seats"),
        ).update(selected=F("selected") + 1)
    )


def _free_seat(nomination: Nomination) -> None:
    SeatQuota.objects.filter(
        session_id=nomination.session_id, country_id=nomination.country_id, selected__gt=0
    ).update(selected=F("selected") - 1)


def _decide(nomination: Nomination, status: str, by: User | None, reason: str = "") -> None:
    nomination.status = status
    nomination.decided_by = by if getattr(by, "is_authenticated", False) else None
    nomination.decided_at = timezone.now()
    nomination.decision_reason = reason
    if status != NominationStatus.WAITLISTED:
        nomination.waitlist_position = None
    nomination.save(
        update_fields=["status", "decided_by", "decided_at", "decision_reason", "waitlist_position"]
    )


def _check_staff(by: User) -> None:
    if not by.is_programme_staff:
        raise PermissionDenied(_("Only programme staff select participants."))


@transaction.atomic
def select_nomination(*, nomination: Nomination, by: User) -> Nomination:
    """Select a nominated or waitlisted officer, taking one of their country's seats."""
    _check_staff(by)
    nomination = _locked(nomination)
    _refuse_unless_session_in(nomination, DECISION_STATUSES)
    _refuse_unless_status(
        nomination,
        (NominationStatus.NOMINATED, NominationStatus.WAITLISTED),
        NominationStatus.SELECTED,
    )
    if not _take_seat(nomination):
        raise ValidationError(
            _("Every seat for %(country)s is taken: %(name)s was not selected.")
            % {"country": nomination.country, "name": _name(nomination.officer)},
            code="full",
        )
    _decide(nomination, NominationStatus.SELECTED, by)
    audit.record(by, "nomination.selected", nomination, country=nomination.country)
    return nomination


@transaction.atomic
def waitlist_nomination(*, nomination: Nomination, by: User) -> Nomination:
    """Put a nominated officer at the end of their country's waiting list for the session."""
    _check_staff(by)
    nomination = _locked(nomination)
    _refuse_unless_session_in(nomination, DECISION_STATUSES)
    _refuse_unless_status(nomination, (NominationStatus.NOMINATED,), NominationStatus.WAITLISTED)
    # The country's quota row is the lock that keeps two waitlistings from taking one place.
    list(
        SeatQuota.objects.select_for_update().filter(
            session_id=nomination.session_id, country_id=nomination.country_id
        )
    )
    last = Nomination.objects.filter(
        session_id=nomination.session_id, country_id=nomination.country_id
    ).aggregate(last=Max("waitlist_position"))["last"]
    nomination.waitlist_position = (last or 0) + 1
    _decide(nomination, NominationStatus.WAITLISTED, by)
    audit.record(
        by,
        "nomination.waitlisted",
        nomination,
        country=nomination.country,
        position=nomination.waitlist_position,
    )
    return nomination


@transaction.atomic
def decline_nomination(*, nomination: Nomination, by: User, reason: str) -> Nomination:
    """Decline a nominated or waitlisted officer, with a reason."""
    _check_staff(by)
    reason = reason.strip()
    if not reason:
        raise _refusal(_("Say why the nomination is declined."), "required", field="reason")
    nomination = _locked(nomination)
    _refuse_unless_session_in(nomination, DECISION_STATUSES)
    _refuse_unless_status(
        nomination,
        (NominationStatus.NOMINATED, NominationStatus.WAITLISTED),
        NominationStatus.DECLINED,
    )
    _decide(nomination, NominationStatus.DECLINED, by, reason)
    audit.record(by, "nomination.declined", nomination, country=nomination.country, reason=reason)
    return nomination


def may_withdraw(user: Any, nomination: Nomination) -> bool:
    """Staff withdraw anyone; a focal point the nominations of their own country."""
    return may_nominate_for(user, nomination.country_id)


@transaction.atomic
def withdraw_nomination(*, nomination: Nomination, by: User, reason: str = "") -> Nomination:
    """Take back a nomination before staff select the officer (nominated or waitlisted)."""
    if not may_withdraw(by, nomination):
        raise PermissionDenied
    nomination = _locked(nomination)
    _refuse_unless_status(
        nomination,
        (NominationStatus.NOMINATED, NominationStatus.WAITLISTED),
        NominationStatus.WITHDRAWN,
    )
    _decide(nomination, NominationStatus.WITHDRAWN, by, reason.strip())
    audit.record(by, "nomination.withdrawn", nomination, country=nomination.country)
    return nomination


@transaction.atomic
def withdraw_participant(
    *, nomination: Nomination, by: User, reason: str = ""
) -> Nomination | None:
    """Withdraw a selected participant and offer the seat to the first on the same country's
    waiting list. Returns the nomination promoted to the seat, if any; they and their country's
    focal points are told by e-mail once the change is saved."""
    if not may_withdraw(by, nomination):
        raise PermissionDenied
    nomination = _locked(nomination)
    _refuse_unless_session_in(nomination, WITHDRAWAL_STATUSES)
    _refuse_unless_status(nomination, (NominationStatus.SELECTED,), NominationStatus.WITHDRAWN)
    # Every decision locks its nominations before the quota row: the same order everywhere,
    # so two decisions never wait on each other.
    first = _first_waitlisted(nomination)
    _decide(nomination, NominationStatus.WITHDRAWN, by, reason.strip())
    _free_seat(nomination)
    audit.record(by, "nomination.withdrawn", nomination, country=nomination.country, selected=True)
    if first is None:
        return None
    return _promote(first, freed=nomination, by=by)


def _first_waitlisted(freed: Nomination) -> Nomination | None:
    return (
        Nomination.objects.select_for_update(of=("self",))
        .select_related("session__course", "country", "officer__user")
        .filter(
            session_id=freed.session_id,
            country_id=freed.country_id,
            status=NominationStatus.WAITLISTED,
        )
        .order_by(F("waitlist_position").asc(nulls_last=True), "created_at", "pk")
        .first()
    )


def _promote(first: Nomination, *, freed: Nomination, by: User) -> Nomination | None:
    """Give the seat ``freed`` left to ``first``, and tell them once the change is saved."""
    if not _take_seat(first):
        return None
    _decide(first, NominationStatus.SELECTED, by)
    audit.record(
        by,
        "nomination.selected",
        first,
        country=first.country,
        from_waitlist=True,
        replacing=freed.pk,
    )
    from momentum.training.tasks import send_seat_offered_emails

    transaction.on_commit(lambda: send_seat_offered_emails.enqueue(first.pk))
    return first


def focal_points_of(country_id: int) -> list[User]:
    return list(
        User.objects.filter(
            is_active=True,
            role_assignments__role=Role.FOCAL_POINT,
            role_assignments__country_id=country_id,
        ).distinct()
    )


CONFIRMED_STATUSES = frozenset({SessionStatus.CONFIRMED, SessionStatus.RUNNING})


def send_seat_offered_emails(nomination_id: int) -> None:
    """Tell an officer promoted from the waiting list, and their country's focal points, each
    in their own language."""
    nomination = (
        Nomination.objects.select_related("session__course", "officer__user", "country")
        .filter(pk=nomination_id, status=NominationStatus.SELECTED)
        .first()
    )
    if nomination is None:  # withdrawn again before the e-mail left: nothing to announce
        return
    officer = nomination.officer.user
    recipients = [
        (officer, False),
        *((user, True) for user in focal_points_of(nomination.country_id)),
    ]
    for recipient, for_focal_point in recipients:
        with translation.override(recipient.preferred_language):
            if for_focal_point:
                path = reverse("training:nominate", kwargs={"pk": nomination.session_id})
            else:
                path = reverse("training:my_nominations")
            context = {
                "nomination": nomination,
                "session": nomination.session,
                "course": nomination.session.course.title,
                "officer_name": officer.display_name(recipient.preferred_language),
                "for_focal_point": for_focal_point,
                "url": f"{settings.SITE_URL}{path}",
            }
            subject = _("A seat opened in %(course)s") % {"course": context["course"]}
            text = render_to_string("training/email/nomination_seat_offered.txt", context)
            html = render_to_string("training/email/nomination_seat_offered.html", context)
        message = EmailMultiAlternatives(subject, text, to=[recipient.email])
        message.attach_alternative(html, "text/html")
        if not for_focal_point and nomination.session.status in CONFIRMED_STATUSES:
            # The session is already confirmed: the officer gets the calendar invitation the
            # others received with their confirmation.
            from momentum.training import calendar

            session = nomination.session
            message.attach(
                f"{session.course.code}-{session.starts_on:%Y%m%d}.ics",
                calendar.session_invitation(session, language=recipient.preferred_language),
                "text/calendar",
            )
        message.send()
