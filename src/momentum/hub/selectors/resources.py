"""Reads of the resource library, scoped to what the reader may read.

A resource shared in a space is read by those who read the space; one with no space by everyone
who uses the hub. Unpublished resources are seen by those who may manage them only.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch, Q, QuerySet
from django.http import Http404

from momentum.core.text import search_terms
from momentum.hub.models import Resource, ResourceVersion, Space, Tag
from momentum.hub.selectors import access


def readable_resources(user: Any) -> QuerySet[Resource]:
    """The resources ``user`` may read (published ones; staff also see the others)."""
    if not access.uses_hub(user):
        return Resource.objects.none()
    if user.is_programme_staff:
        return Resource.objects.all()
    readable = Q(space__isnull=True) | Q(space__in=access.readable_spaces(user).values("pk"))
    return Resource.objects.filter(readable, is_published=True)


def resources_for(
    user: Any,
    *,
    kind: str = "",
    language: str = "",
    thematic_area: Any = None,
    country: Any = None,
    tag: str = "",
    text: str = "",
) -> QuerySet[Resource]:
    """The library as ``user`` may read it, filtered, newest first; tags prefetched (one
    query for the page, one for its tags)."""
    found = readable_resources(user).select_related("space", "thematic_area", "country")
    if kind:
        found = found.filter(kind=kind)
    if language:
        found = found.filter(language=language)
    if thematic_area is not None:
        found = found.filter(thematic_area=thematic_area)
    if country is not None:
        found = found.filter(country=country)
    if tag:
        found = found.filter(tags__slug=tag)
    for term in search_terms(text):
        found = found.filter(search_key__contains=term)
    return found.prefetch_related("tags").order_by("-updated_at", "-pk")


def can_manage_resources_in(user: Any, space: Space | None) -> bool:
    """Staff manage every resource; a space's moderators, those shared in their space."""
    if not access.uses_hub(user):
        return False
    if user.is_programme_staff:
        return True
    return space is not None and access.can_moderate(user, space)


def manageable_spaces(user: Any) -> QuerySet[Space]:
    """The spaces ``user`` may share resources in (for the form's choices)."""
    spaces = access.readable_spaces(user).filter(archived_at__isnull=True)
    if user.is_programme_staff:
        return spaces.order_by("slug")
    ids = [space.pk for space in spaces if access.can_moderate(user, space)]
    return Space.objects.filter(pk__in=ids).order_by("slug")


def may_add_resources(user: Any) -> bool:
    return bool(
        access.uses_hub(user) and (user.is_programme_staff or manageable_spaces(user).exists())
    )


def get_resource_for(user: Any, pk: int, *, write: bool = False) -> Resource:
    """The resource with what its page shows, or 404 if ``user`` may not read it; 403 when
    ``write`` is asked by a reader who may not manage it."""
    resource = (
        Resource.objects.select_related("space", "thematic_area", "country")
        .prefetch_related(
            "tags",
            Prefetch(
                "versions",
                queryset=ResourceVersion.objects.order_by("-number"),
            ),
        )
        .filter(pk=pk)
        .first()
    )
    if resource is None or not _may_read(user, resource):
        raise Http404
    if write and not can_manage_resources_in(user, resource.space):
        raise PermissionDenied
    return resource


def _may_read(user: Any, resource: Resource) -> bool:
    if not access.uses_hub(user):
        return False
    if not resource.is_published and not can_manage_resources_in(user, resource.space):
        return False
    return resource.space is None or access.can_read(user, resource.space)


def newest_version(resource: Resource) -> ResourceVersion | None:
    return resource.versions.order_by("-number").first()


def used_tags(user: Any) -> QuerySet[Tag]:
    """Tags of the resources ``user`` may read, for the filter's choices (a private space's
    tags are not shown to others)."""
    return (
        Tag.objects.filter(resources__in=readable_resources(user).values("pk"))
        .distinct()
        .order_by("name")
    )
