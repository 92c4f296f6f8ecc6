"""iCalendar (RFC 5545) files for training sessions, written by hand: a confirmed participant's
invitation and each person's private feed.

Sessions are scheduled in whole days, so their events are all-day events (``VALUE=DATE``, the
end date exclusive). Events with times are written in UTC, which needs no ``VTIMEZONE``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from momentum.training.models import Delivery, Session, SessionStatus

PRODUCT_ID = "-//INTERPOL Project Momentum MENA//Momentum//EN"
CONTENT_TYPE = "text/calendar; charset=utf-8"
_LINE_OCTETS = 75  # RFC 5545 §3.1: lines are folded at 75 octets, excluding the CRLF.

# Sessions not yet confirmed appear as tentative, so nobody books travel on them.
_EVENT_STATUS: dict[str, str] = {
    SessionStatus.DRAFT: "TENTATIVE",
    SessionStatus.OPEN: "TENTATIVE",
    SessionStatus.SELECTION: "TENTATIVE",
    SessionStatus.CONFIRMED: "CONFIRMED",
    SessionStatus.RUNNING: "CONFIRMED",
    SessionStatus.COMPLETED: "CONFIRMED",
    SessionStatus.CLOSED: "CONFIRMED",
    SessionStatus.CANCELLED: "CANCELLED",
}


@dataclass(frozen=True)
class Event:
    uid: str
    summary: str
    starts: date | datetime
    ends: date | datetime  # exclusive, as in DTEND
    status: str = "CONFIRMED"
    location: str = ""
    description: str = ""
    url: str = ""


def escape_text(value: str) -> str:
    """Escape a TEXT value (§3.3.11): backslash, semicolon, comma and line breaks."""
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return value.replace("\r\n", "\\n").replace("\r", "\\n").replace("\n", "\\n")


def fold(line: str) -> str:
    """Fold one content line into CRLF-separated pieces of at most 75 octets (§3.1), never
    splitting a UTF-8 character; each continuation starts with a space."""
    pieces: list[str] = []
    current = ""
    size = 0
    limit = _LINE_OCTETS
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            pieces.append(current)
            current, size = " ", 1
            limit = _LINE_OCTETS
        current += char
        size += width
    pieces.append(current)
    return "\r\n".join(pieces)


def _date_value(value: date | datetime) -> str:
    if isinstance(value, datetime):
        if timezone.is_naive(value):
            raise ValueError("Event times must be aware datetimes.")
        return value.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    return value.strftime("%Y%m%d")


def _date_property(name: str, value: date | datetime) -> str:
    if isinstance(value, datetime):
        return f"{name}:{_date_value(value)}"
    return f"{name};VALUE=DATE:{_date_value(value)}"


def _event_lines(event: Event, stamp: datetime) -> list[str]:
    lines = [
        "BEGIN:VEVENT",
        f"UID:{event.uid}",
        f"DTSTAMP:{_date_value(stamp)}",
        _date_property("DTSTART", event.starts),
        _date_property("DTEND", event.ends),
        f"SUMMARY:{escape_text(event.summary)}",
        f"STATUS:{event.status}",
        "TRANSP:OPAQUE",
    ]
    if event.location:
        lines.append(f"LOCATION:{escape_text(event.location)}")
    if event.description:
        lines.append(f"DESCRIPTION:{escape_text(event.description)}")
    if event.url:
        lines.append(f"URL:{event.url}")
    lines.append("END:VEVENT")
    return lines


def build_calendar(
    events: Iterable[Event], *, name: str = "", method: str = "", stamp: datetime | None = None
) -> str:
    """A whole iCalendar object: CRLF line ends, every line folded."""
    stamp = stamp or timezone.now()
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODUCT_ID}", "CALSCALE:GREGORIAN"]
    if method:
        lines.append(f"METHOD:{method}")
    if name:
        lines.append(f"X-WR-CALNAME:{escape_text(name)}")
    for event in events:
        lines.extend(_event_lines(event, stamp))
    lines.append("END:VCALENDAR")
    return "".join(f"{fold(line)}\r\n" for line in lines)


def session_uid(session: Session) -> str:
    """Stable for the session's whole life, so a calendar updates the event, never doubles it."""
    host = urlsplit(settings.SITE_URL).hostname or "momentum.invalid"
    return f"training-session-{session.pk}@{host}"


def session_url(session: Session) -> str:
    """The session's page in the active language."""
    return f"{settings.SITE_URL}{reverse('training:session', kwargs={'pk': session.pk})}"


def session_location(session: Session) -> str:
    if session.delivery == Delivery.ONLINE or (
        not session.venue_city and session.venue_country is None
    ):
        return str(_("Online"))
    return ", ".join(str(part) for part in (session.venue_city, session.venue_country) if part)


def session_event(session: Session) -> Event:
    """The session as an all-day event, in the active language. ``session.course`` and
    ``session.venue_country`` should be selected with it."""
    course = session.course
    description = "\n\n".join(
        part
        for part in (
            course.summary,
            _("Session page: %(url)s") % {"url": session_url(session)},
        )
        if part
    )
    return Event(
        uid=session_uid(session),
        summary=f"{course.title} ({course.code})",
        starts=session.starts_on,
        ends=session.ends_on + timedelta(days=1),
        status=_EVENT_STATUS.get(session.status, "TENTATIVE"),
        location=session_location(session),
        description=description,
        url=session_url(session),
    )


def session_invitation(session: Session, *, language: str) -> str:
    """The ``.ics`` attached to a participant's confirmation, in their language."""
    with translation.override(language):
        return build_calendar([session_event(session)], method="PUBLISH")


def feed(sessions: Iterable[Session], *, language: str) -> str:
    """A person's calendar feed, in ``language``."""
    with translation.override(language):
        return build_calendar(
            [session_event(session) for session in sessions],
            name=_("Momentum training sessions"),
            method="PUBLISH",
        )
