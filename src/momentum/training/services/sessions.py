"""Writes for sessions: scheduling, seat quotas per country, the lifecycle, calendar feeds.

Every change is checked here (whoever calls: page, API, command), saved and audited in one
transaction; e-mails leave after the commit, from a background task.
"""

from __future__ import annotations

import secrets
import zoneinfo
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from functools import cache
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from momentum.core import audit
from momentum.core.models import City, Country
from momentum.core.services import claim_once
from momentum.people.models import Role, RoleAssignment, User
from momentum.training import calendar
from momentum.training.models import (
    CalendarFeed,
    Course,
    Delivery,
    Nomination,
    NominationStatus,
    SeatQuota,
    Session,
    SessionStatus,
)

_LANGUAGE_CODES = frozenset(code for code, _name in settings.LANGUAGES)
# Fields compared before and after an edit, so the audit entry names what changed.
_AUDITED_FIELDS = (
    "starts_on",
    "ends_on",
    "time_zone",
    "delivery",
    "venue_city",
    "venue_country_id",
    "language",
    "interpretation",
    "capacity",
    "women_target_percent",
    "nomination_deadline",
)


@cache
def time_zone_names() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones())


def _require_manager(by: Any) -> None:
    if not by.has_perm("training.manage_sessions"):
        raise PermissionDenied(_("Only programme staff may schedule and run sessions."))


def _first_moment(day: date, time_zone: str) -> datetime:
    """Midnight at the start of ``day`` in the session's time zone."""
    try:
        zone = zoneinfo.ZoneInfo(time_zone)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        zone = zoneinfo.ZoneInfo("UTC")
    return datetime.combine(day, time.min, tzinfo=zone)


def _country_label(country: Country) -> str:
    return str(country)


# --- seat quotas ---


def _quota_errors(
    *,
    capacity: int,
    quotas: Mapping[Country, int],
    selected: Mapping[int, int],
) -> dict[str, list[str]]:
    """What is wrong with sharing ``capacity`` out as ``quotas``, given the seats already taken
    in each country (``selected``, by country id). Keys are the form's field names."""
    errors: dict[str, list[str]] = {}
    for country, seats in quotas.items():
        field = quota_field_name(country)
        taken = selected.get(country.pk, 0)
        if seats < 0:
            errors.setdefault(field, []).append(_("A quota cannot be negative."))
        elif seats < taken:
            errors.setdefault(field, []).append(
                _(
                    "%(country)s already has %(taken)s selected participants: its quota "
                    "cannot be lower than that."
                )
                % {"country": _country_label(country), "taken": taken}
            )
    total = sum(max(seats, 0) for seats in quotas.values())
    if total > capacity:
        errors.setdefault("__all__", []).append(
            _(
                "The countries' quotas add up to %(total)s seats, more than the session's "
                "capacity of %(capacity)s. Lower some quotas or raise the capacity."
            )
            % {"total": total, "capacity": capacity}
        )
    return errors


def quota_field_name(country: Country) -> str:
    """The name of a country's quota field in forms and error dictionaries."""
    return f"quota_{country.code}"


def _complete_quotas(session: Session | None, quotas: Mapping[Country, int]) -> dict[Country, int]:
    """The quotas after the change: those given, and the session's others unchanged."""
    given = {country.pk for country in quotas}
    result: dict[Country, int] = {}
    if session is not None and session.pk:
        for quota in session.quotas.select_related("country"):
            if quota.country_id not in given:
                result[quota.country] = quota.seats
    result.update(quotas)
    return result


def _selected_by_country(session: Session | None) -> dict[int, int]:
    if session is None or not session.pk:
        return {}
    return dict(session.quotas.values_list("country_id", "selected"))


