"""The home page's next steps, and the indicators registered for the results framework."""

from __future__ import annotations

import pytest

from momentum.core.indicators import get
from momentum.needs.home import needs_next_steps
from momentum.needs.models import Priority, SubmissionStatus, Visit, VisitParticipant
from momentum.needs.tests import factories

pytestmark = pytest.mark.django_db


def test_a_focal_point_sees_her_questionnaire_to_fill_and_staff_see_what_to_review(
    focal_point, staff, outsider, jordan, morocco, django_assert_max_num_queries
):
    round = factories.assessment_round()
    submission = factories.submission(round, jordan, status=SubmissionStatus.RETURNED)
    factories.submission(round, morocco, status=SubmissionStatus.SUBMITTED)

    with django_assert_max_num_queries(3):
        steps = needs_next_steps(focal_point)
    assert [step.url for step in steps] == [f"/en/needs/submissions/{submission.pk}/"]
    assert "returned with comments" in str(steps[0].text)

    staff_steps = needs_next_steps(staff)
    assert staff_steps[0].count == 1

    # Morocco's focal point is told her own questionnaire waits, never Jordan's.
    assert all(
        f"/submissions/{submission.pk}/" not in step.url for step in needs_next_steps(outsider)
    )


def test_visit_participants_are_counted_by_sex_and_country(jordan, morocco):
    round = factories.assessment_round()
    for country, sexes in ((jordan, ("female", "female", "male")), (morocco, ("male",))):
        visit = Visit.objects.create(
            round=round, country=country, starts_on="2026-03-01", ends_on="2026-03-02"
        )
        for sex in sexes:
            VisitParticipant.objects.create(visit=visit, name="x", sex=sex)

    value = get("needs.visit_participants").value()

    assert value.total == 4
    assert value.by_sex == {"female": 2, "male": 2}
    assert value.by_country == {"JO": 3, "MA": 1}


def test_personnel_counted_sums_approved_grids_by_sex_in_sql(jordan, morocco, focal_point, staff):
    from momentum.needs.models import Answer, Question

    round = factories.assessment_round()
    grid = Question.objects.get(section__questionnaire=round.questionnaire, name="personnel")
    approved = factories.submission(round, jordan, status=SubmissionStatus.ACCEPTED)
    draft = factories.submission(round, morocco)
    Answer.objects.create(
        submission=approved,
        question=grid,
        value=factories.grid(100, junior=(10, 60), senior=(2, 8)),
    )
    Answer.objects.create(
        submission=draft, question=grid, value=factories.grid(100, junior=(50, 50))
    )

    value = get("needs.personnel_counted").value()

    assert value.by_sex == {"female": 12, "male": 68}
    assert value.by_country == {"JO": 80}


def test_priority_needs_addressed_counts_those_with_a_course(jordan, staff):
    from momentum.core.tests.factories import AreaOfWorkFactory

    round = factories.assessment_round()
    Priority.objects.create(
        round=round, country=jordan, area_of_work=AreaOfWorkFactory(), marked_by=staff, course_id=5
    )
    Priority.objects.create(
        round=round, country=jordan, area_of_work=AreaOfWorkFactory(), marked_by=staff
    )

    assert get("needs.priority_needs_addressed").value().by_country == {"JO": 1}
