"""The list of sessions: scoped by ``visible_to``, filtered, paginated, bounded in queries."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from momentum.training.models import SessionStatus, Track
from momentum.training.tests.factories import CourseFactory, NominationFactory, SessionFactory

pytestmark = pytest.mark.django_db

URL = "/en/training/sessions/"


def _days(n: int):  # type: ignore[no-untyped-def]
    return timezone.localdate() + timedelta(days=n)


def _ids(response) -> list[int]:  # type: ignore[no-untyped-def]
    assert response.status_code == 200
    return [session.pk for session in response.context["page"]]


@pytest.fixture
def sessions(trainer, jordan):  # type: ignore[no-untyped-def]
    leadership = CourseFactory(code="lead-1", track=Track.LEADERSHIP)
    sltd = CourseFactory(code="sltd-1", track=Track.INTERPOL_CAPABILITIES)
    return {
        "past": SessionFactory(
            course=sltd, starts_on=_days(-30), ends_on=_days(-28), status=SessionStatus.CLOSED
        ),
        "open": SessionFactory(
            course=leadership,
            starts_on=_days(30),
            ends_on=_days(34),
            status=SessionStatus.OPEN,
            quotas={jordan: (10, 4)},
        ),
        "soon": SessionFactory(
            course=sltd, starts_on=_days(10), ends_on=_days(12), status=SessionStatus.CONFIRMED
        ),
        "draft": SessionFactory(
            course=sltd, starts_on=_days(60), ends_on=_days(61), status=SessionStatus.DRAFT
        ),
        "taught_draft": SessionFactory(
            course=leadership,
            starts_on=_days(90),
            ends_on=_days(91),
            status=SessionStatus.DRAFT,
            trainers=[trainer],
        ),
    }


def test_an_officer_sees_every_session_but_drafts(client_for, officer, sessions):
    ids = _ids(client_for(officer).get(URL))

    assert set(ids) == {sessions[key].pk for key in ("past", "open", "soon")}


def test_a_trainer_also_sees_the_drafts_they_teach(client_for, trainer, sessions):
    ids = _ids(client_for(trainer).get(URL))

    assert sessions["taught_draft"].pk in ids
    assert sessions["draft"].pk not in ids


def test_staff_see_drafts_too(client_for, staff, sessions):
    assert len(_ids(client_for(staff).get(URL))) == 5


def test_upcoming_sessions_come_soonest_first_and_past_ones_latest_first(
    client_for, staff, sessions
):
    client = client_for(staff)

    upcoming = _ids(client.get(URL, {"when": "upcoming"}))
    past = _ids(client.get(URL, {"when": "past"}))

    assert upcoming == [sessions[key].pk for key in ("soon", "open", "draft", "taught_draft")]
    assert past == [sessions["past"].pk]


def test_filters_by_status_course_and_track(client_for, staff, sessions):
    client = client_for(staff)
    leadership = sessions["open"].course

    assert _ids(client.get(URL, {"status": "confirmed"})) == [sessions["soon"].pk]
    assert set(_ids(client.get(URL, {"course": leadership.pk}))) == {
        sessions["open"].pk,
        sessions["taught_draft"].pk,
    }
    assert set(_ids(client.get(URL, {"track": Track.INTERPOL_CAPABILITIES}))) == {
        sessions[key].pk for key in ("past", "soon", "draft")
    }


def test_each_row_links_to_its_session_and_shows_the_seats_taken(client_for, officer, sessions):
    response = client_for(officer).get(URL)

    content = response.content.decode()
    assert f'href="/en/training/sessions/{sessions["open"].pk}/"' in content
    assert "4 of 30" in content
    assert "Open for nominations" in content


def test_htmx_gets_the_results_only(client_for, officer, sessions):
    response = client_for(officer).get(URL, {"when": "upcoming"}, headers={"HX-Request": "true"})

    content = response.content.decode()
    assert "<html" not in content
    assert "<table" in content


def test_the_list_is_paginated(client_for, officer):
    course = CourseFactory()
    for offset in range(30):
        SessionFactory(course=course, starts_on=_days(offset), ends_on=_days(offset))
    client = client_for(officer)

    assert len(_ids(client.get(URL))) == 25
    assert len(_ids(client.get(URL, {"page": 2}))) == 5


@pytest.mark.parametrize("persona", ["officer", "staff"])
def test_queries_do_not_grow_with_rows(client_for, request, persona, jordan):
    """session, user, roles, count, page of sessions (course, venue country and seats taken
    joined or in a subquery), the course filter's options, navigation permissions."""
    client = client_for(request.getfixturevalue(persona))

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(URL).status_code == 200
        return len(queries)

    SessionFactory(quotas={jordan: 3})
    few = count()
    for _ in range(20):
        session = SessionFactory(course=CourseFactory(), quotas={jordan: 3}, trainers=[])
        NominationFactory(session=session)
    many = count()

    assert many == few
    assert few <= 8
