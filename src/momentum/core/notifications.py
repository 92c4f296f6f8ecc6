"""In-app notifications, written once in the three languages and, when asked, e-mailed in the
recipient's language by a background task.

Apps call ``notify`` from their services, inside the transaction that made the news; the
e-mails leave after the commit. Whether someone wants an e-mail is the calling app's decision
(the hub asks each member's settings; mentoring always tells both sides of a new pair)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import translation

from momentum.core.models import Notification

LANGUAGES = ("en", "fr", "ar")


def notify(
    *,
    recipients: Iterable[Any],
    kind: str,
    message: Callable[[], str],
    url: str = "",
    email: bool | Callable[[Any], bool] = False,
) -> list[Notification]:
    """Notify each recipient (once, however often they appear in ``recipients``).

    ``message`` builds the sentence in the active language; it is called once per language.
    ``url`` is a path without the language prefix. ``email`` is True, False or a predicate
    deciding per recipient."""
    texts = {}
    for language in LANGUAGES:
        with translation.override(language):
            texts[language] = str(message())
    unique = {user.pk: user for user in recipients if user is not None}
    notifications = Notification.objects.bulk_create(
        [
            Notification(recipient=user, kind=kind, message=texts, url=url)
            for user in unique.values()
        ]
    )
    to_email = [
        notification.pk
        for notification, user in zip(notifications, unique.values(), strict=True)
        if (email(user) if callable(email) else email) and notification.pk is not None
    ]
    if to_email:
        from momentum.core.tasks import send_notification_emails

        transaction.on_commit(lambda: send_notification_emails.enqueue(to_email))
    return notifications


def absolute_url(path: str, language: str) -> str:
    """The address of ``path`` (no language prefix) in ``language``, for e-mails."""
    if not path:
        return f"{settings.SITE_URL}/{language}/"
    return f"{settings.SITE_URL}/{language}{path}"


def send_notification_emails(notification_ids: list[int]) -> int:
    """E-mail each notification not yet e-mailed, in its recipient's language. Returns how
    many left."""
    from django.core.mail import EmailMultiAlternatives
    from django.template.loader import render_to_string
    from django.utils import timezone

    sent = 0
    pending = Notification.objects.select_related("recipient").filter(
        pk__in=notification_ids, emailed_at__isnull=True
    )
    for notification in pending:
        recipient = notification.recipient
        if not recipient.is_active:
            continue
        language = recipient.preferred_language
        with translation.override(language):
            context = {
                "notification": notification,
                "message": notification.message_in(language),
                "url": absolute_url(notification.url, language),
                "recipient_name": recipient.display_name(language),
            }
            subject = notification.message_in(language)[:150]
            text = render_to_string("core/email/notification.txt", context)
            html = render_to_string("core/email/notification.html", context)
        email = EmailMultiAlternatives(subject, text, to=[recipient.email])
        email.attach_alternative(html, "text/html")
        email.send()
        Notification.objects.filter(pk=notification.pk).update(emailed_at=timezone.now())
        sent += 1
    return sent
