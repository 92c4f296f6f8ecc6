"""The matching engine: hard constraints, the score and its breakdown, the optimal assignment."""

from __future__ import annotations

import itertools
from collections.abc import Sequence

import pytest
from django.utils import translation
from django.utils.functional import Promise
from hypothesis import given, settings
from hypothesis import strategies as st

from momentum.mentoring.matching import (
    Assignment,
    Constraint,
    Criterion,
    MatchRefused,
    MenteeProfile,
    MentorProfile,
    Weights,
    blocking_constraints,
    check_pair,
    greedy_assignment,
    propose_assignment,
    rank_mentors,
    score_pair,
)

DEFAULT = Weights()


def mentee(
    key: int,
    *,
    languages: Sequence[str] = ("ar",),
    agency: int | None = None,
    goals: Sequence[int] = (),
    work: Sequence[int] = (),
    leadership: bool = False,
    preferred: Sequence[int] = (),
    preferred_kind: str | None = None,
) -> MenteeProfile:
    return MenteeProfile(
        key=key,
        languages=frozenset(languages),
        agency_id=agency,
        goal_areas=frozenset(goals),
        work_areas=frozenset(work),
        wants_leadership=leadership,
        preferred_mentor_keys=frozenset(preferred),
        preferred_mentor_kind=preferred_kind,
    )


def mentor(
    key: int,
    *,
    languages: Sequence[str] = ("ar",),
    agency: int | None = None,
    expertise: Sequence[int] = (),
    work: Sequence[int] = (),
    leads: bool = False,
    kind: str = "senior_officer",
    capacity: int = 1,
) -> MentorProfile:
    return MentorProfile(
        key=key,
        languages=frozenset(languages),
        agency_id=agency,
        expertise_areas=frozenset(expertise),
        work_areas=frozenset(work),
        leads_leadership=leads,
        kind=kind,
        capacity_left=capacity,
    )


def brute_force(
    mentees: Sequence[MenteeProfile], mentors: Sequence[MentorProfile], weights: Weights
) -> tuple[int, float]:
    """The best (matched count, total score) over every possible assignment."""
    options = [[None] + [o for o in mentors if not blocking_constraints(e, o)] for e in mentees]
    best = (0, 0.0)
    for choice in itertools.product(*options):
        used: dict[int, int] = {}
        for chosen in choice:
            if chosen is not None:
                used[chosen.key] = used.get(chosen.key, 0) + 1
        if any(used[o.key] > o.capacity_left for o in mentors if o.key in used):
            continue
        pairs = [(e, o) for e, o in zip(mentees, choice, strict=True) if o is not None]
        total = sum(score_pair(e, o, weights).total for e, o in pairs)
        best = max(best, (len(pairs), total), key=lambda t: (t[0], round(t[1], 6)))
    return best


# --- hard constraints ---


def test_no_shared_language_blocks_the_pair() -> None:
    blocked = blocking_constraints(mentee(1, languages=["ar"]), mentor(9, languages=["fr", "en"]))
    assert blocked == [Constraint.NO_SHARED_LANGUAGE]
    assert propose_assignment(
        [mentee(1, languages=["ar"])], [mentor(9, languages=["fr"])], DEFAULT
    ).unmatched == (1,)


def test_mentor_from_the_mentees_agency_is_blocked() -> None:
    assert blocking_constraints(mentee(1, agency=4), mentor(9, agency=4)) == [
        Constraint.SAME_AGENCY
    ]
    result = propose_assignment(
        [mentee(1, agency=4)], [mentor(9, agency=4), mentor(10, agency=5)], DEFAULT
    )
    assert result.mentor_of() == {1: 10}


def test_missing_agency_never_blocks() -> None:
    assert blocking_constraints(mentee(1, agency=None), mentor(9, agency=None)) == []
    assert blocking_constraints(mentee(1, agency=None), mentor(9, agency=3)) == []
    assert blocking_constraints(mentee(1, agency=3), mentor(9, agency=None)) == []


def test_mentor_without_places_is_blocked() -> None:
    assert blocking_constraints(mentee(1), mentor(9, capacity=0)) == [Constraint.NO_CAPACITY_LEFT]
    result = propose_assignment([mentee(1)], [mentor(9, capacity=0)], DEFAULT)
    assert result.pairs == () and result.unmatched == (1,)


