"""Scoring: a question is right when the choices selected are exactly its correct ones; the score
is the share of the questions shown that were right; gains and normalised gains."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from momentum.training.models import SessionStatus
from momentum.training.services.assessments import (
    gain,
    is_right,
    normalised_gain,
    score,
    submit_test,
)
from momentum.training.tests.factories import (
    CourseFactory,
    NominationFactory,
    SessionFactory,
    make_question,
)


@pytest.fixture
def nomination(db, officer):  # type: ignore[no-untyped-def]
    from django.utils import timezone

    starts_on = timezone.localdate() + timedelta(days=2)
    session = SessionFactory(
        course=CourseFactory(),
        status=SessionStatus.CONFIRMED,
        starts_on=starts_on,
        ends_on=starts_on + timedelta(days=1),
    )
    return NominationFactory(session=session, officer=officer.profile)


def _choices(question):  # type: ignore[no-untyped-def]
    return list(question.choices.order_by("order").values_list("pk", flat=True))


@pytest.mark.parametrize(
    ("kind", "correct", "chosen", "right"),
    [
        ("single", (1,), [1], True),
        ("single", (1,), [0], False),
        ("true_false", (0,), [0], True),
        ("true_false", (0,), [1], False),
        ("multiple", (0, 2), [0, 2], True),
        ("multiple", (0, 2), [0], False),  # too few
        ("multiple", (0, 2), [0, 1, 2], False),  # too many
        ("multiple", (0, 2), [], False),
    ],
)
def test_each_kind_is_right_only_with_exactly_its_correct_answers(
    nomination, kind, correct, chosen, right
):
    course = nomination.session.course
    question = make_question(course, kind, answers=3, correct=correct)
    make_question(course, "true_false", correct=(0,))  # answered right below
    other = course.questions.exclude(pk=question.pk).get()
    pks = _choices(question)

    attempt = submit_test(
        nomination=nomination,
        kind="pre",
        answers={question.pk: [pks[index] for index in chosen], other.pk: [_choices(other)[0]]},
        language="fr",
    )

    assert attempt.answers.get(question=question).is_correct is right
    assert attempt.score == (Decimal("100.00") if right else Decimal("50.00"))
    assert attempt.language == "fr"


def test_the_score_is_the_share_of_the_questions_shown(nomination):
    course = nomination.session.course
    questions = [make_question(course, "single", correct=(0,)) for _ in range(3)]
    make_question(course, "single", is_active=False)  # not shown, not counted

    attempt = submit_test(
        nomination=nomination,
        kind="pre",
        answers={questions[0].pk: [_choices(questions[0])[0]]},  # one right, two left out
        language="en",
    )

    assert attempt.score == Decimal("33.33")
    assert attempt.answers.count() == 3


question_keys = st.lists(st.integers(min_value=1, max_value=10_000), unique=True, max_size=30)


@st.composite
def question_sets(draw):  # type: ignore[no-untyped-def]
    keys = draw(question_keys)
    correct = {key: draw(st.frozensets(st.integers(0, 5), min_size=1, max_size=4)) for key in keys}
    answers = {
        key: draw(st.frozensets(st.integers(0, 5), max_size=6))
        for key in keys
        if draw(st.booleans())
    }
    return correct, answers


@given(question_sets())
def test_a_score_is_between_0_and_100(case):  # type: ignore[no-untyped-def]
    correct, answers = case

    result = score(correct, answers)

    assert Decimal(0) <= result <= Decimal(100)
    assert result == result.quantize(Decimal("0.01"))


@given(question_sets())
def test_answering_every_question_right_scores_100(case):  # type: ignore[no-untyped-def]
    correct, _answers = case

    result = score(correct, dict(correct))

    assert result == (Decimal(100) if correct else Decimal(0))


@given(question_sets())
def test_the_score_counts_exactly_the_questions_answered_right(case):  # type: ignore[no-untyped-def]
    correct, answers = case
    right = sum(is_right(choices, answers.get(key, ())) for key, choices in correct.items())

    result = score(correct, answers)

    if correct:
        assert abs(result - Decimal(100 * right) / len(correct)) < Decimal("0.01")


@pytest.mark.parametrize(
    ("pre", "post", "expected_gain", "expected_normalised"),
    [
        ("40", "70", "30", "0.50"),
        ("0", "100", "100", "1.00"),
        ("80", "60", "-20", "-1.00"),  # a loss is a negative gain
        ("50", "50", "0", "0.00"),
        ("99", "100", "1", "1.00"),
        ("100", "100", "0", None),  # nothing left to learn: undefined
        ("100", "80", "-20", None),
        (None, "80", None, None),  # no pre-test
        ("30", None, None, None),
    ],
)
def test_gain_and_normalised_gain(pre, post, expected_gain, expected_normalised):
    pre = Decimal(pre) if pre is not None else None
    post = Decimal(post) if post is not None else None

    assert gain(pre, post) == (Decimal(expected_gain) if expected_gain is not None else None)
    assert normalised_gain(pre, post) == (
        Decimal(expected_normalised) if expected_normalised is not None else None
    )


def test_the_undefined_normalised_gain_is_shown_as_a_dash():
    from momentum.training.templatetags.training_tests import score as shown

    assert shown(None) == "—"
    assert shown(Decimal("0.50"), 2) == "0.50"
    assert shown(Decimal("100.00")) == "100"
    assert shown(Decimal("66.67")) == "66.7"
