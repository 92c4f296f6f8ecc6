"""Writes for spaces: programme staff create, edit and archive them.

An edit carries the version the editor started from: if someone saved the space meanwhile,
the edit is refused (``code="stale"``) rather than silently overwriting their changes.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from momentum.core import audit
from momentum.core.models import Country, ThematicArea
from momentum.hub.models import Space, SpaceKind
from momentum.hub.services.members import set_moderators
from momentum.people.models import User

LANGUAGES = ("en", "fr", "ar")


@dataclass
class SpaceData:
    """What a staff member writes about a space."""

    name_en: str
    name_fr: str
    name_ar: str
    kind: str
    join_policy: str
    main_language: str
    description_en: str = ""
    description_fr: str = ""
    description_ar: str = ""
    country: Country | None = None
    thematic_area: ThematicArea | None = None
    hold_first_posts: int = 0
    moderators: list[User] = field(default_factory=list)


def _check(data: SpaceData) -> None:
    errors: dict[str, str] = {}
    if data.kind == SpaceKind.COUNTRY and data.country is None:
        errors["country"] = _("A country space needs its country.")
    if data.kind != SpaceKind.COUNTRY and data.country is not None:
        errors["country"] = _("Only country spaces belong to a country.")
    if data.kind == SpaceKind.THEMATIC and data.thematic_area is None:
        errors["thematic_area"] = _("A thematic space needs its thematic area.")
    for language in LANGUAGES:
        if not getattr(data, f"name_{language}").strip():
            errors[f"name_{language}"] = _("Give the space a name in each language.")
    if errors:
        raise ValidationError(errors)


def _may_manage(user: User) -> None:
    if not (getattr(user, "is_authenticated", False) and user.is_programme_staff):
        raise PermissionDenied


def _unique_slug(name: str) -> str:
    base = (slugify(name) or "space")[:50]
    slug, number = base, 2
    while Space.objects.filter(slug=slug).exists():
        slug = f"{base}-{number}"
        number += 1
    return slug


def _apply(space: Space, data: SpaceData) -> dict[str, object]:
    """Copy ``data`` onto ``space``; return the fields that changed (for the audit)."""
    changed: dict[str, object] = {}
    values: dict[str, object] = {
        "kind": data.kind,
        "join_policy": data.join_policy,
        "main_language": data.main_language,
        "country_id": data.country.pk if data.country else None,
        "thematic_area_id": data.thematic_area.pk if data.thematic_area else None,
        "hold_first_posts": data.hold_first_posts,
    }
    for language in LANGUAGES:
        values[f"name_{language}"] = getattr(data, f"name_{language}").strip()
        values[f"description_{language}"] = getattr(data, f"description_{language}").strip()
    for name, value in values.items():
        if getattr(space, name) != value:
            changed[name] = value if not name.startswith("description") else "…"
            setattr(space, name, value)
    return changed


@transaction.atomic
def create_space(*, data: SpaceData, by: User) -> Space:
    _may_manage(by)
    _check(data)
    space = Space(slug=_unique_slug(data.name_en), created_by=by)
    _apply(space, data)
    space.save()
    set_moderators(space=space, moderators=data.moderators, by=by)
    audit.record(
        by,
        "hub.space.create",
        space,
        country=data.country,
        kind=data.kind,
        join_policy=data.join_policy,
        moderators=[user.pk for user in data.moderators],
    )
    return space


@transaction.atomic
def update_space(*, space: Space, data: SpaceData, version: int, by: User) -> Space:
    """Save an edit made from ``version``; refused if the space changed since."""
    _may_manage(by)
    current = Space.objects.select_for_update().get(pk=space.pk)
    if current.version != version:
        raise ValidationError(
            _(
                "Someone else saved this space while you were editing it. Your changes were "
                "not saved: reload the page to see theirs, then make yours again."
            ),
            code="stale",
        )
    _check(data)
    changed = _apply(current, data)
    current.version += 1
    current.save()
    set_moderators(space=current, moderators=data.moderators, by=by)
    audit.record(
        by,
        "hub.space.update",
        current,
        country=current.country,
        changed=changed,
        moderators=[user.pk for user in data.moderators],
    )
    return current


@transaction.atomic
def archive_space(*, space: Space, by: User) -> Space:
    """Archive a space: it leaves every list; nothing in it is deleted."""
    _may_manage(by)
    current = Space.objects.select_for_update().get(pk=space.pk)
    if current.archived_at is not None:
        raise ValidationError(_("This space is already archived."), code="archived")
    current.archived_at = timezone.now()
    current.version += 1
    current.save(update_fields=["archived_at", "version"])
    audit.record(by, "hub.space.archive", current, country=current.country)
    return current
