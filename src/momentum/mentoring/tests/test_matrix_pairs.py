"""Who may use the routes of the pair's work (see tests/test_authorization_matrix.py).

The records: an active pair whose mentee is Leila (the officer of Jordan) and whose mentor is
someone else; the ``mentor`` persona mentors another pair (so this pair is not theirs: 404).
The pair has a goal with a milestone and a check-in of Leila's that is due.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

import pytest
from django.utils import timezone

from momentum.core.tests.matrix import PERSONAS, request_as
from momentum.mentoring.models import CheckIn, Milestone, PlanGoal
from momentum.mentoring.tests.factories import female_officer_profile, pair_for

# fmt: off
#                                     anon off  fp  out stf don trn men mod brd
MATRIX: dict[str, tuple[int, ...]] = {
    "mentoring:pair":                (302, 200, 200, 404, 200, 404, 404, 404, 404, 404),
    "mentoring:plan_edit":           (302, 200, 403, 404, 403, 404, 404, 404, 404, 404),
    "mentoring:plan_review":         (302, 403, 403, 404, 302, 404, 404, 404, 404, 404),
    "mentoring:goal_new":            (302, 200, 403, 404, 403, 404, 404, 404, 404, 404),
    "mentoring:goal_edit":           (302, 200, 403, 404, 403, 404, 404, 404, 404, 404),
    "mentoring:milestone_new":       (302, 200, 403, 404, 403, 404, 404, 404, 404, 404),
    "mentoring:milestone_edit":      (302, 200, 403, 404, 403, 404, 404, 404, 404, 404),
    "mentoring:meeting_new":         (302, 200, 403, 404, 403, 404, 404, 404, 404, 404),
    "mentoring:check_in":            (302, 200, 403, 404, 403, 404, 404, 404, 404, 404),
    "mentoring:my_mentees":          (302, 403, 403, 403, 403, 403, 403, 200, 403, 403),
    "mentoring:cohort_health":       (302, 403, 403, 403, 200, 403, 403, 403, 403, 403),
}
# fmt: on


@dataclass(frozen=True)
class World:
    pair: int
    cohort: int
    goal: int
    milestone: int
    check_in: int
    mentor: object


ROUTES = {
    "mentoring:pair": ("get", lambda w: f"/en/mentoring/pairs/{w.pair}/"),
    "mentoring:plan_edit": ("get", lambda w: f"/en/mentoring/pairs/{w.pair}/plan/"),
    "mentoring:plan_review": ("post", lambda w: f"/en/mentoring/pairs/{w.pair}/plan/review/"),
    "mentoring:goal_new": ("get", lambda w: f"/en/mentoring/pairs/{w.pair}/goals/new/"),
    "mentoring:goal_edit": ("get", lambda w: f"/en/mentoring/goals/{w.goal}/edit/"),
    "mentoring:milestone_new": (
        "get",
        lambda w: f"/en/mentoring/goals/{w.goal}/milestones/new/",
    ),
    "mentoring:milestone_edit": ("get", lambda w: f"/en/mentoring/milestones/{w.milestone}/edit/"),
    "mentoring:meeting_new": ("get", lambda w: f"/en/mentoring/pairs/{w.pair}/meetings/new/"),
    "mentoring:check_in": ("get", lambda w: f"/en/mentoring/check-ins/{w.check_in}/"),
    "mentoring:my_mentees": ("get", lambda w: "/en/mentoring/mentees/"),
    "mentoring:cohort_health": ("get", lambda w: f"/en/mentoring/cohorts/{w.cohort}/health/"),
}


@pytest.fixture
def world(officer, mentor, jordan) -> World:  # type: ignore[no-untyped-def]
    pairing = pair_for(officer)
    # The mentor persona mentors someone else, in the same cohort.
    pair_for(female_officer_profile(jordan).user, mentor, cohort=pairing.cohort)
    goal = PlanGoal.objects.create(plan=pairing.plan, title="Lead the task force")
    milestone = Milestone.objects.create(goal=goal, title="Shadow the lead")
    check_in = CheckIn.objects.create(
        pairing=pairing, respondent=officer, due_on=timezone.localdate() - timedelta(days=1)
    )
    return World(
        pair=pairing.pk,
        cohort=pairing.cohort_id,
        goal=goal.pk,
        milestone=milestone.pk,
        check_in=check_in.pk,
        mentor=pairing.mentor.user,
    )


def test_every_route_has_a_request():
    assert ROUTES.keys() == MATRIX.keys()


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(MATRIX))
@pytest.mark.parametrize("persona", PERSONAS)
def test_each_persona_gets_the_expected_answer(client, request, world, name, persona):
    method, url = ROUTES[name]

    response = request_as(client, request, persona, method, url(world))

    assert response.status_code == MATRIX[name][PERSONAS.index(persona)]
    if persona == "anonymous" and response.status_code == 302:
        assert "/accounts/login/" in response["Location"]


@pytest.mark.django_db
def test_the_pairs_own_mentor_uses_the_pair_routes(client, world):
    client.force_login(world.mentor)
    expected = {
        "mentoring:pair": 200,
        "mentoring:plan_edit": 200,
        "mentoring:plan_review": 302,
        "mentoring:goal_new": 200,
        "mentoring:goal_edit": 200,
        "mentoring:milestone_new": 200,
        "mentoring:milestone_edit": 200,
        "mentoring:meeting_new": 200,
        # The check-in is Leila's: her mentor sees the pair but may not answer it.
        "mentoring:check_in": 403,
        "mentoring:my_mentees": 200,
        "mentoring:cohort_health": 403,
    }

    got = {
        name: getattr(client, method)(url(world)).status_code
        for name, (method, url) in ROUTES.items()
    }

    assert got == expected
