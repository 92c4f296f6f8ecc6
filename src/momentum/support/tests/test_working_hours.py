"""Service-level clocks in working hours of the asker's country.

Jordan works Sunday to Thursday (weekend Friday and Saturday, Asia/Amman, UTC+3); Tunisia Monday
to Friday (weekend Saturday and Sunday, Africa/Tunis, UTC+1); both 08:00 to 16:00 local time."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from momentum.support.hours import add_working_seconds, default_spec, working_seconds_between

AMMAN = ZoneInfo("Asia/Amman")
TUNIS = ZoneInfo("Africa/Tunis")
HOUR = 3600


def test_jordanian_request_on_thursday_afternoon_is_due_on_sunday():
    # Thursday 10 December 2026, 14:00 in Amman; 8 working hours: 2 on Thursday, none on
    # Friday and Saturday, 6 on Sunday.
    opened = datetime(2026, 12, 10, 14, 0, tzinfo=AMMAN)

    due = add_working_seconds(opened, 8 * HOUR, default_spec("JO"))

    assert due == datetime(2026, 12, 13, 14, 0, tzinfo=AMMAN)
    assert due.astimezone(AMMAN).strftime("%A") == "Sunday"


def test_the_same_thursday_in_tunisia_is_due_on_friday():
    opened = datetime(2026, 12, 10, 14, 0, tzinfo=TUNIS)

    due = add_working_seconds(opened, 8 * HOUR, default_spec("TN"))

    assert due == datetime(2026, 12, 11, 14, 0, tzinfo=TUNIS)


def test_tunisian_request_on_friday_afternoon_is_due_on_monday():
    opened = datetime(2026, 12, 11, 14, 0, tzinfo=TUNIS)

    due = add_working_seconds(opened, 8 * HOUR, default_spec("TN"))

    assert due == datetime(2026, 12, 14, 14, 0, tzinfo=TUNIS)


def test_a_jordanian_sunday_counts_but_a_tunisian_sunday_does_not():
    saturday_night = datetime(2026, 12, 12, 20, 0, tzinfo=AMMAN)
    monday_morning = datetime(2026, 12, 14, 11, 0, tzinfo=AMMAN)

    # Jordan: the whole Sunday (8 h) and Monday 08:00–11:00 (3 h).
    assert working_seconds_between(saturday_night, monday_morning, default_spec("JO")) == 11 * HOUR
    # Tunisia (two hours behind Amman in December): Monday 08:00–09:00 Tunis time only.
    assert working_seconds_between(saturday_night, monday_morning, default_spec("TN")) == 1 * HOUR


def test_a_public_holiday_stops_the_clock():
    # Jordan's Independence Day, Tuesday 25 May 2027. Opened Monday at 15:00 with a 4-hour
    # target: 1 hour on Monday, none on the holiday, 3 on Wednesday.
    spec = default_spec("JO", holidays=[date(2027, 5, 25)])
    opened = datetime(2027, 5, 24, 15, 0, tzinfo=AMMAN)

    due = add_working_seconds(opened, 4 * HOUR, spec)

    assert due == datetime(2027, 5, 26, 11, 0, tzinfo=AMMAN)
    assert add_working_seconds(opened, 4 * HOUR, default_spec("JO")) == datetime(
        2027, 5, 25, 11, 0, tzinfo=AMMAN
    )


def test_a_request_sent_at_night_starts_counting_next_morning():
    opened = datetime(2026, 12, 9, 23, 30, tzinfo=AMMAN)  # Wednesday night

    assert add_working_seconds(opened, HOUR, default_spec("JO")) == datetime(
        2026, 12, 10, 9, 0, tzinfo=AMMAN
    )


def test_no_working_time_between_a_moment_and_an_earlier_one():
    moment = datetime(2026, 12, 10, 10, 0, tzinfo=AMMAN)

    assert working_seconds_between(moment, moment, default_spec("JO")) == 0
    assert (
        working_seconds_between(moment, datetime(2026, 12, 9, tzinfo=AMMAN), default_spec("JO"))
        == 0
    )
