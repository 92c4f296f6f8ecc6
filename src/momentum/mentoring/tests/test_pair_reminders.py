"""Daily reminders: a due, unanswered check-in is reminded once every 7 days; a pair with no
meeting for 30 days is nudged (both sides) once every 30 days. Running twice sends nothing
more."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from momentum.core.models import Notification
from momentum.mentoring.models import CheckIn, Meeting, MeetingMode, PairingStatus
from momentum.mentoring.services.pairs import send_reminders
from momentum.mentoring.tests.factories import pair_for

pytestmark = pytest.mark.django_db

NOW = datetime(2030, 6, 15, 8, 0, tzinfo=UTC)


def _days(days: int) -> datetime:
    return NOW + timedelta(days=days)


def _due_check_in(pairing, respondent, *, due_days_ago=1):  # type: ignore[no-untyped-def]
    return CheckIn.objects.create(
        pairing=pairing,
        respondent=respondent,
        due_on=timezone.localdate(NOW) - timedelta(days=due_days_ago),
    )


def _kinds(kind: str) -> list[int]:
    return list(Notification.objects.filter(kind=kind).values_list("recipient", flat=True))


def _met(pairing, days_ago: int) -> None:  # type: ignore[no-untyped-def]
    Meeting.objects.create(
        pairing=pairing,
        held_on=timezone.localdate(NOW) - timedelta(days=days_ago),
        duration_minutes=30,
        mode=MeetingMode.PHONE,
        topics="Catch-up",
    )


def test_a_due_check_in_is_reminded_by_notification_and_email(
    officer, mentor, django_capture_on_commit_callbacks
):
    pairing = pair_for(officer, mentor, published_at=_days(-10))
    _met(pairing, 2)
    _due_check_in(pairing, officer)

    with django_capture_on_commit_callbacks(execute=True):
        sent = send_reminders(now=NOW)

    assert sent.check_ins == 1
    assert _kinds("mentoring.check_in_due") == [officer.pk]
    notification = Notification.objects.get(kind="mentoring.check_in_due")
    assert notification.url.startswith("/mentoring/check-ins/")
    assert [message.to for message in mail.outbox] == [[officer.email]]


def test_a_check_in_is_reminded_again_only_after_7_days(officer):
    pairing = pair_for(officer, published_at=_days(-10))
    _met(pairing, 1)
    _due_check_in(pairing, officer)

    send_reminders(now=NOW)
    assert send_reminders(now=NOW).check_ins == 0
    assert send_reminders(now=_days(6)).check_ins == 0
    assert send_reminders(now=_days(7)).check_ins == 1
    assert len(_kinds("mentoring.check_in_due")) == 2


def test_answered_and_future_check_ins_are_not_reminded(officer, mentor):
    pairing = pair_for(officer, mentor, published_at=_days(-10))
    _met(pairing, 1)
    answered = _due_check_in(pairing, officer)
    CheckIn.objects.filter(pk=answered.pk).update(submitted_at=NOW, satisfaction=4, progress=4)
    _due_check_in(pairing, mentor, due_days_ago=-1)

    assert send_reminders(now=NOW).check_ins == 0


def test_a_check_in_of_an_ended_pair_is_not_reminded(officer):
    pairing = pair_for(officer, status=PairingStatus.ENDED_EARLY, published_at=_days(-100))
    _due_check_in(pairing, officer)

    assert send_reminders(now=NOW).check_ins == 0


def test_a_quiet_pair_is_nudged_on_both_sides_once_per_30_days(officer, mentor):
    pairing = pair_for(officer, mentor, published_at=_days(-60))
    _met(pairing, 31)

    assert send_reminders(now=NOW).pairs == 1
    assert sorted(_kinds("mentoring.meeting_nudge")) == sorted([officer.pk, mentor.pk])
    pairing.refresh_from_db()
    assert pairing.reminded_at == NOW

    assert send_reminders(now=NOW).pairs == 0
    assert send_reminders(now=_days(29)).pairs == 0
    assert send_reminders(now=_days(30)).pairs == 1
    assert len(_kinds("mentoring.meeting_nudge")) == 4


def test_a_pair_that_met_within_30_days_is_not_nudged(officer):
    pairing = pair_for(officer, published_at=_days(-60))
    _met(pairing, 30)

    assert send_reminders(now=NOW).pairs == 0


def test_a_new_pair_without_meetings_is_counted_from_its_publication(officer):
    pair_for(officer, published_at=_days(-20))
    assert send_reminders(now=NOW).pairs == 0

    assert send_reminders(now=_days(11)).pairs == 1


def test_the_nudge_names_the_other_side(officer, mentor):
    pair_for(officer, mentor, published_at=_days(-40))

    send_reminders(now=NOW)

    to_mentee = Notification.objects.get(kind="mentoring.meeting_nudge", recipient=officer)
    assert mentor.full_name in to_mentee.message_in("en")
    to_mentor = Notification.objects.get(kind="mentoring.meeting_nudge", recipient=mentor)
    assert "Leila Haddad" in to_mentor.message_in("en")
    assert "ليلى حداد" in to_mentor.message_in("ar")


def test_the_command_acts_as_of_the_given_day_and_is_idempotent(officer):
    pairing = pair_for(officer, published_at=_days(-60))
    _due_check_in(pairing, officer)
    out = StringIO()

    call_command("send_mentoring_reminders", "--today", "2030-06-15", stdout=out)
    call_command("send_mentoring_reminders", "--today", "2030-06-15", stdout=out)

    assert "1 check-in reminder(s) and 1 meeting nudge(s) sent." in out.getvalue()
    assert "0 check-in reminder(s) and 0 meeting nudge(s) sent." in out.getvalue()


def test_the_daily_task_uses_the_current_time(officer, monkeypatch):
    from momentum.mentoring.tasks import send_mentoring_reminders

    pairing = pair_for(officer, published_at=_days(-60))
    _due_check_in(pairing, officer)
    monkeypatch.setattr(timezone, "now", lambda: NOW)

    result = send_mentoring_reminders.enqueue()

    assert result.return_value == {"check_ins": 1, "pairs": 1}
