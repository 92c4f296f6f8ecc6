"""Writes for opportunities: staff create and edit them; mentees and alumnae apply while they
are open; focal points propose their country's; staff shortlist, allocate places (by hand or
by applying the proposed allocation) and follow each person's travel support.

Places are never exceeded: every allocation locks the opportunity's row
(``select_for_update``) before counting, so two staff allocating the last place at once give
one allocation and one refusal. An allocation that would leave a country with candidates
without any participant while another country has two or more is refused unless confirmed
(``AllocationNeedsConfirmation`` names the countries).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from momentum.core import audit
from momentum.core.models import Country
from momentum.core.notifications import notify
from momentum.mentoring.models import (
    Application,
    Candidacy,
    CandidacyStatus,
    Cohort,
    Opportunity,
    OpportunityKind,
    TravelSupport,
)
from momentum.mentoring.selectors import opportunities as selectors
from momentum.people.models import Role, User
from momentum.people.services import StaleEditError

OPPORTUNITY_FIELDS = (
    "kind",
    "title_en",
    "title_fr",
    "title_ar",
    "description_en",
    "description_fr",
    "description_ar",
    "location",
    "starts_on",
    "ends_on",
    "apply_by",
    "places",
    "every_country",
    "is_open",
    "cohort",
)


class AllocationNeedsConfirmation(ValidationError):
    """The allocation breaks the per-country minimum: staff must confirm it."""

    def __init__(self, countries: list[Country], leader: Country | None) -> None:
        sentences = [
            _(
                "%(country)s would have no participant while %(other)s has two or more. "
                "Confirm to go ahead anyway."
            )
            % {"country": country.name, "other": leader.name if leader else "—"}
            for country in countries
        ]
        super().__init__(sentences, code="needs_confirmation")
        self.countries = countries


def opportunity_url(opportunity: Opportunity | int) -> str:
    pk = opportunity if isinstance(opportunity, int) else opportunity.pk
    return f"/mentoring/opportunities/{pk}/"


def _require(by: User, permission: str, target: Any = None) -> None:
    if not by.has_perm(permission, target):
        raise PermissionDenied


# --- creating and editing ---


def _clean(data: dict[str, Any]) -> dict[str, Any]:
    cleaned = {key: data[key] for key in OPPORTUNITY_FIELDS if key in data}
    for key in ("title_en", "title_fr", "title_ar", "location"):
        cleaned[key] = (cleaned.get(key) or "").strip()
    errors: dict[str, str] = {}
    if cleaned.get("kind") not in OpportunityKind.values:
        errors["kind"] = _("Choose one of the kinds offered.")
    if not cleaned["title_en"]:
        errors["title_en"] = _("Give the opportunity a title in English.")
    starts_on: date | None = cleaned.get("starts_on")
    ends_on: date | None = cleaned.get("ends_on")
    if starts_on is None:
        errors["starts_on"] = _("Give the first day.")
    if ends_on is None:
        errors["ends_on"] = _("Give the last day.")
    elif starts_on is not None and ends_on < starts_on:
        errors["ends_on"] = _("The last day cannot come before the first.")
    apply_by: date | None = cleaned.get("apply_by")
    if apply_by is not None and starts_on is not None and apply_by > starts_on:
        errors["apply_by"] = _("Applications must close before the opportunity starts.")
    places = cleaned.get("places")
    if places is None or places < 1:
        errors["places"] = _("An opportunity has at least one place.")
    cohort = cleaned.get("cohort")
    if cohort is not None and not isinstance(cohort, Cohort):
        errors["cohort"] = _("Choose one of the cohorts offered.")
    if errors:
        raise ValidationError(errors)
    # The untranslated column follows English, as modeltranslation's fallback expects.
    cleaned["title"] = cleaned["title_en"]
    cleaned["description"] = cleaned.get("description_en") or ""
    return cleaned


@transaction.atomic
def save_opportunity(
    *,
    by: User,
    data: dict[str, Any],
    opportunity: Opportunity | None = None,
    expected_version: int | None = None,
) -> Opportunity:
    """Create an opportunity, or edit one; places cannot drop below those allocated."""
    _require(by, "mentoring.manage_opportunities")
    cleaned = _clean(data)
    if opportunity is None:
        created = Opportunity.objects.create(**cleaned)
        audit.record(by, "mentoring.opportunity_created", created, kind=created.kind)
        return created
    locked = Opportunity.objects.select_for_update().get(pk=opportunity.pk)
    if expected_version is not None and locked.version != expected_version:
        raise StaleEditError(
            _(
                "Someone else saved this opportunity while you were editing it. "
                "Reload the page to see their changes, then make yours again."
            ),
            code="stale",
        )
    allocated = locked.candidacies.filter(status=CandidacyStatus.ALLOCATED).count()
    if cleaned["places"] < allocated:
        raise ValidationError(
            {
                "places": _(
                    "%(count)s places are already allocated: unallocate some before "
                    "reducing the places."
                )
                % {"count": allocated}
            }
        )
    changed = [key for key, value in cleaned.items() if getattr(locked, key) != value]
    for key, value in cleaned.items():
        setattr(locked, key, value)
    locked.version = F("version") + 1
    locked.save()
    locked.refresh_from_db(fields=["version"])
    audit.record(by, "mentoring.opportunity_changed", locked, fields=sorted(changed))
    return locked


# --- candidacies ---


def _create_candidacy(
    *,
    opportunity: Opportunity,
    application: Application,
    status: CandidacyStatus,
    motivation: str,
    travel_support: TravelSupport,
    proposed_by: User | None,
) -> Candidacy:
    if Candidacy.objects.filter(opportunity=opportunity, person=application.applicant).exists():
        raise ValidationError(
            _("She is already a candidate for this opportunity."), code="duplicate"
        )
    try:
        with transaction.atomic():
            return Candidacy.objects.create(
                opportunity=opportunity,
                person=application.applicant,
                country=application.country,
                status=status,
                motivation=motivation,
                travel_support=travel_support,
                proposed_by=proposed_by,
            )
    except IntegrityError as error:
        raise ValidationError(
            _("She is already a candidate for this opportunity."), code="duplicate"
        ) from error


@transaction.atomic
def apply_for_opportunity(
    *, opportunity: Opportunity, by: User, motivation: str, needs_travel_support: bool
) -> Candidacy:
    """A mentee or alumna applies for herself, while the opportunity is open."""
    _require(by, "mentoring.apply_for_opportunity")
    if not selectors.is_open(opportunity):
        raise ValidationError(_("Applications for this opportunity are closed."), code="closed")
    application = selectors.own_candidate_application(opportunity, by)
    if application is None:
        raise ValidationError(
            _("Only mentees and alumnae of the programme can apply for this opportunity."),
            code="not_mentee",
        )
    motivation = motivation.strip()
    if not motivation:
        raise ValidationError({"motivation": _("Say why you want to take part.")})
    candidacy = _create_candidacy(
        opportunity=opportunity,
        application=application,
        status=CandidacyStatus.APPLIED,
        motivation=motivation,
        travel_support=(
            TravelSupport.REQUESTED if needs_travel_support else TravelSupport.NOT_NEEDED
        ),
        proposed_by=None,
    )
    audit.record(by, "mentoring.opportunity_applied", candidacy, country=application.country)
    return candidacy


@transaction.atomic
def propose_candidate(
    *,
    opportunity: Opportunity,
    by: User,
    application: Application,
    motivation: str = "",
    needs_travel_support: bool = False,
) -> Candidacy:
    """A focal point proposes a mentee or alumna of their country (staff: of any country)."""
    _require(by, "mentoring.propose_for_opportunity")
    if not by.is_programme_staff:
        if application.country_id not in by.countries_for(Role.FOCAL_POINT):
            raise PermissionDenied
        if not selectors.is_open(opportunity):
            raise ValidationError(_("Proposals for this opportunity are closed."), code="closed")
    if not selectors.candidate_applications(opportunity).filter(pk=application.pk).exists():
        raise ValidationError(
            _("Only mentees and alumnae of the programme can be proposed."), code="not_mentee"
        )
    candidacy = _create_candidacy(
        opportunity=opportunity,
        application=application,
        status=CandidacyStatus.PROPOSED,
        motivation=motivation.strip(),
        travel_support=(
            TravelSupport.REQUESTED if needs_travel_support else TravelSupport.NOT_NEEDED
        ),
        proposed_by=by,
    )
    audit.record(by, "mentoring.opportunity_proposed", candidacy, country=application.country)
    return candidacy


def _decide(candidacy: Candidacy, by: User, status: CandidacyStatus) -> None:
    candidacy.status = status
    candidacy.decided_by = by
    candidacy.decided_at = timezone.now()
    candidacy.version = F("version") + 1  # type: ignore[assignment]
    candidacy.save(update_fields=["status", "decided_by", "decided_at", "version"])
    candidacy.refresh_from_db(fields=["version"])


@transaction.atomic
def shortlist_candidacy(*, candidacy: Candidacy, by: User) -> Candidacy:
    _require(by, "mentoring.allocate_places")
    if candidacy.status not in (
        CandidacyStatus.APPLIED,
        CandidacyStatus.PROPOSED,
        CandidacyStatus.NOT_ALLOCATED,
    ):
        raise ValidationError(
            _("Only a candidate who applied or was proposed can be shortlisted."),
            code="status",
        )
    _decide(candidacy, by, CandidacyStatus.SHORTLISTED)
    audit.record(by, "mentoring.candidacy_shortlisted", candidacy, country=candidacy.country)
    return candidacy


def _lock(opportunity: Opportunity) -> tuple[Opportunity, list[Candidacy]]:
    """Lock the opportunity (every allocation goes through here) and read its candidacies."""
    locked = Opportunity.objects.select_for_update().get(pk=opportunity.pk)
    candidacies = list(
        Candidacy.objects.filter(opportunity=locked).select_related("country", "person__user")
    )
    return locked, candidacies


def _check_minimum(
    opportunity: Opportunity, candidacies: list[Candidacy], allocated_ids: set[int], confirm: bool
) -> list[Country]:
    if not opportunity.every_country:
        return []
    gaps = selectors.minimum_gaps(candidacies, allocated_ids)
    if gaps and not confirm:
        counts: dict[int, int] = {}
        by_pk = {c.country_id: c.country for c in candidacies}
        for candidacy in candidacies:
            if candidacy.pk in allocated_ids:
                counts[candidacy.country_id] = counts.get(candidacy.country_id, 0) + 1
        leader = by_pk.get(max(counts, key=lambda pk: counts[pk])) if counts else None
        raise AllocationNeedsConfirmation(gaps, leader)
    return gaps


def _refuse_over_places(opportunity: Opportunity, wanted: int) -> None:
    if wanted > opportunity.places:
        raise ValidationError(
            _("All %(places)s places of this opportunity are taken.")
            % {"places": opportunity.places},
            code="full",
        )


def _tell_allocated(candidacies: Iterable[Candidacy], opportunity: Opportunity) -> None:
    notify(
        recipients=[candidacy.person.user for candidacy in candidacies],
        kind="mentoring.place_allocated",
        message=lambda: (
            _("You have a place at %(opportunity)s.") % {"opportunity": opportunity.title}
        ),
        url=opportunity_url(opportunity),
        email=True,
    )


@transaction.atomic
def allocate_candidacy(*, candidacy: Candidacy, by: User, confirm: bool = False) -> Candidacy:
    """Give the candidate a place; refused when no place is left, and (unless confirmed) when
    it would leave a country with candidates without any participant."""
    _require(by, "mentoring.allocate_places")
    opportunity, candidacies = _lock(candidacy.opportunity)
    current = next(c for c in candidacies if c.pk == candidacy.pk)
    if current.status == CandidacyStatus.ALLOCATED:
        return current
    if current.status == CandidacyStatus.WITHDRAWN:
        raise ValidationError(_("This candidate withdrew."), code="withdrawn")
    allocated = {c.pk for c in candidacies if c.status == CandidacyStatus.ALLOCATED}
    _refuse_over_places(opportunity, len(allocated) + 1)
    gaps = _check_minimum(opportunity, candidacies, allocated | {current.pk}, confirm)
    _decide(current, by, CandidacyStatus.ALLOCATED)
    audit.record(
        by,
        "mentoring.place_allocated",
        current,
        country=current.country,
        confirmed_gaps=[country.code for country in gaps],
    )
    _tell_allocated([current], opportunity)
    return current


@transaction.atomic
def unallocate_candidacy(*, candidacy: Candidacy, by: User, confirm: bool = False) -> Candidacy:
    """Take the place back (the candidate stays shortlisted)."""
    _require(by, "mentoring.allocate_places")
    opportunity, candidacies = _lock(candidacy.opportunity)
    current = next(c for c in candidacies if c.pk == candidacy.pk)
    if current.status != CandidacyStatus.ALLOCATED:
        return current
    allocated = {c.pk for c in candidacies if c.status == CandidacyStatus.ALLOCATED}
    gaps = _check_minimum(opportunity, candidacies, allocated - {current.pk}, confirm)
    _decide(current, by, CandidacyStatus.SHORTLISTED)
    audit.record(
        by,
        "mentoring.place_unallocated",
        current,
        country=current.country,
        confirmed_gaps=[country.code for country in gaps],
    )
    return current


@transaction.atomic
def apply_allocation(
    *, opportunity: Opportunity, by: User, candidacy_ids: Iterable[int], confirm: bool = False
) -> list[Candidacy]:
    """Allocate exactly the given candidates (the proposed allocation, possibly adjusted):
    the others lose a place they had (back to shortlisted). Returns the newly allocated."""
    _require(by, "mentoring.allocate_places")
    locked, candidacies = _lock(opportunity)
    by_pk = {c.pk: c for c in candidacies if c.status != CandidacyStatus.WITHDRAWN}
    wanted = set(candidacy_ids)
    unknown = wanted - by_pk.keys()
    if unknown:
        raise ValidationError(
            _("Some of the chosen people are not candidates for this opportunity."),
            code="unknown",
        )
    _refuse_over_places(locked, len(wanted))
    gaps = _check_minimum(locked, candidacies, wanted, confirm)
    newly = []
    for pk, candidacy in by_pk.items():
        if pk in wanted and candidacy.status != CandidacyStatus.ALLOCATED:
            _decide(candidacy, by, CandidacyStatus.ALLOCATED)
            newly.append(candidacy)
        elif pk not in wanted and candidacy.status == CandidacyStatus.ALLOCATED:
            _decide(candidacy, by, CandidacyStatus.SHORTLISTED)
    audit.record(
        by,
        "mentoring.allocation_applied",
        locked,
        allocated=sorted(wanted),
        confirmed_gaps=[country.code for country in gaps],
    )
    if newly:
        _tell_allocated(newly, locked)
    return newly


@transaction.atomic
def set_travel_support(*, candidacy: Candidacy, by: User, status: str) -> Candidacy:
    _require(by, "mentoring.allocate_places")
    if status not in TravelSupport.values:
        raise ValidationError({"travel_support": _("Choose one of the statuses offered.")})
    if candidacy.travel_support == status:
        return candidacy
    before = candidacy.travel_support
    candidacy.travel_support = status
    candidacy.version = F("version") + 1  # type: ignore[assignment]
    candidacy.save(update_fields=["travel_support", "version"])
    candidacy.refresh_from_db(fields=["version"])
    audit.record(
        by,
        "mentoring.travel_support_changed",
        candidacy,
        country=candidacy.country,
        before=before,
        after=status,
    )
    return candidacy


@transaction.atomic
def shortlist_for_opportunity(
    *, opportunity: Opportunity, application: Application, by: User
) -> Candidacy:
    """Staff shortlist an alumna (or mentee) straight away, e.g. for the field exercise from
    the alumni directory: a new candidacy SHORTLISTED, or an existing one shortlisted."""
    _require(by, "mentoring.allocate_places")
    if not selectors.candidate_applications(opportunity).filter(pk=application.pk).exists():
        raise ValidationError(
            _("Only mentees and alumnae of the programme can be shortlisted."),
            code="not_mentee",
        )
    existing = Candidacy.objects.filter(
        opportunity=opportunity, person=application.applicant
    ).first()
    if existing is not None:
        if existing.status in (CandidacyStatus.SHORTLISTED, CandidacyStatus.ALLOCATED):
            raise ValidationError(
                _("She is already shortlisted for this opportunity."), code="duplicate"
            )
        return shortlist_candidacy(candidacy=existing, by=by)
    candidacy = _create_candidacy(
        opportunity=opportunity,
        application=application,
        status=CandidacyStatus.SHORTLISTED,
        motivation="",
        travel_support=TravelSupport.NOT_NEEDED,
        proposed_by=by,
    )
    candidacy.decided_by = by
    candidacy.decided_at = timezone.now()
    candidacy.save(update_fields=["decided_by", "decided_at"])
    audit.record(by, "mentoring.candidacy_shortlisted", candidacy, country=candidacy.country)
    return candidacy
