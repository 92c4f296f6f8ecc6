"""E-mails about mentions and replies: sent only to those who chose them, each with the
one-click, signed link that stops that kind of e-mail (in the body and in the RFC 8058
headers)."""

from __future__ import annotations

import re

import pytest
from django.conf import settings
from django.core import mail

from momentum.core.notifications import notify, read_unsubscribe_token, send_notification_emails
from momentum.core.tests.factories import NotificationFactory
from momentum.hub.models import MemberSettings
from momentum.hub.services.members import settings_for

pytestmark = pytest.mark.django_db


def _link(header: str) -> str:
    match = re.fullmatch(r"<(.+)>", header)
    assert match, header
    return match.group(1)


@pytest.mark.parametrize("kind", ["hub.mention", "hub.reply"])
def test_email_carries_the_one_click_unsubscribe_headers_and_link(officer, kind):
    notification = NotificationFactory(recipient=officer, kind=kind)

    send_notification_emails([notification.pk])

    message = mail.outbox[0]
    url = _link(message.extra_headers["List-Unsubscribe"])
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert url.startswith(f"{settings.SITE_URL}/en/hub/unsubscribe/")
    assert url in message.body
    assert f'href="{url}"' in message.alternatives[0][0]
    token = url.rstrip("/").rsplit("/", 1)[1]
    assert read_unsubscribe_token(token) == (officer.pk, kind)


def test_the_link_is_in_the_recipients_language(officer):
    officer.preferred_language = "ar"
    officer.save()
    notification = NotificationFactory(recipient=officer, kind="hub.mention")

    send_notification_emails([notification.pk])

    message = mail.outbox[0]
    assert _link(message.extra_headers["List-Unsubscribe"]).startswith(
        f"{settings.SITE_URL}/ar/hub/unsubscribe/"
    )
    assert message.subject == notification.message["ar"]
    assert 'dir="rtl"' in message.alternatives[0][0]


def test_the_header_link_unsubscribes_in_one_click(client, officer):
    notification = NotificationFactory(recipient=officer, kind="hub.mention")
    send_notification_emails([notification.pk])
    url = _link(mail.outbox[0].extra_headers["List-Unsubscribe"])

    response = client.post(url.removeprefix(settings.SITE_URL), {"List-Unsubscribe": "One-Click"})

    assert response.status_code == 200
    assert MemberSettings.objects.get(user=officer).email_on_mention is False


def _publish_like_the_threads_do(recipients, kind, field):  # type: ignore[no-untyped-def]
    """What the publishing service passes: a predicate reading each person's settings."""
    preferences = {s.user_id: s for s in MemberSettings.objects.filter(user__in=recipients)}
    notify(
        recipients=recipients,
        kind=kind,
        message=lambda: "Karim replied in “Border checks”",
        url="/hub/threads/1/",
        email=lambda user: getattr(preferences[user.pk], field),
    )


@pytest.mark.parametrize(
    ("kind", "field"), [("hub.mention", "email_on_mention"), ("hub.reply", "email_on_reply")]
)
def test_emails_only_to_those_who_chose_them(
    django_capture_on_commit_callbacks, officer, focal_point, kind, field
):
    wants, declines = settings_for(officer), settings_for(focal_point)
    MemberSettings.objects.filter(pk=wants.pk).update(**{field: True})
    MemberSettings.objects.filter(pk=declines.pk).update(**{field: False})

    with django_capture_on_commit_callbacks(execute=True):
        _publish_like_the_threads_do([officer, focal_point], kind, field)

    assert [message.to for message in mail.outbox] == [[officer.email]]


def test_invitation_to_a_space_cannot_be_stopped_and_has_no_unsubscribe_header(officer):
    notification = NotificationFactory(recipient=officer, kind="hub.invitation")

    send_notification_emails([notification.pk])

    message = mail.outbox[0]
    assert "List-Unsubscribe" not in message.extra_headers
    assert "/hub/unsubscribe/" not in message.body
