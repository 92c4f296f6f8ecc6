"""The cohort list and a cohort's page: the window, eligibility, places per country with the
applications counted by status, and a focal point's list of their country's applications."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from momentum.mentoring.models import ApplicationStatus, CohortStatus
from momentum.mentoring.tests.factories import (
    ApplicationFactory,
    CohortFactory,
    female_officer_profile,
)

pytestmark = pytest.mark.django_db

# The menu's items of other apps may read a little (the hub's memberships, say).
MENU_QUERIES = 3


def _url(cohort):  # type: ignore[no-untyped-def]
    return f"/en/mentoring/cohorts/{cohort.pk}/"


def test_places_per_country_count_applications_by_status(client_for, staff, jordan, morocco):
    cohort = CohortFactory(places={jordan: 4, morocco: 2})
    ApplicationFactory(cohort=cohort)
    ApplicationFactory(cohort=cohort, status=ApplicationStatus.ENDORSED)
    ApplicationFactory(cohort=cohort, status=ApplicationStatus.ENDORSED)
    ApplicationFactory(
        cohort=cohort,
        applicant=female_officer_profile(morocco),
        status=ApplicationStatus.ACCEPTED,
    )
    ApplicationFactory(status=ApplicationStatus.ENDORSED)  # another cohort's

    response = client_for(staff).get(_url(cohort))

    rows = {row.country.code: row for row in response.context["places"]}
    assert rows["JO"].places == 4
    assert rows["JO"].count(ApplicationStatus.SUBMITTED) == 1
    assert rows["JO"].count(ApplicationStatus.ENDORSED) == 2
    assert rows["JO"].total == 3
    assert rows["MA"].count(ApplicationStatus.ACCEPTED) == 1
    assert rows["MA"].total == 1


def test_the_cohort_page_queries_do_not_grow_with_applications(client_for, staff, jordan, morocco):
    cohort = CohortFactory(places={jordan: 40, morocco: 40})
    ApplicationFactory(cohort=cohort)
    client = client_for(staff)
    with CaptureQueriesContext(connection) as before:
        client.get(_url(cohort))
    for _ in range(6):
        ApplicationFactory(cohort=cohort, status=ApplicationStatus.ENDORSED)
        ApplicationFactory(cohort=cohort, applicant=female_officer_profile(morocco))

    with CaptureQueriesContext(connection) as after:
        response = client.get(_url(cohort))

    assert response.status_code == 200
    assert len(after.captured_queries) == len(before.captured_queries)


def test_the_cohort_page_for_a_focal_point_in_bounded_queries(
    client_for, focal_point, jordan, morocco, django_assert_max_num_queries
):
    cohort = CohortFactory(places={jordan: 4, morocco: 2})
    for _ in range(5):
        ApplicationFactory(cohort=cohort)
    client = client_for(focal_point)

    # session, user, roles; the cohort, its areas, places, their countries and criteria; one
    # aggregation of the applications by country and status; the reader's own application;
    # the country's applications (count, page); then what the menu reads (other apps' items).
    with django_assert_max_num_queries(12 + MENU_QUERIES):
        response = client.get(_url(cohort))

    assert [country.code for country in response.context["countries"]] == ["JO"]
    assert len(response.context["country_page"]) == 5


def test_a_focal_point_cannot_list_another_countrys_applications(client_for, outsider, jordan):
    from momentum.core.tests.factories import CountryFactory

    morocco = CountryFactory(code="MA")
    cohort = CohortFactory(places={jordan: 4, morocco: 2})
    ApplicationFactory(cohort=cohort)

    response = client_for(outsider).get(_url(cohort) + "?country=JO")
    assert response.status_code == 403
    own = client_for(outsider).get(_url(cohort))
    assert own.context["country"].code == "MA"
    assert list(own.context["country_page"]) == []


def test_an_officer_sees_places_but_not_counts_and_may_apply(client_for, officer, jordan):
    cohort = CohortFactory(places={jordan: 4})
    ApplicationFactory(cohort=cohort)

    response = client_for(officer).get(_url(cohort))

    assert response.context["sees_counts"] is False
    assert response.context["can_apply"] is True
    assert "countries" not in response.context
    assert f"/en/mentoring/cohorts/{cohort.pk}/apply/" in response.content.decode()


def test_a_cohort_being_prepared_is_hidden_from_all_but_staff(client_for, officer, staff):
    cohort = CohortFactory(status=CohortStatus.DRAFT)

    assert client_for(officer).get(_url(cohort)).status_code == 404
    assert client_for(staff).get(_url(cohort)).status_code == 200


def test_the_list_shows_announced_cohorts_in_bounded_queries(
    client_for, officer, django_assert_max_num_queries
):
    cohorts = [CohortFactory() for _ in range(5)]
    draft = CohortFactory(status=CohortStatus.DRAFT)
    ApplicationFactory(cohort=cohorts[0], applicant=officer.profile)
    client = client_for(officer)

    # session, user, roles; count and page of cohorts; her applications among them; then
    # what the menu reads.
    with django_assert_max_num_queries(6 + MENU_QUERIES):
        response = client.get("/en/mentoring/")

    listed = list(response.context["page"])
    assert draft not in listed
    assert len(listed) == 5
    assert response.context["applied"] == {cohorts[0].pk}


def test_a_panel_member_without_another_role_sees_mentoring(client_for, trainer):
    cohort = CohortFactory(panel=[trainer])

    response = client_for(trainer).get("/en/mentoring/")

    assert response.status_code == 200
    assert cohort in list(response.context["page"])


def test_the_cohort_page_reads_in_arabic(client_for, officer, jordan):
    cohort = CohortFactory(places={jordan: 4}, name_ar="دفعة ٢٠٢٦")

    response = client_for(officer).get(f"/ar/mentoring/cohorts/{cohort.pk}/")

    page = response.content.decode()
    assert 'dir="rtl"' in page
    assert "دفعة ٢٠٢٦" in page


def test_the_menu_shows_mentoring_to_officers_and_not_to_donors(client_for, officer, donor):
    assert 'href="/en/mentoring/"' in client_for(officer).get("/en/").content.decode()
    assert 'href="/en/mentoring/"' not in client_for(donor).get("/en/").content.decode()


def test_the_menu_costs_a_donor_one_query_whether_she_sits_on_a_panel(client_for, donor):
    from momentum.core.navigation import navigation_for

    class Request:
        path = "/en/"
        user = donor

    with CaptureQueriesContext(connection) as queries:
        links = navigation_for(Request())  # type: ignore[arg-type]

    assert "/en/mentoring/" not in [link.url for link in links]
    # Someone with no mentoring role may still sit on a selection panel, and then has her
    # entry: one query asks, once per request (the answer is kept on the user).
    mentoring = [q for q in queries.captured_queries if "mentoring" in q["sql"]]
    assert len(mentoring) == 1
    assert "mentoring_cohort_panel" in mentoring[0]["sql"]
