"""Writes for cohorts: staff prepare a cohort (dates, eligibility, places per country, panel,
rubric, matching weights) and move it through its stages, one service per transition."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from momentum.core import audit
from momentum.core.models import AreaOfWork, Country
from momentum.mentoring.models import Cohort, CohortPlace, CohortStatus, RubricCriterion
from momentum.people.models import User

# The cohort's own fields a staff member edits (the translated ones in each language).
COHORT_FIELDS = (
    "code",
    "name_en",
    "name_fr",
    "name_ar",
    "description_en",
    "description_fr",
    "description_ar",
    "starts_on",
    "ends_on",
    "applications_open_at",
    "applications_close_at",
    "min_years_of_service",
    "offer_days",
    "weight_goals",
    "weight_area_of_work",
    "weight_leadership",
    "weight_preferences",
    "required_meetings",
    "hub_space",
)
# The rubric is fixed once the panel may have started scoring.
RUBRIC_EDITABLE = (CohortStatus.DRAFT, CohortStatus.OPEN)


class StaleCohortError(ValidationError):
    """Someone else saved the cohort since this form was opened."""


@dataclass(frozen=True)
class CriterionData:
    """One rubric criterion as the form sends it (``pk`` None for a new one)."""

    name_en: str
    name_fr: str
    name_ar: str
    weight: int
    max_score: int
    guidance: str = ""
    pk: int | None = None


def _check_staff(by: User) -> None:
    if not by.is_programme_staff:
        raise PermissionDenied(_("Only programme staff manage cohorts."))


def check_dates(
    *,
    starts_on: date,
    ends_on: date,
    applications_open_at: datetime,
    applications_close_at: datetime,
) -> None:
    """Refuse dates out of order, naming the field at fault."""
    errors: dict[str, str] = {}
    if ends_on <= starts_on:
        errors["ends_on"] = _("The cohort must end after it starts.")
    if applications_close_at <= applications_open_at:
        errors["applications_close_at"] = _("Applications must close after they open.")
    elif applications_close_at.date() > starts_on:
        errors["applications_close_at"] = _("Applications must close before the cohort starts.")
    if errors:
        raise ValidationError(
            {field: ValidationError(message, code="dates") for field, message in errors.items()}
        )


def _check_criteria(criteria: list[CriterionData]) -> None:
    for criterion in criteria:
        if criterion.weight < 1:
            raise ValidationError(
                _("Each criterion needs a weight of at least 1."), code="criterion_weight"
            )
        if not 1 <= criterion.max_score <= 10:
            raise ValidationError(
                _("Each criterion's highest score must be between 1 and 10."),
                code="criterion_max_score",
            )
        if not (criterion.name_en or criterion.name_fr or criterion.name_ar):
            raise ValidationError(_("Each criterion needs a name."), code="criterion_name")


def _save_places(cohort: Cohort, places: dict[Country, int]) -> dict[str, list[int]]:
    existing = {place.country_id: place for place in CohortPlace.objects.filter(cohort=cohort)}
    changed: dict[str, list[int]] = {}
    for country, count in places.items():
        place = existing.get(country.pk)
        if place is None:
            if count:
                CohortPlace.objects.create(cohort=cohort, country=country, places=count)
                changed[country.code] = [0, count]
        elif place.places != count:
            changed[country.code] = [place.places, count]
            if count:
                CohortPlace.objects.filter(pk=place.pk).update(places=count)
            else:
                place.delete()
    return changed


def _save_criteria(cohort: Cohort, criteria: list[CriterionData]) -> bool:
    """Replace the rubric by ``criteria``; whether anything changed."""
    existing = {criterion.pk: criterion for criterion in cohort.criteria.all()}
    kept: set[int] = set()
    changed = False
    for order, data in enumerate(criteria):
        fields = {
            "name_en": data.name_en,
            "name_fr": data.name_fr,
            "name_ar": data.name_ar,
            "weight": data.weight,
            "max_score": data.max_score,
            "guidance": data.guidance,
            "order": order,
        }
        current = existing.get(data.pk) if data.pk is not None else None
        if current is None:
            RubricCriterion.objects.create(cohort=cohort, **fields)
            changed = True
            continue
        kept.add(current.pk)
        if any(getattr(current, name) != value for name, value in fields.items()):
            for name, value in fields.items():
                setattr(current, name, value)
            current.save()
            changed = True
    removed = [pk for pk in existing if pk not in kept]
    if removed:
        RubricCriterion.objects.filter(pk__in=removed).delete()
        changed = True
    return changed


def _check_unique_code(code: str, cohort: Cohort | None) -> None:
    others = Cohort.objects.filter(code=code)
    if cohort is not None:
        others = others.exclude(pk=cohort.pk)
    if others.exists():
        raise ValidationError(
            {"code": ValidationError(_("Another cohort has this code."), code="duplicate")}
        )


@transaction.atomic
def save_cohort(
    *,
    by: User,
    data: dict[str, Any],
    places: dict[Country, int],
    eligible_areas: list[AreaOfWork],
    panel: list[User],
    criteria: list[CriterionData] | None = None,
    cohort: Cohort | None = None,
    expected_version: int | None = None,
) -> Cohort:
    """Create a cohort (``cohort`` None) or save changes to one.

    Refuses a stale edit (the cohort changed since ``expected_version`` was read), dates out of
    order and a rubric change once selection has started. ``criteria`` None leaves the rubric
    as it is. Audited with what changed.
    """
    _check_staff(by)
    check_dates(
        starts_on=data["starts_on"],
        ends_on=data["ends_on"],
        applications_open_at=data["applications_open_at"],
        applications_close_at=data["applications_close_at"],
    )
    _check_unique_code(data["code"], cohort)
    if criteria is not None:
        _check_criteria(criteria)
    if cohort is None:
        cohort = Cohort(created_by=by)
        for field in COHORT_FIELDS:
            setattr(cohort, field, data[field])
        cohort.save()
        changes: dict[str, Any] = {"created": True}
        verb = "cohort.created"
    else:
        cohort = Cohort.objects.select_for_update().get(pk=cohort.pk)
        if expected_version is not None and cohort.version != expected_version:
            raise StaleCohortError(
                _(
                    "Someone else saved this cohort while you were editing it. "
                    "Reload the page to see their changes, then make yours again."
                ),
                code="stale",
            )
        changes = {}
        for field in COHORT_FIELDS:
            before = getattr(cohort, field)
            if before != data[field]:
                changes[field] = [_for_log(before), _for_log(data[field])]
                setattr(cohort, field, data[field])
        cohort.version = F("version") + 1  # type: ignore[assignment]
        cohort.save()
        cohort.refresh_from_db(fields=["version"])
        verb = "cohort.changed"
    if criteria is not None:
        if cohort.status not in RUBRIC_EDITABLE and _rubric_differs(cohort, criteria):
            raise ValidationError(
                _("The scoring criteria cannot change once selection has started."),
                code="rubric_locked",
            )
        if _save_criteria(cohort, criteria):
            changes["criteria"] = True
            # Panel members may already have scored (while applications are open).
            from momentum.mentoring.services.selection import reaggregate_cohort

            reaggregate_cohort(cohort)
    place_changes = _save_places(cohort, places)
    if place_changes:
        changes["places"] = place_changes
    before_areas = sorted(cohort.eligible_areas.values_list("code", flat=True))
    after_areas = sorted(area.code for area in eligible_areas)
    if before_areas != after_areas:
        cohort.eligible_areas.set(eligible_areas)
        changes["eligible_areas"] = [before_areas, after_areas]
    before_panel = sorted(cohort.panel.values_list("pk", flat=True))
    after_panel = sorted(user.pk for user in panel)
    if before_panel != after_panel:
        cohort.panel.set(panel)
        changes["panel"] = [before_panel, after_panel]
    audit.record(by, verb, cohort, **changes)
    return cohort


def _rubric_differs(cohort: Cohort, criteria: list[CriterionData]) -> bool:
    current = [
        (
            c.pk,
            getattr(c, "name_en", ""),
            getattr(c, "name_fr", ""),
            getattr(c, "name_ar", ""),
            c.weight,
            c.max_score,
            c.guidance,
        )
        for c in cohort.criteria.all()
    ]
    wanted = [
        (c.pk, c.name_en, c.name_fr, c.name_ar, c.weight, c.max_score, c.guidance) for c in criteria
    ]
    return current != wanted


def _for_log(value: Any) -> Any:
    if isinstance(value, date | datetime):
        return value.isoformat()
    if hasattr(value, "pk"):
        return value.pk
    return value


# --- stage transitions: one service each ---

_TRANSITIONS: dict[str, tuple[tuple[str, ...], Promise]] = {
    CohortStatus.OPEN: (
        (CohortStatus.DRAFT,),
        gettext_lazy("Applications can only be opened for a cohort being prepared."),
    ),
    CohortStatus.SELECTION: (
        (CohortStatus.OPEN,),
        gettext_lazy("Selection can only start for a cohort open for applications."),
    ),
    CohortStatus.MATCHING: (
        (CohortStatus.SELECTION,),
        gettext_lazy("Matching can only start once selection has started."),
    ),
    CohortStatus.RUNNING: (
        (CohortStatus.MATCHING,),
        gettext_lazy("The cohort can only start once mentors are being matched."),
    ),
    CohortStatus.COMPLETED: (
        (CohortStatus.RUNNING,),
        gettext_lazy("Only a cohort in progress can be completed."),
    ),
}


def _move(cohort: Cohort, to: str, by: User, **details: Any) -> Cohort:
    _check_staff(by)
    locked = Cohort.objects.select_for_update().get(pk=cohort.pk)
    allowed, refusal = _TRANSITIONS[to]
    if locked.status not in allowed:
        raise ValidationError(
            _("%(refusal)s This cohort is “%(status)s”.")
            % {"refusal": refusal, "status": locked.get_status_display()},
            code="transition",
        )
    before = locked.status
    locked.status = to
    locked.version = F("version") + 1  # type: ignore[assignment]
    locked.save(update_fields=["status", "version"])
    locked.refresh_from_db(fields=["version"])
    audit.record(by, f"cohort.{to}", locked, before=before, after=to, **details)
    return locked


@transaction.atomic
def open_applications(*, cohort: Cohort, by: User) -> Cohort:
    """Announce a cohort being prepared: it needs a scoring criterion and places."""
    _check_staff(by)
    if not RubricCriterion.objects.filter(cohort=cohort).exists():
        raise ValidationError(
            _("Add at least one scoring criterion before opening applications."),
            code="no_criteria",
        )
    if not CohortPlace.objects.filter(cohort=cohort, places__gt=0).exists():
        raise ValidationError(
            _("Give places to at least one country before opening applications."),
            code="no_places",
        )
    return _move(cohort, CohortStatus.OPEN, by)


@transaction.atomic
def start_selection(*, cohort: Cohort, by: User) -> Cohort:
    """Close applications and hand the endorsed ones to the panel."""
    from momentum.mentoring.services.selection import tell_panel

    cohort = _move(cohort, CohortStatus.SELECTION, by)
    # The panel's way in: a panel member may hold no role that puts mentoring in her menu.
    tell_panel(cohort=cohort)
    return cohort


@transaction.atomic
def start_matching(*, cohort: Cohort, by: User) -> Cohort:
    return _move(cohort, CohortStatus.MATCHING, by)


@transaction.atomic
def start_running(*, cohort: Cohort, by: User) -> Cohort:
    return _move(cohort, CohortStatus.RUNNING, by)


@transaction.atomic
def complete_cohort(*, cohort: Cohort, by: User) -> Cohort:
    return _move(cohort, CohortStatus.COMPLETED, by)


# The transition services by the status they lead to, for the page's buttons.
TRANSITION_SERVICES = {
    CohortStatus.OPEN: open_applications,
    CohortStatus.SELECTION: start_selection,
    CohortStatus.MATCHING: start_matching,
    CohortStatus.RUNNING: start_running,
    CohortStatus.COMPLETED: complete_cohort,
}


def next_status(cohort: Cohort) -> str | None:
    """The stage a cohort moves to next, if any."""
    for to, (allowed, _refusal) in _TRANSITIONS.items():
        if cohort.status in allowed:
            return to
    return None
