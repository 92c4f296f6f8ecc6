"""The attendance summary: each participant's days and attendance rate, counted in SQL."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from momentum.people.tests.factories import ProfileFactory
from momentum.training.analytics import attendance_rows
from momentum.training.models import Attendance, NominationStatus, SessionStatus
from momentum.training.tests.factories import NominationFactory, SessionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def session(trainer):
    # Four days, so that rates are not round thirds.
    session = SessionFactory(trainers=[trainer], status=SessionStatus.COMPLETED)
    session.ends_on = session.starts_on + timedelta(days=3)
    session.save()
    return session


def _marks(nomination, *marks: str) -> None:
    for offset, mark in enumerate(marks):
        if mark:
            Attendance.objects.create(
                nomination=nomination,
                day=nomination.session.starts_on + timedelta(days=offset),
                mark=mark,
            )


def url(session) -> str:
    return f"/en/training/sessions/{session.pk}/attendance/summary/"


def test_rate_counts_present_and_late_days_out_of_the_session_days(session, officer, jordan):
    leila = NominationFactory(session=session, officer=officer.profile)
    _marks(leila, "present", "late", "absent", "excused")
    other = NominationFactory(session=session, officer=ProfileFactory(country=jordan))
    _marks(other, "present", "present", "present", "")
    withdrawn = NominationFactory(
        session=session, officer=ProfileFactory(country=jordan), status=NominationStatus.WITHDRAWN
    )
    _marks(withdrawn, "present")
    # A mark outside the session's days (left by an earlier schedule) does not count.
    Attendance.objects.create(
        nomination=other, day=session.ends_on + timedelta(days=1), mark="present"
    )

    rows = {row.nomination.pk: row for row in attendance_rows(session)}

    assert set(rows) == {leila.pk, other.pk}
    assert (rows[leila.pk].present, rows[leila.pk].late) == (1, 1)
    assert (rows[leila.pk].absent, rows[leila.pk].excused, rows[leila.pk].unmarked) == (1, 1, 0)
    assert rows[leila.pk].rate == Decimal("50.0")
    assert rows[other.pk].rate == Decimal("75.0")
    assert rows[other.pk].unmarked == 1


def test_the_page_shows_each_rate_against_the_course_minimum(client_for, trainer, session, officer):
    leila = NominationFactory(session=session, officer=officer.profile)
    _marks(leila, "present", "present", "late", "present")

    content = client_for(trainer).get(url(session)).content.decode()

    assert "Leila Haddad" in content
    assert "<bdi>100 %</bdi>" in content
    assert "meets the minimum" in content
    assert "0 participants are below the minimum." in content


def test_the_summary_costs_the_same_queries_for_10_or_60_participants(
    client_for, trainer, session, jordan
):
    client = client_for(trainer)

    def add(number: int) -> None:
        for _ in range(number):
            nomination = NominationFactory(session=session, officer=ProfileFactory(country=jordan))
            _marks(nomination, "present", "absent", "late", "")

    add(10)
    with CaptureQueriesContext(connection) as ten:
        assert client.get(url(session)).status_code == 200
    add(50)
    with CaptureQueriesContext(connection) as sixty:
        response = client.get(url(session))

    # Django's session and user, the user's roles, the session with its course, its trainers,
    # the participants with their counts of each mark (one aggregate query). (Whether she
    # sits on a mentoring panel, for the menu, is read with the user.)
    assert len(sixty) == len(ten) == 6
    assert len(response.context["rows"]) == 60


def test_an_officer_and_another_sessions_trainer_may_not_see_it(client_for, officer, session):
    from momentum.people.models import Role
    from momentum.people.tests.factories import person_with_role

    other_trainer = person_with_role(Role.TRAINER, None, email="other.trainer@example.org")

    assert client_for(officer).get(url(session)).status_code == 403
    assert client_for(other_trainer).get(url(session)).status_code == 403
