"""Reads for matching: the review page of a cohort's proposed pairs (the score of each and why,
the mentors each mentee may have instead, the mentees left without a mentor and why, the
mentors' places left) and the cohort fetched for staff.

Everything is read in a fixed number of queries and the scores are computed in memory from the
prefetched rows, so the page costs the same however many mentees and mentors there are.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from momentum.mentoring import matching as engine
from momentum.mentoring.models import (
    Application,
    Cohort,
    MentorProfile,
    Pairing,
    PairingStatus,
)
from momentum.mentoring.selectors.mentors import available_mentors
from momentum.mentoring.services.matching import (
    MATCHING_STATUSES,
    ExplainedPart,
    cohort_weights,
    explained_parts,
    matching_mentors,
    mentee_applications,
    mentee_profile,
    mentor_profile,
    unmatched_reasons,
)

__all__ = [
    "MatchingReview",
    "available_mentors",
    "get_cohort_for_matching",
    "matching_review",
]


def get_cohort_for_matching(user: Any, pk: int) -> Cohort:
    """The cohort ``pk`` for the matching pages: staff only (403), an unknown cohort 404."""
    if not user.has_perm("mentoring.run_matching"):
        raise PermissionDenied
    return get_object_or_404(Cohort.objects.visible_to(user), pk=pk)


@dataclass(frozen=True)
class MentorOption:
    mentor: MentorProfile
    score: float
    is_current: bool


@dataclass(frozen=True)
class ProposedRow:
    pairing: Pairing
    mentee: Application
    mentor: MentorProfile
    parts: list[ExplainedPart]
    options: list[MentorOption]


@dataclass(frozen=True)
class UnmatchedRow:
    mentee: Application
    reasons: list[str]
    options: list[MentorOption]


@dataclass(frozen=True)
class MentorPlaces:
    mentor: MentorProfile
    current: int
    places_left: int


@dataclass(frozen=True)
class MatchingReview:
    cohort: Cohort
    weights: engine.Weights
    can_match: bool
    proposed: list[ProposedRow]
    unmatched: list[UnmatchedRow]
    active: list[Pairing]
    mentors: list[MentorPlaces]
    total: float
    mentee_count: int


def _pairings(cohort: Cohort) -> QuerySet[Pairing]:
    return (
        Pairing.objects.filter(
            cohort=cohort, status__in=(PairingStatus.PROPOSED, PairingStatus.ACTIVE)
        )
        .select_related("mentor__user", "mentee__applicant__user", "mentee__country")
        .order_by("mentee__country__code", "pk")
    )


def _options(
    mentee: engine.MenteeProfile,
    profiles: list[engine.MentorProfile],
    mentor_by_pk: dict[int, MentorProfile],
    weights: engine.Weights,
    current: int | None,
) -> list[MentorOption]:
    if current is not None:
        # Her own mentor's place is hers: count it as free for the comparison.
        profiles = [
            dataclasses.replace(p, capacity_left=p.capacity_left + 1) if p.key == current else p
            for p in profiles
        ]
    return [
        MentorOption(
            mentor=mentor_by_pk[ranked.mentor_key],
            score=ranked.total,
            is_current=ranked.mentor_key == current,
        )
        for ranked in engine.rank_mentors(mentee, profiles, weights)
    ]


def matching_review(cohort: Cohort) -> MatchingReview:
    """Everything the matching page shows for ``cohort``.

    Queries: the accepted applications (1) with their goal areas, areas of work and preferred
    mentors (3); the cohort's current pairs with their mentors (1); the mentors with their
    current pairs counted (1), their expertise and areas of work (2).
    """
    weights = cohort_weights(cohort)
    applications = list(mentee_applications(cohort))
    pairings = list(_pairings(cohort))
    proposed = [p for p in pairings if p.status == PairingStatus.PROPOSED]
    mentors = list(matching_mentors(include={p.mentor_id for p in proposed}))
    mentor_by_pk = {mentor.pk: mentor for mentor in mentors}
    profiles = [
        mentor_profile(
            mentor,
            capacity_left=mentor.capacity - mentor.current_pairs,  # type: ignore[attr-defined]
        )
        for mentor in mentors
    ]
    by_pk = {application.pk: application for application in applications}
    paired = {p.mentee_id for p in pairings}

    rows = []
    for pairing in proposed:
        application = by_pk.get(pairing.mentee_id)
        if application is None:  # she is no longer taking part: the proposal is stale
            continue
        rows.append(
            ProposedRow(
                pairing=pairing,
                mentee=application,
                mentor=pairing.mentor,
                parts=explained_parts(pairing.score_parts),
                options=_options(
                    mentee_profile(application), profiles, mentor_by_pk, weights, pairing.mentor_id
                ),
            )
        )
    unmatched = []
    for application in applications:
        if application.pk in paired:
            continue
        mentee = mentee_profile(application)
        unmatched.append(
            UnmatchedRow(
                mentee=application,
                reasons=unmatched_reasons(mentee, profiles),
                options=_options(mentee, profiles, mentor_by_pk, weights, None),
            )
        )
    places = [
        MentorPlaces(
            mentor=mentor,
            current=mentor.current_pairs,  # type: ignore[attr-defined]
            places_left=max(mentor.capacity - mentor.current_pairs, 0),  # type: ignore[attr-defined]
        )
        for mentor in mentors
    ]
    active = [p for p in pairings if p.status == PairingStatus.ACTIVE]
    return MatchingReview(
        cohort=cohort,
        weights=weights,
        can_match=cohort.status in MATCHING_STATUSES,
        proposed=rows,
        unmatched=unmatched,
        active=active,
        mentors=places,
        total=sum(float(row.pairing.score) for row in rows),
        mentee_count=len(applications),
    )
