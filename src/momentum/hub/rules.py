"""Who may do what in the Knowledge Hub. Pages, the API, search and downloads all ask these
predicates; the answers themselves live in ``selectors.access``."""

from __future__ import annotations

from typing import Any

import rules

from momentum.hub.selectors import access


@rules.predicate
def is_programme_staff(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.is_programme_staff)


@rules.predicate
def uses_hub(user: Any) -> bool:
    return access.uses_hub(user)


@rules.predicate
def can_see_space(user: Any, space: Any) -> bool:
    return space is not None and access.can_see(user, space)


@rules.predicate
def can_read_space(user: Any, space: Any) -> bool:
    return space is not None and access.can_read(user, space)


@rules.predicate
def can_post_in_space(user: Any, space: Any) -> bool:
    return space is not None and access.can_post(user, space)


@rules.predicate
def can_moderate_space(user: Any, space: Any) -> bool:
    return space is not None and access.can_moderate(user, space)


rules.add_perm("hub.use_hub", uses_hub)
rules.add_perm("hub.see_space", can_see_space)
rules.add_perm("hub.read_space", can_read_space)
rules.add_perm("hub.post_in_space", can_post_in_space)
rules.add_perm("hub.moderate_space", can_moderate_space)
rules.add_perm("hub.manage_spaces", is_programme_staff)
rules.add_perm("hub.manage_watched_terms", is_programme_staff)
# Members' lists are read by those who read the space's content (members, moderators, staff):
# never by someone who may only ask to join.
rules.add_perm("hub.view_members", can_read_space)

# --- spaces and membership ---

# --- threads and posts ---

# --- resources ---

# --- search ---

# --- notifications ---

# --- moderation ---
