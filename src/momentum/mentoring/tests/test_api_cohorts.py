"""The API of cohorts: the cohorts the caller may see, places per country, and application
counts only for the countries whose applications the caller may list."""

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


@pytest.fixture
def cohort(jordan, morocco):  # type: ignore[no-untyped-def]
    cohort = CohortFactory(code="cohort-2027", places={jordan: 4, morocco: 2})
    for country, status in [
        (jordan, ApplicationStatus.SUBMITTED),
        (jordan, ApplicationStatus.ENDORSED),
        (jordan, ApplicationStatus.ENDORSED),
        (morocco, ApplicationStatus.SUBMITTED),
    ]:
        ApplicationFactory(cohort=cohort, applicant=female_officer_profile(country), status=status)
    return cohort


def _places(body):  # type: ignore[no-untyped-def]
    return {place["country"]: place for place in body["places"]}


def test_staff_see_drafts_and_others_do_not(client_for, staff, officer, cohort):
    CohortFactory(code="draft", status=CohortStatus.DRAFT)

    staff_codes = [
        c["code"] for c in client_for(staff).get("/api/v1/mentoring/cohorts").json()["items"]
    ]
    officer_codes = [
        c["code"] for c in client_for(officer).get("/api/v1/mentoring/cohorts").json()["items"]
    ]

    assert sorted(staff_codes) == ["cohort-2027", "draft"]
    assert officer_codes == ["cohort-2027"]


def test_staff_read_every_countrys_counts(client_for, staff, cohort):
    body = client_for(staff).get(f"/api/v1/mentoring/cohorts/{cohort.pk}").json()

    places = _places(body)
    assert places["JO"]["places"] == 4
    assert places["JO"]["applications"] == {"endorsed": 2, "submitted": 1}
    assert places["JO"]["applications_total"] == 3
    assert places["MA"]["applications"] == {"submitted": 1}
    assert [criterion["name"] for criterion in body["rubric"]] == [
        "Motivation",
        "Leadership potential",
    ]


def test_a_focal_point_reads_only_her_countrys_counts(client_for, focal_point, cohort):
    body = client_for(focal_point).get("/api/v1/mentoring/cohorts").json()["items"][0]

    places = _places(body)
    assert places["JO"]["applications_total"] == 3
    assert places["MA"]["places"] == 2
    assert places["MA"]["applications"] is None
    assert places["MA"]["applications_total"] is None


def test_an_officer_reads_places_but_no_counts(client_for, officer, cohort):
    body = client_for(officer).get(f"/api/v1/mentoring/cohorts/{cohort.pk}").json()

    assert {place["country"]: place["places"] for place in body["places"]} == {"JO": 4, "MA": 2}
    assert all(place["applications"] is None for place in body["places"])
    assert body["accepts_applications"] is True


def test_a_draft_is_not_found_for_an_officer(client_for, officer):
    draft = CohortFactory(status=CohortStatus.DRAFT)

    response = client_for(officer).get(f"/api/v1/mentoring/cohorts/{draft.pk}")

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


def test_a_donor_is_refused(client_for, donor, cohort):
    response = client_for(donor).get("/api/v1/mentoring/cohorts")

    assert response.status_code == 403
    assert response.json()["error"]["code"] == "forbidden"


@pytest.mark.parametrize("extra", [0, 6])
def test_list_queries_do_not_grow(client_for, staff, jordan, morocco, cohort, extra):
    for _ in range(extra):
        CohortFactory(places={jordan: 2, morocco: 2})
    client = client_for(staff)

    with CaptureQueriesContext(connection) as queries:
        response = client.get("/api/v1/mentoring/cohorts")

    assert response.json()["count"] == 1 + extra
    # session, user, roles; count; the page of cohorts; their places; the places' countries;
    # their areas; the counts of applications
    assert len(queries) == 9, [q["sql"] for q in queries]


def test_the_routes_are_in_the_openapi_document(client):
    paths = client.get("/api/v1/openapi.json").json()["paths"]

    assert set(paths["/api/v1/mentoring/cohorts"]) == {"get"}
    assert set(paths["/api/v1/mentoring/cohorts/{cohort_id}"]) == {"get"}
    assert set(paths["/api/v1/mentoring/cohorts/{cohort_id}/applications"]) == {"post"}
    assert set(paths["/api/v1/mentoring/applications"]) == {"get"}
    assert set(paths["/api/v1/mentoring/pairs"]) == {"get"}
    assert set(paths["/api/v1/mentoring/pairs/{pair_id}/meetings"]) == {"post"}
