"""What waits for a hub moderator on her home page: the moderation queue (one query)."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils.translation import ngettext

from momentum.core.home import NextStep, register
from momentum.hub.selectors.moderation import overview


@register
def hub_steps(user: Any) -> list[NextStep]:
    if not user.has_perm("hub.moderate_hub"):
        return []
    waiting = sum(getattr(space, "pending", 0) or 0 for space in overview(user))
    if not waiting:
        return []
    text = ngettext(
        "%(count)s post waits in the moderation queue.",
        "%(count)s posts wait in the moderation queue.",
        waiting,
    ) % {"count": waiting}
    return [NextStep(text, reverse("hub:moderation"), count=waiting, priority=20, app="hub")]
