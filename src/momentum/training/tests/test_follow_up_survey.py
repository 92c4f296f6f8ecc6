"""The follow-up survey: sent automatically some months after a session, once, in each
participant's language; answered anonymously like the evaluation."""

from __future__ import annotations

from datetime import date, timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from momentum.training.models import (
    Evaluation,
    EvaluationKind,
    FollowUpInvitation,
    NominationStatus,
    SessionStatus,
)
from momentum.training.services.evaluations import (
    months_before,
    send_follow_up_surveys,
)
from momentum.training.tests.factories import NominationFactory, SessionFactory

pytestmark = pytest.mark.django_db

TODAY = date(2025, 6, 15)


def ended_session(ends_on: date, **fields):  # type: ignore[no-untyped-def]
    fields.setdefault("status", SessionStatus.COMPLETED)
    return SessionFactory(starts_on=ends_on - timedelta(days=2), ends_on=ends_on, **fields)


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (date(2025, 6, 15), 3, date(2025, 3, 15)),
        (date(2025, 5, 31), 3, date(2025, 2, 28)),
        (date(2024, 5, 31), 3, date(2024, 2, 29)),
        (date(2025, 2, 10), 3, date(2024, 11, 10)),
        (date(2025, 1, 31), 12, date(2024, 1, 31)),
    ],
)
def test_months_before(day, months, expected):
    assert months_before(day, months) == expected


def test_participants_of_a_session_ended_three_months_ago_get_the_survey(officer, settings):
    settings.SITE_URL = "https://momentum.example.org"
    officer.preferred_language = "fr"
    officer.save()
    nomination = NominationFactory(
        session=ended_session(date(2025, 3, 15)), officer=officer.profile
    )

    sent = send_follow_up_surveys(today=TODAY)

    assert sent == 1
    [message] = mail.outbox
    assert message.to == [officer.email]
    link = f"https://momentum.example.org/fr/training/sessions/{nomination.session_id}/follow-up/"
    assert link in message.body
    assert FollowUpInvitation.objects.filter(nomination=nomination).exists()


def test_the_survey_is_written_in_the_participants_language(officer):
    officer.preferred_language = "ar"
    officer.save()
    NominationFactory(session=ended_session(date(2025, 3, 10)), officer=officer.profile)

    send_follow_up_surveys(today=TODAY)

    [message] = mail.outbox
    assert "/ar/training/sessions/" in message.body
    html = message.alternatives[0][0]
    assert 'lang="ar" dir="rtl"' in html


def test_running_the_command_twice_sends_each_survey_once(officer):
    NominationFactory(session=ended_session(date(2025, 3, 1)), officer=officer.profile)

    call_command("send_follow_up_surveys", "--today", TODAY.isoformat(), stdout=StringIO())
    out = StringIO()
    call_command("send_follow_up_surveys", "--today", TODAY.isoformat(), stdout=out)

    assert len(mail.outbox) == 1
    assert FollowUpInvitation.objects.count() == 1
    assert out.getvalue().startswith("0 follow-up survey")


def test_no_survey_before_the_delay_nor_for_those_not_selected(officer, jordan):
    too_recent = ended_session(date(2025, 3, 20))
    NominationFactory(session=too_recent, officer=officer.profile)
    older = ended_session(date(2025, 3, 1))
    NominationFactory(session=older, status=NominationStatus.DECLINED)
    cancelled = ended_session(date(2025, 3, 1), status=SessionStatus.CANCELLED)
    NominationFactory(session=cancelled)

    assert send_follow_up_surveys(today=TODAY) == 0
    assert mail.outbox == []


def test_the_delay_is_a_setting(officer, settings):
    settings.TRAINING_FOLLOW_UP_MONTHS = 6
    NominationFactory(session=ended_session(date(2025, 3, 15)), officer=officer.profile)

    assert send_follow_up_surveys(today=TODAY) == 0
    assert send_follow_up_surveys(today=date(2025, 9, 15)) == 1


def test_a_failed_email_is_tried_again_on_the_next_run(officer, settings):
    nomination = NominationFactory(
        session=ended_session(date(2025, 3, 15)), officer=officer.profile
    )
    settings.EMAIL_BACKEND = "momentum.training.tests.test_follow_up_survey.FailingBackend"

    assert send_follow_up_surveys(today=TODAY) == 0
    assert not FollowUpInvitation.objects.filter(nomination=nomination).exists()

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert send_follow_up_surveys(today=TODAY) == 1


class FailingBackend:
    def __init__(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        pass

    def send_messages(self, messages):  # type: ignore[no-untyped-def]
        raise OSError("the mail server is down")


def test_participant_answers_the_follow_up_survey_once(client_for, officer):
    ends_on = timezone.localdate() - timedelta(days=120)
    nomination = NominationFactory(session=ended_session(ends_on), officer=officer.profile)
    url = f"/en/training/sessions/{nomination.session_id}/follow-up/"
    client = client_for(officer)

    response = client.post(url, {"applied_on_job": "4", "comments": "I check SLTD daily."})
    again = client.post(url, {"applied_on_job": "1", "comments": ""}, follow=True)

    assert response.status_code == 302
    evaluation = Evaluation.objects.get()
    assert evaluation.kind == EvaluationKind.FOLLOW_UP
    assert evaluation.applied_on_job == 4
    assert evaluation.relevance is None
    assert "You have already answered this survey" in again.content.decode()


def test_the_follow_up_survey_is_not_open_before_its_time(client_for, officer):
    ends_on = timezone.localdate() - timedelta(days=10)
    nomination = NominationFactory(session=ended_session(ends_on), officer=officer.profile)

    response = client_for(officer).post(
        f"/en/training/sessions/{nomination.session_id}/follow-up/", {"applied_on_job": "4"}
    )

    assert response.status_code == 200
    assert "The follow-up survey opens on" in response.content.decode()
    assert not Evaluation.objects.exists()
