"""The matching engine: which mentor for which mentee, and why.

A pure module: it knows nothing of models or requests. The callers turn mentees and mentors
into the frozen profiles below, and staff's tuned weights into :class:`Weights`.

Matching runs in three steps.

1. **Hard constraints** (:func:`blocking_constraints`). A pair is possible only when the two
   share a working language, the mentor has a place left, and the mentor does not come from the
   mentee's own agency (a missing agency on either side never blocks). Languages are compared as
   given, so callers pass the same codes on both sides ("ar", "fr", "en").

2. **A transparent score** (:func:`score_pair`). Each criterion gives a similarity between 0 and
   1; the pair's score is the weighted mean of the similarities, on a scale of 0 to 100::

       total = 100 * Σ(weight * similarity) / Σ(weight)

   and each criterion's *points* are its share of that total (``100 * weight * similarity /
   Σ weight``; with the default weights, which add up to 100, simply ``weight * similarity``),
   so the points of the breakdown add up to the total. The similarities:

   - **goals**: the share of the mentee's goals (thematic areas) in the mentor's expertise,
     ``|goals ∩ expertise| / |goals|``;
   - **area of work**: the share of the mentee's areas of work the mentor also works in,
     ``|mentee's areas ∩ mentor's areas| / |mentee's areas|`` (a share of what the mentee needs,
     not a Jaccard index, so a mentor with broad experience is not penalised for it);
   - **leadership**: 1 when the mentee wants the leadership track and the mentor leads it,
     0 when the mentee wants it and the mentor does not;
   - **preferences**: 1 when the mentee named this mentor, 0.5 when the mentor is of the kind
     the mentee prefers (programme staff or senior officer), 0 when the mentee stated a
     preference this mentor meets in no way.

   One rule covers the cases with nothing to compare: when the mentee states nothing for a
   criterion (no goals, no area of work, no wish for the leadership track, no preference), every
   mentor gets the neutral similarity 0.5, so no mentor is favoured or penalised for it and the
   mentee neither gains nor loses against mentees who did state something.

3. **The best overall assignment** (:func:`propose_assignment`). Each mentor is repeated once
   per place left (a *slot*); the Hungarian method (``scipy.optimize.linear_sum_assignment``)
   then finds the assignment that first matches as many mentees as possible and, among those,
   has the highest total score. (A constant larger than any possible sum of scores is added to
   every possible pair's value, so one more match always outweighs any gain in score.) Pairs
   staff pinned by hand are kept and use up their mentor's places. Unlike the greedy baseline
   (:func:`greedy_assignment`, best pair first), it does not let one early good pair push
   another mentee to a poor mentor or to none.

The score matrix of all pairs is computed with numpy in one go; the translated explanations of
the breakdown are written only for the pairs proposed.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, fields
from types import MappingProxyType

import numpy as np
import numpy.typing as npt
from django.db import models
from django.utils.translation import gettext, gettext_lazy
from scipy.optimize import linear_sum_assignment

__all__ = [
    "Assignment",
    "Constraint",
    "Criterion",
    "MatchRefused",
    "MenteeProfile",
    "MentorProfile",
    "PairScore",
    "ScorePart",
    "Weights",
    "blocking_constraints",
    "check_pair",
    "greedy_assignment",
    "propose_assignment",
    "rank_mentors",
    "score_pair",
]

NEUTRAL = 0.5  # the similarity when the mentee states nothing for a criterion

FloatMatrix = npt.NDArray[np.float64]
BoolMatrix = npt.NDArray[np.bool_]


class Constraint(models.TextChoices):
    """A hard constraint that rules a pair out; the label is the message shown to staff."""

    NO_SHARED_LANGUAGE = "no_shared_language", gettext_lazy("They share no working language.")
    NO_CAPACITY_LEFT = "no_capacity_left", gettext_lazy("The mentor has no place left.")
    SAME_AGENCY = "same_agency", gettext_lazy("The mentor works in the mentee's own agency.")


class Criterion(models.TextChoices):
    GOALS = "goals", gettext_lazy("Goals and expertise")
    AREA_OF_WORK = "area_of_work", gettext_lazy("Area of work")
    LEADERSHIP = "leadership", gettext_lazy("Leadership track")
    PREFERENCES = "preferences", gettext_lazy("Stated preferences")


@dataclass(frozen=True)
class Weights:
    """The weight of each criterion, tuned by staff. Only their proportions matter."""

    goals: int = 40
    area_of_work: int = 25
    leadership: int = 20
    preferences: int = 15

    def validate(self) -> None:
        """Raise ValueError, with a translated message, unless the weights can be used."""
        for field in fields(self):
            value = getattr(self, field.name)
            if not isinstance(value, int) or isinstance(value, bool):
                raise ValueError(
                    gettext("The weight of “%(criterion)s” must be a whole number.")
                    % {"criterion": Criterion(field.name).label}
                )
            if value < 0:
                raise ValueError(
                    gettext("The weight of “%(criterion)s” cannot be negative.")
                    % {"criterion": Criterion(field.name).label}
                )
        if self.sum() == 0:
            raise ValueError(gettext("At least one weight must be greater than zero."))

    def sum(self) -> int:
        return self.goals + self.area_of_work + self.leadership + self.preferences

    def of(self, criterion: Criterion) -> int:
        return int(getattr(self, criterion.value))


@dataclass(frozen=True)
class MenteeProfile:
    key: int
    languages: frozenset[str]
    agency_id: int | None
    goal_areas: frozenset[int]  # thematic area ids
    work_areas: frozenset[int]  # area-of-work ids
    wants_leadership: bool
    preferred_mentor_keys: frozenset[int] = frozenset()
    preferred_mentor_kind: str | None = None  # a mentor kind, or None for no preference


@dataclass(frozen=True)
class MentorProfile:
    key: int
    languages: frozenset[str]
    agency_id: int | None
    expertise_areas: frozenset[int]  # thematic area ids
    work_areas: frozenset[int]  # area-of-work ids
    leads_leadership: bool
    kind: str
    capacity_left: int  # places left, before the pairs pinned in ``fixed``


@dataclass(frozen=True)
class ScorePart:
    criterion: str  # a Criterion value
    weight: int
    similarity: float  # 0..1
    points: float  # this criterion's share of the pair's total (0..100 overall)
    explanation: str  # a short translated sentence

    @property
    def label(self) -> str:
        return str(Criterion(self.criterion).label)


@dataclass(frozen=True)
class PairScore:
    mentee_key: int
    mentor_key: int
    total: float  # 0..100
    parts: tuple[ScorePart, ...]


@dataclass(frozen=True)
class Assignment:
    pairs: tuple[PairScore, ...]  # in the order of the mentees given
    unmatched: tuple[int, ...]  # mentee keys left without a mentor
    total: float  # the sum of the pairs' totals

    def mentor_of(self) -> dict[int, int]:
        """Mentee key → mentor key."""
        return {pair.mentee_key: pair.mentor_key for pair in self.pairs}


class MatchRefused(ValueError):
    """A pair breaks one or more hard constraints; ``messages`` says which, in whole sentences."""

    def __init__(
        self,
        constraints: Iterable[Constraint],
        *,
        mentee_key: int | None = None,
        mentor_key: int | None = None,
    ) -> None:
        self.constraints: tuple[Constraint, ...] = tuple(constraints)
        self.mentee_key = mentee_key
        self.mentor_key = mentor_key
        super().__init__(" ".join(self.messages))

    @property
    def messages(self) -> list[str]:
        return [str(constraint.label) for constraint in self.constraints]


# --- hard constraints and the score of one pair ---


def blocking_constraints(mentee: MenteeProfile, mentor: MentorProfile) -> list[Constraint]:
    """The hard constraints this pair breaks; an empty list means the pair is allowed."""
    blocking = []
    if not mentee.languages & mentor.languages:
        blocking.append(Constraint.NO_SHARED_LANGUAGE)
    if mentor.capacity_left <= 0:
        blocking.append(Constraint.NO_CAPACITY_LEFT)
    if mentee.agency_id is not None and mentee.agency_id == mentor.agency_id:
        blocking.append(Constraint.SAME_AGENCY)
    return blocking


def check_pair(mentee: MenteeProfile, mentor: MentorProfile) -> None:
    """Raise :class:`MatchRefused` if staff may not pair these two by hand."""
    blocking = blocking_constraints(mentee, mentor)
    if blocking:
        raise MatchRefused(blocking, mentee_key=mentee.key, mentor_key=mentor.key)


def _share(wanted: frozenset[int], offered: frozenset[int]) -> tuple[float, int]:
    """The share of ``wanted`` in ``offered`` (neutral if nothing is wanted), and the count."""
    if not wanted:
        return NEUTRAL, 0
    matched = len(wanted & offered)
    return matched / len(wanted), matched


def _goals_part(mentee: MenteeProfile, mentor: MentorProfile) -> tuple[float, str]:
    similarity, matched = _share(mentee.goal_areas, mentor.expertise_areas)
    if not mentee.goal_areas:
        return similarity, gettext("The mentee stated no goals.")
    return similarity, gettext("Goals within the mentor's expertise: %(matched)d of %(count)d.") % {
        "matched": matched,
        "count": len(mentee.goal_areas),
    }


def _area_of_work_part(mentee: MenteeProfile, mentor: MentorProfile) -> tuple[float, str]:
    similarity, matched = _share(mentee.work_areas, mentor.work_areas)
    if not mentee.work_areas:
        return similarity, gettext("The mentee stated no area of work.")
    return similarity, gettext(
        "Areas of work the mentor shares with the mentee: %(matched)d of %(count)d."
    ) % {"matched": matched, "count": len(mentee.work_areas)}


def _leadership_part(mentee: MenteeProfile, mentor: MentorProfile) -> tuple[float, str]:
    if not mentee.wants_leadership:
        return NEUTRAL, gettext("The mentee does not ask for the leadership track.")
    if mentor.leads_leadership:
        return 1.0, gettext("The mentee wants the leadership track and the mentor leads it.")
    return 0.0, gettext("The mentee wants the leadership track; the mentor does not lead it.")


def _preferences_part(mentee: MenteeProfile, mentor: MentorProfile) -> tuple[float, str]:
    if mentor.key in mentee.preferred_mentor_keys:
        return 1.0, gettext("The mentee asked for this mentor.")
    if mentee.preferred_mentor_kind is not None and mentee.preferred_mentor_kind == mentor.kind:
        return 0.5, gettext("The mentor is of the kind the mentee prefers.")
    if mentee.preferred_mentor_keys or mentee.preferred_mentor_kind is not None:
        return 0.0, gettext(
            "The mentor is neither one the mentee asked for nor of the kind preferred."
        )
    return NEUTRAL, gettext("The mentee stated no preference.")


_PARTS = (
    (Criterion.GOALS, _goals_part),
    (Criterion.AREA_OF_WORK, _area_of_work_part),
    (Criterion.LEADERSHIP, _leadership_part),
    (Criterion.PREFERENCES, _preferences_part),
)


def score_pair(mentee: MenteeProfile, mentor: MentorProfile, weights: Weights) -> PairScore:
    """The pair's score and its breakdown; it does not check the hard constraints."""
    weights.validate()
    scale = 100.0 / weights.sum()
    parts = []
    for criterion, part in _PARTS:
        similarity, explanation = part(mentee, mentor)
        weight = weights.of(criterion)
        parts.append(
            ScorePart(
                criterion=criterion.value,
                weight=weight,
                similarity=similarity,
                points=weight * scale * similarity,
                explanation=explanation,
            )
        )
    return PairScore(
        mentee_key=mentee.key,
        mentor_key=mentor.key,
        total=sum(part.points for part in parts),
        parts=tuple(parts),
    )