def _write_quotas(session: Session, quotas: Mapping[Country, int]) -> dict[str, int]:
    """Write the seats; returns what changed, {country code: seats}, for the audit.

    Lowering a quota is a conditional UPDATE (``selected <= seats``), so a selection made at the
    same moment can never be left above its quota (the CHECK constraint backs this up).
    """
    existing = {quota.country_id: quota for quota in session.quotas.all()}
    written: dict[str, int] = {}
    for country, seats in quotas.items():
        quota = existing.get(country.pk)
        if quota is None:
            if seats > 0:
                SeatQuota.objects.create(session=session, country=country, seats=seats)
                written[country.code] = seats
            continue
        if quota.seats == seats:
            continue
        if seats == 0 and quota.selected == 0:
            deleted, _rows = SeatQuota.objects.filter(pk=quota.pk, selected=0).delete()
            if deleted:
                written[country.code] = 0
                continue
        updated = SeatQuota.objects.filter(pk=quota.pk, selected__lte=seats).update(seats=seats)
        if not updated:
            taken = SeatQuota.objects.filter(pk=quota.pk).values_list("selected", flat=True)[0]
            raise ValidationError(
                {
                    quota_field_name(country): _(
                        "%(country)s already has %(taken)s selected participants: its quota "
                        "cannot be lower than that."
                    )
                    % {"country": _country_label(country), "taken": taken}
                }
            )
        written[country.code] = seats
    return written


@transaction.atomic
def set_quotas(*, by: Any, session: Session, quotas: Mapping[Country, int]) -> Session:
    """Give each listed country its seats (0 removes an unused quota); other countries keep
    theirs. Refuses a total above the capacity and a quota below the seats already taken."""
    _require_manager(by)
    session = Session.objects.select_for_update().get(pk=session.pk)
    _refuse_if_finished(session)
    complete = _complete_quotas(session, quotas)
    errors = _quota_errors(
        capacity=session.capacity, quotas=complete, selected=_selected_by_country(session)
    )
    if errors:
        raise ValidationError(errors)
    written = _write_quotas(session, quotas)
    audit.record(by, "session.quotas_set", session, quotas=written)
    return session


# --- scheduling ---


def _refuse_if_finished(session: Session) -> None:
    if session.status in (SessionStatus.CLOSED, SessionStatus.CANCELLED):
        raise ValidationError(
            _("A session that is “%(status)s” can no longer be changed.")
            % {"status": session.get_status_display()}
        )


def _schedule_errors(
    *,
    starts_on: date,
    ends_on: date,
    time_zone: str,
    delivery: str,
    venue_city: City | None,
    venue_country: Country | None,
    language: str,
    capacity: int,
    women_target_percent: int,
    nomination_deadline: datetime,
    trainers: list[User],
) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}

    def refuse(field: str, message: str) -> None:
        errors.setdefault(field, []).append(message)

    if ends_on < starts_on:
        refuse("ends_on", _("The last day cannot be before the first day."))
    if time_zone not in time_zone_names():
        refuse("time_zone", _("Choose a time zone from the list."))
    if delivery not in Delivery.values:
        refuse("delivery", _("Choose how the session is delivered."))
    elif delivery != Delivery.ONLINE:
        if venue_city is None:
            refuse("venue_city", _("Give the city of the venue, or choose online delivery."))
        if venue_country is None:
            refuse("venue_country", _("Give the country of the venue, or choose online delivery."))
        elif venue_city is not None and venue_city.country_id not in (None, venue_country.pk):
            refuse("venue_city", _("This city is not in the country of the venue."))
    if language not in _LANGUAGE_CODES:
        refuse("language", _("Choose the language of instruction."))
    if capacity < 1:
        refuse("capacity", _("A session has at least one seat."))
    if not 0 <= women_target_percent <= 100:
        refuse("women_target_percent", _("Give a percentage between 0 and 100."))
    if timezone.is_naive(nomination_deadline):
        refuse("nomination_deadline", _("Give the nomination deadline with its time zone."))
    elif nomination_deadline >= _first_moment(starts_on, time_zone):
        refuse(
            "nomination_deadline",
            _("The nomination deadline must fall before the first day of the session."),
        )
    if trainers:
        trainer_ids = set(
            RoleAssignment.objects.filter(
                user__in=trainers, role=Role.TRAINER, user__is_active=True
            ).values_list("user_id", flat=True)
        )
        for person in trainers:
            if person.pk not in trainer_ids:
                refuse(
                    "trainers",
                    _("%(name)s is not a trainer.") % {"name": person.display_name()},
                )
    return errors


