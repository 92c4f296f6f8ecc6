"""The matching review page: each proposed pair with its score and why, a "change mentor" list
of the allowed mentors ranked by score, the mentees without a mentor and why, the mentors'
places left and the published pairs; a constant number of queries however many rows."""

from __future__ import annotations

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from momentum.core.tests.factories import AreaOfWorkFactory
from momentum.mentoring.models import PairingStatus
from momentum.mentoring.services import matching as services
from momentum.mentoring.tests.factories import (
    MentorProfileFactory,
    PairingFactory,
    matching_cohort,
    mentee,
    thematic_area,
)

pytestmark = pytest.mark.django_db


def _url(cohort):  # type: ignore[no-untyped-def]
    return f"/en/mentoring/cohorts/{cohort.pk}/matching/"


def _world(mentees: int, mentors: int, jordan, morocco):  # type: ignore[no-untyped-def]
    areas = [thematic_area(code) for code in ("border", "cyber", "fraud", "trafficking")]
    work = [AreaOfWorkFactory(code=code) for code in ("investigations", "forensics")]
    cohort = matching_cohort()
    for index in range(mentees):
        mentee(
            cohort,
            (jordan, morocco)[index % 2],
            goal_areas=areas[index % 4 : index % 4 + 2],
            work_areas=work[index % 2 :],
            wants_leadership=index % 3 == 0,
            languages=[("ar", "fr", "en")[index % 3], "en"] if index % 7 else ["fr"],
        )
    for index in range(mentors):
        MentorProfileFactory(
            capacity=2,
            expertise=areas[index % 4 :],
            work_areas=work[: index % 2 + 1],
            leads_leadership=index % 2 == 0,
            languages=["ar", "en"] if index % 2 else ["en"],
        )
    return cohort


def test_the_page_shows_each_pair_with_its_breakdown_and_the_allowed_mentors(
    client_for, staff, jordan
):
    border = thematic_area("border")
    cohort = matching_cohort()
    leila = mentee(cohort, jordan, goal_areas=[border], languages=["ar"])
    expert = MentorProfileFactory(capacity=1, expertise=[border], languages=["ar"])
    other = MentorProfileFactory(capacity=1, languages=["ar", "en"])
    MentorProfileFactory(capacity=1, languages=["fr"])  # not allowed for her: no language
    MentorProfileFactory(capacity=1, agency=leila.applicant.agency)  # her own agency
    services.propose_matches(cohort=cohort, by=staff)

    page = client_for(staff).get(_url(cohort)).content.decode()

    row = page[page.index(f'id="proposed-{leila.pk}"') : page.index(f'id="mentor-for-{leila.pk}"')]
    assert expert.user.display_name() in row
    # Default weights 40/25/20/15: her one goal is his expertise (40), the rest neutral.
    assert "<strong>70.0</strong>" in row
    assert (
        '<tr data-criterion="goals"><th scope="row">Goals and expertise</th>'
        '<td class="num">40</td><td class="num">1.00</td><td class="num">40.0</td>'
    ) in row
    assert "Goals within the mentor&#x27;s expertise: 1 of 1." in page
    select = page[page.index(f'id="mentor-for-{leila.pk}"') :]
    select = select[: select.index("</select>")]
    options = re.findall(r'<option value="(\d+)"', select)
    # Only the allowed mentors, the best first (her own, with his place counted as hers).
    assert options == [str(expert.pk), str(other.pk)]
    assert "the current mentor" in select
    assert "1 proposed pair, total score" in page


def test_unmatched_mentees_are_listed_with_the_reason(client_for, staff, jordan):
    cohort = matching_cohort()
    amira = mentee(cohort, jordan, languages=["fr"])
    MentorProfileFactory(capacity=1, languages=["ar"])
    services.propose_matches(cohort=cohort, by=staff)

    page = client_for(staff).get(_url(cohort)).content.decode()

    row = page[page.index(f'id="unmatched-{amira.pk}"') :]
    assert "1 mentor shares no working language with her." in row[: row.index("</tr>")]


def test_the_page_lists_published_pairs_with_an_end_early_action(client_for, staff, jordan):
    cohort = matching_cohort()
    pairing = PairingFactory(mentee=mentee(cohort, jordan))

    page = client_for(staff).get(_url(cohort)).content.decode()

    assert f"/en/mentoring/matching/pairs/{pairing.pk}/end-early/" in page
    assert pairing.status == PairingStatus.ACTIVE


def test_the_matching_run_from_the_page_proposes_and_reports(client_for, staff, jordan):
    cohort = matching_cohort()
    mentee(cohort, jordan)
    mentee(cohort, jordan, languages=["fr"])
    MentorProfileFactory(capacity=3)

    response = client_for(staff).post(f"{_url(cohort)}run/", follow=True)

    content = response.content.decode()
    assert "1 pair proposed, with a total score of 50.0." in content
    assert "1 mentee has no mentor yet" in content


def _count_queries(client, cohort) -> int:  # type: ignore[no-untyped-def]
    with CaptureQueriesContext(connection) as context:
        response = client.get(_url(cohort))
    assert response.status_code == 200
    return len(context.captured_queries)


def test_queries_do_not_grow_with_mentees_and_mentors(
    client_for, staff, jordan, morocco, django_assert_max_num_queries
):
    client = client_for(staff)
    small = _world(2, 2, jordan, morocco)
    services.propose_matches(cohort=small, by=staff)
    large = _world(50, 20, jordan, morocco)
    services.propose_matches(cohort=large, by=staff)
    PairingFactory(mentee=mentee(large, jordan))
    client.get(_url(small))  # the session and the roles, read once

    # Session, user and roles (3); the cohort (1); the accepted applications (1) with their
    # goal areas, areas of work and preferred mentors (3); the current pairs (1); the mentors
    # (1) with their expertise and areas of work (2); the messages and the navigation (≤ 3).
    with django_assert_max_num_queries(15):
        response = client.get(_url(large))
    assert response.content.decode().count('id="proposed-') >= 30
    assert _count_queries(client, small) == _count_queries(client, large)