def test_check_pair_refuses_a_mentor_over_capacity_with_a_clear_message() -> None:
    with pytest.raises(MatchRefused) as refused:
        check_pair(
            mentee(1, languages=["ar"], agency=2), mentor(9, languages=["en"], agency=2, capacity=0)
        )
    assert refused.value.constraints == (
        Constraint.NO_SHARED_LANGUAGE,
        Constraint.NO_CAPACITY_LEFT,
        Constraint.SAME_AGENCY,
    )
    assert "The mentor has no place left." in refused.value.messages
    assert "The mentor has no place left." in str(refused.value)
    assert (refused.value.mentee_key, refused.value.mentor_key) == (1, 9)
    check_pair(mentee(1), mentor(9))  # allowed: no exception


def test_constraint_messages_are_whole_translatable_sentences() -> None:
    # Each label is a lazy gettext string, so it is read in the language active when shown.
    assert all(isinstance(c.label, Promise) for c in Constraint)
    with translation.override("en"):
        assert [str(c.label) for c in Constraint] == [
            "They share no working language.",
            "The mentor has no place left.",
            "The mentor works in the mentee's own agency.",
        ]


# --- capacity and pinned pairs ---


def test_mentor_with_two_places_gets_at_most_two_mentees() -> None:
    mentees = [mentee(k, goals=[1]) for k in range(1, 6)]
    mentors = [mentor(9, expertise=[1], capacity=2), mentor(10, capacity=1)]
    result = propose_assignment(mentees, mentors, DEFAULT)
    chosen = list(result.mentor_of().values())
    assert chosen.count(9) == 2 and chosen.count(10) == 1
    assert len(result.unmatched) == 2


def test_pinned_pairs_are_kept_and_use_up_places() -> None:
    # Mentee 1 would go to mentor 9 (shared goal); staff pinned mentor 10 instead.
    mentees = [mentee(1, goals=[1]), mentee(2, goals=[1]), mentee(3, goals=[2])]
    mentors = [mentor(9, expertise=[1], capacity=1), mentor(10, expertise=[2], capacity=1)]
    result = propose_assignment(mentees, mentors, DEFAULT, fixed={1: 10})
    assert result.mentor_of() == {1: 10, 2: 9}
    assert result.unmatched == (3,)  # mentor 10's only place went to the pinned pair


def test_pinning_more_mentees_than_places_is_refused() -> None:
    mentees = [mentee(1), mentee(2)]
    with pytest.raises(MatchRefused) as refused:
        propose_assignment(mentees, [mentor(9, capacity=1)], DEFAULT, fixed={1: 9, 2: 9})
    assert refused.value.constraints == (Constraint.NO_CAPACITY_LEFT,)


def test_pinning_a_pair_that_breaks_a_constraint_is_refused() -> None:
    with pytest.raises(MatchRefused) as refused:
        propose_assignment([mentee(1, agency=3)], [mentor(9, agency=3)], DEFAULT, fixed={1: 9})
    assert refused.value.constraints == (Constraint.SAME_AGENCY,)


def test_pinning_an_unknown_mentor_is_refused() -> None:
    with pytest.raises(ValueError, match="not being matched"):
        propose_assignment([mentee(1)], [mentor(9)], DEFAULT, fixed={1: 99})


def test_duplicate_mentee_is_refused() -> None:
    with pytest.raises(ValueError, match="appears twice"):
        propose_assignment([mentee(1), mentee(1)], [mentor(9)], DEFAULT)


# --- the optimal assignment against greedy ---


def _greedy_trap() -> tuple[list[MenteeProfile], list[MentorProfile]]:
    """Mentor 9 suits mentee 1 best of all pairs, but mentee 1 does nearly as well with
    mentor 10, while mentee 2 does well only with mentor 9."""
    mentees = [mentee(1, goals=[1, 2], work=[10]), mentee(2, goals=[1])]
    mentors = [mentor(9, expertise=[1, 2], work=[10]), mentor(10, expertise=[2], work=[10])]
    return mentees, mentors


def test_optimal_assignment_beats_greedy_where_greedy_fails() -> None:
    mentees, mentors = _greedy_trap()
    # 1–9 82.5, 1–10 62.5, 2–9 70, 2–10 30 (see the scores below).
    greedy = greedy_assignment(mentees, mentors, DEFAULT)
    optimal = propose_assignment(mentees, mentors, DEFAULT)
    assert greedy.mentor_of() == {1: 9, 2: 10}
    assert greedy.total == pytest.approx(82.5 + 30)
    assert optimal.mentor_of() == {1: 10, 2: 9}
    assert optimal.total == pytest.approx(62.5 + 70)
    assert optimal.total > greedy.total
    assert (len(optimal.pairs), optimal.total) == pytest.approx(
        brute_force(mentees, mentors, DEFAULT)
    )


