"""A request's life: asked, answered (e-mailed in the asker's language), waiting with the
clock stopped, answered again, resolved, reopened within 14 days, rated once."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from momentum.core.models import AuditEntry
from momentum.support.models import MessageKind, Request, Status
from momentum.support.services import requests as services

pytestmark = pytest.mark.django_db


def _ask(officer, category, **extra):  # type: ignore[no-untyped-def]
    return services.open_request(
        by=officer,
        category=category,
        subject="تأشيرة",
        description="أحتاج إلى رسالة دعوة.",
        **extra,
    )


def test_a_request_gets_its_targets_in_working_hours_of_the_askers_country(officer, travel):
    request = _ask(officer, travel)

    assert request.country.code == "JO"
    assert request.status == Status.NEW
    assert request.first_response_due > request.created_at
    assert request.resolution_due > request.first_response_due
    assert AuditEntry.objects.filter(verb="support.request_opened").count() == 1


def test_staff_reply_is_emailed_in_arabic_right_to_left(
    arabic_officer, staff, travel, mailoutbox, django_capture_on_commit_callbacks
):
    request = _ask(arabic_officer, travel)

    with django_capture_on_commit_callbacks(execute=True):
        services.reply(request=request, by=staff, body="أرسلنا إليكم الرسالة.", then=Status.WAITING)

    email = mailoutbox[-1]
    assert email.to == [arabic_officer.email]
    assert f"[{request.reference}]" in email.subject
    html = email.alternatives[0][0]
    assert 'lang="ar" dir="rtl"' in html
    assert "أرسلنا إليكم الرسالة." in html
    assert "مرحبًا" in html or "مرحباً" in html
    assert "اكتب ردك فوق هذا السطر" in email.body


def test_the_clock_stops_while_waiting_for_the_asker(officer, staff, travel):
    request = _ask(officer, travel)
    services.reply(request=request, by=staff, body="Which date?", then=Status.WAITING)
    request.refresh_from_db()
    left = request.resolution_left_seconds
    assert request.status == Status.WAITING
    assert request.first_response_at is not None
    assert left is not None and left > 0

    # Three days later, she answers: the time left is counted again from now.
    Request.objects.filter(pk=request.pk).update(
        waiting_since=timezone.now() - timedelta(days=3),
        resolution_due=timezone.now() - timedelta(days=2),
    )
    services.add_asker_message(request=request, by=officer, body="The 12th.")
    request.refresh_from_db()

    assert request.status == Status.OPEN
    assert request.resolution_due > timezone.now()
    assert request.resolution_left_seconds is None
    assert not request.is_breached


def test_an_answer_within_14_days_of_resolution_reopens_the_request(officer, staff, travel):
    request = _ask(officer, travel)
    services.reply(request=request, by=staff, body="Done.", then=Status.RESOLVED)

    services.add_asker_message(request=request, by=officer, body="Not quite.")
    request.refresh_from_db()

    assert request.status == Status.OPEN
    assert request.resolved_at is None
    assert AuditEntry.objects.filter(verb="support.request_reopened").exists()


def test_an_answer_to_a_closed_request_is_refused_with_its_reference(officer, staff, travel):
    request = _ask(officer, travel)
    services.reply(request=request, by=staff, body="Done.", then=Status.RESOLVED)
    Request.objects.filter(pk=request.pk).update(resolved_at=timezone.now() - timedelta(days=15))

    with pytest.raises(ValidationError) as refusal:
        services.add_asker_message(request=request, by=officer, body="Again.")

    assert request.reference in refusal.value.messages[0]
    assert request.messages.count() == 2


def test_internal_notes_are_not_shown_to_the_asker(client_for, officer, staff, travel):
    request = _ask(officer, travel)
    services.add_note(request=request, by=staff, body="Check her passport expiry.")

    page = client_for(officer).get(f"/en/support/requests/{request.reference}/").content.decode()

    assert "Check her passport expiry." not in page
    assert request.messages.filter(kind=MessageKind.NOTE).count() == 1


def test_only_staff_answer(officer, focal_point, travel):
    request = _ask(officer, travel)

    with pytest.raises(PermissionDenied):
        services.reply(request=request, by=focal_point, body="Hello")


def test_satisfaction_is_one_click_and_once(officer, staff, travel):
    request = _ask(officer, travel)
    services.reply(request=request, by=staff, body="Done.", then=Status.RESOLVED)

    services.rate(request=request, rating="good")
    with pytest.raises(ValidationError):
        services.rate(request=request, rating="bad")

    request.refresh_from_db()
    assert request.rating == "good"


def test_a_duplicate_is_merged_with_its_messages(officer, staff, travel):
    first, second = _ask(officer, travel), _ask(officer, travel)

    services.merge(duplicate=second, into=first, by=staff)

    second.refresh_from_db()
    assert second.status == Status.MERGED
    assert second.merged_into == first
    assert first.messages.filter(kind=MessageKind.ASKER).count() == 2
    assert AuditEntry.objects.filter(verb="support.merged").exists()


def test_an_illegal_transition_is_refused_with_a_sentence(officer, staff, travel):
    request = _ask(officer, travel)
    services.change_status(request=request, by=staff, status=Status.CLOSED)

    with pytest.raises(ValidationError) as refusal:
        services.change_status(request=request, by=staff, status=Status.OPEN)

    assert "cannot become" in refusal.value.messages[0]


def test_a_stale_form_is_refused(officer, staff, travel):
    request = _ask(officer, travel)
    version = request.version
    services.add_asker_message(request=request, by=officer, body="More details.")

    with pytest.raises(ValidationError):
        services.reply(request=request, by=staff, body="Hi", expected_version=version)


def test_staff_are_warned_once_before_a_target_is_missed(officer, staff, travel):
    from momentum.core.models import Notification

    request = _ask(officer, travel)
    Notification.objects.all().delete()
    Request.objects.filter(pk=request.pk).update(
        first_response_due=timezone.now() + timedelta(minutes=30)
    )

    assert services.warn_deadlines() == 1
    assert services.warn_deadlines() == 0
    assert Notification.objects.filter(recipient=staff, kind="support.deadline").count() == 1


def test_resolved_requests_close_after_14_days(officer, staff, travel):
    request = _ask(officer, travel)
    services.reply(request=request, by=staff, body="Done.", then=Status.RESOLVED)
    Request.objects.filter(pk=request.pk).update(resolved_at=timezone.now() - timedelta(days=15))

    assert services.close_resolved() == 1
    request.refresh_from_db()
    assert request.status == Status.CLOSED