def _clean_interpretation(language: str, interpretation: Iterable[str]) -> list[str]:
    wanted = set(interpretation) - {language}
    return [code for code, _name in settings.LANGUAGES if code in wanted]


@transaction.atomic
def schedule_session(
    *,
    by: Any,
    course: Course,
    starts_on: date,
    ends_on: date,
    time_zone: str,
    delivery: str,
    venue_city: City | None = None,
    venue_country: Country | None = None,
    language: str,
    interpretation: Iterable[str] = (),
    capacity: int,
    women_target_percent: int = 40,
    nomination_deadline: datetime,
    trainers: Iterable[User] = (),
    quotas: Mapping[Country, int] | None = None,
) -> Session:
    """Schedule a draft session of ``course`` with its seats shared out between countries.

    Every refusal is gathered in one ``ValidationError`` naming the fields concerned.
    """
    _require_manager(by)
    trainer_list = list(trainers)
    quotas = dict(quotas or {})
    errors = _schedule_errors(
        starts_on=starts_on,
        ends_on=ends_on,
        time_zone=time_zone,
        delivery=delivery,
        venue_city=venue_city,
        venue_country=venue_country,
        language=language,
        capacity=capacity,
        women_target_percent=women_target_percent,
        nomination_deadline=nomination_deadline,
        trainers=trainer_list,
    )
    if not course.is_active:
        errors.setdefault("course", []).append(
            _("This course is no longer in the catalogue: no new session can be scheduled.")
        )
    for field, messages in _quota_errors(capacity=capacity, quotas=quotas, selected={}).items():
        errors.setdefault(field, []).extend(messages)
    if errors:
        raise ValidationError(errors)
    online = delivery == Delivery.ONLINE
    session = Session.objects.create(
        course=course,
        starts_on=starts_on,
        ends_on=ends_on,
        time_zone=time_zone,
        delivery=delivery,
        venue_city=None if online else venue_city,
        venue_country=None if online else venue_country,
        language=language,
        interpretation=_clean_interpretation(language, interpretation),
        capacity=capacity,
        women_target_percent=women_target_percent,
        nomination_deadline=nomination_deadline,
        status=SessionStatus.DRAFT,
    )
    session.trainers.set(trainer_list)
    written = _write_quotas(session, quotas)
    audit.record(
        by,
        "session.scheduled",
        session,
        course=course.code,
        starts_on=starts_on.isoformat(),
        capacity=capacity,
        quotas=written,
        trainers=[person.pk for person in trainer_list],
    )
    return session


@transaction.atomic
def update_session(
    *,
    by: Any,
    session: Session,
    starts_on: date,
    ends_on: date,
    time_zone: str,
    delivery: str,
    venue_city: City | None = None,
    venue_country: Country | None = None,
    language: str,
    interpretation: Iterable[str] = (),
    capacity: int,
    women_target_percent: int,
    nomination_deadline: datetime,
    trainers: Iterable[User] = (),
    quotas: Mapping[Country, int] | None = None,
) -> Session:
    """Change a session's schedule, seats and trainers (not its course or status).

    With ``quotas``, the countries listed get those seats in the same transaction; the total is
    checked against the new capacity and no quota may fall below the seats already taken.
    """
    _require_manager(by)
    session = Session.objects.select_for_update().select_related("course").get(pk=session.pk)
    _refuse_if_finished(session)
    trainer_list = list(trainers)
    quotas = dict(quotas or {})
    errors = _schedule_errors(
        starts_on=starts_on,
        ends_on=ends_on,
        time_zone=time_zone,
        delivery=delivery,
        venue_city=venue_city,
        venue_country=venue_country,
        language=language,
        capacity=capacity,
        women_target_percent=women_target_percent,
        nomination_deadline=nomination_deadline,
        trainers=trainer_list,
    )
    quota_errors = _quota_errors(
        capacity=capacity,
        quotas=_complete_quotas(session, quotas),
        selected=_selected_by_country(session),
    )
    for field, messages in quota_errors.items():
        errors.setdefault(field, []).extend(messages)
    if errors:
        raise ValidationError(errors)
    before = {field: getattr(session, field) for field in _AUDITED_FIELDS}
    trainers_before = set(session.trainers.values_list("pk", flat=True))
    online = delivery == Delivery.ONLINE
    session.starts_on = starts_on
    session.ends_on = ends_on
    session.time_zone = time_zone
    session.delivery = delivery
    session.venue_city = None if online else venue_city
    session.venue_country = None if online else venue_country
    session.language = language
    session.interpretation = _clean_interpretation(language, interpretation)
    session.capacity = capacity
    session.women_target_percent = women_target_percent
    session.nomination_deadline = nomination_deadline
    session.save()
    session.trainers.set(trainer_list)
    written = _write_quotas(session, quotas) if quotas else {}
    changed = [field for field in _AUDITED_FIELDS if before[field] != getattr(session, field)]
    trainers_after = {person.pk for person in trainer_list}
    if trainers_after != trainers_before:
        changed.append("trainers")
    audit.record(by, "session.changed", session, changed=changed, quotas=written)
    return session


