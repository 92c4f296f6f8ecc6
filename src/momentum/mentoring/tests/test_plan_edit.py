"""The mentee and her mentor write the development plan: its summary, goals (measure, target
date, status, evidence) and milestones; a stale edit is refused; the mentor or staff mark it
reviewed."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from momentum.core.models import AuditEntry
from momentum.mentoring.models import GoalStatus, Milestone, PairingStatus, PlanGoal
from momentum.mentoring.services import pairs as services
from momentum.mentoring.tests.factories import pair_for

pytestmark = pytest.mark.django_db


def _goal(pairing, **fields):  # type: ignore[no-untyped-def]
    return PlanGoal.objects.create(plan=pairing.plan, title=fields.pop("title", "Lead"), **fields)


def test_the_mentee_edits_the_summary_and_the_version_moves_on(officer):
    pairing = pair_for(officer)
    plan = pairing.plan

    saved = services.update_plan_summary(
        plan=plan, by=officer, summary="  Lead a task force.  ", expected_version=plan.version
    )

    assert saved.summary == "Lead a task force."
    assert saved.version == 2
    assert AuditEntry.objects.filter(verb="mentoring.plan_changed", actor=officer).count() == 1


def test_a_stale_summary_edit_is_refused(officer, mentor):
    pairing = pair_for(officer, mentor)
    plan = pairing.plan
    services.update_plan_summary(plan=plan, by=mentor, summary="Mentor's", expected_version=1)

    with pytest.raises(ValidationError) as refusal:
        services.update_plan_summary(plan=plan, by=officer, summary="Mine", expected_version=1)

    assert "Someone else saved this plan" in refusal.value.messages[0]
    plan.refresh_from_db()
    assert plan.summary == "Mentor's"


def test_the_mentor_adds_a_goal_with_its_measure_and_date(officer, mentor):
    pairing = pair_for(officer, mentor)
    target = timezone.localdate() + timedelta(days=300)

    goal = services.add_goal(
        plan=pairing.plan,
        by=mentor,
        title="Speak at IAWP",
        measure="A talk given",
        target_date=target,
    )

    assert (goal.title, goal.measure, goal.target_date, goal.status) == (
        "Speak at IAWP",
        "A talk given",
        target,
        GoalStatus.NOT_STARTED,
    )


def test_a_goal_needs_a_title(officer):
    pairing = pair_for(officer)

    with pytest.raises(ValidationError) as refusal:
        services.add_goal(plan=pairing.plan, by=officer, title="   ")

    assert refusal.value.message_dict == {"title": ["Name the goal."]}


def test_an_achieved_goal_needs_its_evidence(officer):
    pairing = pair_for(officer)
    goal = _goal(pairing)

    with pytest.raises(ValidationError) as refusal:
        services.update_goal(
            goal=goal, by=officer, data={"status": GoalStatus.ACHIEVED}, expected_version=1
        )
    assert "evidence" in refusal.value.message_dict

    saved = services.update_goal(
        goal=goal,
        by=officer,
        data={"status": GoalStatus.ACHIEVED, "evidence": "Led the May operation"},
        expected_version=1,
    )
    assert saved.status == GoalStatus.ACHIEVED
    assert saved.version == 2


def test_a_stale_goal_edit_is_refused(officer, mentor):
    pairing = pair_for(officer, mentor)
    goal = _goal(pairing)
    services.update_goal(goal=goal, by=mentor, data={"title": "Lead a unit"}, expected_version=1)

    with pytest.raises(ValidationError) as refusal:
        services.update_goal(goal=goal, by=officer, data={"title": "Mine"}, expected_version=1)

    assert "Someone else saved this goal" in refusal.value.messages[0]
    goal.refresh_from_db()
    assert goal.title == "Lead a unit"


def test_milestones_are_added_and_marked_done(officer):
    pairing = pair_for(officer)
    goal = _goal(pairing)
    today = timezone.localdate()

    milestone = services.add_milestone(
        goal=goal, by=officer, title="Shadow the lead", due_on=today, expected_goal_version=1
    )
    services.update_milestone(
        milestone=milestone,
        by=officer,
        title="Shadow the lead",
        due_on=today,
        done_on=today,
        expected_goal_version=2,
    )

    milestone.refresh_from_db()
    assert milestone.done_on == today


def test_a_milestone_cannot_be_done_in_the_future(officer):
    pairing = pair_for(officer)
    goal = _goal(pairing)

    with pytest.raises(ValidationError) as refusal:
        services.add_milestone(
            goal=goal,
            by=officer,
            title="Shadow",
            done_on=timezone.localdate() + timedelta(days=1),
        )
    assert "done_on" in refusal.value.message_dict
    assert not Milestone.objects.exists()


def test_staff_and_focal_points_may_not_edit_the_plan(officer, staff, focal_point):
    pairing = pair_for(officer)

    for person in (staff, focal_point):
        with pytest.raises(PermissionDenied):
            services.add_goal(plan=pairing.plan, by=person, title="Theirs")
    assert not PlanGoal.objects.exists()


def test_an_ended_pairs_plan_is_read_only(officer):
    pairing = pair_for(officer, status=PairingStatus.COMPLETED)

    with pytest.raises(PermissionDenied):
        services.add_goal(plan=pairing.plan, by=officer, title="Late goal")


def test_the_mentor_marks_the_plan_reviewed(officer, mentor):
    pairing = pair_for(officer, mentor)
    _goal(pairing)

    plan = services.mark_plan_reviewed(plan=pairing.plan, by=mentor)

    assert plan.reviewed_by == mentor
    assert plan.reviewed_at is not None
    assert AuditEntry.objects.filter(verb="mentoring.plan_reviewed").exists()


def test_the_mentee_may_not_mark_her_own_plan_reviewed(officer):
    pairing = pair_for(officer)
    _goal(pairing)

    with pytest.raises(PermissionDenied):
        services.mark_plan_reviewed(plan=pairing.plan, by=officer)


def test_an_empty_plan_cannot_be_reviewed(officer, staff):
    pairing = pair_for(officer)

    with pytest.raises(ValidationError) as refusal:
        services.mark_plan_reviewed(plan=pairing.plan, by=staff)
    assert refusal.value.messages == [
        "Add at least one goal to the plan before marking it reviewed."
    ]


# --- the pages ---


def test_the_goal_page_saves_a_status_change(client_for, officer):
    pairing = pair_for(officer)
    goal = _goal(pairing)

    response = client_for(officer).post(
        f"/en/mentoring/goals/{goal.pk}/edit/",
        {"title": "Lead", "status": GoalStatus.IN_PROGRESS, "version": 1},
    )

    assert response.status_code == 302
    assert response["Location"].endswith(f"/en/mentoring/pairs/{pairing.pk}/#goal-{goal.pk}")
    goal.refresh_from_db()
    assert goal.status == GoalStatus.IN_PROGRESS


def test_the_goal_page_shows_a_stale_edit_above_the_form(client_for, officer):
    pairing = pair_for(officer)
    goal = _goal(pairing)
    PlanGoal.objects.filter(pk=goal.pk).update(version=5, title="Changed elsewhere")

    response = client_for(officer).post(
        f"/en/mentoring/goals/{goal.pk}/edit/",
        {"title": "Mine", "status": GoalStatus.IN_PROGRESS, "version": 1},
    )

    assert response.status_code == 200
    assert "Someone else saved this goal" in response.content.decode()
    goal.refresh_from_db()
    assert goal.title == "Changed elsewhere"


def test_the_summary_page_keeps_what_was_typed_on_a_stale_edit(client_for, officer):
    pairing = pair_for(officer)
    pairing.plan.version = 3
    pairing.plan.save()

    response = client_for(officer).post(
        f"/en/mentoring/pairs/{pairing.pk}/plan/", {"summary": "Typed text", "version": 1}
    )

    content = response.content.decode()
    assert "Someone else saved this plan" in content
    assert "Typed text" in content


def test_the_review_button_redirects_with_a_message(client_for, officer, mentor):
    pairing = pair_for(officer, mentor)
    _goal(pairing)

    response = client_for(mentor).post(
        f"/en/mentoring/pairs/{pairing.pk}/plan/review/", follow=True
    )

    assert "The plan is marked as reviewed." in response.content.decode()
    pairing.plan.refresh_from_db()
    assert pairing.plan.reviewed_by == mentor


def test_new_goal_and_milestone_pages_add_them(client_for, officer):
    pairing = pair_for(officer)
    client = client_for(officer)

    client.post(
        f"/en/mentoring/pairs/{pairing.pk}/goals/new/",
        {"title": "Speak at the symposium", "status": GoalStatus.NOT_STARTED},
    )
    goal = PlanGoal.objects.get(plan=pairing.plan)
    client.post(
        f"/en/mentoring/goals/{goal.pk}/milestones/new/",
        {"title": "Submit the abstract", "due_on": "2030-01-15", "goal_version": goal.version},
    )

    milestone = Milestone.objects.get(goal=goal)
    assert milestone.title == "Submit the abstract"
    content = client.get(f"/en/mentoring/pairs/{pairing.pk}/").content.decode()
    assert "Speak at the symposium" in content
    assert "Submit the abstract" in content
