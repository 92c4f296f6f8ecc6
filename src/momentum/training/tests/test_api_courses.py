"""GET /api/v1/courses and /api/v1/courses/{id}: the catalogue for any signed-in caller."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from momentum.core.tests.factories import AreaOfWorkFactory
from momentum.training.models import Track
from momentum.training.services.catalogue import save_course
from momentum.training.tests.factories import CourseFactory

pytestmark = pytest.mark.django_db

URL = "/api/v1/courses"


def _codes(response) -> list[str]:  # type: ignore[no-untyped-def]
    assert response.status_code == 200, response.content
    return [course["code"] for course in response.json()["items"]]


def test_a_course_comes_with_its_titles_in_the_callers_language_and_all_three(client_for, officer):
    course = CourseFactory(
        code="sltd-101",
        title_en="Border screening with SLTD",
        title_fr="Contrôle aux frontières avec SLTD",
        title_ar="التدقيق على الحدود",
        track=Track.INTERPOL_CAPABILITIES,
        certificate_validity_years=4,
    )
    course.target_areas.add(AreaOfWorkFactory(code="border-management"))

    response = client_for(officer).get(URL, headers={"accept-language": "ar"})

    (item,) = response.json()["items"]
    assert item["id"] == course.pk
    assert item["title"] == "التدقيق على الحدود"
    assert (item["title_ar"], item["title_fr"], item["title_en"]) == (
        "التدقيق على الحدود",
        "Contrôle aux frontières avec SLTD",
        "Border screening with SLTD",
    )
    assert item["track"] == "interpol_capabilities"
    assert item["target_areas"] == ["border-management"]
    assert item["certificate_validity_years"] == 4
    assert item["next_session_on"] is None
    english = client_for(officer).get(URL, headers={"accept-language": "en"}).json()
    assert english["items"][0]["title"] == "Border screening with SLTD"


def test_search_and_track_filter(client_for, staff, officer):
    common = {"delivery": "online", "duration_hours": 8}
    save_course(
        by=staff,
        code="gsp",
        title_en="Gender-sensitive policing",
        title_fr="Police sensible au genre",
        title_ar="برنامج الشرطة المراعية للنوع الاجتماعي",
        track=Track.GENDER_SENSITIVE,
        **common,
    )
    save_course(
        by=staff,
        code="lead",
        title_en="Leadership",
        title_fr="Sécurité et leadership",
        title_ar="القيادة",
        track=Track.LEADERSHIP,
        **common,
    )
    client = client_for(officer)

    assert _codes(client.get(URL, {"q": "البرنامج"})) == ["gsp"]
    assert _codes(client.get(URL, {"q": "securite"})) == ["lead"]
    assert _codes(client.get(URL, {"track": "leadership"})) == ["lead"]
    assert client.get(URL, {"track": "astrology"}).status_code == 422


def test_a_course_out_of_the_catalogue_is_not_listed_and_404_but_for_staff(
    client_for, officer, staff
):
    retired = CourseFactory(code="retired", is_active=False)

    assert _codes(client_for(officer).get(URL)) == []
    response = client_for(officer).get(f"{URL}/{retired.pk}")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"
    assert client_for(staff).get(f"{URL}/{retired.pk}").json()["code"] == "retired"


def test_one_course(client_for, officer):
    basics = CourseFactory(code="basics")
    course = CourseFactory(code="advanced", target_rank_levels=["mid"])
    course.prerequisites.add(basics)

    response = client_for(officer).get(f"{URL}/{course.pk}")

    assert response.status_code == 200
    body = response.json()
    assert body["prerequisites"] == ["basics"]
    assert body["target_rank_levels"] == ["mid"]


def test_an_anonymous_caller_gets_401_in_the_error_shape(client):
    response = client.get(URL)

    assert response.status_code == 401
    assert response.json()["error"]["code"] == "unauthorized"


def test_the_list_is_paginated(client_for, officer):
    for number in range(55):
        CourseFactory(code=f"c-{number:02}")

    body = client_for(officer).get(URL).json()

    assert body["count"] == 55
    assert len(body["items"]) == 50


def test_queries_do_not_grow_with_courses(client_for, officer):
    """session, user, roles, count, the page of courses, their target areas, their
    prerequisites."""
    client = client_for(officer)

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(URL).status_code == 200
        return len(queries)

    CourseFactory()
    few = count()
    area = AreaOfWorkFactory()
    for _ in range(20):
        course = CourseFactory()
        course.target_areas.add(area)
        course.prerequisites.add(CourseFactory())
    many = count()

    assert many == few
    assert few <= 7
