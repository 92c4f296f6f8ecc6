"""iCalendar (RFC 5545) files, written with the maintained ``icalendar`` package.

Every activity's calendar (training sessions, and meetings, visits or exercise phases with
times) builds ``Event``s and calls ``build_calendar``. All-day events use ``VALUE=DATE`` (end
date exclusive). Events with times keep their time zone: a time in UTC is written as UTC; a
time in a named zone (``zoneinfo``) is written with its ``TZID`` and the calendar carries the
matching ``VTIMEZONE``, so a phone shows the meeting at the right hour on both sides of a
daylight-saving change.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import icalendar
from django.utils import timezone

PRODUCT_ID = "-//INTERPOL Project Momentum MENA//Momentum//EN"
CONTENT_TYPE = "text/calendar; charset=utf-8"


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


def _checked(value: date | datetime) -> date | datetime:
    if isinstance(value, datetime):
        if timezone.is_naive(value):
            raise ValueError("Event times must be aware datetimes.")
        if not isinstance(value.tzinfo, ZoneInfo) or value.tzinfo.key == "UTC":
            # A fixed offset has no name a calendar could look up: write the instant in UTC.
            return value.astimezone(UTC)
    return value


def _component(event: Event, stamp: datetime) -> icalendar.Event:
    component = icalendar.Event()
    component.add("uid", event.uid)
    component.add("dtstamp", stamp.astimezone(UTC))
    component.add("dtstart", _checked(event.starts))
    component.add("dtend", _checked(event.ends))
    component.add("summary", event.summary)
    component.add("status", event.status)
    component.add("transp", "OPAQUE")
    if event.location:
        component.add("location", event.location)
    if event.description:
        component.add("description", event.description)
    if event.url:
        component.add("url", event.url)
    return component


def build_calendar(
    events: Iterable[Event], *, name: str = "", method: str = "", stamp: datetime | None = None
) -> str:
    """A whole iCalendar object (CRLF line ends, lines folded at 75 octets), with a
    ``VTIMEZONE`` for every named time zone its events use."""
    stamp = stamp or timezone.now()
    calendar = icalendar.Calendar()
    calendar.add("version", "2.0")
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("calscale", "GREGORIAN")
    if method:
        calendar.add("method", method)
    if name:
        calendar.add("x-wr-calname", name)
    for event in events:
        calendar.add_component(_component(event, stamp))
    calendar.add_missing_timezones()
    return calendar.to_ical().decode("utf-8")