# --- the lifecycle ---


def _move(
    *,
    by: Any,
    session: Session,
    to: str,
    verb: str,
    check: Callable[[Session], None] | None = None,
    changes: Mapping[str, Any] | None = None,
    **details: Any,
) -> Session:
    """Lock the session, refuse a transition that ``TRANSITIONS`` does not allow, run the
    transition's own ``check``, save the status (and ``changes``), audit. Runs inside the
    caller's transaction."""
    _require_manager(by)
    locked = (
        Session.objects.select_for_update(of=("self",)).select_related("course").get(pk=session.pk)
    )
    if not locked.can_move_to(to):
        raise ValidationError(
            _("A session that is “%(status)s” cannot move to “%(target)s”.")
            % {"status": locked.get_status_display(), "target": SessionStatus(to).label}
        )
    if check is not None:
        check(locked)
    previous = locked.status
    locked.status = to
    for field, value in (changes or {}).items():
        setattr(locked, field, value)
    locked.save(update_fields=["status", *(changes or {})])
    audit.record(by, f"session.{verb}", locked, previous=previous, status=to, **details)
    session.status = to
    return locked


def _check_ready_to_open(session: Session) -> None:
    if not SeatQuota.objects.filter(session=session, seats__gt=0).exists():
        raise ValidationError(
            _("Share the seats between the countries before opening nominations.")
        )
    if session.nomination_deadline <= timezone.now():
        raise ValidationError(
            _(
                "The nomination deadline has passed: move it to a later date before "
                "opening nominations."
            )
        )


def _check_someone_selected(session: Session) -> None:
    if not Nomination.objects.filter(session=session, status=NominationStatus.SELECTED).exists():
        raise ValidationError(_("Select at least one participant before confirming the session."))


@transaction.atomic
def open_nominations(*, by: Any, session: Session) -> Session:
    """Draft (or selection, to reopen) → open for nominations. Needs seats shared out and a
    nomination deadline still ahead."""
    return _move(
        by=by,
        session=session,
        to=SessionStatus.OPEN,
        verb="nominations_opened",
        check=_check_ready_to_open,
    )


@transaction.atomic
def start_selection(*, by: Any, session: Session) -> Session:
    """Open → selection: nominations close, staff decide."""
    return _move(by=by, session=session, to=SessionStatus.SELECTION, verb="selection_started")


@transaction.atomic
def confirm_session(*, by: Any, session: Session) -> Session:
    """Selection → confirmed. Each selected participant is sent an e-mail in their language
    with the session as a calendar invitation."""
    moved = _move(
        by=by,
        session=session,
        to=SessionStatus.CONFIRMED,
        verb="confirmed",
        check=_check_someone_selected,
    )
    transaction.on_commit(lambda: _enqueue("send_session_confirmations", moved.pk))
    return moved


@transaction.atomic
def start_session(*, by: Any, session: Session) -> Session:
    """Confirmed → running."""
    return _move(by=by, session=session, to=SessionStatus.RUNNING, verb="started")


