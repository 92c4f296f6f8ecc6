"""Mentoring's "what to do next" on the home page: the panel's queue, the mentor's pairs, the
focal point's endorsements; bounded queries, nothing of other people's work."""

from __future__ import annotations

import pytest

from momentum.mentoring.home import mentoring_steps
from momentum.mentoring.models import ApplicationStatus
from momentum.mentoring.tests.factories import (
    ApplicationFactory,
    CohortFactory,
    endorsed_application,
    female_officer_profile,
    pair_for,
    panelist_for,
    review_of,
)

pytestmark = pytest.mark.django_db


def test_a_panel_member_sees_what_is_left_to_score(jordan, morocco):
    cohort = CohortFactory()
    scored = endorsed_application(cohort, jordan)
    endorsed_application(cohort, morocco)
    endorsed_application(cohort, jordan)
    panelist = panelist_for(cohort)
    review_of(scored, panelist)

    steps = mentoring_steps(panelist)
    assert [(step.url, step.count) for step in steps] == [
        (f"/en/mentoring/cohorts/{cohort.pk}/panel/", 2)
    ]


def test_someone_on_no_panel_sees_no_panel(donor, jordan):
    endorsed_application(CohortFactory(), jordan)

    assert mentoring_steps(donor) == []


def test_a_mentor_sees_each_mentee_and_where_to_log_the_meeting(mentor, officer):
    pairing = pair_for(officer, mentor)

    urls = [step.url for step in mentoring_steps(mentor)]
    assert f"/en/mentoring/pairs/{pairing.pk}/" in urls


def test_a_focal_point_sees_her_countrys_applications_to_endorse_only(focal_point, jordan, morocco):
    cohort = CohortFactory()
    for country in (jordan, jordan, morocco):
        ApplicationFactory(
            cohort=cohort,
            applicant=female_officer_profile(country),
            status=ApplicationStatus.SUPERVISOR_ENDORSED,
        )

    steps = mentoring_steps(focal_point)
    assert [(step.url, step.count) for step in steps] == [
        (f"/en/mentoring/cohorts/{cohort.pk}/", 2)
    ]


@pytest.mark.parametrize("pairs", [1, 6])
def test_the_mentor_steps_cost_the_same_queries_whatever_her_pairs(
    mentor, jordan, pairs, django_assert_max_num_queries
):
    from momentum.people.tests.factories import officer as make_officer

    for _ in range(pairs):
        mentee = make_officer(jordan)
        pair_for(mentee, mentor)

    # Her roles (1), whether she sits on a panel (1), her pairs with their meetings and
    # check-ins (1).
    with django_assert_max_num_queries(3):
        steps = mentoring_steps(mentor)
    assert len({step.url for step in steps}) == pairs
