"""Reads about people, always scoped to what the reader may see."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Case, Count, QuerySet, Value, When
from django.http import Http404

from momentum.core.counting import cached_rows
from momentum.core.models import Country
from momentum.people.models import Invitation, Profile, Role, User
from momentum.people.signals import PROFILES


def officers_for(
    user: Any,
    *,
    country: Country | None = None,
    sex: str = "",
    rank_level: str = "",
    area_of_work: str = "",
    text: str = "",
    language: str = "",
) -> QuerySet[Profile]:
    """The officers ``user`` may see, filtered, ordered by name: in Arabic by the Arabic-script
    name (those without one last, by their Latin name), otherwise by the Latin name."""
    profiles = Profile.objects.visible_to(user).with_related()
    if country is not None:
        profiles = profiles.filter(country=country)
    if sex:
        profiles = profiles.filter(sex=sex)
    if rank_level:
        profiles = profiles.filter(rank_level=rank_level)
    if area_of_work:
        profiles = profiles.filter(areas_of_work__code=area_of_work)
    if text:
        profiles = profiles.search(text)
    # Ordered on the user's columns only (the user id breaks ties: one profile per user), so
    # that PostgreSQL reads a page from the user's name indexes instead of sorting them all.
    if language == "ar":
        return profiles.order_by(
            Case(When(user__family_name_ar="", then=Value(1)), default=Value(0)),
            "user__family_name_ar",
            "user__given_name_ar",
            "user__family_name",
            "user__given_name",
            "user_id",
        )
    return profiles.order_by("user__family_name", "user__given_name", "user_id")


def get_profile_for(user: Any, pk: int, *, write: bool = False) -> Profile:
    """The profile, or 404 when it is outside the reader's scope, 403 when only read is allowed."""
    profile = Profile.objects.visible_to(user).with_related().filter(pk=pk).first()
    if profile is None:
        raise Http404
    if write and not user.has_perm("people.change_profile", profile):
        raise PermissionDenied
    return profile


def countries_for_officer_lists(user: Any) -> QuerySet[Country]:
    if user.is_programme_staff:
        return Country.objects.all()
    return Country.objects.filter(pk__in=user.countries_for(Role.FOCAL_POINT))


def officer_counts(user: Any) -> dict[str, Any]:
    """Aggregates only: officers by country and sex (safe for a donor observer)."""
    rows = cached_rows(
        PROFILES,
        Profile.objects.values("country__code", "sex")
        .annotate(n=Count("pk"))
        .order_by("country__code", "sex"),
    )
    table: dict[str, dict[str, int]] = {}
    for row in rows:
        table.setdefault(row["country__code"], {})[row["sex"]] = row["n"]
    return {
        "by_country": table,
        "total": sum(sum(by_sex.values()) for by_sex in table.values()),
        "women": sum(by_sex.get("female", 0) for by_sex in table.values()),
    }


def invitations_for(user: Any) -> QuerySet[Invitation]:
    return Invitation.objects.visible_to(user).select_related("country", "invited_by")


def pending_invitations_count(user: Any) -> int:
    return Invitation.objects.visible_to(user).pending().count()


def accounts_for(
    user: Any, *, text: str = "", role: str = "", country: Country | None = None
) -> QuerySet[User]:
    """Every account, for programme staff only (the caller checks the permission)."""
    from django.db.models import Prefetch

    from momentum.people.models import RoleAssignment

    accounts = User.objects.prefetch_related(
        Prefetch("role_assignments", queryset=RoleAssignment.objects.select_related("country"))
    )
    if text:
        from momentum.core.text import search_terms

        for term in search_terms(text):
            accounts = accounts.filter(search_key__contains=term)
    if role:
        accounts = accounts.filter(role_assignments__role=role)
    if country is not None:
        accounts = accounts.filter(role_assignments__country=country)
    return accounts.distinct().order_by("family_name", "given_name", "email")
