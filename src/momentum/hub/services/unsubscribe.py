"""Stopping the hub's e-mails from the signed link every e-mail carries.

Three streams can be stopped, each by one setting: mention e-mails (``email_on_mention``),
reply e-mails (``email_on_reply``) and the digest (``digest`` = never). Core signs the tokens
(``momentum.core.notifications``); the hub registers here which topics it stops and where."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from momentum.core import audit
from momentum.core.notifications import register_email_settings, register_unsubscribe
from momentum.hub.models import DigestFrequency, MemberSettings

MENTION = "hub.mention"
REPLY = "hub.reply"
DIGEST = "hub.digest"
TOPICS = (MENTION, REPLY, DIGEST)

UNSUBSCRIBE_URL_NAME = "hub:unsubscribe"
SETTINGS_URL_NAME = "hub:settings"


def register_email_choices() -> None:
    """Called once from the app's ``ready``: mentions, replies and the digest can be stopped
    from their e-mails; the hub's settings page is where people choose."""
    for topic in TOPICS:
        register_unsubscribe(topic, url_name=UNSUBSCRIBE_URL_NAME)
    register_email_settings(SETTINGS_URL_NAME)


def is_subscribed(settings: MemberSettings | None, topic: str) -> bool:
    """Whether the e-mails of ``topic`` still go out (no settings yet: the defaults)."""
    if settings is None:
        settings = MemberSettings()
    if topic == MENTION:
        return settings.email_on_mention
    if topic == REPLY:
        return settings.email_on_reply
    if topic == DIGEST:
        return settings.digest != DigestFrequency.NEVER
    raise ValueError(f"Unknown topic {topic!r}")


@transaction.atomic
def unsubscribe(*, user: Any, topic: str, one_click: bool = False) -> bool:
    """Stop the e-mails of ``topic`` for ``user``. Returns False when they were already
    stopped (the link may be followed twice). Recorded in the audit log either way."""
    if topic not in TOPICS:
        raise ValueError(f"Unknown topic {topic!r}")
    from momentum.hub.services.members import settings_for

    settings = MemberSettings.objects.select_for_update().get(pk=settings_for(user).pk)
    changed = is_subscribed(settings, topic)
    if changed:
        if topic == MENTION:
            settings.email_on_mention = False
            settings.save(update_fields=["email_on_mention"])
        elif topic == REPLY:
            settings.email_on_reply = False
            settings.save(update_fields=["email_on_reply"])
        else:
            settings.digest = DigestFrequency.NEVER
            settings.save(update_fields=["digest"])
    audit.record(
        user, "hub.unsubscribe", settings, topic=topic, changed=changed, one_click=one_click
    )
    return changed
