"""Writes of mentors' profiles: staff make someone a mentor, staff and the mentor herself keep
her profile up to date. A capacity below the mentees she has now is refused."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils.translation import gettext as _

from momentum.core import audit
from momentum.core.models import Agency, AreaOfWork, Country, ThematicArea
from momentum.mentoring.models import MentorKind, MentorProfile, Pairing
from momentum.mentoring.selectors.mentors import CURRENT_PAIR_STATUSES
from momentum.people.models import Language, Role, User

# What the mentor may change herself; staff change everything.
OWN_FIELDS = frozenset(
    {
        "bio",
        "expertise",
        "languages",
        "capacity",
        "is_available",
        "available_until",
        "availability_note",
    }
)
STAFF_FIELDS = OWN_FIELDS | {"kind", "work_areas", "agency", "country", "leads_leadership"}


class StaleMentorEdit(ValidationError):
    """Someone else saved the profile since this form was opened."""


@dataclass
class MentorData:
    """What a mentor's profile holds; every field a form may set."""

    kind: str = MentorKind.SENIOR_OFFICER
    bio: str = ""
    expertise: Iterable[ThematicArea] = field(default_factory=list)
    work_areas: Iterable[AreaOfWork] = field(default_factory=list)
    languages: list[str] = field(default_factory=list)
    agency: Agency | None = None
    country: Country | None = None
    capacity: int = 2
    leads_leadership: bool = False
    is_available: bool = True
    available_until: date | None = None
    availability_note: str = ""


def _check(data: MentorData) -> None:
    errors: dict[str, str] = {}
    if data.kind not in MentorKind.values:
        errors["kind"] = _("Choose the kind of mentor.")
    languages = [code for code in data.languages if code in Language.values]
    if not languages or len(languages) != len(data.languages):
        errors["languages"] = _("Choose at least one working language among those offered.")
    if data.capacity < 1:
        errors["capacity"] = _("A mentor takes at least one mentee at once.")
    agency, country = data.agency, data.country
    if agency is not None and country is not None and agency.country_id != country.pk:
        errors["agency"] = _("This agency is not in the chosen country.")
    if errors:
        raise ValidationError(errors)


def current_mentee_count(mentor: MentorProfile) -> int:
    return Pairing.objects.filter(mentor=mentor, status__in=CURRENT_PAIR_STATUSES).count()


def _check_capacity(mentor: MentorProfile, capacity: int) -> None:
    current = current_mentee_count(mentor)
    if capacity < current:
        raise ValidationError(
            {
                "capacity": _(
                    "The capacity cannot be lower than the %(count)d mentees this mentor has "
                    "now (active or proposed pairs). End or move a pair first."
                )
                % {"count": current}
            },
            code="below_current",
        )


@transaction.atomic
def create_mentor_profile(*, user: User, data: MentorData, by: User) -> MentorProfile:
    """Make ``user`` a mentor: her profile, and the mentor role if she has not got it."""
    if not by.has_perm("mentoring.manage_mentors"):
        raise PermissionDenied
    if not user.is_active:
        raise ValidationError({"email": _("This account is deactivated.")})
    _check(data)
    try:
        with transaction.atomic():
            mentor = MentorProfile.objects.create(
                user=user,
                kind=data.kind,
                bio=data.bio.strip(),
                languages=list(dict.fromkeys(data.languages)),
                agency=data.agency,
                country=data.country,
                capacity=data.capacity,
                leads_leadership=data.leads_leadership,
                is_available=data.is_available,
                available_until=data.available_until,
                availability_note=data.availability_note.strip(),
            )
    except IntegrityError as exc:
        raise ValidationError(
            {"email": _("%(name)s is already a mentor.") % {"name": user.display_name()}},
            code="duplicate",
        ) from exc
    mentor.expertise.set(list(data.expertise))
    mentor.work_areas.set(list(data.work_areas))
    if not user.has_role(Role.MENTOR):
        from momentum.people.services import assign_role

        assign_role(user=user, role=Role.MENTOR, country=None, by=by)
    audit.record(by, "mentor.created", mentor, country=data.country, kind=data.kind)
    return mentor


def _log_value(value: Any) -> Any:
    if hasattr(value, "pk"):
        return value.pk
    if isinstance(value, date):
        return value.isoformat()
    return value


@transaction.atomic
def update_mentor_profile(
    *,
    mentor: MentorProfile,
    data: dict[str, Any],
    by: User,
    expected_version: int | None = None,
) -> MentorProfile:
    """Save changes to a mentor's profile: staff any field, the mentor her own (expertise,
    languages, bio, availability, capacity). Refuses a stale edit and a capacity below the
    mentees she has now."""
    locked = MentorProfile.objects.select_for_update().select_related("user").get(pk=mentor.pk)
    if not by.has_perm("mentoring.change_mentor", locked):
        raise PermissionDenied
    allowed = STAFF_FIELDS if by.is_programme_staff else OWN_FIELDS
    refused = set(data) - allowed
    if refused:
        raise PermissionDenied(_("You may not change these details of the profile."))
    if expected_version is not None and locked.version != expected_version:
        raise StaleMentorEdit(
            _(
                "Someone else saved this profile while you were editing it. "
                "Reload the page to see their changes, then make yours again."
            )
        )
    merged = MentorData(
        kind=data.get("kind", locked.kind),
        bio=data.get("bio", locked.bio),
        languages=list(data.get("languages", locked.languages)),
        agency=data.get("agency", locked.agency),
        country=data.get("country", locked.country),
        capacity=int(data.get("capacity", locked.capacity)),
    )
    _check(merged)
    if merged.capacity != locked.capacity:
        _check_capacity(locked, merged.capacity)
    changed: dict[str, list[Any]] = {}
    for name in ("expertise", "work_areas"):
        if name in data:
            before = sorted(getattr(locked, name).values_list("pk", flat=True))
            after = sorted(item.pk for item in data[name])
            if before != after:
                changed[name] = [before, after]
                getattr(locked, name).set(list(data[name]))
    for name, value in data.items():
        if name in ("expertise", "work_areas"):
            continue
        if isinstance(value, str):
            value = value.strip()
        if name == "languages":
            value = list(dict.fromkeys(value))
        if getattr(locked, name) != value:
            changed[name] = [_log_value(getattr(locked, name)), _log_value(value)]
            setattr(locked, name, value)
    if not changed:
        return locked
    locked.version = F("version") + 1  # type: ignore[assignment]
    locked.save()
    locked.refresh_from_db(fields=["version"])
    audit.record(by, "mentor.changed", locked, country=locked.country, changes=changed)
    return locked
