"""In-app notifications, written once in the three languages and, when asked, e-mailed in the
recipient's language by a background task.

Apps call ``notify`` from their services, inside the transaction that made the news; the
e-mails leave after the commit. Whether someone wants an e-mail is the calling app's decision
(the hub asks each member's settings; mentoring always tells both sides of a new pair).

Every e-mail carries a signed link that stops its kind of e-mail, when the person may stop it
(see "unsubscribing" below). The reads and marks behind the notification list and the counter
in the header are here too."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.db.models import QuerySet
from django.http import Http404
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils import timezone, translation
from django.utils.http import url_has_allowed_host_and_scheme

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


def is_local_path(path: str) -> bool:
    """True for a path on this site ("/hub/threads/3/"), never for an address elsewhere
    ("//evil.example", "https://…", "/\\evil.example")."""
    return (
        path.startswith("/")
        and not path.startswith(("//", "/\\"))
        and "\\" not in path
        and url_has_allowed_host_and_scheme(path, allowed_hosts=None)
    )


# --- reading and marking --------------------------------------------------------------------


def unread_count(user: Any) -> int:
    """How many notifications ``user`` has not opened (one query)."""
    return Notification.objects.filter(recipient=user, read_at__isnull=True).count()


def notifications_for(user: Any) -> QuerySet[Notification]:
    """``user``'s own notifications, newest first."""
    return Notification.objects.filter(recipient=user).order_by("-created_at", "-pk")


def get_notification_for(user: Any, pk: int) -> Notification:
    """The notification if it is ``user``'s; 404 otherwise (nobody learns of another's)."""
    notification = Notification.objects.filter(pk=pk, recipient=user).first()
    if notification is None:
        raise Http404
    return notification


def mark_read(*, user: Any, notification: Notification) -> None:
    if notification.recipient_id != user.pk:
        raise Http404
    if notification.read_at is None:
        notification.read_at = timezone.now()
        Notification.objects.filter(pk=notification.pk, read_at__isnull=True).update(
            read_at=notification.read_at
        )


def mark_all_read(*, user: Any) -> int:
    """Mark every unread notification of ``user`` read; returns how many."""
    return Notification.objects.filter(recipient=user, read_at__isnull=True).update(
        read_at=timezone.now()
    )


# --- unsubscribing ---------------------------------------------------------------------------
#
# Every e-mail a person may stop carries a signed link that stops it (RFC 8058 one-click, and
# a page with one button for people). The token names the person and the *topic*: a
# notification kind ("hub.mention") or another stream of mail ("hub.digest"). Core only signs
# and reads tokens; the app that owns a topic registers the page that applies it (the hub from
# its AppConfig), so core never imports an activity app. Topics nobody registered (mentoring's
# programme mails, a space's invitation) cannot be stopped: their e-mails say so and point to
# the page where people choose their e-mails, and carry no List-Unsubscribe header.

UNSUBSCRIBE_SALT = "notifications.unsubscribe"
_unsubscribe_pages: dict[str, str] = {}  # topic → URL name of the page taking ``token``
_email_settings_pages: list[str] = []  # URL names of pages where people choose their e-mails


def register_unsubscribe(topic: str, *, url_name: str) -> None:
    """``url_name`` (taking a ``token`` argument) stops the e-mails of ``topic``."""
    _unsubscribe_pages[topic] = url_name


def register_email_settings(url_name: str) -> None:
    """The page where people choose which e-mails they receive."""
    if url_name not in _email_settings_pages:
        _email_settings_pages.append(url_name)


def can_unsubscribe(topic: str) -> bool:
    return topic in _unsubscribe_pages


def unsubscribe_token(user_pk: int, topic: str) -> str:
    """A signed token naming a person and a topic. It does not expire: a link in an old
    e-mail must still work."""
    return signing.dumps({"u": user_pk, "t": topic}, salt=UNSUBSCRIBE_SALT)


def read_unsubscribe_token(token: str) -> tuple[int, str]:
    """The person's id and the topic; raises ``signing.BadSignature`` for a token that was
    altered, made up or signed for another purpose."""
    data = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    if not isinstance(data, dict):
        raise signing.BadSignature("Not an unsubscribe token.")
    user_pk, topic = data.get("u"), data.get("t")
    if not isinstance(user_pk, int) or not isinstance(topic, str):
        raise signing.BadSignature("Not an unsubscribe token.")
    return user_pk, topic


def unsubscribe_url(user: Any, topic: str, language: str) -> str | None:
    """The absolute one-click address stopping ``topic`` for ``user``, in ``language``; None
    when the topic cannot be stopped."""
    url_name = _unsubscribe_pages.get(topic)
    if url_name is None:
        return None
    with translation.override(language):
        path = reverse(url_name, kwargs={"token": unsubscribe_token(user.pk, topic)})
    return f"{settings.SITE_URL}{path}"


def email_settings_url(language: str) -> str:
    """Where people choose their e-mails (the notification list when no app offers more)."""
    with translation.override(language):
        for url_name in _email_settings_pages:
            try:
                return f"{settings.SITE_URL}{reverse(url_name)}"
            except NoReverseMatch:
                continue
        return f"{settings.SITE_URL}{reverse('core:notifications')}"


def unsubscribe_headers(url: str | None) -> dict[str, str]:
    """RFC 2369 and RFC 8058 headers: mail programs show an "Unsubscribe" button that POSTs
    ``List-Unsubscribe=One-Click`` to ``url``."""
    if not url:
        return {}
    return {"List-Unsubscribe": f"<{url}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}


def one_line(text: str, limit: int = 150) -> str:
    """A subject line: no line breaks (a header cannot hold them), at most ``limit`` chars."""
    return " ".join(text.split())[:limit]


# --- e-mails ---------------------------------------------------------------------------------


def send_notification_emails(notification_ids: list[int]) -> int:
    """E-mail each notification not yet e-mailed, in its recipient's language, with the link
    that stops this kind of e-mail. Returns how many left."""
    sent = 0
    pending = Notification.objects.select_related("recipient").filter(
        pk__in=notification_ids, emailed_at__isnull=True
    )
    for notification in pending:
        recipient = notification.recipient
        if not recipient.is_active:
            continue
        language = recipient.preferred_language
        stop_url = unsubscribe_url(recipient, notification.kind, language)
        with translation.override(language):
            context = {
                "notification": notification,
                "message": notification.message_in(language),
                "url": absolute_url(notification.url, language),
                "recipient_name": recipient.display_name(language),
                "unsubscribe_url": stop_url,
                "settings_url": email_settings_url(language),
            }
            subject = one_line(notification.message_in(language))
            text = render_to_string("core/email/notification.txt", context)
            html = render_to_string("core/email/notification.html", context)
        email = EmailMultiAlternatives(
            subject, text, to=[recipient.email], headers=unsubscribe_headers(stop_url)
        )
        email.attach_alternative(html, "text/html")
        email.send()
        Notification.objects.filter(pk=notification.pk).update(emailed_at=timezone.now())
        sent += 1
    return sent
