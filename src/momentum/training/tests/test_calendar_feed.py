"""Each person's private calendar feed: the sessions they take part in or teach, reachable
with an unguessable token only, which they can replace."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from momentum.core.models import AuditEntry
from momentum.training.models import CalendarFeed, NominationStatus, SessionStatus
from momentum.training.services.sessions import calendar_feed_for
from momentum.training.tests.factories import CourseFactory, NominationFactory, SessionFactory
from momentum.training.tests.test_calendar_ics import events, unescape

pytestmark = pytest.mark.django_db


def _feed_url(user, language: str = "en") -> str:  # type: ignore[no-untyped-def]
    return f"/{language}/training/calendar/{calendar_feed_for(user).token}.ics"


def _summaries(response) -> list[str]:  # type: ignore[no-untyped-def]
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return sorted(unescape(event["SUMMARY"]) for event in events(response.content.decode()))


@pytest.fixture
def sessions(officer, trainer):  # type: ignore[no-untyped-def]
    def course(code: str):  # type: ignore[no-untyped-def]
        return CourseFactory(code=code, title_en=code.title(), title_ar=f"دورة {code}")

    taking_part = SessionFactory(course=course("selected"))
    NominationFactory(session=taking_part, officer=officer.profile)
    waitlisted = SessionFactory(course=course("waitlisted"))
    NominationFactory(
        session=waitlisted, officer=officer.profile, status=NominationStatus.WAITLISTED
    )
    cancelled = SessionFactory(course=course("cancelled"), status=SessionStatus.CANCELLED)
    NominationFactory(session=cancelled, officer=officer.profile)
    SessionFactory(course=course("someone-elses"))
    SessionFactory(course=course("taught"), trainers=[trainer])
    return taking_part


def test_the_feed_lists_the_sessions_the_person_takes_part_in(sessions, officer):
    response = Client().get(_feed_url(officer))

    assert _summaries(response) == ["Selected (selected)"]


def test_the_feed_lists_the_sessions_a_trainer_teaches(sessions, trainer):
    assert _summaries(Client().get(_feed_url(trainer))) == ["Taught (taught)"]


def test_the_feed_is_in_the_language_of_its_address(sessions, officer):
    assert _summaries(Client().get(_feed_url(officer, "ar"))) == ["دورة selected (selected)"]


def test_a_wrong_token_is_404_and_tells_nothing(sessions, officer):
    calendar_feed_for(officer)

    assert Client().get("/en/training/calendar/not-a-token.ics").status_code == 404
    assert Client().get("/en/training/calendar/.ics").status_code == 404


def test_the_token_is_long_random_and_one_per_person(officer, trainer):
    first = calendar_feed_for(officer)

    assert calendar_feed_for(officer).token == first.token
    assert len(first.token) >= 40
    assert calendar_feed_for(trainer).token != first.token
    assert CalendarFeed.objects.count() == 2


def test_the_calendar_page_shows_the_address_and_a_reset_button(client_for, officer):
    response = client_for(officer).get("/en/training/calendar/")

    token = CalendarFeed.objects.get(user=officer).token
    content = response.content.decode()
    assert f'value="http://testserver/en/training/calendar/{token}.ics"' in content
    assert 'action="/en/training/calendar/reset/"' in content
    assert f'href="webcal://testserver/en/training/calendar/{token}.ics"' in content


def test_resetting_the_address_stops_the_old_one_and_is_audited(client_for, sessions, officer):
    old_url = _feed_url(officer)

    response = client_for(officer).post("/en/training/calendar/reset/")

    assert response.status_code == 302
    assert response["Location"] == "/en/training/calendar/"
    assert Client().get(old_url).status_code == 404
    assert _summaries(Client().get(_feed_url(officer))) == ["Selected (selected)"]
    entry = AuditEntry.objects.get(verb="calendar_feed.reset")
    assert entry.actor == officer
    token = CalendarFeed.objects.get(user=officer).token
    assert token not in str(entry.details) and token[:6] not in entry.target_label


def test_a_deactivated_persons_feed_is_closed(sessions, officer):
    url = _feed_url(officer)
    officer.is_active = False
    officer.save()

    assert Client().get(url).status_code == 404


def test_the_reset_needs_a_post(client_for, officer):
    assert client_for(officer).get("/en/training/calendar/reset/").status_code == 405


def test_queries_do_not_grow_with_sessions(officer):
    """The feed with its owner; the sessions with their courses and venues."""
    url = _feed_url(officer)

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert Client().get(url).status_code == 200
        return len(queries)

    few = count()
    for _ in range(10):
        NominationFactory(session=SessionFactory(course=CourseFactory()), officer=officer.profile)
    many = count()

    assert many == few == 2