def rank_mentors(
    mentee: MenteeProfile,
    mentors: Sequence[MentorProfile],
    weights: Weights,
    *,
    limit: int | None = None,
) -> list[PairScore]:
    """The mentors this mentee may have, best score first: suggestions for a hand adjustment
    or for re-matching a mentee whose pair ended early."""
    scores, feasible = _score_matrix([mentee], mentors, weights)
    allowed = feasible[0] & (_capacities(mentors) > 0)
    order = [int(j) for j in np.argsort(-scores[0], kind="stable") if allowed[j]]
    return [score_pair(mentee, mentors[j], weights) for j in order[:limit]]


# --- all pairs at once ---


def _index(values: Iterable[Iterable[object]]) -> dict[object, int]:
    index: dict[object, int] = {}
    for group in values:
        for value in group:
            index.setdefault(value, len(index))
    return index


def _incidence(groups: Sequence[Iterable[object]], index: Mapping[object, int]) -> FloatMatrix:
    """One row per group, one column per known value, 1.0 where the group holds the value."""
    matrix = np.zeros((len(groups), max(len(index), 1)), dtype=np.float64)
    for row, group in enumerate(groups):
        columns = [index[value] for value in group if value in index]
        matrix[row, columns] = 1.0
    return matrix


def _share_matrix(
    wanted: Sequence[frozenset[int]], offered: Sequence[frozenset[int]]
) -> FloatMatrix:
    """``_share`` for every (mentee, mentor) pair."""
    index = _index(wanted)
    want = _incidence(wanted, index)
    matched = want @ _incidence(offered, index).T
    counts = want.sum(axis=1)[:, None]
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(counts > 0, matched / np.maximum(counts, 1), NEUTRAL)


