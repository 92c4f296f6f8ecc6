"""E-mail replies coming back: a good answer joins its request (and reopens a resolved one),
a malformed message or one from another address is held for staff, a reply to a closed
request opens a follow-up; one bad message never blocks the others. Through the HTTP door
of a mail relay too."""

from __future__ import annotations

from datetime import timedelta
from email.message import EmailMessage

import pytest
from django.utils import timezone

from momentum.support.models import HeldMail, HeldReason, MessageKind, Request, Status
from momentum.support.services import requests as services
from momentum.support.services.mail import receive

pytestmark = pytest.mark.django_db


def mail_from(
    sender: str, subject: str, body: str, attachment: tuple[str, bytes] | None = None
) -> bytes:
    message = EmailMessage()
    message["From"] = sender
    message["To"] = "support@example.org"
    message["Subject"] = subject
    message.set_content(body)
    if attachment:
        name, data = attachment
        message.add_attachment(data, maintype="application", subtype="octet-stream", filename=name)
    return message.as_bytes()


@pytest.fixture
def waiting(officer, staff, travel):  # type: ignore[no-untyped-def]
    request = services.open_request(
        by=officer, category=travel, subject="Visa", description="Letter?"
    )
    services.reply(request=request, by=staff, body="Which date?", then=Status.WAITING)
    return request


def test_an_answer_by_email_joins_its_request_without_the_quoted_text(officer, waiting):
    raw = mail_from(
        officer.email,
        f"Re: [{waiting.reference}] Visa",
        "The 12th of March.\n\nOn Monday, the support office wrote:\n"
        "> ## Reply above this line ##\n> Which date?",
    )

    result = receive(raw)

    waiting.refresh_from_db()
    assert result.outcome == "added"
    assert waiting.status == Status.OPEN
    last = waiting.messages.last()
    assert last.kind == MessageKind.ASKER and last.by_email
    assert last.body == "The 12th of March."


def test_an_answer_to_a_resolved_request_reopens_it(officer, staff, waiting):
    services.change_status(request=waiting, by=staff, status=Status.RESOLVED)

    result = receive(
        mail_from(officer.email.upper(), f"Re: [{waiting.reference}]", "Still no letter.")
    )

    waiting.refresh_from_db()
    assert result.outcome == "reopened"
    assert waiting.status == Status.OPEN


def test_an_answer_from_another_address_is_held_not_attached(waiting):
    result = receive(mail_from("someone@example.net", f"Re: [{waiting.reference}]", "Hello"))

    assert result.outcome == "held"
    assert result.held.reason == HeldReason.UNKNOWN_SENDER
    assert result.held.request == waiting
    assert not waiting.messages.filter(body="Hello").exists()


def test_a_malformed_message_is_held_and_the_next_one_still_added(officer, waiting):
    results = [
        receive(b"\xff\xfe\x00garbage without headers \x00\x01"),
        receive(mail_from(officer.email, f"Re: [{waiting.reference}]", "Here it is.")),
    ]

    assert [result.outcome for result in results] == ["held", "added"]
    assert (
        HeldMail.objects.filter(reason__in=[HeldReason.MALFORMED, HeldReason.NO_REFERENCE]).count()
        == 1
    )


def test_a_message_without_reference_is_held(officer):
    result = receive(mail_from(officer.email, "A question", "Hello"))

    assert result.held.reason == HeldReason.NO_REFERENCE


def test_a_reply_to_a_closed_request_opens_a_follow_up(officer, staff, waiting):
    services.change_status(request=waiting, by=staff, status=Status.CLOSED)

    result = receive(mail_from(officer.email, f"Re: [{waiting.reference}]", "One more thing."))

    assert result.outcome == "follow_up"
    assert result.request.follow_up_of == waiting
    assert result.request.status == Status.NEW
    waiting.refresh_from_db()
    assert waiting.status == Status.CLOSED


def test_a_dangerous_attachment_is_refused_and_said_so(officer, waiting):
    raw = mail_from(
        officer.email,
        f"Re: [{waiting.reference}]",
        "See the file.",
        ("run.exe", b"MZ\x90\x00binary"),
    )

    result = receive(raw)

    assert result.outcome == "added"
    assert len(result.rejected_files) == 1
    assert not waiting.attachments.exists()
    assert "run.exe" in waiting.messages.last().body


def test_the_relay_door_needs_its_secret(client, settings, officer, waiting):
    settings.SUPPORT_INBOUND_TOKEN = "relay-secret"
    raw = mail_from(officer.email, f"Re: [{waiting.reference}]", "Via the relay.")

    refused = client.post("/support/inbound-mail/", raw, content_type="message/rfc822")
    accepted = client.post(
        "/support/inbound-mail/",
        raw,
        content_type="message/rfc822",
        headers={"Authorization": "Bearer relay-secret"},
    )

    assert refused.status_code == 403
    assert accepted.status_code == 200
    assert accepted.json()["outcome"] == "added"
    assert Request.objects.get(pk=waiting.pk).status == Status.OPEN


def test_an_old_resolution_is_not_reopened_by_mail(officer, staff, waiting):
    services.change_status(request=waiting, by=staff, status=Status.RESOLVED)
    Request.objects.filter(pk=waiting.pk).update(resolved_at=timezone.now() - timedelta(days=20))

    result = receive(mail_from(officer.email, f"Re: [{waiting.reference}]", "Hello again"))

    assert result.outcome == "follow_up"


def test_staff_add_a_held_answer_to_its_request_once(staff, waiting):
    from django.core.exceptions import ValidationError

    from momentum.support.services.mail import release_held

    held = receive(
        mail_from("colleague@example.net", f"Re: [{waiting.reference}]", "For her.")
    ).held

    release_held(held=held, by=staff, attach=True)
    with pytest.raises(ValidationError):
        release_held(held=held, by=staff, attach=False)

    assert "For her." in waiting.messages.last().body
    assert "colleague@example.net" in waiting.messages.last().body
