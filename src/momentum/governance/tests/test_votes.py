"""Voting on a motion: one vote per country, by its representative or the holder of its proxy;
refused after the deadline, outside one's country, and a second time (also when two votes of
one country arrive at once); the result computed with the quorum when the vote closes."""

from __future__ import annotations

from datetime import timedelta
from unittest import mock

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from momentum.governance.models import AttendanceStatus, Motion, Vote
from momentum.governance.services import decisions, meetings
from momentum.governance.tests.factories import board, meeting, member, staff_user
from momentum.people.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _motion(held_meeting, closes_in_hours: int = 2) -> Motion:
    return decisions.propose_motion(
        agenda_item=held_meeting.agenda.first(),
        texts={"en": "Adopt the plan.", "fr": "Adopter le plan.", "ar": "اعتماد الخطة."},
        authoritative_language="en",
        closes_at=timezone.now() + timedelta(hours=closes_in_hours),
        by=staff_user(),
    )


def test_a_country_votes_once_and_a_second_vote_is_refused():
    reps = board(3)
    motion = _motion(meeting())

    decisions.cast_vote(motion=motion, by=reps["JO"].user, choice="yes")
    with pytest.raises(ValidationError, match="already voted"):
        decisions.cast_vote(motion=motion, by=reps["JO"].user, choice="no")

    assert list(Vote.objects.values_list("country__code", "choice")) == [("JO", "yes")]


def test_two_votes_of_one_country_at_once_one_wins_and_the_other_is_told():
    """The check that the country has not voted passes for both; the unique constraint keeps
    one vote and the service turns the other into a refusal."""
    reps = board(3)
    alternate = member(reps["JO"].country, seat="alternate")
    held = meeting()
    motion = _motion(held)
    meetings.record_attendance(
        meeting=held,
        country_id=reps["JO"].country_id,
        status=AttendanceStatus.REPRESENTED,
        proxy=alternate,
        by=staff_user(),
    )
    Vote.objects.create(
        motion=motion, country=reps["JO"].country, choice="yes", cast_by=alternate.user
    )

    with mock.patch("momentum.governance.services.decisions.Vote.objects.filter") as looked_up:
        looked_up.return_value.exists.return_value = False  # the race: both saw no vote yet
        with pytest.raises(ValidationError, match="already voted"):
            decisions.cast_vote(motion=motion, by=alternate.user, choice="no")

    assert Vote.objects.get(motion=motion).choice == "yes"


def test_a_vote_after_the_deadline_is_refused():
    reps = board(3)
    motion = _motion(meeting())
    Motion.objects.filter(pk=motion.pk).update(closes_at=timezone.now() - timedelta(minutes=1))

    with pytest.raises(ValidationError, match="closed"):
        decisions.cast_vote(motion=motion, by=reps["JO"].user, choice="yes")


def test_someone_who_is_not_a_member_may_not_vote():
    board(3)
    motion = _motion(meeting())

    with pytest.raises(ValidationError, match="may not vote"):
        decisions.cast_vote(motion=motion, by=UserFactory(), choice="yes")


def test_a_member_may_not_vote_for_another_country():
    reps = board(3)
    motion = _motion(meeting())

    with pytest.raises(ValidationError, match="may not vote"):
        decisions.cast_vote(
            motion=motion, by=reps["JO"].user, choice="yes", country=reps["DZ"].country
        )


def test_the_proxy_votes_for_the_country_that_gave_it_and_its_representative_no_longer_does():
    reps = board(3)
    held = meeting()
    meetings.answer_invitation(meeting=held, by=reps["DZ"].user, attending=False, proxy=reps["JO"])
    motion = _motion(held)

    with pytest.raises(ValidationError, match="may not vote"):
        decisions.cast_vote(motion=motion, by=reps["DZ"].user, choice="no")
    with pytest.raises(ValidationError, match="for which country"):
        decisions.cast_vote(motion=motion, by=reps["JO"].user, choice="yes")
    vote = decisions.cast_vote(
        motion=motion, by=reps["JO"].user, choice="yes", country=reps["DZ"].country
    )

    assert vote.as_proxy is True
    assert vote.country_id == reps["DZ"].country_id


def test_closing_without_quorum_records_that_no_decision_was_taken():
    reps = board(7)
    motion = _motion(meeting())
    for code in ("JO", "MA", "TN"):
        decisions.cast_vote(motion=motion, by=reps[code].user, choice="yes")

    closed = decisions.close_motion(motion=motion, by=staff_user())

    assert closed.outcome == "not_taken"
    assert "3 countries took part, 4 were needed" in closed.outcome_reason


def test_closing_with_quorum_present_computes_the_majority():
    reps = board(7)
    held = meeting()
    for code in ("DZ", "EG", "JO", "LB", "MA"):
        meetings.record_attendance(
            meeting=held, country_id=reps[code].country_id, status="present", by=staff_user()
        )
    motion = _motion(held)
    decisions.cast_vote(motion=motion, by=reps["JO"].user, choice="yes")
    decisions.cast_vote(motion=motion, by=reps["MA"].user, choice="yes")
    decisions.cast_vote(motion=motion, by=reps["DZ"].user, choice="no")

    closed = decisions.close_motion(motion=motion, by=staff_user())

    assert closed.outcome == "adopted"
    with pytest.raises(ValidationError, match="already closed"):
        decisions.close_motion(motion=closed, by=staff_user())
