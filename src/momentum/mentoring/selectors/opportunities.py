"""Reads for opportunities (conferences, the symposium, speaking slots, the field exercise):
who may see which candidacies, the allocation board and the proposed allocation.

The proposed allocation gives every partner country with a candidate one place before any
country gets a second (when ``Opportunity.every_country`` is set), never more places than the
opportunity has. Candidates are ranked within their country: already allocated first (a hand
allocation is kept), then shortlisted by staff, then the earliest candidacy; when there are
fewer places than countries, the countries whose best candidate ranks highest get them.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from momentum.core.models import Country
from momentum.mentoring.models import (
    Application,
    ApplicationStatus,
    Candidacy,
    CandidacyStatus,
    CohortPlace,
    Opportunity,
)
from momentum.people.models import Role

# A candidate still in the running (or placed): everything but a withdrawn candidacy.
ACTIVE_STATUSES = (
    CandidacyStatus.APPLIED,
    CandidacyStatus.PROPOSED,
    CandidacyStatus.SHORTLISTED,
    CandidacyStatus.ALLOCATED,
    CandidacyStatus.NOT_ALLOCATED,
)
# Who may be a candidate: a mentee taking part or an alumna.
CANDIDATE_STATUSES = (ApplicationStatus.ACCEPTED, ApplicationStatus.COMPLETED)
_STATUS_RANK: dict[str, int] = {CandidacyStatus.ALLOCATED: 0, CandidacyStatus.SHORTLISTED: 1}


def is_open(opportunity: Opportunity, today: date | None = None) -> bool:
    """Open for applications: marked open, and the apply-by date (if any) not passed."""
    today = today or timezone.localdate()
    return opportunity.is_open and (opportunity.apply_by is None or opportunity.apply_by >= today)


def opportunities_for(user: Any) -> QuerySet[Opportunity]:
    """The opportunities a reader of the mentoring programme sees (every one: they are
    announcements), with the number of places allocated."""
    if not getattr(user, "is_authenticated", False):
        return Opportunity.objects.none()
    return (
        Opportunity.objects.select_related("cohort")
        .annotate(
            allocated_count=Count(
                "candidacies", filter=Q(candidacies__status=CandidacyStatus.ALLOCATED)
            )
        )
        .order_by("starts_on", "pk")
    )


def get_opportunity_for(user: Any, pk: int, *, write: bool = False) -> Opportunity:
    if not user.has_perm("mentoring.view_opportunities"):
        raise PermissionDenied
    opportunity = opportunities_for(user).filter(pk=pk).first()
    if opportunity is None:
        raise Http404
    if write and not user.has_perm("mentoring.manage_opportunities"):
        raise PermissionDenied
    return opportunity


def candidate_applications(opportunity: Opportunity) -> QuerySet[Application]:
    """The applications whose holders may be candidates: mentees and alumnae (of the
    opportunity's cohort when it has one)."""
    applications = Application.objects.filter(status__in=CANDIDATE_STATUSES)
    if opportunity.cohort_id is not None:
        applications = applications.filter(cohort_id=opportunity.cohort_id)
    return applications


def own_candidate_application(opportunity: Opportunity, user: Any) -> Application | None:
    """The signed-in officer's application that lets her be a candidate, if any."""
    return (
        candidate_applications(opportunity)
        .filter(applicant__user=user)
        .select_related("applicant", "country")
        .order_by("-status", "-pk")
        .first()
    )


def proposable_applications(opportunity: Opportunity, user: Any) -> list[Application]:
    """Mentees and alumnae a focal point (their countries) or staff (all) may propose, not
    already candidates (one query)."""
    applications = candidate_applications(opportunity).exclude(
        applicant__in=Candidacy.objects.filter(opportunity=opportunity).values("person")
    )
    if not user.is_programme_staff:
        applications = applications.filter(country_id__in=user.countries_for(Role.FOCAL_POINT))
    return list(
        applications.select_related("applicant__user", "country", "cohort").order_by(
            "country__code", "applicant__user__family_name", "pk"
        )
    )


def candidacies_visible_to(user: Any) -> QuerySet[Candidacy]:
    """Staff: every candidacy; focal points: their countries'; an officer: her own."""
    if not getattr(user, "is_authenticated", False):
        return Candidacy.objects.none()
    if user.is_programme_staff:
        return Candidacy.objects.all()
    visible = Q(person__user=user)
    countries = user.countries_for(Role.FOCAL_POINT)
    if countries:
        visible |= Q(country_id__in=countries)
    return Candidacy.objects.filter(visible)


def candidacies_of(opportunity: Opportunity, user: Any) -> list[Candidacy]:
    return list(
        candidacies_visible_to(user)
        .filter(opportunity=opportunity)
        .select_related("person__user", "country")
        .order_by("country__code", "created_at", "pk")
    )


def get_candidacy_for(user: Any, pk: int) -> Candidacy:
    candidacy = (
        candidacies_visible_to(user)
        .filter(pk=pk)
        .select_related("opportunity", "person__user", "country")
        .first()
    )
    if candidacy is None:
        raise Http404
    return candidacy


def my_candidacies(user: Any) -> list[Candidacy]:
    return list(
        Candidacy.objects.filter(person__user=user)
        .select_related("opportunity")
        .order_by("opportunity__starts_on", "pk")
    )


# --- the allocation ---


def rank_key(candidacy: Candidacy) -> tuple[int, Any, int]:
    """Within a country: allocated, then shortlisted, then the others; earliest first."""
    return (_STATUS_RANK.get(candidacy.status, 2), candidacy.created_at, candidacy.pk)


@dataclass
class Proposal:
    chosen: list[Candidacy]
    # Countries with candidates that get no place (only when places are too few).
    left_out: list[Country]
    countries_with_candidates: int
    places: int

    @property
    def chosen_ids(self) -> set[int]:
        return {candidacy.pk for candidacy in self.chosen}

    @property
    def places_short(self) -> bool:
        return self.places < self.countries_with_candidates


def plan_allocation(
    candidates: Iterable[Candidacy], *, places: int, every_country: bool = True
) -> Proposal:
    """Choose at most ``places`` candidates: with ``every_country``, the best of each country
    first (round by round: everyone's first, then everyone's second…), otherwise by rank
    alone. Pure: reads only the candidacies given."""
    by_country: dict[int, list[Candidacy]] = defaultdict(list)
    countries: dict[int, Country] = {}
    for candidacy in candidates:
        if candidacy.status == CandidacyStatus.WITHDRAWN:
            continue
        by_country[candidacy.country_id].append(candidacy)
        countries[candidacy.country_id] = candidacy.country
    for queue in by_country.values():
        queue.sort(key=rank_key)
    chosen: list[Candidacy] = []
    if every_country:
        # Round by round; within a round, by rank (in the first round that orders the
        # countries by their best candidate, so a shortage of places is settled fairly).
        round_index = 0
        while len(chosen) < places:
            this_round = sorted(
                (queue[round_index] for queue in by_country.values() if round_index < len(queue)),
                key=rank_key,
            )
            if not this_round:
                break
            chosen.extend(this_round[: places - len(chosen)])
            round_index += 1
    else:
        everyone = sorted((c for queue in by_country.values() for c in queue), key=rank_key)
        chosen = everyone[:places]
    placed = {candidacy.country_id for candidacy in chosen}
    left_out = sorted(
        (countries[pk] for pk in by_country if pk not in placed), key=lambda c: c.code
    )
    return Proposal(
        chosen=chosen,
        left_out=left_out if every_country else [],
        countries_with_candidates=len(by_country),
        places=places,
    )


def minimum_gaps(candidacies: Iterable[Candidacy], allocated_ids: set[int]) -> list[Country]:
    """The countries with candidates but no participant, when another country has two or
    more: the per-country minimum broken (an empty list when it holds)."""
    with_candidates: dict[int, Country] = {}
    allocated: Counter[int] = Counter()
    for candidacy in candidacies:
        if candidacy.status == CandidacyStatus.WITHDRAWN:
            continue
        with_candidates[candidacy.country_id] = candidacy.country
        if candidacy.pk in allocated_ids:
            allocated[candidacy.country_id] += 1
    if not allocated or max(allocated.values()) < 2:
        return []
    return sorted(
        (country for pk, country in with_candidates.items() if not allocated[pk]),
        key=lambda c: c.code,
    )


@dataclass
class CountryRow:
    country: Country
    candidates: list[Candidacy] = field(default_factory=list)

    @property
    def allocated(self) -> int:
        return sum(1 for c in self.candidates if c.status == CandidacyStatus.ALLOCATED)

    @property
    def has_participant(self) -> bool:
        return self.allocated > 0


@dataclass
class AllocationBoard:
    opportunity: Opportunity
    rows: list[CountryRow]
    partners_without_participant: list[Country]
    gaps: list[Country]

    @property
    def allocated(self) -> int:
        return sum(row.allocated for row in self.rows)

    @property
    def places_left(self) -> int:
        return max(self.opportunity.places - self.allocated, 0)


def partner_countries(opportunity: Opportunity) -> list[Country]:
    """The countries the per-country minimum is about: the cohort's countries (those with
    places) when the opportunity belongs to a cohort, otherwise every active partner."""
    if opportunity.cohort_id is not None:
        return list(
            Country.objects.filter(
                pk__in=CohortPlace.objects.filter(cohort_id=opportunity.cohort_id).values("country")
            ).order_by("code")
        )
    return list(Country.objects.active().order_by("code"))


def allocation_board(opportunity: Opportunity) -> AllocationBoard:
    """The candidates by country, places left and the partner countries with no participant
    yet (two queries, however many candidates)."""
    candidacies = list(
        Candidacy.objects.filter(opportunity=opportunity)
        .exclude(status=CandidacyStatus.WITHDRAWN)
        .select_related("person__user", "country")
    )
    partners = partner_countries(opportunity)
    rows: dict[int, CountryRow] = {}
    for candidacy in sorted(candidacies, key=lambda c: (c.country.code, rank_key(c))):
        rows.setdefault(candidacy.country_id, CountryRow(country=candidacy.country))
        rows[candidacy.country_id].candidates.append(candidacy)
    with_participant = {pk for pk, row in rows.items() if row.has_participant}
    allocated_ids = {c.pk for c in candidacies if c.status == CandidacyStatus.ALLOCATED}
    return AllocationBoard(
        opportunity=opportunity,
        rows=list(rows.values()),
        partners_without_participant=[c for c in partners if c.pk not in with_participant],
        gaps=minimum_gaps(candidacies, allocated_ids) if opportunity.every_country else [],
    )
