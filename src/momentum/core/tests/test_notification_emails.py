"""Notification e-mails: sent after the commit, in the recipient's language, once; those a
person may stop carry the one-click unsubscribe, the others say why they cannot be stopped."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.core import mail
from django.utils.translation import gettext_lazy as _

from momentum.core.models import Notification
from momentum.core.notifications import notify, send_notification_emails
from momentum.core.tests.factories import NotificationFactory

pytestmark = pytest.mark.django_db


def _notify(recipients, *, kind="mentoring.check_in_due", email=True):  # type: ignore[no-untyped-def]
    return notify(
        recipients=recipients,
        kind=kind,
        message=lambda: str(_("Page not found")),  # a sentence translated in every catalogue
        url="/mentoring/pairs/3/",
        email=email,
    )


def test_emails_leave_after_the_commit_in_the_recipients_language(
    django_capture_on_commit_callbacks, officer
):
    officer.preferred_language = "fr"
    officer.save()

    with django_capture_on_commit_callbacks(execute=True):
        _notify([officer])

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [officer.email]
    assert message.subject == Notification.objects.get().message_in("fr")
    assert f"{settings.SITE_URL}/fr/mentoring/pairs/3/" in message.body


def test_a_predicate_chooses_who_gets_an_email(
    django_capture_on_commit_callbacks, officer, focal_point
):
    with django_capture_on_commit_callbacks(execute=True):
        _notify([officer, focal_point], email=lambda user: user.pk == focal_point.pk)

    assert [message.to for message in mail.outbox] == [[focal_point.email]]
    assert Notification.objects.count() == 2


def test_no_email_when_not_asked(django_capture_on_commit_callbacks, officer):
    with django_capture_on_commit_callbacks(execute=True):
        _notify([officer], email=False)

    assert mail.outbox == []


def test_programme_mails_cannot_be_stopped_and_say_so(officer):
    notification = NotificationFactory(recipient=officer, kind="mentoring.check_in_due")

    send_notification_emails([notification.pk])

    message = mail.outbox[0]
    assert "List-Unsubscribe" not in message.extra_headers
    assert "List-Unsubscribe-Post" not in message.extra_headers
    assert "is always sent" in message.body
    # the page where people choose their e-mails
    settings_page = f"{settings.SITE_URL}/en/hub/settings/"
    assert settings_page in message.body
    assert f'href="{settings_page}"' in message.alternatives[0][0]


def test_each_notification_is_emailed_once(officer):
    notification = NotificationFactory(recipient=officer)

    assert send_notification_emails([notification.pk]) == 1
    assert send_notification_emails([notification.pk]) == 0
    assert len(mail.outbox) == 1


def test_no_email_to_a_deactivated_account(officer):
    officer.is_active = False
    officer.save()
    notification = NotificationFactory(recipient=officer)

    assert send_notification_emails([notification.pk]) == 0
    assert mail.outbox == []


def test_subject_is_one_line_whatever_the_message(officer):
    notification = NotificationFactory(
        recipient=officer, message={"en": "Karim replied in “Line one\nline two”"}
    )

    send_notification_emails([notification.pk])

    assert mail.outbox[0].subject == "Karim replied in “Line one line two”"