def test_optimal_assignment_matches_more_mentees_than_greedy() -> None:
    # Mentee 2 speaks only French: only mentor 9 can take them. Greedy gives mentor 9 to mentee 1.
    mentees = [mentee(1, languages=["ar", "fr"], goals=[1]), mentee(2, languages=["fr"])]
    mentors = [mentor(9, languages=["ar", "fr"], expertise=[1]), mentor(10, languages=["ar"])]
    greedy = greedy_assignment(mentees, mentors, DEFAULT)
    optimal = propose_assignment(mentees, mentors, DEFAULT)
    assert greedy.unmatched == (2,)
    assert optimal.mentor_of() == {1: 10, 2: 9}
    assert optimal.unmatched == ()


def test_more_mentees_than_places_leaves_the_rest_unmatched() -> None:
    mentees = [mentee(k, goals=[k]) for k in range(1, 5)]
    mentors = [mentor(9, expertise=[1, 2], capacity=2)]
    result = propose_assignment(mentees, mentors, DEFAULT)
    assert result.mentor_of() == {1: 9, 2: 9}
    assert result.unmatched == (3, 4)


def test_mentee_with_no_possible_mentor_is_reported_unmatched() -> None:
    mentees = [mentee(1, languages=["en"]), mentee(2)]
    result = propose_assignment(mentees, [mentor(9, capacity=3)], DEFAULT)
    assert result.mentor_of() == {2: 9}
    assert result.unmatched == (1,)


def test_nothing_to_match() -> None:
    assert propose_assignment([], [mentor(9)], DEFAULT) == Assignment((), (), 0.0)
    assert propose_assignment([mentee(1)], [], DEFAULT) == Assignment((), (1,), 0.0)


def test_tuning_the_weights_changes_the_choice() -> None:
    # Mentor 9 shares the mentee's goal; mentor 10 leads the leadership track the mentee wants.
    mentees = [mentee(1, goals=[1], leadership=True)]
    mentors = [mentor(9, expertise=[1]), mentor(10, leads=True)]
    assert propose_assignment(mentees, mentors, DEFAULT).mentor_of() == {1: 9}
    leadership_first = Weights(goals=10, area_of_work=25, leadership=60, preferences=5)
    assert propose_assignment(mentees, mentors, leadership_first).mentor_of() == {1: 10}


# --- the score and its breakdown ---


def test_breakdown_explains_each_criterion_and_adds_up_to_the_total() -> None:
    score = score_pair(
        mentee(1, goals=[1, 2, 3], work=[7], leadership=True, preferred=[9]),
        mentor(9, expertise=[1, 2], work=[7, 8], leads=True),
        DEFAULT,
    )
    parts = {part.criterion: part for part in score.parts}
    assert [p.criterion for p in score.parts] == [c.value for c in Criterion]
    assert parts["goals"].similarity == pytest.approx(2 / 3)
    assert parts["goals"].points == pytest.approx(40 * 2 / 3)
    assert parts["goals"].explanation == "Goals within the mentor's expertise: 2 of 3."
    assert parts["area_of_work"].similarity == 1.0
    assert parts["leadership"].similarity == 1.0
    assert parts["preferences"].explanation == "The mentee asked for this mentor."
    assert score.total == pytest.approx(sum(p.points for p in score.parts))
    assert score.total == pytest.approx(40 * 2 / 3 + 25 + 20 + 15)


def test_breakdown_adds_up_to_a_total_out_of_100_whatever_the_weights() -> None:
    weights = Weights(goals=3, area_of_work=1, leadership=0, preferences=0)
    score = score_pair(mentee(1, goals=[1], work=[2]), mentor(9, expertise=[1]), weights)
    assert score.total == pytest.approx(75.0)  # goals met (3 of 4), area of work not (1 of 4)
    assert sum(p.points for p in score.parts) == pytest.approx(score.total)
    assert [p.weight for p in score.parts] == [3, 1, 0, 0]


@pytest.mark.parametrize(
    ("the_mentee", "the_mentor", "criterion", "similarity"),
    [
        (mentee(1), mentor(9, expertise=[1]), "goals", 0.5),  # no goals: neutral
        (mentee(1), mentor(9, work=[1]), "area_of_work", 0.5),  # no area: neutral
        (mentee(1, work=[1, 2]), mentor(9, work=[2, 3, 4]), "area_of_work", 0.5),
        (mentee(1), mentor(9, leads=True), "leadership", 0.5),  # not asked: neutral
        (mentee(1, leadership=True), mentor(9, leads=False), "leadership", 0.0),
        (mentee(1), mentor(9), "preferences", 0.5),  # no preference: neutral
        (
            mentee(1, preferred_kind="interpol_staff"),
            mentor(9, kind="interpol_staff"),
            "preferences",
            0.5,
        ),
        (mentee(1, preferred_kind="interpol_staff"), mentor(9), "preferences", 0.0),
        (mentee(1, preferred=[10]), mentor(9), "preferences", 0.0),
        (mentee(1, preferred=[9], preferred_kind="interpol_staff"), mentor(9), "preferences", 1.0),
    ],
)
def test_similarity_definitions(
    the_mentee: MenteeProfile, the_mentor: MentorProfile, criterion: str, similarity: float
) -> None:
    parts = {p.criterion: p for p in score_pair(the_mentee, the_mentor, DEFAULT).parts}
    assert parts[criterion].similarity == pytest.approx(similarity)
    assert parts[criterion].explanation


