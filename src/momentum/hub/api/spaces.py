"""The API of spaces: the spaces a caller may see, with their membership, and one space."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.core.paginator import Paginator
from django.http import HttpRequest
from ninja import Query, Router, Schema

from momentum.hub.api.common import ErrorOut, in_callers_language, page_number, require_hub
from momentum.hub.models import JoinPolicy, MemberRole, MembershipStatus, Space, SpaceKind
from momentum.hub.selectors import access
from momentum.hub.selectors.spaces import with_activity
from momentum.people.models import Language

router = Router()

SPACES_PER_PAGE = 50


class MembershipOut(Schema):
    """The caller's own standing in a space."""

    status: MembershipStatus
    role: MemberRole


class SpaceOut(Schema):
    id: int
    slug: str
    name: str  # in the caller's language
    name_en: str
    name_fr: str
    name_ar: str
    description: str
    kind: SpaceKind
    join_policy: JoinPolicy
    main_language: Language
    country: str | None  # ISO code of a country space
    thematic_area: str | None  # code of a thematic space's area
    is_private: bool
    member_count: int
    thread_count: int
    last_activity: datetime | None
    membership: MembershipOut | None
    can_read: bool
    can_post: bool


class SpacePageOut(Schema):
    count: int
    page: int
    pages: int
    items: list[SpaceOut]


class SpaceFilters(Schema):
    page: int = 1
    kind: SpaceKind | None = None


def _in_language(space: Space, field: str, language: str) -> str:
    for code in (language, "en", "fr", "ar"):
        value = getattr(space, f"{field}_{code}", "") or ""
        if value.strip():
            return str(value)
    return ""


def space_out(user: Any, space: Space, language: str) -> dict[str, Any]:
    """What the API says of ``space`` to ``user`` (annotated with ``with_activity``)."""
    membership = access.memberships_of(user).get(space.pk)
    return {
        "id": space.pk,
        "slug": space.slug,
        "name": _in_language(space, "name", language),
        "name_en": space.name_en or "",  # type: ignore[attr-defined]
        "name_fr": space.name_fr or "",  # type: ignore[attr-defined]
        "name_ar": space.name_ar or "",  # type: ignore[attr-defined]
        "description": _in_language(space, "description", language),
        "kind": space.kind,
        "join_policy": space.join_policy,
        "main_language": space.main_language,
        "country": space.country.code if space.country_id and space.country else None,
        "thematic_area": (
            space.thematic_area.code if space.thematic_area_id and space.thematic_area else None
        ),
        "is_private": space.is_private,
        "member_count": getattr(space, "member_count", 0) or 0,
        "thread_count": getattr(space, "thread_count", 0) or 0,
        "last_activity": getattr(space, "last_activity", None),
        "membership": (
            {"status": membership.status, "role": membership.role}
            if membership is not None
            else None
        ),
        "can_read": access.can_read(user, space),
        "can_post": access.can_post(user, space),
    }


@router.get("/hub/spaces", response={200: SpacePageOut, 403: ErrorOut})
def list_hub_spaces(request: HttpRequest, filters: Query[SpaceFilters]) -> Any:
    """The spaces the caller may see (open ones they may reach, private ones they may ask to
    join, belong to or are invited to), with counts and the caller's membership. 50 a page.

    Queries: the count, the page of spaces with their counts, the caller's memberships."""
    require_hub(request)
    user = request.user
    spaces = with_activity(Space.objects.visible_to(user)).select_related(
        "country", "thematic_area"
    )
    if filters.kind:
        spaces = spaces.filter(kind=filters.kind)
    paginator = Paginator(spaces.order_by("kind", "name", "pk"), SPACES_PER_PAGE)
    page = paginator.get_page(page_number(filters.page))
    with in_callers_language(request) as language:
        items = [space_out(user, space, language) for space in page.object_list]
    return {
        "count": paginator.count,
        "page": page.number,
        "pages": paginator.num_pages,
        "items": items,
    }


@router.get("/hub/spaces/{space_id}", response={200: SpaceOut, 403: ErrorOut, 404: ErrorOut})
def get_hub_space(request: HttpRequest, space_id: int) -> Any:
    """One space the caller may see; 404 for a space they may not know of."""
    require_hub(request)
    user = request.user
    space = access.get_space_for(user, space_id)
    counted = (
        with_activity(Space.objects.filter(pk=space.pk))
        .select_related("country", "thematic_area")
        .get()
    )
    with in_callers_language(request) as language:
        return space_out(user, counted, language)