def _capacities(mentors: Sequence[MentorProfile]) -> npt.NDArray[np.int64]:
    return np.array([mentor.capacity_left for mentor in mentors], dtype=np.int64)


def _score_matrix(
    mentees: Sequence[MenteeProfile], mentors: Sequence[MentorProfile], weights: Weights
) -> tuple[FloatMatrix, BoolMatrix]:
    """Every pair's total score, and whether the language and agency constraints allow it
    (capacity is the caller's business). Mentees are rows, mentors columns."""
    weights.validate()
    n, m = len(mentees), len(mentors)
    if n == 0 or m == 0:
        return np.zeros((n, m)), np.zeros((n, m), dtype=np.bool_)

    languages = _index(mentee.languages for mentee in mentees)
    shared = (
        _incidence([mentee.languages for mentee in mentees], languages)
        @ _incidence([mentor.languages for mentor in mentors], languages).T
    ) > 0
    mentee_agency = np.array([-1 if e.agency_id is None else e.agency_id for e in mentees])
    mentor_agency = np.array([-1 if o.agency_id is None else o.agency_id for o in mentors])
    mentee_has_agency = np.array([e.agency_id is not None for e in mentees])
    mentor_has_agency = np.array([o.agency_id is not None for o in mentors])
    same_agency = (
        (mentee_agency[:, None] == mentor_agency[None, :])
        & mentee_has_agency[:, None]
        & mentor_has_agency[None, :]
    )
    feasible: BoolMatrix = shared & ~same_agency

    goals = _share_matrix([e.goal_areas for e in mentees], [o.expertise_areas for o in mentors])
    areas = _share_matrix([e.work_areas for e in mentees], [o.work_areas for o in mentors])

    wants = np.array([e.wants_leadership for e in mentees])
    leads = np.array([o.leads_leadership for o in mentors], dtype=np.float64)
    leadership = np.where(wants[:, None], leads[None, :], NEUTRAL)

    column_of = {mentor.key: j for j, mentor in enumerate(mentors)}
    named = np.zeros((n, m), dtype=np.bool_)
    for i, mentee in enumerate(mentees):
        named[i, [column_of[k] for k in mentee.preferred_mentor_keys if k in column_of]] = True
    kinds = _index([[o.kind for o in mentors]])
    mentor_kind = np.array([kinds[o.kind] for o in mentors])
    preferred_kind = np.array([kinds.get(e.preferred_mentor_kind, -2) for e in mentees])
    kind_matches = preferred_kind[:, None] == mentor_kind[None, :]
    stated = np.array(
        [bool(e.preferred_mentor_keys) or e.preferred_mentor_kind is not None for e in mentees]
    )
    preferences = np.where(
        named, 1.0, np.where(kind_matches, 0.5, np.where(stated[:, None], 0.0, NEUTRAL))
    )

    scale = 100.0 / weights.sum()
    scores = (
        weights.goals * scale * goals
        + weights.area_of_work * scale * areas
        + weights.leadership * scale * leadership
        + weights.preferences * scale * preferences
    )
    return scores, feasible


