"""Trainers (and staff) mark each participant's day: one tap saves, through htmx or a plain form."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from momentum.core.models import AuditEntry
from momentum.people.tests.factories import ProfileFactory
from momentum.training.models import Attendance, AttendanceMark, NominationStatus, SessionStatus
from momentum.training.services.attendance import mark_attendance, mark_everyone_present
from momentum.training.tests.factories import NominationFactory, SessionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def session(trainer, jordan):
    return SessionFactory(trainers=[trainer], status=SessionStatus.RUNNING)


@pytest.fixture
def participant(session, officer):
    return NominationFactory(session=session, officer=officer.profile)


def url(session) -> str:
    return f"/en/training/sessions/{session.pk}/attendance/"


def test_a_tap_through_htmx_saves_the_mark_and_returns_the_row(client_for, trainer, participant):
    day = participant.session.starts_on

    response = client_for(trainer).post(
        url(participant.session),
        {"nomination": participant.pk, "day": day.isoformat(), "mark": "late"},
        HTTP_HX_REQUEST="true",
    )

    assert response.status_code == 200
    content = response.content.decode()
    assert content.lstrip().startswith(
        f'<li class="attendance-row" id="attendance-{participant.pk}"'
    )
    assert f'id="mark-{participant.pk}-late"' in content
    assert (
        f'value="late" id="mark-{participant.pk}-late" class="mark mark--late" aria-pressed="true"'
        in content
    )
    assert "Saved" in content
    assert Attendance.objects.get(nomination=participant, day=day).mark == AttendanceMark.LATE


def test_without_javascript_the_form_saves_and_comes_back_to_the_day(
    client_for, trainer, participant
):
    day = participant.session.starts_on + timedelta(days=1)

    response = client_for(trainer).post(
        url(participant.session),
        {"nomination": participant.pk, "day": day.isoformat(), "mark": "absent"},
    )

    assert response.status_code == 302
    assert response["Location"] == f"{url(participant.session)}?day={day.isoformat()}"
    assert Attendance.objects.get(nomination=participant, day=day).mark == AttendanceMark.ABSENT


def test_a_second_tap_changes_the_mark_of_the_same_day(trainer, participant):
    day = participant.session.starts_on

    mark_attendance(nomination=participant, day=day, mark=AttendanceMark.ABSENT, by=trainer)
    mark_attendance(nomination=participant, day=day, mark=AttendanceMark.EXCUSED, by=trainer)

    assert list(Attendance.objects.values_list("mark", flat=True)) == [AttendanceMark.EXCUSED]
    entries = AuditEntry.objects.filter(verb="attendance.marked")
    assert entries.count() == 2
    assert entries.first().details == {"day": str(day), "mark": "excused"}


def test_a_day_outside_the_session_is_refused(trainer, participant):
    day_after = participant.session.ends_on + timedelta(days=1)

    with pytest.raises(ValidationError, match="is not a day of this session"):
        mark_attendance(nomination=participant, day=day_after, mark="present", by=trainer)

    assert not Attendance.objects.exists()


def test_the_page_shows_the_refusal_in_the_row_and_saves_nothing(client_for, trainer, participant):
    response = client_for(trainer).post(
        url(participant.session),
        {
            "nomination": participant.pk,
            "day": (participant.session.starts_on - timedelta(days=1)).isoformat(),
            "mark": "present",
        },
        HTTP_HX_REQUEST="true",
    )

    assert "is not a day of this session" in response.content.decode()
    assert not Attendance.objects.exists()


@pytest.mark.parametrize(
    "status", [NominationStatus.WAITLISTED, NominationStatus.NOMINATED, NominationStatus.WITHDRAWN]
)
def test_only_selected_participants_are_marked(trainer, session, jordan, status):
    nomination = NominationFactory(
        session=session, officer=ProfileFactory(country=jordan), status=status
    )

    with pytest.raises(ValidationError, match="is not a selected participant"):
        mark_attendance(nomination=nomination, day=session.starts_on, mark="present", by=trainer)


@pytest.mark.parametrize(
    "status",
    [SessionStatus.DRAFT, SessionStatus.OPEN, SessionStatus.SELECTION, SessionStatus.CLOSED],
)
def test_a_session_not_confirmed_running_or_completed_is_refused(trainer, participant, status):
    participant.session.status = status
    participant.session.save()

    with pytest.raises(ValidationError, match="only for a session that is confirmed"):
        mark_attendance(
            nomination=participant, day=participant.session.starts_on, mark="present", by=trainer
        )


def test_the_trainer_of_another_session_may_not_mark(trainer, participant):
    from momentum.people.models import Role
    from momentum.people.tests.factories import person_with_role

    other_trainer = person_with_role(Role.TRAINER, None, email="other.trainer@example.org")

    with pytest.raises(PermissionDenied):
        mark_attendance(
            nomination=participant,
            day=participant.session.starts_on,
            mark="present",
            by=other_trainer,
        )


def test_the_trainer_of_another_session_is_refused_by_the_page(client_for, participant):
    from momentum.people.models import Role
    from momentum.people.tests.factories import person_with_role

    other_trainer = person_with_role(Role.TRAINER, None, email="other.trainer@example.org")
    client = client_for(other_trainer)

    assert client.get(url(participant.session)).status_code == 403
    response = client.post(
        url(participant.session),
        {
            "nomination": participant.pk,
            "day": participant.session.starts_on.isoformat(),
            "mark": "present",
        },
    )
    assert response.status_code == 403
    assert not Attendance.objects.exists()


def test_a_participant_of_another_session_is_not_found(client_for, trainer, participant, jordan):
    elsewhere = NominationFactory(
        session=SessionFactory(status=SessionStatus.RUNNING), officer=ProfileFactory(country=jordan)
    )

    response = client_for(trainer).post(
        url(participant.session),
        {"nomination": elsewhere.pk, "day": elsewhere.session.starts_on, "mark": "present"},
    )

    assert response.status_code == 404
    assert not Attendance.objects.exists()


def test_staff_may_mark_a_session_they_do_not_teach(staff, participant):
    mark_attendance(
        nomination=participant, day=participant.session.starts_on, mark="present", by=staff
    )

    assert Attendance.objects.filter(nomination=participant).count() == 1


def test_everyone_present_marks_only_those_not_yet_marked(client_for, trainer, session, jordan):
    first, second, third = (
        NominationFactory(session=session, officer=ProfileFactory(country=jordan)) for _ in range(3)
    )
    NominationFactory(
        session=session,
        officer=ProfileFactory(country=jordan),
        status=NominationStatus.WAITLISTED,
    )
    day = session.starts_on
    mark_attendance(nomination=first, day=day, mark="absent", by=trainer)

    response = client_for(trainer).post(
        url(session), {"day": day.isoformat(), "everyone_present": "1"}, follow=True
    )

    marks = dict(Attendance.objects.filter(day=day).values_list("nomination_id", "mark"))
    assert marks == {first.pk: "absent", second.pk: "present", third.pk: "present"}
    assert "2 participants not yet marked were marked present." in response.content.decode()
    assert mark_everyone_present(session=session, day=day, by=trainer) == 0


def test_the_page_lists_each_participant_with_four_buttons_and_the_days(
    client_for, trainer, participant
):
    session = participant.session
    mark_attendance(nomination=participant, day=session.starts_on, mark="present", by=trainer)

    response = client_for(trainer).get(url(session), {"day": session.starts_on.isoformat()})

    content = response.content.decode()
    assert "Leila Haddad" in content and "ليلى حداد" in content
    for mark in ("present", "late", "absent", "excused"):
        assert f'id="mark-{participant.pk}-{mark}"' in content
    assert content.count('aria-pressed="true"') == 1
    assert f'hx-post="{url(session)}"' in content
    for offset in range(3):
        assert f"?day={(session.starts_on + timedelta(days=offset)).isoformat()}" in content
    assert 'aria-current="date"' in content
    assert "Day 1 of 3" in content


def test_a_day_out_of_range_in_the_address_falls_back_to_a_day_of_the_session(
    client_for, trainer, participant
):
    session = participant.session

    response = client_for(trainer).get(url(session), {"day": "1999-01-01"})

    assert response.context["day"] == session.starts_on


def _participants(session, country, number):
    for _ in range(number):
        NominationFactory(session=session, officer=ProfileFactory(country=country))


def test_the_page_costs_the_same_queries_for_10_or_60_participants(
    client_for, trainer, session, jordan
):
    client = client_for(trainer)
    _participants(session, jordan, 10)
    with CaptureQueriesContext(connection) as ten:
        assert client.get(url(session)).status_code == 200
    _participants(session, jordan, 50)
    with CaptureQueriesContext(connection) as sixty:
        response = client.get(url(session))

    # Django's session and user, the user's roles, the session with its course, its trainers,
    # the selected participants (with user, agency and country), the day's marks. (Whether
    # she sits on a mentoring panel, for the menu, is read with the user.)
    assert len(sixty) == len(ten) == 7
    assert response.content.decode().count('<li class="attendance-row') == 60
