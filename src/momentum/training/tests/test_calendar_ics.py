"""The .ics files are written by hand (RFC 5545): parse them back line by line."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from django.utils import translation

from momentum.core.tests.factories import CityFactory
from momentum.training import calendar
from momentum.training.models import Delivery, SessionStatus
from momentum.training.tests.factories import CourseFactory, SessionFactory


def unfold(text: str) -> list[str]:
    """The content lines of an iCalendar text (§3.1), after checking every physical line ends
    with CRLF and fits in 75 octets."""
    assert text.endswith("\r\n")
    physical = text[:-2].split("\r\n")
    for line in physical:
        assert "\n" not in line and "\r" not in line
        assert len(line.encode("utf-8")) <= 75, line
    lines: list[str] = []
    for line in physical:
        if line.startswith(" "):
            lines[-1] += line[1:]
        else:
            lines.append(line)
    return lines


def unescape(value: str) -> str:
    out, chars = [], iter(value)
    for char in chars:
        if char == "\\":
            following = next(chars)
            out.append("\n" if following in "nN" else following)
        else:
            out.append(char)
    return "".join(out)


def properties(lines: list[str]) -> dict[str, str]:
    """Name (with parameters) → value, for the lines of one component."""
    found: dict[str, str] = {}
    for line in lines:
        name, _sep, value = line.partition(":")
        found[name] = value
    return found


def events(text: str) -> list[dict[str, str]]:
    lines = unfold(text)
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-1] == "END:VCALENDAR"
    found, current = [], None
    for line in lines:
        if line == "BEGIN:VEVENT":
            current = []
        elif line == "END:VEVENT":
            found.append(properties(current))
            current = None
        elif current is not None:
            current.append(line)
    return found


def test_long_lines_are_folded_at_75_octets_without_splitting_arabic_letters():
    summary = "التدقيق على الحدود باستخدام قاعدة بيانات وثائق السفر المسروقة والمفقودة " * 3
    event = calendar.Event(
        uid="u", summary=summary, starts=date(2025, 3, 10), ends=date(2025, 3, 11)
    )

    text = calendar.build_calendar([event])

    physical = text.split("\r\n")
    assert all(len(piece.encode("utf-8")) <= 75 for piece in physical)
    for piece in physical:
        piece.encode("utf-8").decode("utf-8")  # whole characters in each piece
    (found,) = events(text)
    assert unescape(found["SUMMARY"]) == summary


def test_text_is_escaped_and_reads_back_the_same():
    text = 'Backslash \\ semicolon; comma, and\nnew line "quoted"'
    event = calendar.Event(uid="u", summary=text, starts=date(2025, 3, 10), ends=date(2025, 3, 11))

    (found,) = events(calendar.build_calendar([event]))

    assert found["SUMMARY"] == 'Backslash \\\\ semicolon\\; comma\\, and\\nnew line "quoted"'
    assert unescape(found["SUMMARY"]) == text


def test_times_in_a_named_zone_keep_it_with_a_vtimezone():
    from zoneinfo import ZoneInfo

    amman = ZoneInfo("Asia/Amman")
    starts = datetime(2025, 3, 10, 9, 30, tzinfo=amman)
    event = calendar.Event(uid="u", summary="s", starts=starts, ends=starts + timedelta(hours=2))

    text = calendar.build_calendar([event])

    (found,) = events(text)
    assert found["DTSTART;TZID=Asia/Amman"] == "20250310T093000"
    assert found["DTEND;TZID=Asia/Amman"] == "20250310T113000"
    lines = unfold(text)
    assert "BEGIN:VTIMEZONE" in lines
    assert "TZID:Asia/Amman" in lines


def test_an_all_day_event_ends_the_day_after_its_last_day():
    event = calendar.Event(
        uid="u-1@example.org",
        summary="Notices, diffusions; and I-24/7",
        starts=date(2025, 3, 10),
        ends=date(2025, 3, 13),
        location="Amman, Jordan",
        description="Line one\nLine two",
    )
    stamp = datetime(2025, 1, 2, 3, 4, 5, tzinfo=UTC)

    text = calendar.build_calendar([event], method="PUBLISH", stamp=stamp)

    lines = unfold(text)
    assert lines[:4] == [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{calendar.PRODUCT_ID}",
        "CALSCALE:GREGORIAN",
    ]
    assert "METHOD:PUBLISH" in lines
    (found,) = events(text)
    assert found["UID"] == "u-1@example.org"
    assert found["DTSTAMP"] == "20250102T030405Z"
    assert found["DTSTART;VALUE=DATE"] == "20250310"
    assert found["DTEND;VALUE=DATE"] == "20250313"
    assert unescape(found["SUMMARY"]) == "Notices, diffusions; and I-24/7"
    assert unescape(found["LOCATION"]) == "Amman, Jordan"
    assert unescape(found["DESCRIPTION"]) == "Line one\nLine two"


def test_event_times_are_written_in_utc():
    starts = datetime(2025, 3, 10, 9, 0, tzinfo=UTC) + timedelta(hours=-2)
    event = calendar.Event(uid="u", summary="s", starts=starts, ends=starts + timedelta(hours=3))

    (found,) = events(calendar.build_calendar([event]))

    assert found["DTSTART"] == "20250310T070000Z"
    assert found["DTEND"] == "20250310T100000Z"


def test_naive_times_are_refused():
    naive = datetime(2025, 3, 10, 9)  # noqa: DTZ001 - the point of the test
    event = calendar.Event(uid="u", summary="s", starts=naive, ends=naive + timedelta(hours=1))
    with pytest.raises(ValueError, match="aware"):
        calendar.build_calendar([event])


@pytest.mark.django_db
def test_a_sessions_invitation_is_in_the_participants_language_with_a_stable_uid(jordan):
    course = CourseFactory(
        code="sltd-101",
        title_en="Border screening with SLTD",
        title_ar="التدقيق على الحدود باستخدام قاعدة SLTD",
        summary_en="Screening travel documents; stolen, lost, revoked",
    )
    session = SessionFactory(
        course=course,
        starts_on=date(2025, 5, 4),
        ends_on=date(2025, 5, 8),
        venue_city=CityFactory(country=jordan),
        venue_country=jordan,
        status=SessionStatus.CONFIRMED,
    )

    arabic = calendar.session_invitation(session, language="ar")
    english = calendar.session_invitation(session, language="en")

    (in_arabic,) = events(arabic)
    (in_english,) = events(english)
    assert in_arabic["UID"] == in_english["UID"] == calendar.session_uid(session)
    assert in_arabic["UID"] == f"training-session-{session.pk}@127.0.0.1"
    assert unescape(in_arabic["SUMMARY"]) == "التدقيق على الحدود باستخدام قاعدة SLTD (sltd-101)"
    assert unescape(in_english["SUMMARY"]) == "Border screening with SLTD (sltd-101)"
    assert unescape(in_arabic["LOCATION"]) == "عمّان, الأردن"
    assert unescape(in_english["LOCATION"]) == "Amman, Jordan"
    assert in_english["DTSTART;VALUE=DATE"] == "20250504"
    assert in_english["DTEND;VALUE=DATE"] == "20250509"
    assert in_english["STATUS"] == "CONFIRMED"
    assert in_arabic["URL"].endswith(f"/ar/training/sessions/{session.pk}/")
    assert in_english["URL"].endswith(f"/en/training/sessions/{session.pk}/")
    assert "Screening travel documents\\; stolen\\, lost\\, revoked" in in_english["DESCRIPTION"]


@pytest.mark.django_db
def test_an_online_session_is_located_online_and_an_open_one_is_tentative():
    session = SessionFactory(
        delivery=Delivery.ONLINE, venue_city=None, venue_country=None, status=SessionStatus.OPEN
    )

    with translation.override("en"):
        (found,) = events(calendar.build_calendar([calendar.session_event(session)]))

    assert unescape(found["LOCATION"]) == "Online"
    assert found["STATUS"] == "TENTATIVE"