# --- assignments ---


def _check_unique(mentees: Sequence[MenteeProfile], mentors: Sequence[MentorProfile]) -> None:
    if len({mentee.key for mentee in mentees}) != len(mentees):
        raise ValueError(gettext("A mentee appears twice in the list to match."))
    if len({mentor.key for mentor in mentors}) != len(mentors):
        raise ValueError(gettext("A mentor appears twice in the list to match."))


def _assignment(pairs: Iterable[PairScore], mentees: Sequence[MenteeProfile]) -> Assignment:
    by_mentee = {pair.mentee_key: pair for pair in pairs}
    ordered = tuple(by_mentee[m.key] for m in mentees if m.key in by_mentee)
    return Assignment(
        pairs=ordered,
        unmatched=tuple(m.key for m in mentees if m.key not in by_mentee),
        total=sum(pair.total for pair in ordered),
    )


def propose_assignment(
    mentees: Sequence[MenteeProfile],
    mentors: Sequence[MentorProfile],
    weights: Weights,
    *,
    fixed: Mapping[int, int] = MappingProxyType({}),
) -> Assignment:
    """The best assignment of ``mentees`` to ``mentors``: as many matched mentees as possible,
    then the highest total score, within every mentor's places left.

    ``fixed`` maps mentee keys to mentor keys for the pairs staff pinned by hand: they are kept
    as they are and use up places of their mentor's ``capacity_left``. A pinned pair that breaks
    a hard constraint (including a mentor pinned more times than it has places) raises
    :class:`MatchRefused`; a key that is not among the profiles given raises ValueError.
    """
    weights.validate()
    _check_unique(mentees, mentors)
    mentee_by_key = {mentee.key: mentee for mentee in mentees}
    column_of = {mentor.key: j for j, mentor in enumerate(mentors)}
    capacity = _capacities(mentors)

    pinned: list[PairScore] = []
    for mentee_key, mentor_key in fixed.items():
        if mentee_key not in mentee_by_key or mentor_key not in column_of:
            raise ValueError(
                gettext("A pinned pair names a mentee or a mentor that is not being matched.")
            )
        mentee, mentor = mentee_by_key[mentee_key], mentors[column_of[mentor_key]]
        blocking: list[Constraint] = [
            c for c in blocking_constraints(mentee, mentor) if c != Constraint.NO_CAPACITY_LEFT
        ]
        if capacity[column_of[mentor_key]] <= 0:
            blocking.append(Constraint.NO_CAPACITY_LEFT)
        if blocking:
            raise MatchRefused(blocking, mentee_key=mentee_key, mentor_key=mentor_key)
        capacity[column_of[mentor_key]] -= 1
        pinned.append(score_pair(mentee, mentor, weights))

    free = [mentee for mentee in mentees if mentee.key not in fixed]
    scores, feasible = _score_matrix(free, mentors, weights)
    feasible &= capacity[None, :] > 0
    rows = np.flatnonzero(feasible.any(axis=1)) if free else np.array([], dtype=np.int64)
    # A mentor never needs more slots than there are mentees who could take them.
    slots = np.minimum(capacity, len(rows)).clip(min=0)
    proposed: list[PairScore] = []
    if len(rows) and slots.sum():
        slot_mentor = np.repeat(np.arange(len(mentors)), slots)
        # One more match must outweigh any score: each pair scores at most 100.
        bonus = 100.0 * (min(len(rows), len(slot_mentor)) + 1)
        value = np.where(feasible[rows], bonus + scores[rows], 0.0)[:, slot_mentor]
        chosen_rows, chosen_slots = linear_sum_assignment(value, maximize=True)
        for r, s in zip(chosen_rows, chosen_slots, strict=True):
            i, j = int(rows[r]), int(slot_mentor[s])
            if feasible[i, j]:
                proposed.append(score_pair(free[i], mentors[j], weights))
    return _assignment(itertools.chain(pinned, proposed), mentees)


def greedy_assignment(
    mentees: Sequence[MenteeProfile], mentors: Sequence[MentorProfile], weights: Weights
) -> Assignment:
    """The naive baseline: take the best remaining pair first, until none is left.

    For comparison only (the tests and the benchmark); staff get :func:`propose_assignment`.
    """
    _check_unique(mentees, mentors)
    scores, feasible = _score_matrix(mentees, mentors, weights)
    capacity = _capacities(mentors)
    feasible &= capacity[None, :] > 0
    candidates = np.flatnonzero(feasible)
    # Best score first; ties in the order the mentees and mentors were given.
    order = candidates[np.argsort(-scores.ravel()[candidates], kind="stable")]
    taken: set[int] = set()
    pairs = []
    for flat in order:
        i, j = divmod(int(flat), len(mentors))
        if i in taken or capacity[j] <= 0:
            continue
        taken.add(i)
        capacity[j] -= 1
        pairs.append(score_pair(mentees[i], mentors[j], weights))
        if len(taken) == len(mentees):
            break
    return _assignment(pairs, mentees)
