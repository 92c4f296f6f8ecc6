"""Writes for the resource library: staff (and a space's moderators, for its resources) add and
edit resources and upload new versions; every download is counted."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import F
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _

from momentum.core import audit
from momentum.core.models import Country, ThematicArea
from momentum.core.text import search_key
from momentum.hub.files import check_upload
from momentum.hub.models import (
    Download,
    Resource,
    ResourceKind,
    ResourceVersion,
    Space,
    Tag,
)
from momentum.hub.selectors.resources import can_manage_resources_in
from momentum.hub.services.search_index import index_resource

LANGUAGES = ("ar", "fr", "en")
DEFAULT_MAX_BYTES = 25 * 1024 * 1024
MAX_TAGS = 20
_TAG_SEPARATORS = re.compile("[,،;]")
_AUDITED_FIELDS = (
    *(f"{name}_{code}" for name in ("title", "description") for code in LANGUAGES),
    "kind",
    "language",
    "thematic_area_id",
    "country_id",
    "space_id",
    "url",
    "is_published",
)


def max_upload_bytes() -> int:
    return int(getattr(settings, "HUB_RESOURCE_MAX_BYTES", DEFAULT_MAX_BYTES))


def tag_names(raw: str) -> list[str]:
    """The tag names written in ``raw`` (comma-separated, Arabic commas too), trimmed, without
    repeats (case-insensitive), in the order given."""
    names: list[str] = []
    seen: set[str] = set()
    for part in _TAG_SEPARATORS.split(raw or ""):
        name = " ".join(part.split())[:60]
        if name and name.casefold() not in seen:
            seen.add(name.casefold())
            names.append(name)
    return names


def is_web_address(url: str) -> bool:
    """Only http(s) addresses are stored: ``javascript:`` or ``data:`` links never reach a page."""
    parts = urlsplit(url)
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def resource_search_key(resource: Resource) -> str:
    return search_key(
        *(getattr(resource, f"title_{code}") or "" for code in LANGUAGES),
        *(getattr(resource, f"description_{code}") or "" for code in LANGUAGES),
        *(tag.name for tag in resource.tags.all()),
    )


def _tags_for(names: Iterable[str]) -> list[Tag]:
    tags: list[Tag] = []
    for name in names:
        slug = slugify(name, allow_unicode=True)[:60] or None
        existing = Tag.objects.filter(name__iexact=name).first() or (
            Tag.objects.filter(slug=slug).first() if slug else None
        )
        if existing is None:
            existing = Tag.objects.create(name=name, slug=slug or _free_slug())
        tags.append(existing)
    return tags


def _free_slug() -> str:
    return f"tag-{Tag.objects.count() + 1}-{timezone.now():%H%M%S%f}"


def _validate(
    *,
    titles: dict[str, str],
    kind: str,
    language: str,
    url: str,
    needs_content: bool,
    has_file: bool,
    tags: list[str],
) -> None:
    errors: dict[str, list[str]] = {}

    def refuse(field: str, message: str) -> None:
        errors.setdefault(field, []).append(message)

    if not any(titles.values()):
        refuse("title_en", _("Give the resource a title in at least one language."))
    if kind not in ResourceKind.values:
        refuse("kind", _("Choose the type of the resource."))
    if language not in LANGUAGES:
        refuse("language", _("Choose the language of the resource."))
    if url and not is_web_address(url):
        refuse("url", _("Give a web address starting with http:// or https://."))
    if kind == ResourceKind.LINK and not url:
        refuse("url", _("A web page needs its address."))
    if needs_content and not url and not has_file:
        refuse("file", _("Upload a file or give a web address."))
    if len(tags) > MAX_TAGS:
        refuse("tags", _("Give at most %(count)d tags.") % {"count": MAX_TAGS})
    if errors:
        raise ValidationError(errors)


def _store_version(
    *, resource: Resource, uploaded: UploadedFile, note: str, by: Any, number: int
) -> ResourceVersion:
    checked = check_upload(uploaded, max_bytes=max_upload_bytes())
    version = ResourceVersion(
        resource=resource,
        number=number,
        name=checked.name,
        content_type=checked.content_type,
        size=checked.size,
        note=note.strip()[:300],
        uploaded_by=by,
    )
    version.file.save(checked.name, ContentFile(checked.data), save=False)
    version.save()
    return version


def _apply(resource: Resource, values: dict[str, Any], tags: list[Tag]) -> None:
    # In the default language, so the untranslated columns hold the English text whatever
    # language the editor reads (modeltranslation fills them from the active one).
    with translation.override(settings.MODELTRANSLATION_DEFAULT_LANGUAGE):
        for field, value in values.items():
            setattr(resource, field, value)
        resource.updated_at = timezone.now()
        resource.save()
    resource.tags.set(tags)
    resource.search_key = resource_search_key(resource)
    Resource.objects.filter(pk=resource.pk).update(search_key=resource.search_key)
    index_resource(resource)


def _values(
    *,
    titles: dict[str, str],
    descriptions: dict[str, str],
    kind: str,
    language: str,
    thematic_area: ThematicArea | None,
    country: Country | None,
    space: Space | None,
    url: str,
) -> dict[str, Any]:
    values: dict[str, Any] = {
        "kind": kind,
        "language": language,
        "thematic_area": thematic_area,
        "country": country,
        "space": space,
        "url": url,
    }
    for code in LANGUAGES:
        values[f"title_{code}"] = titles[code]
        values[f"description_{code}"] = descriptions[code]
    return values


def _texts(prefix: str, given: dict[str, str]) -> dict[str, str]:
    return {code: (given.get(f"{prefix}_{code}") or "").strip() for code in LANGUAGES}


@transaction.atomic
def create_resource(
    *,
    by: Any,
    kind: str,
    language: str,
    thematic_area: ThematicArea | None = None,
    country: Country | None = None,
    space: Space | None = None,
    tags: str = "",
    url: str = "",
    file: UploadedFile | None = None,
    note: str = "",
    **texts: str,
) -> Resource:
    """Add a resource to the library (``title_en``/``_fr``/``_ar`` and ``description_*`` in
    ``texts``), with its first version if a file is given."""
    if not can_manage_resources_in(by, space):
        raise PermissionDenied
    titles, descriptions = _texts("title", texts), _texts("description", texts)
    url = (url or "").strip()
    names = tag_names(tags)
    _validate(
        titles=titles,
        kind=kind,
        language=language,
        url=url,
        needs_content=True,
        has_file=file is not None,
        tags=names,
    )
    resource = Resource(created_by=by)
    values = _values(
        titles=titles,
        descriptions=descriptions,
        kind=kind,
        language=language,
        thematic_area=thematic_area,
        country=country,
        space=space,
        url=url,
    )
    _apply(resource, values, _tags_for(names))
    if file is not None:
        _store_version(resource=resource, uploaded=file, note=note, by=by, number=1)
    audit.record(
        by,
        "hub.resource.created",
        resource,
        country=country,
        space=space.pk if space is not None else None,
        has_file=file is not None,
    )
    return resource


@transaction.atomic
def update_resource(
    *,
    by: Any,
    resource: Resource,
    kind: str,
    language: str,
    thematic_area: ThematicArea | None = None,
    country: Country | None = None,
    space: Space | None = None,
    tags: str = "",
    url: str = "",
    is_published: bool = True,
    **texts: str,
) -> Resource:
    """Change a resource's description (its files change by new versions only)."""
    resource = Resource.objects.select_for_update().get(pk=resource.pk)
    if not can_manage_resources_in(by, resource.space) or not can_manage_resources_in(by, space):
        raise PermissionDenied
    titles, descriptions = _texts("title", texts), _texts("description", texts)
    url = (url or "").strip()
    names = tag_names(tags)
    _validate(
        titles=titles,
        kind=kind,
        language=language,
        url=url,
        needs_content=not resource.versions.exists(),
        has_file=False,
        tags=names,
    )
    before = {field: getattr(resource, field) for field in _AUDITED_FIELDS}
    tags_before = sorted(tag.name for tag in resource.tags.all())
    values = _values(
        titles=titles,
        descriptions=descriptions,
        kind=kind,
        language=language,
        thematic_area=thematic_area,
        country=country,
        space=space,
        url=url,
    )
    values["is_published"] = is_published
    _apply(resource, values, _tags_for(names))
    changed = [field for field in _AUDITED_FIELDS if before[field] != getattr(resource, field)]
    if sorted(tag.name for tag in resource.tags.all()) != tags_before:
        changed.append("tags")
    audit.record(by, "hub.resource.changed", resource, country=country, changed=changed)
    return resource


@transaction.atomic
def add_version(
    *, by: Any, resource: Resource, file: UploadedFile, note: str = ""
) -> ResourceVersion:
    """Upload a new version of the resource's file: the newest one is served."""
    resource = Resource.objects.select_for_update().get(pk=resource.pk)
    if not can_manage_resources_in(by, resource.space):
        raise PermissionDenied
    newest = resource.versions.order_by("-number").values_list("number", flat=True).first()
    number = (newest or 0) + 1
    version = _store_version(resource=resource, uploaded=file, note=note, by=by, number=number)
    Resource.objects.filter(pk=resource.pk).update(version=number, updated_at=timezone.now())
    resource.version = number
    audit.record(
        by,
        "hub.resource.version_added",
        resource,
        country=resource.country,
        number=number,
        content_type=version.content_type,
        size=version.size,
    )
    return version


@transaction.atomic
def record_download(*, resource: Resource, user: Any) -> None:
    """Count one download (without a race between two readers) and keep who and when, for the
    aggregates of the results framework."""
    Resource.objects.filter(pk=resource.pk).update(download_count=F("download_count") + 1)
    Download.objects.create(resource=resource, user=user if user.is_authenticated else None)
