"""The board's arithmetic on constructed cases: quorum, majorities, the silence procedure."""

from __future__ import annotations

import pytest

from momentum.governance.quorum import motion_result, procedure_result, quorum_needed


@pytest.mark.parametrize(
    ("rule", "countries", "needed"),
    [
        ("majority", 7, 4),
        ("majority", 6, 4),
        ("majority", 1, 1),
        ("two_thirds", 7, 5),
        ("two_thirds", 6, 4),
        ("all", 7, 7),
    ],
)
def test_quorum_needed(rule, countries, needed):
    assert quorum_needed(rule, countries) == needed


def test_a_motion_without_quorum_is_not_taken_and_says_why():
    result = motion_result(
        votes=["yes", "yes", "yes"],
        participating=3,
        countries=7,
        rule="majority",
        majority="simple",
    )

    assert result.outcome == "not_taken"
    assert "3 countries took part, 4 were needed" in result.reason


def test_simple_majority_counts_yes_against_no_and_ignores_abstentions():
    adopted = motion_result(
        votes=["yes", "yes", "no", "abstain", "abstain"],
        participating=5,
        countries=7,
        rule="majority",
        majority="simple",
    )
    tied = motion_result(
        votes=["yes", "no", "abstain", "abstain"],
        participating=4,
        countries=7,
        rule="majority",
        majority="simple",
    )

    assert adopted.outcome == "adopted"
    assert (adopted.yes, adopted.no, adopted.abstain) == (2, 1, 2)
    assert tied.outcome == "rejected"


def test_two_thirds_majority_needs_two_yes_for_each_no():
    common = {"participating": 7, "countries": 7, "rule": "two_thirds", "majority": "two_thirds"}

    assert motion_result(votes=["yes"] * 4 + ["no"] * 2, **common).outcome == "adopted"
    assert motion_result(votes=["yes"] * 3 + ["no"] * 2, **common).outcome == "rejected"


def test_only_abstentions_take_no_decision():
    result = motion_result(
        votes=["abstain"] * 5, participating=5, countries=7, rule="majority", majority="simple"
    )

    assert result.outcome == "not_taken"


def test_silence_procedure_without_answer_is_adopted():
    assert procedure_result(answers=[], countries=7, silence=True).outcome == "adopted"


def test_silence_procedure_with_one_objection_is_not_adopted():
    result = procedure_result(answers=["approve", "object", "comment"], countries=7, silence=True)

    assert result.outcome == "rejected"
    assert "1 member objected" in result.reason


def test_ordinary_procedure_needs_a_majority_of_countries_approving():
    assert (
        procedure_result(answers=["approve"] * 4, countries=7, silence=False).outcome == "adopted"
    )
    assert (
        procedure_result(answers=["approve"] * 3 + ["comment"], countries=7, silence=False).outcome
        == "rejected"
    )
