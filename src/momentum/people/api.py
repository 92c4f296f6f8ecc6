"""The people router of the JSON API: the caller's own account and the officers they may see."""

from typing import Any, cast

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from ninja import Field, FilterSchema, Query, Router, Schema
from ninja.pagination import PageNumberPagination, paginate

from momentum.core.counting import cached_count
from momentum.core.models import Country
from momentum.people import selectors
from momentum.people.models import Profile, Rank, RankLevel, Sex, User
from momentum.people.signals import PROFILES

router = Router(tags=["people"])


class ProfilePagination(PageNumberPagination):
    """Pages of profiles whose total is cached until a profile changes (core.counting)."""

    def _items_count(self, queryset: Any) -> int:
        return cached_count(PROFILES, queryset)


class RoleOut(Schema):
    role: str
    country: str | None = Field(None, alias="country.code")


class MeOut(Schema):
    id: int
    email: str
    given_name: str
    family_name: str
    given_name_ar: str
    family_name_ar: str
    preferred_language: str
    roles: list[RoleOut]


def _name_in(rank: Rank, language: str) -> str:
    """One language's column of the rank's name (modeltranslation), empty when missing."""
    return str(getattr(rank, f"name_{language}") or "")


class RankOut(Schema):
    """A rank with its names in the three languages; ``name`` is in the request's language."""

    id: int
    name: str
    name_ar: str
    name_fr: str
    name_en: str
    level: str

    @staticmethod
    def resolve_name(rank: Rank) -> str:
        return str(rank)

    @staticmethod
    def resolve_name_ar(rank: Rank) -> str:
        return _name_in(rank, "ar")

    @staticmethod
    def resolve_name_fr(rank: Rank) -> str:
        return _name_in(rank, "fr")

    @staticmethod
    def resolve_name_en(rank: Rank) -> str:
        return _name_in(rank, "en")


class PersonOut(Schema):
    id: int
    email: str = Field(..., alias="user.email")
    given_name: str = Field(..., alias="user.given_name")
    family_name: str = Field(..., alias="user.family_name")
    given_name_ar: str = Field(..., alias="user.given_name_ar")
    family_name_ar: str = Field(..., alias="user.family_name_ar")
    sex: str
    country: str = Field(..., alias="country.code")
    agency: str | None = Field(None, alias="agency.name")
    rank: RankOut | None
    rank_level: str
    areas_of_work: list[str]
    languages: list[str]

    @staticmethod
    def resolve_areas_of_work(profile: Profile) -> list[str]:
        return [area.code for area in profile.areas_of_work.all()]


class PeopleFilter(FilterSchema):
    country: str | None = Field(None, description="ISO code of a country, e.g. JO")
    # Enums, so a misspelt value is refused (422) rather than silently matching nobody.
    sex: Sex | None = None
    rank_level: RankLevel | None = None
    q: str | None = Field(None, description="Part of a name, in Latin or Arabic script")


@router.get("/me", response=MeOut)
def me(request: HttpRequest) -> dict[str, object]:
    """The caller's own account and roles."""
    user = cast(User, request.user)  # every route needs authentication
    return {
        "id": user.pk,
        "email": user.email,
        "given_name": user.given_name,
        "family_name": user.family_name,
        "given_name_ar": user.given_name_ar,
        "family_name_ar": user.family_name_ar,
        "preferred_language": user.preferred_language,
        "roles": user._assignments(),
    }


@router.get("/people", response=list[PersonOut])
@paginate(ProfilePagination, page_size=50)
def list_people(request: HttpRequest, filters: Query[PeopleFilter]) -> object:
    """Officers the caller may see (staff: all; focal point: own country), filterable."""
    user = request.user
    if not user.has_perm("people.list_officers"):
        raise PermissionDenied
    country = None
    if filters.country:
        country = Country.objects.filter(code=filters.country.upper()).first()
        if country is None:
            return Profile.objects.none()
    return selectors.officers_for(
        user,
        country=country,
        sex=filters.sex or "",
        rank_level=filters.rank_level or "",
        text=filters.q or "",
    )


@router.get("/people/{person_id}", response=PersonOut)
def get_person(request: HttpRequest, person_id: int) -> Profile:
    """One officer's profile; 404 when it is outside the caller's scope."""
    return selectors.get_profile_for(request.user, person_id)
