"""The pair page: the mentee, her mentor and staff see the plan, the meeting log and the
check-ins; her country's focal points a summary without what was said."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from momentum.mentoring.models import (
    CheckIn,
    GoalStatus,
    Meeting,
    MeetingMode,
    Milestone,
    PairingStatus,
    PlanGoal,
)
from momentum.mentoring.tests.factories import pair_for
from momentum.people.tests.factories import officer as make_officer

pytestmark = pytest.mark.django_db

TOPICS = "Preparing the task-force briefing"
NEXT_STEPS = "Draft the briefing outline"


def _fill(pairing, mentee, *, meetings=1, goals=1):  # type: ignore[no-untyped-def]
    today = timezone.localdate()
    for index in range(goals):
        goal = PlanGoal.objects.create(
            plan=pairing.plan,
            title=f"Lead the regional task force {index}",
            measure="Named deputy lead",
            target_date=today + timedelta(days=200),
            status=GoalStatus.IN_PROGRESS,
            evidence="Chaired two meetings",
        )
        Milestone.objects.create(goal=goal, title=f"Shadow the lead {index}", due_on=today)
    for index in range(meetings):
        Meeting.objects.create(
            pairing=pairing,
            held_on=today - timedelta(days=index + 1),
            duration_minutes=45,
            mode=MeetingMode.VIDEO,
            topics=f"{TOPICS} {index}",
            next_steps=NEXT_STEPS,
            logged_by=mentee,
        )
    CheckIn.objects.create(
        pairing=pairing,
        respondent=mentee,
        due_on=today - timedelta(days=1),
        submitted_at=timezone.now(),
        satisfaction=4,
        progress=3,
        comment="Helpful so far",
    )


def test_the_mentee_sees_her_plan_meetings_and_check_ins(client_for, officer, mentor):
    pairing = pair_for(officer, mentor)
    _fill(pairing, officer)

    content = client_for(officer).get(f"/en/mentoring/pairs/{pairing.pk}/").content.decode()

    assert "Lead the regional task force 0" in content
    assert "Named deputy lead" in content
    assert "Shadow the lead 0" in content
    assert f"{TOPICS} 0" in content
    assert NEXT_STEPS in content
    assert "Satisfaction 4/5, progress 3/5" in content
    assert "Log a meeting" in content
    assert "Add a goal" in content
    # Marking the plan reviewed is the mentor's (or staff's), not the mentee's.
    assert "Mark the plan reviewed" not in content


def test_the_mentor_sees_the_meetings_but_not_the_mentees_check_in_answers(
    client_for, officer, mentor
):
    pairing = pair_for(officer, mentor)
    _fill(pairing, officer)

    content = client_for(mentor).get(f"/en/mentoring/pairs/{pairing.pk}/").content.decode()

    assert f"{TOPICS} 0" in content
    assert "Mark the plan reviewed" in content
    assert "Satisfaction 4/5" not in content
    assert "Helpful so far" not in content


def test_staff_see_everything_but_may_not_edit_the_plan(client_for, officer, staff):
    pairing = pair_for(officer)
    _fill(pairing, officer)

    content = client_for(staff).get(f"/en/mentoring/pairs/{pairing.pk}/").content.decode()

    assert f"{TOPICS} 0" in content
    assert "Satisfaction 4/5, progress 3/5" in content
    assert "Helpful so far" in content
    assert "Mark the plan reviewed" in content
    assert "Add a goal" not in content
    assert "Log a meeting" not in content


def test_the_focal_point_sees_the_plan_and_dates_but_not_what_was_said(
    client_for, officer, focal_point
):
    pairing = pair_for(officer)
    _fill(pairing, officer)

    content = client_for(focal_point).get(f"/en/mentoring/pairs/{pairing.pk}/").content.decode()

    assert "Lead the regional task force 0" in content
    assert "45" in content
    assert TOPICS not in content
    assert NEXT_STEPS not in content
    assert "Satisfaction" not in content
    assert "Helpful so far" not in content
    assert "you see the dates only" in content


def test_another_countrys_focal_point_and_another_mentor_get_404(
    client_for, officer, outsider, mentor
):
    pairing = pair_for(officer)
    pair_for(make_officer(officer.profile.country), mentor)

    assert client_for(outsider).get(f"/en/mentoring/pairs/{pairing.pk}/").status_code == 404
    assert client_for(mentor).get(f"/en/mentoring/pairs/{pairing.pk}/").status_code == 404


def test_a_proposed_pair_is_hidden_from_its_future_sides(client_for, officer, mentor, staff):
    pairing = pair_for(officer, mentor, status=PairingStatus.PROPOSED, published_at=None)

    assert client_for(officer).get(f"/en/mentoring/pairs/{pairing.pk}/").status_code == 404
    assert client_for(mentor).get(f"/en/mentoring/pairs/{pairing.pk}/").status_code == 404
    assert client_for(staff).get(f"/en/mentoring/pairs/{pairing.pk}/").status_code == 200


def test_an_ended_pair_is_read_only(client_for, officer, mentor):
    pairing = pair_for(officer, mentor, status=PairingStatus.ENDED_EARLY)
    _fill(pairing, officer)

    content = client_for(mentor).get(f"/en/mentoring/pairs/{pairing.pk}/").content.decode()

    assert f"{TOPICS} 0" in content
    assert "Log a meeting" not in content
    assert "Mark the plan reviewed" not in content


def test_the_pair_page_in_arabic_names_the_mentee_in_arabic_script(client_for, officer, mentor):
    pairing = pair_for(officer, mentor)

    content = client_for(officer).get(f"/ar/mentoring/pairs/{pairing.pk}/").content.decode()

    assert "ليلى حداد" in content


@pytest.mark.parametrize("rows", [1, 8])
def test_the_pair_page_queries_do_not_grow_with_goals_and_meetings(
    client_for, officer, mentor, django_assert_max_num_queries, rows
):
    pairing = pair_for(officer, mentor)
    _fill(pairing, officer, meetings=rows, goals=rows)
    client = client_for(officer)

    # session, user, roles, the pair (with plan, cohort, people), goals, milestones, meetings,
    # own notes, check-ins; and the learning path when it exists.
    with django_assert_max_num_queries(14):
        response = client.get(f"/en/mentoring/pairs/{pairing.pk}/")
    assert response.content.decode().count("Lead the regional task force") == rows
