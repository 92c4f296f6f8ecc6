"""GET /api/v1/sessions and /api/v1/sessions/{id}: scoped exactly like the session pages."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from momentum.core.tests.factories import CountryFactory
from momentum.training.models import SessionStatus
from momentum.training.tests.factories import CourseFactory, SessionFactory

pytestmark = pytest.mark.django_db

URL = "/api/v1/sessions"


def _ids(response) -> set[int]:
    assert response.status_code == 200, response.content
    return {session["id"] for session in response.json()["items"]}


@pytest.fixture
def sessions(jordan, morocco, trainer):
    course = CourseFactory(code="sltd-101", title_en="SLTD", title_ar="قاعدة SLTD")
    return {
        "open": SessionFactory(
            course=course,
            status=SessionStatus.OPEN,
            quotas={jordan: (10, 4), morocco: (6, 6)},
            trainers=[trainer],
        ),
        "draft": SessionFactory(course=course, status=SessionStatus.DRAFT),
        "taught_draft": SessionFactory(
            course=CourseFactory(code="other"), status=SessionStatus.DRAFT, trainers=[trainer]
        ),
    }


def test_the_list_is_what_the_page_lists(client_for, officer, trainer, staff, sessions):
    for user in (officer, trainer, staff):
        client = client_for(user)
        page = {session.pk for session in client.get("/en/training/sessions/").context["page"]}
        assert _ids(client.get(URL)) == page
    assert _ids(client_for(officer).get(URL)) == {sessions["open"].pk}
    assert _ids(client_for(trainer).get(URL)) == {sessions["open"].pk, sessions["taught_draft"].pk}


def test_filters_by_status_and_course(client_for, staff, sessions):
    client = client_for(staff)

    assert _ids(client.get(URL, {"status": "draft"})) == {
        sessions["draft"].pk,
        sessions["taught_draft"].pk,
    }
    assert _ids(client.get(URL, {"course": sessions["open"].course_id})) == {
        sessions["open"].pk,
        sessions["draft"].pk,
    }
    assert client.get(URL, {"status": "postponed"}).status_code == 422


def test_a_listed_session_carries_its_course_titles_and_seats_taken(client_for, officer, sessions):
    (item,) = client_for(officer).get(URL, headers={"accept-language": "ar"}).json()["items"]

    assert item["course"] == {
        "id": sessions["open"].course_id,
        "code": "sltd-101",
        "title": "قاعدة SLTD",
        "title_ar": "قاعدة SLTD",
        "title_fr": sessions["open"].course.title_fr,
        "title_en": "SLTD",
    }
    assert item["seats_taken"] == 10
    assert item["status"] == "open"
    assert item["venue_country"] == "JO"


def test_one_session_with_each_countrys_seats_left(client_for, officer, sessions):
    session = sessions["open"]

    body = client_for(officer).get(f"{URL}/{session.pk}").json()

    assert body["quotas"] == [
        {"country": "JO", "country_name": "Jordan", "seats": 10, "selected": 4, "seats_left": 6},
        {"country": "MA", "country_name": "Morocco", "seats": 6, "selected": 6, "seats_left": 0},
    ]
    assert body["seats_taken"] == 10
    assert [trainer["id"] for trainer in body["trainers"]] == [
        trainer.pk for trainer in session.trainers.all()
    ]


def test_a_session_outside_the_callers_scope_is_404(client_for, officer, sessions):
    response = client_for(officer).get(f"{URL}/{sessions['draft'].pk}")

    assert response.status_code == 404
    assert response.json() == {"error": {"code": "not_found", "message": "Not found."}}


def test_an_anonymous_caller_gets_401(client, sessions):
    assert client.get(URL).status_code == 401
    assert client.get(f"{URL}/{sessions['open'].pk}").status_code == 401


@pytest.mark.parametrize("persona", ["officer", "staff"])
def test_queries_do_not_grow_with_sessions(client_for, request, persona, jordan):
    """session, user, roles, count, the page of sessions (course and venue joined, seats
    taken in a subquery)."""
    client = client_for(request.getfixturevalue(persona))

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(URL).status_code == 200
        return len(queries)

    SessionFactory(quotas={jordan: 2})
    few = count()
    for code in ("DZ", "LB", "PS", "TN"):
        CountryFactory(code=code)
    for _ in range(20):
        SessionFactory(course=CourseFactory(), quotas={jordan: 2})
    many = count()

    assert many == few
    assert few <= 5


def test_the_detail_costs_the_same_whatever_the_quotas(client_for, officer, sessions):
    """session, user, roles, the session (course and venue joined), quotas with countries,
    trainers."""
    client = client_for(officer)
    url = f"{URL}/{sessions['open'].pk}"

    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for code in ("DZ", "LB", "PS", "TN"):
        sessions["open"].quotas.create(country=CountryFactory(code=code), seats=1)
    with CaptureQueriesContext(connection) as many:
        client.get(url)

    assert len(many) == len(few) <= 6


def test_the_venue_city_is_named_in_the_callers_language(client_for, staff, jordan):
    SessionFactory(status=SessionStatus.OPEN, venue_country=jordan)

    client = client_for(staff)
    [arabic] = client.get(URL, HTTP_ACCEPT_LANGUAGE="ar").json()["items"]
    [english] = client.get(URL, HTTP_ACCEPT_LANGUAGE="en").json()["items"]

    assert (arabic["venue_city"], english["venue_city"]) == ("عمّان", "Amman")
    assert arabic["venue_country"] == "JO"