@transaction.atomic
def complete_session(*, by: Any, session: Session) -> Session:
    """Running → completed. Those who met the course's completion rule get their certificate,
    issued in the background."""
    from momentum.training import tasks

    moved = _move(by=by, session=session, to=SessionStatus.COMPLETED, verb="completed")
    transaction.on_commit(
        lambda: tasks.issue_certificates_when_complete.enqueue(session_id=moved.pk)
    )
    transaction.on_commit(lambda: _schedule_follow_up(moved))
    return moved


def _schedule_follow_up(session: Session) -> None:
    """Queue the follow-up survey for the day it is due, when the task queue can wait that
    long (the database queue can). ``momentum send_follow_up_surveys`` does the same work for a
    deployment that prefers cron; the survey is never sent twice either way."""
    from django_tasks import default_task_backend

    from momentum.training import tasks
    from momentum.training.services.evaluations import follow_up_months, months_after

    if not default_task_backend.supports_defer:
        return
    due_day = months_after(session.ends_on, follow_up_months())
    run_after = datetime.combine(due_day, time(6), tzinfo=UTC)
    tasks.send_follow_up_surveys.using(run_after=run_after).enqueue()


@transaction.atomic
def close_session(*, by: Any, session: Session) -> Session:
    """Completed → closed: the record is final."""
    return _move(by=by, session=session, to=SessionStatus.CLOSED, verb="closed")


@transaction.atomic
def cancel_session(*, by: Any, session: Session, reason: str) -> Session:
    """Cancel a session that has not started. Everyone concerned is told by e-mail, each in
    their own language: the nominees (but those who withdrew), their countries' focal points
    and the trainers."""
    reason = reason.strip()

    def check_reason(_session: Session) -> None:
        if not reason:
            raise ValidationError(
                {"reason": _("Say why the session is cancelled: everyone concerned is told.")}
            )

    moved = _move(
        by=by,
        session=session,
        to=SessionStatus.CANCELLED,
        verb="cancelled",
        check=check_reason,
        changes={"cancellation_reason": reason},
        reason=reason,
    )
    session.cancellation_reason = reason
    transaction.on_commit(lambda: _enqueue("send_session_cancellations", moved.pk))
    return moved


# Each transition's service, by the name the pages use for it.
TRANSITION_SERVICES: dict[str, Callable[..., Session]] = {
    "open": open_nominations,
    "selection": start_selection,
    "confirm": confirm_session,
    "start": start_session,
    "complete": complete_session,
    "close": close_session,
}


def _enqueue(task_name: str, session_id: int) -> None:
    from momentum.training import tasks

    getattr(tasks, task_name).enqueue(session_id)


# --- e-mails (run by the tasks) ---


@dataclass(frozen=True)
class Recipient:
    """Someone told of a change to a session, and why it concerns them."""

    person: User
    concern: str  # "nominee", "trainer" or "focal_point"


def cancellation_recipients(session: Session) -> list[Recipient]:
    """Who is told of a cancellation: nominees of any status but withdrawn, the focal points of
    their countries, the trainers. Once each (as nominee before trainer before focal point),
    active accounts only. Three queries."""
    nominations = list(
        Nomination.objects.filter(session=session)
        .exclude(status=NominationStatus.WITHDRAWN)
        .select_related("officer__user")
    )
    countries = {nomination.country_id for nomination in nominations}
    found: dict[int, Recipient] = {}
    for nomination in nominations:
        person = nomination.officer.user
        found.setdefault(person.pk, Recipient(person, "nominee"))
    for person in session.trainers.all():
        found.setdefault(person.pk, Recipient(person, "trainer"))
    focal_points = User.objects.filter(
        role_assignments__role=Role.FOCAL_POINT, role_assignments__country_id__in=countries
    ).distinct()
    for person in focal_points:
        found.setdefault(person.pk, Recipient(person, "focal_point"))
    return [
        recipient
        for recipient in found.values()
        if recipient.person.is_active and recipient.person.email
    ]


