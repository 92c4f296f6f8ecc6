"""Membership: one member per seat and country at a time, past members kept, and the
warnings staff see (no representative, a term ending within 60 days, fewer than two meetings
in the year)."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from momentum.core.tests.factories import CountryFactory
from momentum.governance.selectors.board import board_warnings
from momentum.governance.tests.factories import board, meeting, member

pytestmark = pytest.mark.django_db


def test_a_second_representative_for_the_same_dates_is_refused():
    reps = board(2)

    with pytest.raises(ValidationError, match="already has a member"):
        member(reps["DZ"].country)


def test_a_past_member_is_kept_beside_her_successor():
    country = CountryFactory(code="JO")
    former = member(country, start_days_ago=800, end_in_days=-100)
    current = member(country, start_days_ago=99)

    assert not former.is_current()
    assert current.is_current()


def test_staff_are_warned_of_a_country_without_representative_and_a_term_ending_soon():
    reps = board(2)
    CountryFactory(code="LB", name_en="Lebanon")
    ending = reps["EG"]
    from datetime import timedelta

    from django.utils import timezone

    type(ending).objects.filter(pk=ending.pk).update(
        term_end=timezone.localdate() + timedelta(days=30)
    )

    texts = [str(warning.text) for warning in board_warnings()]

    assert any("Lebanon has no current representative" in text for text in texts)
    assert any("ends on" in text and "no successor" in text for text in texts)


def test_staff_are_warned_when_the_year_has_fewer_than_two_meetings():
    from django.utils import timezone

    board(1)
    today = timezone.localdate()

    assert any("at least twice a year" in str(w.text) for w in board_warnings(today=today))
    meeting(starts_in_days=0, invite=False)
    meeting(starts_in_days=0, invite=False)
    assert not any("at least twice a year" in str(w.text) for w in board_warnings(today=today))
