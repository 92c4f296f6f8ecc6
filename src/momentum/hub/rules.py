"""Who may do what in the Knowledge Hub. Pages, the API, search and downloads all ask these
predicates; the answers themselves live in ``selectors.access``."""

from __future__ import annotations

from typing import Any

import rules

from momentum.hub.selectors import access
from momentum.hub.selectors import threads as selectors_threads
from momentum.people.models import Role


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


@rules.predicate
def can_reply_to_thread(user: Any, thread: Any) -> bool:
    return thread is not None and uses_hub(user) and selectors_threads.may_reply(user, thread)


@rules.predicate
def can_edit_post(user: Any, post: Any) -> bool:
    return post is not None and uses_hub(user) and selectors_threads.may_edit(user, post)


@rules.predicate
def can_read_post(user: Any, post: Any) -> bool:
    return post is not None and access.can_read_post(user, post)


rules.add_perm("hub.reply_to_thread", can_reply_to_thread)
rules.add_perm("hub.edit_post", can_edit_post)
rules.add_perm("hub.read_post", can_read_post)

# --- resources ---


@rules.predicate
def may_add_resources(user: Any) -> bool:
    from momentum.hub.selectors.resources import may_add_resources as may_add

    return may_add(user)


@rules.predicate
def can_manage_resource(user: Any, resource: Any) -> bool:
    from momentum.hub.selectors.resources import can_manage_resources_in

    return resource is not None and can_manage_resources_in(user, resource.space)


# Staff add resources anywhere; a space's moderators add and edit those shared in their space.
rules.add_perm("hub.add_resource", may_add_resources)
rules.add_perm("hub.manage_resource", can_manage_resource)

# --- search ---

# --- notifications ---

# --- moderation ---


@rules.predicate
def moderates_anything(user: Any) -> bool:
    from momentum.hub.selectors.moderation import moderates_anything as moderates

    return moderates(user)


@rules.predicate
def can_flag_post(user: Any, post: Any) -> bool:
    from momentum.hub.selectors.moderation import may_flag

    return post is not None and may_flag(user, post)


# Staff, hub moderators and anyone moderating a space: the overview of moderation.
rules.add_perm("hub.moderate_anything", moderates_anything)


@rules.predicate
def moderates_the_hub(user: Any) -> bool:
    return bool(access.uses_hub(user) and (user.is_programme_staff or Role.MODERATOR in user.roles))


# The navigation entry: asked on every page, so it reads roles only (no query); a space's own
# moderators reach the queue from their space's page.
rules.add_perm("hub.moderate_hub", moderates_the_hub)
# Readers report published posts of others.
rules.add_perm("hub.flag_post", can_flag_post)
