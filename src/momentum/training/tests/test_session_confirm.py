"""Confirming a session sends each selected participant an e-mail in their language with a
calendar invitation (.ics)."""

from __future__ import annotations

from datetime import date

import pytest
from django.core import mail

from momentum.core.tests.factories import CityFactory
from momentum.people.tests.factories import officer as make_officer
from momentum.training.models import NominationStatus, SessionStatus
from momentum.training.services import sessions as services
from momentum.training.tests.factories import CourseFactory, NominationFactory, SessionFactory
from momentum.training.tests.test_calendar_ics import events, unescape

pytestmark = pytest.mark.django_db


@pytest.fixture
def session(jordan, morocco):
    course = CourseFactory(
        code="osint-201",
        title_en="Open-source investigations",
        title_fr="Enquêtes en sources ouvertes",
        title_ar="التحقيقات في المصادر المفتوحة",
    )
    session = SessionFactory(
        course=course,
        status=SessionStatus.SELECTION,
        starts_on=date(2031, 3, 3),
        ends_on=date(2031, 3, 6),
        venue_city=CityFactory(country=morocco, name_en="Rabat", name_fr="Rabat", name_ar="الرباط"),
        venue_country=morocco,
    )
    for email, country, language, status in [
        ("amal@example.org", jordan, "ar", NominationStatus.SELECTED),
        ("claire@example.org", morocco, "fr", NominationStatus.SELECTED),
        ("waiting@example.org", jordan, "en", NominationStatus.WAITLISTED),
        ("nominated@example.org", jordan, "en", NominationStatus.NOMINATED),
    ]:
        person = make_officer(country, user__email=email, user__preferred_language=language)
        NominationFactory(session=session, officer=person.profile, status=status)
    return session


def _confirm(session, staff, capture):
    with capture(execute=True):
        services.confirm_session(by=staff, session=session)


def test_only_the_selected_participants_are_sent_the_confirmation(
    session, staff, django_capture_on_commit_callbacks
):
    _confirm(session, staff, django_capture_on_commit_callbacks)

    assert sorted(message.to[0] for message in mail.outbox) == [
        "amal@example.org",
        "claire@example.org",
    ]


def test_each_confirmation_carries_an_invitation_in_the_participants_language(
    session, staff, django_capture_on_commit_callbacks
):
    _confirm(session, staff, django_capture_on_commit_callbacks)

    by_address = {message.to[0]: message for message in mail.outbox}
    arabic = by_address["amal@example.org"]
    assert "التحقيقات في المصادر المفتوحة" in arabic.subject
    assert "مارس" in arabic.body
    ((filename, content, mimetype),) = arabic.attachments
    assert (filename, mimetype) == ("osint-201-20310303.ics", "text/calendar")
    (event,) = events(content)
    assert unescape(event["SUMMARY"]) == "التحقيقات في المصادر المفتوحة (osint-201)"
    assert event["DTSTART;VALUE=DATE"] == "20310303"
    assert event["DTEND;VALUE=DATE"] == "20310307"
    assert event["STATUS"] == "CONFIRMED"
    assert unescape(event["LOCATION"]) == "الرباط, المغرب"

    french = by_address["claire@example.org"]
    ((_name, french_content, _type),) = french.attachments
    (french_event,) = events(french_content)
    assert unescape(french_event["SUMMARY"]) == "Enquêtes en sources ouvertes (osint-201)"
    assert unescape(french_event["LOCATION"]) == "Rabat, Maroc"
    # One event, whatever the language: calendars update it rather than add a second.
    assert french_event["UID"] == event["UID"]


def test_no_e_mail_leaves_when_the_confirmation_is_refused(
    session, officer, django_capture_on_commit_callbacks
):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        _confirm(session, officer, django_capture_on_commit_callbacks)

    assert mail.outbox == []


def test_a_confirmation_task_run_again_sends_nobody_a_second_email(
    client_for, staff, mailoutbox, django_capture_on_commit_callbacks
):
    """A task taken up again after its worker vanished must not e-mail anyone twice."""
    from momentum.training.services.sessions import send_confirmation_emails
    from momentum.training.tests.factories import NominationFactory, SessionFactory

    session = SessionFactory()
    NominationFactory(session=session, status="selected")
    NominationFactory(session=session, status="selected")

    first = send_confirmation_emails(session.pk)
    again = send_confirmation_emails(session.pk)

    assert (first, again) == (2, 0)
    assert len(mailoutbox) == 2
