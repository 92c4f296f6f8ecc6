"""The catalogue page: every course links to its page, filters are shown, pages of twenty,
queries bounded."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from momentum.core.tests.factories import AreaOfWorkFactory
from momentum.training.models import Delivery, SessionStatus, Track
from momentum.training.tests.factories import CourseFactory, SessionFactory

pytestmark = pytest.mark.django_db

URL = "/en/training/"


def _codes(response) -> list[str]:  # type: ignore[no-untyped-def]
    assert response.status_code == 200
    return [course.code for course in response.context["page"]]


def test_each_course_links_to_its_page_and_the_filters_are_labelled(client_for, officer):
    course = CourseFactory(code="osint-201", title_en="Open-source investigations")

    content = client_for(officer).get(URL).content.decode()

    assert f'href="/en/training/courses/{course.pk}/"' in content
    assert "Open-source investigations" in content
    for label in ('for="id_q">Search', 'for="id_track">Track', 'for="id_delivery">Delivery'):
        assert label in content


def test_the_next_open_session_is_shown_but_not_a_draft_or_cancelled_one(client_for, officer):
    course = CourseFactory()
    today = timezone.localdate()
    SessionFactory(course=course, starts_on=today + timedelta(days=5), status=SessionStatus.DRAFT)
    SessionFactory(
        course=course, starts_on=today + timedelta(days=7), status=SessionStatus.CANCELLED
    )
    SessionFactory(course=course, starts_on=today - timedelta(days=9), status=SessionStatus.CLOSED)
    SessionFactory(course=course, starts_on=today + timedelta(days=20), status=SessionStatus.OPEN)

    response = client_for(officer).get(URL)

    (listed,) = response.context["page"]
    assert listed.next_session_on == today + timedelta(days=20)


def test_filters_by_track_and_delivery(client_for, officer):
    CourseFactory(code="lead", track=Track.LEADERSHIP, delivery=Delivery.BLENDED)
    CourseFactory(code="osint", track=Track.CRIME_SPECIFIC, delivery=Delivery.ONLINE)
    CourseFactory(code="sltd", track=Track.INTERPOL_CAPABILITIES, delivery=Delivery.IN_PERSON)
    client = client_for(officer)

    assert _codes(client.get(URL, {"track": Track.LEADERSHIP})) == ["lead"]
    assert _codes(client.get(URL, {"delivery": Delivery.ONLINE})) == ["osint"]


def test_courses_out_of_the_catalogue_are_shown_to_staff_only(client_for, officer, staff):
    CourseFactory(code="current")
    CourseFactory(code="retired", is_active=False)

    assert _codes(client_for(officer).get(URL)) == ["current"]
    staff_page = client_for(staff).get(URL)
    assert sorted(_codes(staff_page)) == ["current", "retired"]
    content = staff_page.content.decode()
    assert "Not in the catalogue" in content
    assert 'href="/en/training/courses/new/"' in content


def test_officers_get_no_new_course_button(client_for, officer):
    assert "/training/courses/new/" not in client_for(officer).get(URL).content.decode()


def test_htmx_gets_the_results_only(client_for, officer):
    CourseFactory(code="osint")

    response = client_for(officer).get(URL, {"q": "osint"}, headers={"HX-Request": "true"})

    assert "<html" not in response.content.decode()
    assert _codes(response) == ["osint"]


def test_the_catalogue_is_paginated_by_twenty(client_for, officer):
    for number in range(25):
        CourseFactory(code=f"course-{number:02}")
    client = client_for(officer)

    assert len(_codes(client.get(URL))) == 20
    assert len(_codes(client.get(URL, {"page": 2}))) == 5


@pytest.mark.parametrize("persona", ["officer", "staff"])
def test_queries_do_not_grow_with_courses(client_for, request, persona):
    """session, user, roles, count, the page of courses (thematic area joined, next session in
    a subquery), navigation permissions."""
    client = client_for(request.getfixturevalue(persona))

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(URL).status_code == 200
        return len(queries)

    CourseFactory()
    few = count()
    area = AreaOfWorkFactory()
    for _ in range(25):
        course = CourseFactory()
        course.target_areas.add(area)
        SessionFactory(course=course, status=SessionStatus.OPEN)
    many = count()

    assert many == few
    assert few <= 6
