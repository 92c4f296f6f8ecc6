"""The API of the pairs' work: each side reads her pair's plan, meetings and own check-in
answers; a focal point reads dates only; staff read all but private notes; meetings are logged
through the page's service."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from momentum.core.models import AuditEntry
from momentum.mentoring.models import (
    CheckIn,
    Meeting,
    MeetingMode,
    MeetingNote,
    Milestone,
    PairingStatus,
    PlanGoal,
)
from momentum.mentoring.tests.factories import female_officer_profile, pair_for

pytestmark = pytest.mark.django_db

SECRET = "She seemed tired; ask about her new chief."


@pytest.fixture
def pairing(officer, mentor):  # type: ignore[no-untyped-def]
    """Leila's pair with the mentor persona: a goal with a milestone, a meeting with the
    mentor's private note, and both sides' answered check-ins."""
    pairing = pair_for(officer, mentor, published_days_ago=40)
    goal = PlanGoal.objects.create(plan=pairing.plan, title="Lead the task force")
    Milestone.objects.create(goal=goal, title="Shadow the lead")
    meeting = Meeting.objects.create(
        pairing=pairing,
        held_on=timezone.localdate() - timedelta(days=3),
        duration_minutes=50,
        mode=MeetingMode.VIDEO,
        topics="Negotiating with the unit's chief",
        next_steps="Draft the task force's terms",
        logged_by=mentor,
    )
    MeetingNote.objects.create(meeting=meeting, author=mentor, text=SECRET)
    due = timezone.localdate() - timedelta(days=10)
    for user, score in ((officer, 4), (mentor, 2)):
        CheckIn.objects.create(
            pairing=pairing,
            respondent=user,
            due_on=due,
            submitted_at=timezone.now(),
            satisfaction=score,
            progress=score,
            comment=f"comment {score}",
        )
    return pairing


def _pair(client, pairing):  # type: ignore[no-untyped-def]
    response = client.get(f"/api/v1/mentoring/pairs/{pairing.pk}")
    assert response.status_code == 200, response.content
    assert SECRET not in response.content.decode()
    return response.json()


def _answers(body):  # type: ignore[no-untyped-def]
    return {item["respondent"]: item["satisfaction"] for item in body["check_ins"]}


def test_the_mentee_reads_her_pair_and_her_own_answers(client_for, officer, pairing):
    body = _pair(client_for(officer), pairing)

    assert body["mentee"]["given_name"] == "Leila"
    assert body["plan"]["goals"][0]["title"] == "Lead the task force"
    assert body["plan"]["goals"][0]["milestones"][0]["title"] == "Shadow the lead"
    assert body["meetings"][0]["topics"] == "Negotiating with the unit's chief"
    assert body["meetings"][0]["logged_by_mentor"] is True
    assert _answers(body) == {"mentee": 4, "mentor": None}
    assert body["score"] is None


def test_the_mentor_never_reads_her_own_private_note_here(client_for, mentor, pairing):
    body = _pair(client_for(mentor), pairing)

    assert _answers(body) == {"mentee": None, "mentor": 2}
    assert "note" not in json.dumps(body["meetings"])


def test_a_focal_point_reads_dates_but_not_the_conversation(client_for, focal_point, pairing):
    body = _pair(client_for(focal_point), pairing)

    meeting = body["meetings"][0]
    assert meeting["duration_minutes"] == 50
    assert meeting["topics"] is None and meeting["next_steps"] is None
    assert _answers(body) == {"mentee": None, "mentor": None}


def test_staff_read_everything_but_private_notes(client_for, staff, pairing):
    body = _pair(client_for(staff), pairing)

    assert body["meetings"][0]["next_steps"] == "Draft the task force's terms"
    assert _answers(body) == {"mentee": 4, "mentor": 2}
    assert body["score"] == "75.00"


def test_the_list_holds_only_the_callers_pairs(client_for, mentor, officer, jordan, pairing):
    other = pair_for(female_officer_profile(jordan).user, cohort=pairing.cohort)

    mine = client_for(mentor).get("/api/v1/mentoring/pairs").json()["items"]

    assert [item["id"] for item in mine] == [pairing.pk]
    assert other.pk not in [item["id"] for item in mine]


def test_an_outsider_does_not_find_the_pair(client_for, outsider, pairing):
    response = client_for(outsider).get(f"/api/v1/mentoring/pairs/{pairing.pk}")

    assert response.status_code == 404
    assert client_for(outsider).get("/api/v1/mentoring/pairs").json()["items"] == []


@pytest.mark.parametrize("pairs", [2, 8])
def test_list_queries_do_not_grow(client_for, staff, jordan, pairs):
    cohort = None
    for _ in range(pairs):
        pairing = pair_for(female_officer_profile(jordan).user, cohort=cohort)
        cohort = pairing.cohort
        goal = PlanGoal.objects.create(plan=pairing.plan, title="Goal")
        Milestone.objects.create(goal=goal, title="Step")
        Meeting.objects.create(
            pairing=pairing,
            held_on=timezone.localdate(),
            duration_minutes=30,
            mode=MeetingMode.PHONE,
            topics="Topics",
        )
        CheckIn.objects.create(
            pairing=pairing, respondent=pairing.mentor.user, due_on=timezone.localdate()
        )
    client = client_for(staff)

    with CaptureQueriesContext(connection) as queries:
        response = client.get("/api/v1/mentoring/pairs")

    assert response.json()["count"] == pairs
    # session, user, roles; count; the pairs (+ cohort, mentee, mentor, plan); goals;
    # milestones; meetings; check-ins
    assert len(queries) == 9, [q["sql"] for q in queries]


# --- logging a meeting ---


def _log(client, pairing, **changes):  # type: ignore[no-untyped-def]
    payload = {
        "held_on": timezone.localdate().isoformat(),
        "duration_minutes": 45,
        "mode": "in_person",
        "topics": "التحضير لاجتماع اللجنة الإقليمية",
        "next_steps": "Send the draft on Sunday.",
        "private_note": "Remember her exam in June.",
    }
    payload.update(changes)
    return client.post(
        f"/api/v1/mentoring/pairs/{pairing.pk}/meetings",
        json.dumps(payload),
        content_type="application/json",
    )


def test_the_mentee_logs_a_meeting(client_for, officer, pairing):
    response = _log(client_for(officer), pairing)

    assert response.status_code == 201, response.content
    meeting = Meeting.objects.get(pk=response.json()["id"])
    assert meeting.topics == "التحضير لاجتماع اللجنة الإقليمية"
    assert meeting.logged_by == officer
    assert "Remember" not in response.content.decode()
    assert MeetingNote.objects.get(meeting=meeting).author == officer
    assert AuditEntry.objects.filter(verb="mentoring.meeting_logged").count() == 1


def test_a_meeting_in_the_future_is_refused_by_field(client_for, mentor, pairing):
    tomorrow = (timezone.localdate() + timedelta(days=1)).isoformat()

    response = _log(client_for(mentor), pairing, held_on=tomorrow, duration_minutes=2, topics=" ")

    assert response.status_code == 422
    assert set(response.json()["error"]["details"]) == {"held_on", "duration_minutes", "topics"}
    assert Meeting.objects.count() == 1


def test_staff_and_focal_points_do_not_log_meetings(client_for, staff, focal_point, pairing):
    for user in (staff, focal_point):
        response = _log(client_for(user), pairing)
        assert response.status_code == 403
    assert Meeting.objects.count() == 1


def test_an_ended_pair_takes_no_more_meetings(client_for, officer, pairing):
    pairing.status = PairingStatus.ENDED_EARLY
    pairing.save()

    response = _log(client_for(officer), pairing)

    assert response.status_code == 403
    assert Meeting.objects.count() == 1
