"""How members appear to others, and the lists of a space's members and requests.

``display_names(users, language)`` answers, in one query, how each person is shown: their full
name in the reader's script (Arabic on Arabic pages when known) or their initials, as they
chose in their hub settings, with their photo only if they agreed to show it. Pages build the
mapping once and hand it to the ``{% hub_author %}`` tag (see ``templatetags/hub.py``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Any

from django.db.models import Case, OuterRef, QuerySet, Subquery, Value, When
from django.urls import reverse
from django.utils.translation import gettext as _

from momentum.hub.models import (
    MemberRole,
    MemberSettings,
    Membership,
    MembershipStatus,
    NameDisplay,
    Space,
)
from momentum.people.models import Role, RoleAssignment, User


@dataclass(frozen=True)
class Display:
    """How one person appears in the hub to a reader."""

    name: str  # full name in the reader's script, or initials, as the person chose
    initials: str
    photo_url: str | None
    handle: str
    # For a person shown by initials: the role and country she writes from, so readers know
    # who is speaking ("Officer, Jordan") without her name.
    writes_from: str = ""


def _initials(name: str) -> str:
    """ "Leila Haddad" → "L. H."; "ليلى حداد" → "ل. ح."."""
    return " ".join(f"{part[0]}." for part in name.split() if part)


def display_for(user: User, settings: MemberSettings | None, language: str) -> Display:
    """How ``user`` appears, given their settings (None: not chosen yet, full name)."""
    full = user.display_name(language)
    if full == user.email:
        # Nobody's e-mail address is shown in the hub.
        full = settings.handle if settings is not None else ""
    initials = _initials(full) if full else ""
    shows_full = settings is None or settings.name_display == NameDisplay.FULL
    photo_url = None
    if settings is not None and settings.show_photo and settings.photo:
        photo_url = reverse("hub:member_photo", args=[user.pk])
    return Display(
        name=(full if shows_full else initials) or "?",
        initials=initials or "?",
        photo_url=photo_url,
        handle=settings.handle if settings is not None else "",
    )


def display_names(users: Iterable[User | int], language: str) -> dict[int, Display]:
    """How each of ``users`` (objects or ids) appears to a reader of ``language``, by user id.

    One query for the settings (and one for the users when given ids)."""
    given = list(users)
    objects = [user for user in given if isinstance(user, User)]
    ids = {user for user in given if isinstance(user, int)} - {user.pk for user in objects}
    if ids:
        objects += list(User.objects.filter(pk__in=ids))
    people = {user.pk: user for user in objects}
    if not people:
        return {}
    settings = {
        s.user_id: s
        for s in MemberSettings.objects.filter(user_id__in=people.keys()).annotate(
            writes_as=_first_role("role"), writes_in=_first_role(_country_name(language))
        )
    }
    displays = {pk: display_for(user, settings.get(pk), language) for pk, user in people.items()}
    for pk, member in settings.items():
        if member.name_display != NameDisplay.FULL and member.writes_as:
            displays[pk] = replace(displays[pk], writes_from=_writes_from(member))
    return displays


# The role a person shown by initials is said to write from: the first she holds in this order.
_ROLE_ORDER = (
    Role.FOCAL_POINT,
    Role.BOARD_MEMBER,
    Role.OFFICER,
    Role.TRAINER,
    Role.MENTOR,
    Role.MODERATOR,
    Role.STAFF,
)


def _country_name(language: str) -> str:
    code = (language or "en")[:2]
    return f"country__name_{code if code in ('ar', 'fr', 'en') else 'en'}"


def _first_role(field: str) -> Subquery:
    """A field of the member's first role in ``_ROLE_ORDER``, read in the settings' query."""
    rank = Case(
        *(When(role=role, then=Value(index)) for index, role in enumerate(_ROLE_ORDER)),
        default=Value(len(_ROLE_ORDER)),
    )
    first = (
        RoleAssignment.objects.filter(user_id=OuterRef("user_id"), role__in=_ROLE_ORDER)
        .annotate(rank=rank)
        .order_by("rank", "pk")
        .values(field)[:1]
    )
    return Subquery(first)


def _writes_from(member: Any) -> str:
    """ "Officer, Jordan" (the country in the reader's language), or the role alone."""
    role = Role(member.writes_as).label
    if member.writes_in:
        return _("%(role)s, %(country)s") % {"role": role, "country": member.writes_in}
    return str(role)


def active_members(space: Space) -> QuerySet[Membership]:
    """The space's active members, moderators first, with their users."""
    return (
        Membership.objects.filter(space=space, status=MembershipStatus.ACTIVE)
        .select_related("user")
        .order_by("-role", "user__family_name", "user__given_name", "pk")
    )


def pending_requests(space: Space) -> QuerySet[Membership]:
    """Requests to join waiting for a moderator, oldest first."""
    return (
        Membership.objects.filter(space=space, status=MembershipStatus.REQUESTED)
        .select_related("user")
        .order_by("created_at", "pk")
    )


def pending_invitations(space: Space) -> QuerySet[Membership]:
    return (
        Membership.objects.filter(space=space, status=MembershipStatus.INVITED)
        .select_related("user")
        .order_by("created_at", "pk")
    )


def space_moderators(space: Space) -> list[User]:
    """The space's own moderators (active members with the moderator role)."""
    return [
        membership.user
        for membership in Membership.objects.filter(
            space=space, status=MembershipStatus.ACTIVE, role=MemberRole.MODERATOR
        ).select_related("user")
    ]


def invitable_people(space: Space, text: str, *, limit: int = 20) -> list[User]:
    """Hub users matching ``text`` (any script) who are not already in or invited to ``space``."""
    from momentum.core.text import search_terms
    from momentum.people.models import Role

    terms = search_terms(text)
    if not terms:
        return []
    queryset = User.objects.filter(is_active=True).exclude(
        hub_memberships__space=space,
        hub_memberships__status__in=[MembershipStatus.ACTIVE, MembershipStatus.INVITED],
    )
    # Donors observe aggregates only: they never take part in the hub.
    queryset = queryset.filter(
        role_assignments__role__in=[role for role in Role.values if role != Role.DONOR]
    )
    for term in terms:
        queryset = queryset.filter(search_key__contains=term)
    return list(queryset.distinct().order_by("family_name", "given_name", "pk")[:limit])


def settings_of(user: Any) -> MemberSettings | None:
    return MemberSettings.objects.filter(user=user).first()
