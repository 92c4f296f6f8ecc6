"""Who may do what with people. Pages, the API and exports all ask these predicates."""

from __future__ import annotations

from typing import Any

import rules

from momentum.people.models import Invitation, Profile, Role


@rules.predicate
def is_programme_staff(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.is_programme_staff)


@rules.predicate
def is_focal_point(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.countries_for(Role.FOCAL_POINT))


@rules.predicate
def is_focal_point_for_profile(user: Any, profile: Profile | None) -> bool:
    if profile is None or not getattr(user, "is_authenticated", False):
        return False
    return profile.country_id in user.countries_for(Role.FOCAL_POINT)


@rules.predicate
def is_own_profile(user: Any, profile: Profile | None) -> bool:
    return profile is not None and profile.user_id == getattr(user, "pk", None)


@rules.predicate
def may_invite_to(user: Any, invitation: Invitation | None) -> bool:
    """Staff invite anyone to any role; a focal point invites officers of their country."""
    if not getattr(user, "is_authenticated", False):
        return False
    if user.is_programme_staff:
        return True
    if invitation is None:
        return bool(user.countries_for(Role.FOCAL_POINT))
    return invitation.role == Role.OFFICER and invitation.country_id in user.countries_for(
        Role.FOCAL_POINT
    )


rules.add_perm("people.list_officers", is_programme_staff | is_focal_point)
rules.add_perm(
    "people.view_profile", is_programme_staff | is_focal_point_for_profile | is_own_profile
)
rules.add_perm(
    "people.change_profile", is_programme_staff | is_focal_point_for_profile | is_own_profile
)
rules.add_perm("people.invite", may_invite_to)
rules.add_perm("people.bulk_invite", is_programme_staff | is_focal_point)
rules.add_perm("people.manage_accounts", is_programme_staff)