def _session_context(session: Session, person: User) -> dict[str, Any]:
    """What the e-mails say of the session, in the active language."""
    course = session.course
    return {
        "session": session,
        "name": person.display_name(translation.get_language()),
        "course_title": course.title,
        "starts_on": date_format(session.starts_on, "DATE_FORMAT"),
        "ends_on": date_format(session.ends_on, "DATE_FORMAT"),
        "place": calendar.session_location(session),
        "language": session.get_language_display(),
        "url": calendar.session_url(session),
        "calendar_url": f"{settings.SITE_URL}{reverse('training:calendar')}",
    }


def _message(
    *, template: str, subject: str, person: User, context: dict[str, Any]
) -> EmailMultiAlternatives:
    text = render_to_string(f"training/email/{template}.txt", context)
    html = render_to_string(f"training/email/{template}.html", context)
    message = EmailMultiAlternatives(subject, text, to=[person.email])
    message.attach_alternative(html, "text/html")
    return message


def send_cancellation_emails(session_id: int) -> int:
    """Tell everyone concerned that the session is cancelled, each in their preferred
    language; returns how many e-mails left."""
    session = Session.objects.select_related("course", "venue_city", "venue_country").get(
        pk=session_id
    )
    connection = get_connection()
    sent = 0
    for recipient in cancellation_recipients(session):
        person = recipient.person
        # Once per person: the task may be taken up again after its worker vanished.
        if not claim_once(f"training.session_cancelled:{session.pk}:{person.pk}"):
            continue
        with translation.override(person.preferred_language):
            context = _session_context(session, person)
            context["reason"] = session.cancellation_reason
            context["concern"] = recipient.concern
            subject = _("Cancelled: %(course)s, from %(start)s") % {
                "course": context["course_title"],
                "start": context["starts_on"],
            }
            message = _message(
                template="session_cancelled", subject=subject, person=person, context=context
            )
        sent += connection.send_messages([message]) or 0
    return sent


def send_confirmation_emails(session_id: int) -> int:
    """Send each selected participant the confirmation with a calendar invitation (.ics), in
    their language; returns how many were sent."""
    session = Session.objects.select_related("course", "venue_city", "venue_country").get(
        pk=session_id
    )
    nominations = Nomination.objects.filter(
        session=session, status=NominationStatus.SELECTED
    ).select_related("officer__user")
    connection = get_connection()
    sent = 0
    for nomination in nominations:
        person = nomination.officer.user
        if not person.is_active or not person.email:
            continue
        # Once per participant: the task may be taken up again after its worker vanished.
        if not claim_once(f"training.session_confirmed:{session.pk}:{nomination.pk}"):
            continue
        language = person.preferred_language
        with translation.override(language):
            context = _session_context(session, person)
            subject = _("Confirmed: you take part in %(course)s, from %(start)s") % {
                "course": context["course_title"],
                "start": context["starts_on"],
            }
            message = _message(
                template="session_confirmed", subject=subject, person=person, context=context
            )
            message.attach(
                f"{session.course.code}-{session.starts_on:%Y%m%d}.ics",
                calendar.session_invitation(session, language=language),
                "text/calendar",
            )
        sent += connection.send_messages([message]) or 0
    return sent


# --- calendar feeds ---


def calendar_feed_for(user: User) -> CalendarFeed:
    """The person's feed, created on first use."""
    feed = CalendarFeed.objects.filter(user=user).first()
    if feed is not None:
        return feed
    with transaction.atomic():
        feed, _created = CalendarFeed.objects.get_or_create(
            user=user, defaults={"token": secrets.token_urlsafe(32)}
        )
    return feed


@transaction.atomic
def reset_calendar_feed(*, user: User) -> CalendarFeed:
    """Replace the feed's token: the old address stops working at once."""
    feed = calendar_feed_for(user)
    feed = CalendarFeed.objects.select_for_update().get(pk=feed.pk)
    feed.token = secrets.token_urlsafe(32)
    feed.created_at = timezone.now()
    feed.save(update_fields=["token", "created_at"])
    audit.record(user, "calendar_feed.reset", feed)
    return feed
