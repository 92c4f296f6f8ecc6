"""Minutes: drafted, circulated for comments by a deadline, revised with a readable diff,
approved at a later meeting; the approved text is frozen; stale edits are refused."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from momentum.governance.services import meetings, minutes
from momentum.governance.tests.factories import board, meeting, staff_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def held():  # type: ignore[no-untyped-def]
    board(3)
    past = meeting(starts_in_days=-10, invite=False)
    meetings.mark_held(meeting=past, by=staff_user())
    return past


def _circulated(held):  # type: ignore[no-untyped-def]
    record = minutes.draft_minutes(meeting=held, text="1. Opened.\n2. Plan.", by=staff_user())
    return minutes.circulate_minutes(
        minutes=record,
        comments_due=timezone.now() + timedelta(days=3),
        by=staff_user(),
        version=record.version,
    )


def test_minutes_of_a_meeting_not_held_are_refused():
    board(3)
    coming = meeting()

    with pytest.raises(ValidationError, match="held"):
        minutes.draft_minutes(meeting=coming, text="Too early.", by=staff_user())


def test_the_whole_path_keeps_every_version_and_freezes_the_approved_text(held):
    reps = board(3)
    record = _circulated(held)
    minutes.comment_on_minutes(minutes=record, by=reps["JO"].user, text="Add the sessions.")
    minutes.revise_minutes(
        minutes=record,
        text="1. Opened.\n2. Plan: two sessions.",
        by=staff_user(),
        version=record.version,
    )
    record.refresh_from_db()
    later = meeting(starts_in_days=5, invite=False)

    approved = minutes.approve_minutes(
        minutes=record, by=staff_user(), route="meeting", at_meeting=later, version=record.version
    )

    assert approved.status == "approved"
    assert list(approved.versions.values_list("number", flat=True)) == [1, 2]
    with pytest.raises(ValidationError, match="frozen"):
        minutes.revise_minutes(
            minutes=approved,
            text="Changed after approval.",
            by=staff_user(),
            version=approved.version,
        )


def test_a_stale_edit_is_refused(held):
    record = _circulated(held)
    minutes.revise_minutes(
        minutes=record, text="Version two.", by=staff_user(), version=record.version
    )

    with pytest.raises(ValidationError, match="Someone else"):
        minutes.revise_minutes(
            minutes=record, text="Version three.", by=staff_user(), version=record.version
        )


def test_comments_after_the_deadline_are_refused(held):
    from momentum.governance.models import Minutes

    reps = board(3)
    record = _circulated(held)
    Minutes.objects.filter(pk=record.pk).update(comments_due=timezone.now() - timedelta(minutes=1))

    with pytest.raises(ValidationError, match="passed"):
        minutes.comment_on_minutes(minutes=record, by=reps["JO"].user, text="Late.")


def test_approval_names_a_later_meeting(held):
    record = _circulated(held)

    with pytest.raises(ValidationError):
        minutes.approve_minutes(
            minutes=record,
            by=staff_user(),
            route="meeting",
            at_meeting=held,
            version=record.version,
        )


def test_the_diff_shows_added_and_removed_lines():
    diff = minutes.readable_diff("1. Opened.\n2. Plan.", "1. Opened.\n2. Plan: two sessions.")

    assert ("removed", "2. Plan.") in diff
    assert ("added", "2. Plan: two sessions.") in diff
    assert ("same", "1. Opened.") in diff