def test_rank_mentors_lists_only_allowed_mentors_best_first() -> None:
    the_mentee = mentee(1, goals=[1, 2], agency=5)
    mentors = [
        mentor(8, expertise=[1]),
        mentor(9, expertise=[1, 2]),
        mentor(10, expertise=[1, 2], agency=5),  # same agency
        mentor(11, expertise=[1, 2], capacity=0),  # full
        mentor(12),
    ]
    ranked = rank_mentors(the_mentee, mentors, DEFAULT)
    assert [s.mentor_key for s in ranked] == [9, 8, 12]
    assert [s.mentor_key for s in rank_mentors(the_mentee, mentors, DEFAULT, limit=1)] == [9]


# --- weights ---


def test_default_weights_are_valid() -> None:
    DEFAULT.validate()
    assert DEFAULT.sum() == 100


@pytest.mark.parametrize(
    ("weights", "message"),
    [
        (Weights(0, 0, 0, 0), "At least one weight must be greater than zero."),
        (Weights(goals=-1), "cannot be negative"),
        (Weights(goals=1.5), "whole number"),  # type: ignore[arg-type]
    ],
)
def test_invalid_weights_are_refused(weights: Weights, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        weights.validate()
    with pytest.raises(ValueError, match=message):
        propose_assignment([mentee(1)], [mentor(9)], weights)


# --- against brute force on random small cases ---

_languages = st.frozensets(st.sampled_from(["ar", "fr", "en"]), min_size=1, max_size=2)
_areas = st.frozensets(st.integers(1, 4), max_size=3)
_agency = st.one_of(st.none(), st.integers(1, 3))
_kind = st.sampled_from(["interpol_staff", "senior_officer"])


@st.composite
def _instances(draw: st.DrawFn) -> tuple[list[MenteeProfile], list[MentorProfile], Weights]:
    mentor_count = draw(st.integers(1, 3))
    mentors = [
        MentorProfile(
            key=100 + j,
            languages=draw(_languages),
            agency_id=draw(_agency),
            expertise_areas=draw(_areas),
            work_areas=draw(_areas),
            leads_leadership=draw(st.booleans()),
            kind=draw(_kind),
            capacity_left=draw(st.integers(0, 2)),
        )
        for j in range(mentor_count)
    ]
    mentees = [
        MenteeProfile(
            key=i,
            languages=draw(_languages),
            agency_id=draw(_agency),
            goal_areas=draw(_areas),
            work_areas=draw(_areas),
            wants_leadership=draw(st.booleans()),
            preferred_mentor_keys=draw(
                st.frozensets(st.integers(100, 100 + mentor_count), max_size=1)
            ),
            preferred_mentor_kind=draw(st.one_of(st.none(), _kind)),
        )
        for i in range(draw(st.integers(0, 5)))
    ]
    weights = draw(st.builds(Weights, *[st.integers(0, 10)] * 4).filter(lambda w: w.sum() > 0))
    return mentees, mentors, weights


@settings(max_examples=150, deadline=None)
@given(_instances())
def test_proposal_is_as_good_as_brute_force(
    instance: tuple[list[MenteeProfile], list[MentorProfile], Weights],
) -> None:
    mentees, mentors, weights = instance
    result = propose_assignment(mentees, mentors, weights)
    count, total = brute_force(mentees, mentors, weights)
    assert len(result.pairs) == count
    assert result.total == pytest.approx(total)
    # Every pair proposed is allowed and no mentor is given more than its places.
    by_key = {o.key: o for o in mentors}
    mentees_by_key = {e.key: e for e in mentees}
    for pair in result.pairs:
        assert blocking_constraints(mentees_by_key[pair.mentee_key], by_key[pair.mentor_key]) == []
    chosen = [pair.mentor_key for pair in result.pairs]
    assert all(chosen.count(k) <= o.capacity_left for k, o in by_key.items())
    assert sorted(result.unmatched + tuple(result.mentor_of())) == sorted(e.key for e in mentees)
    # Greedy never does better.
    greedy = greedy_assignment(mentees, mentors, weights)
    assert (len(greedy.pairs), round(greedy.total, 6)) <= (count, round(total, 6))
