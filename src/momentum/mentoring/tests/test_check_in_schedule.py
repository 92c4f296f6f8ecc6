"""Check-ins are scheduled when a pair becomes active: 30 days after publication, then every
90 days until the cohort ends, for both sides."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from django.utils import timezone

from momentum.mentoring.models import CheckIn
from momentum.mentoring.services.pairs import check_in_dates, schedule_check_ins
from momentum.mentoring.tests.factories import pair_for, running_cohort

pytestmark = pytest.mark.django_db


def test_the_dates_are_30_days_then_every_90_until_the_end():
    assert check_in_dates(date(2025, 1, 1), date(2025, 9, 30)) == [
        date(2025, 1, 31),
        date(2025, 5, 1),
        date(2025, 7, 30),
    ]


def test_a_check_in_due_on_the_last_day_is_kept():
    assert check_in_dates(date(2025, 1, 1), date(2025, 5, 1))[-1] == date(2025, 5, 1)


def test_a_pair_published_less_than_30_days_before_the_end_gets_none():
    assert check_in_dates(date(2025, 1, 1), date(2025, 1, 30)) == []


def test_both_sides_get_the_same_dates(officer, mentor):
    published = datetime(2025, 3, 10, 9, 0, tzinfo=UTC)
    cohort = running_cohort(mentees={}, starts_on=date(2025, 3, 1), ends_on=date(2027, 2, 28))
    pairing = pair_for(officer, mentor, cohort=cohort, published_at=published)

    created = schedule_check_ins(pairing)

    expected = check_in_dates(date(2025, 3, 10), date(2027, 2, 28))
    assert expected[0] == date(2025, 4, 9)
    assert expected[1] == date(2025, 7, 8)
    assert len(created) == 2 * len(expected)
    for person in (officer, mentor):
        assert (
            list(
                CheckIn.objects.filter(pairing=pairing, respondent=person)
                .order_by("due_on")
                .values_list("due_on", flat=True)
            )
            == expected
        )


def test_scheduling_twice_creates_nothing_more(officer, mentor):
    pairing = pair_for(officer, mentor)
    first = schedule_check_ins(pairing)

    assert schedule_check_ins(pairing) == []
    assert CheckIn.objects.filter(pairing=pairing).count() == len(first) > 0


def test_a_two_year_cohort_gives_each_side_eight_check_ins(officer):
    today = timezone.localdate()
    cohort = running_cohort(mentees={}, starts_on=today, ends_on=today + timedelta(days=730))
    pairing = pair_for(officer, cohort=cohort, published_at=timezone.now())

    schedule_check_ins(pairing)

    assert CheckIn.objects.filter(pairing=pairing, respondent=officer).count() == 8
