"""A panel member's page: the cohort's applications once nationally endorsed, her own
reviews only, and her progress."""

from __future__ import annotations

import pytest

from momentum.core.tests.factories import CountryFactory
from momentum.mentoring.models import ApplicationStatus, CohortStatus
from momentum.mentoring.tests.factories import (
    CohortFactory,
    endorsed_application,
    panelist_for,
    review_of,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def cohort():
    return CohortFactory(status=CohortStatus.SELECTION)


@pytest.fixture
def panelist(cohort):
    return panelist_for(cohort)


def _url(cohort):
    return f"/en/mentoring/cohorts/{cohort.pk}/panel/"


def test_she_sees_the_endorsed_applications_and_not_the_others(client_for, cohort, panelist):
    endorsed = endorsed_application(cohort)
    offered = endorsed_application(cohort, status=ApplicationStatus.OFFERED)
    waiting = endorsed_application(cohort, status=ApplicationStatus.SUPERVISOR_ENDORSED)
    withdrawn = endorsed_application(cohort, status=ApplicationStatus.WITHDRAWN)

    response = client_for(panelist).get(_url(cohort))

    content = response.content.decode()
    assert response.status_code == 200
    assert f'id="application-{endorsed.pk}"' in content
    assert f'id="application-{offered.pk}"' in content
    assert f'id="application-{waiting.pk}"' not in content
    assert f'id="application-{withdrawn.pk}"' not in content


def test_her_progress_counts_her_reviews(client_for, cohort, panelist):
    first, second, _third = (endorsed_application(cohort) for _ in range(3))
    review_of(first, panelist, [4, 7])
    review_of(second, panelist, conflict=True)

    response = client_for(panelist).get(_url(cohort))

    queue = response.context["queue"]
    assert (queue.done, queue.to_do) == (2, 1)
    content = response.content.decode()
    assert "You have reviewed 2 of 3 applications." in content
    assert "Conflict of interest declared" in content


def test_she_sees_her_own_total_and_never_another_panelists(client_for, cohort, panelist):
    application = endorsed_application(cohort)
    review_of(application, panelist, [4, 7])  # 76.67
    review_of(application, panelist_for(cohort), [1, 3])  # (0.4 + 0.3) / 3 = 23.33

    content = client_for(panelist).get(_url(cohort)).content.decode()

    assert "76.67" in content
    assert "23.33" not in content
    # Nor the aggregate (the mean, 50.00).
    assert "50.00" not in content


def test_staff_off_the_panel_are_sent_to_the_selection_board(client_for, cohort, staff):
    response = client_for(staff).get(_url(cohort))

    assert response.status_code == 302
    assert response["Location"] == f"/en/mentoring/cohorts/{cohort.pk}/selection/"


def test_a_panel_member_of_another_cohort_is_refused(client_for, cohort):
    elsewhere = panelist_for(CohortFactory())

    assert client_for(elsewhere).get(_url(cohort)).status_code == 403


def test_a_focal_point_is_refused(client_for, cohort, focal_point):
    assert client_for(focal_point).get(_url(cohort)).status_code == 403


def test_the_page_says_when_scoring_is_closed(client_for, panelist, cohort):
    application = endorsed_application(cohort)
    type(cohort).objects.filter(pk=cohort.pk).update(status=CohortStatus.MATCHING)

    response = client_for(panelist).get(_url(cohort))

    content = response.content.decode()
    assert "Scoring is closed" in content
    assert response.context["queue"].rows[0].application == application
    assert not response.context["queue"].rows[0].can_score


def _fill(cohort, panelist, count):
    countries = [CountryFactory(code=code) for code in ("JO", "MA", "TN", "LB", "EG", "IQ", "PS")]
    for index in range(count):
        application = endorsed_application(cohort, countries[index % len(countries)])
        if index % 2:
            review_of(application, panelist, [index % 6, index % 11], aggregate=False)


# session, user (with whether she sits on any panel), roles, the cohort (+ its areas, places,
# criteria), this cohort's panel seat, the applications, her reviews, their scores, and the
# layout's menu and notifications.
PANEL_PAGE_QUERIES = 12


def test_the_page_answers_in_the_same_number_of_queries_whatever_the_rows(
    client_for, cohort, panelist, django_assert_num_queries
):
    client = client_for(panelist)
    _fill(cohort, panelist, 3)
    client.get(_url(cohort))
    with django_assert_num_queries(PANEL_PAGE_QUERIES):
        client.get(_url(cohort))
    _fill(cohort, panelist, 40)

    with django_assert_num_queries(PANEL_PAGE_QUERIES):
        response = client.get(_url(cohort))

    assert len(response.context["queue"].rows) == 43


def test_the_panel_is_called_to_score_with_a_link_to_its_page(cohort, panelist):
    from momentum.core.models import Notification
    from momentum.mentoring.services.selection import tell_panel

    endorsed_application(cohort)
    endorsed_application(cohort)

    assert tell_panel(cohort=cohort) == 1

    notification = Notification.objects.get(recipient=panelist, kind="mentoring.panel_call")
    assert notification.url == f"/mentoring/cohorts/{cohort.pk}/panel/"
    assert "2 applications" in notification.message["en"]
