"""``momentum fetch_support_mail`` against a real IMAP server (Dovecot): each message is read
and handled on its own, a good answer joins its request, an unreadable message and one from
an unknown sender are held for staff and reported, and every handled message is marked seen
so the next run does not read it twice."""

from __future__ import annotations

import imaplib
import time
from email.message import EmailMessage

import pytest
from django.core.management import call_command

from momentum.support.models import HeldMail, HeldReason, Status
from momentum.support.services import requests as services
from momentum.support.services.mail import fetch_imap
from momentum.support.tests import imap_server

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        not imap_server.available(), reason="Dovecot (dovecot-imapd) is not installed"
    ),
]


def _mail(sender: str, subject: str, body: str) -> bytes:
    message = EmailMessage()
    message["From"], message["To"], message["Subject"] = sender, "support@example.org", subject
    message.set_content(body)
    return message.as_bytes()


def _deliver(box: imap_server.Mailbox, *messages: bytes) -> None:
    client = imaplib.IMAP4(box.host, box.port)
    client.login(box.user, box.password)
    for raw in messages:
        client.append("INBOX", "", imaplib.Time2Internaldate(time.time()), raw)
    client.logout()


def _unseen(box: imap_server.Mailbox) -> int:
    client = imaplib.IMAP4(box.host, box.port)
    client.login(box.user, box.password)
    client.select("INBOX")
    _status, data = client.search(None, "UNSEEN")
    client.logout()
    return len((data[0] or b"").split())


def test_the_mailbox_is_read_message_by_message(officer, staff, travel, settings):
    request = services.open_request(by=officer, category=travel, subject="Visa", description="?")
    services.reply(request=request, by=staff, body="Which date?", then=Status.WAITING)

    with imap_server.imap_server() as box:
        _deliver(
            box,
            b"\x00\x01 this is not an e-mail at all",
            _mail("stranger@example.net", f"Re: [{request.reference}] Visa", "I answer for her."),
            _mail(officer.email, f"Re: [{request.reference}] Visa", "The 12th of March."),
        )

        report = fetch_imap(
            host=box.host, port=box.port, user=box.user, password=box.password, ssl=False
        )
        remaining = _unseen(box)

        settings.SUPPORT_IMAP_HOST, settings.SUPPORT_IMAP_PORT = box.host, box.port
        settings.SUPPORT_IMAP_USER, settings.SUPPORT_IMAP_PASSWORD = box.user, box.password
        settings.SUPPORT_IMAP_SSL = False
        call_command("fetch_support_mail")  # a second run finds nothing new

    request.refresh_from_db()
    assert (report.added, report.held, report.failed) == (1, 2, 0)
    assert remaining == 0
    assert request.status == Status.OPEN
    assert request.messages.last().body == "The 12th of March."
    reasons = set(HeldMail.objects.values_list("reason", flat=True))
    assert HeldReason.UNKNOWN_SENDER in reasons
    assert HeldMail.objects.count() == 2
