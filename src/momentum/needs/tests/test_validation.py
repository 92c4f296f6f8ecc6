"""Skip logic and validation of answers, on a constructed questionnaire."""

from __future__ import annotations

import pytest

from momentum.needs.services.validation import clean_answer, clean_answers
from momentum.needs.tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def questions():  # type: ignore[no-untyped-def]
    form = factories.small_questionnaire()
    from momentum.needs.selectors import questions_for

    return {question.name: question for question in questions_for(form.pk)}


def _clean(questions, answers, *, complete=False):  # type: ignore[no-untyped-def]
    return clean_answers(list(questions.values()), answers, complete=complete)


def test_valid_answers_are_cleaned_to_their_kinds(questions):
    values, errors = _clean(questions, factories.VALID_ANSWERS, complete=True)

    assert errors == {}
    assert values["unit_size"] == 12
    assert values["has_unit"] == "yes"
    assert values["environment"] == 3
    assert values["personnel"]["cells"]["junior"] == {"female": 10, "male": 60}
    assert values["since"] == "2019-05-01"


def test_a_number_out_of_range_gets_the_questions_own_message_in_the_readers_language(questions):
    from django.utils import translation

    with translation.override("fr"):
        _values, errors = _clean(questions, {**factories.VALID_ANSWERS, "unit_size": "900"})

    assert errors == {"unit_size": "Entre 1 et 500 agents."}


def test_a_number_out_of_range_without_a_message_names_the_bounds(questions):
    _value, error = clean_answer(questions["environment"], "9")

    assert error == "Enter a number between 1 and 5."


def test_text_where_a_number_is_expected_is_refused(questions):
    _value, error = clean_answer(questions["network_members"], "many")

    assert error == "Enter a number."


def test_a_missing_required_answer_is_an_error_only_when_submitting(questions):
    answers = {**factories.VALID_ANSWERS, "personnel": None}

    _values, draft_errors = _clean(questions, answers)
    _values, submit_errors = _clean(questions, answers, complete=True)

    assert "personnel" not in draft_errors
    assert submit_errors["personnel"] == "This question needs an answer."


def test_an_answer_hidden_by_skip_logic_is_discarded_not_stored(questions):
    answers = {**factories.VALID_ANSWERS, "has_unit": "no", "unit_size": "12"}

    values, errors = _clean(questions, answers, complete=True)

    assert values["unit_size"] is None
    assert errors == {}


def test_a_hidden_required_question_needs_no_answer_even_if_its_answer_was_invalid(questions):
    answers = {**factories.VALID_ANSWERS, "has_unit": "no", "unit_size": "not a number"}

    values, errors = _clean(questions, answers, complete=True)

    assert errors == {}
    assert values["unit_size"] is None


def test_a_shown_required_question_must_be_answered(questions):
    answers = {**factories.VALID_ANSWERS, "unit_size": ""}

    _values, errors = _clean(questions, answers, complete=True)

    assert errors == {"unit_size": "This question needs an answer."}


def test_includes_shows_the_question_only_when_the_choice_is_ticked(questions):
    without = {**factories.VALID_ANSWERS, "support": ["mentoring"], "network_members": "40"}
    with_network = {**without, "support": ["mentoring", "network"]}

    assert _clean(questions, without)[0]["network_members"] is None
    assert _clean(questions, with_network)[0]["network_members"] == 40


def test_a_headcount_grid_whose_parts_exceed_its_total_is_refused(questions):
    _value, error = clean_answer(questions["personnel"], factories.grid(50, junior=(10, 60)))

    assert error == "The parts of the grid add up to 70, more than the total of 50."


def test_a_headcount_grid_refuses_negative_or_fractional_people(questions):
    for bad in ("-3", "2.5", "x"):
        _value, error = clean_answer(questions["personnel"], factories.grid(50, junior=(bad, 1)))  # type: ignore[arg-type]
        assert error == "Enter whole numbers in the grid.", bad


def test_a_choice_not_offered_is_refused(questions):
    assert clean_answer(questions["obstacle"], "bribery")[1] == "Choose one of the answers offered."
    assert (
        clean_answer(questions["support"], ["network", "other"])[1]
        == "Choose among the answers offered."
    )


def test_a_date_must_be_a_real_date(questions):
    assert clean_answer(questions["since"], "2019-02-30")[1] == "Enter a date as year-month-day."
