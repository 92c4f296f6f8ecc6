"""Checking answers against their questions: kinds, bounds, required flags, headcount grids
and skip logic. Pure functions over questions and values, shared by the page, the API and the
import of answers."""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

from django.utils.translation import gettext as _

from momentum.needs.models import GridRows, Question, QuestionKind, SkipOperator
from momentum.people.models import RankLevel, Sex

SEXES = (Sex.FEMALE.value, Sex.MALE.value)


def grid_row_values(question: Question) -> list[tuple[str, str]]:
    """The rows of a headcount grid: rank levels, or the question's listed areas of work."""
    if question.grid_rows == GridRows.RANK_LEVEL:
        return [(level.value, str(level.label)) for level in RankLevel]
    return question.localized_choices()


def _empty(value: Any) -> bool:
    return value is None or value == "" or value == [] or value == {}


def is_shown(question: Question, answers: Mapping[str, Any], by_pk: Mapping[int, Question]) -> bool:
    """Whether the skip logic shows ``question`` given the other answers (by question name).
    A question depending on a hidden question is hidden too."""
    seen: set[int] = set()
    current: Question | None = question
    while current is not None and current.show_if_id:
        if current.pk in seen:  # a loop is refused at import; never loop here either
            return False
        seen.add(current.pk)
        trigger = by_pk.get(current.show_if_id)
        if trigger is None:
            return False
        given = answers.get(trigger.name)
        if current.show_operator == SkipOperator.INCLUDES:
            if not isinstance(given, list) or current.show_value not in given:
                return False
        elif _as_text(given) != current.show_value:
            return False
        current = trigger
    return True


def _as_text(value: Any) -> str:
    if value is True:
        return "yes"
    if value is False:
        return "no"
    return "" if value is None else str(value)


def _message(question: Question, default: str) -> str:
    return question.message or default


def _number(raw: Any) -> Decimal | None:
    try:
        number = Decimal(str(raw).strip().replace(",", "."))
    except (InvalidOperation, ValueError):
        return None
    return number if number.is_finite() else None


def _whole(raw: Any) -> int | None:
    number = _number(raw)
    if number is None or number != number.to_integral_value() or number < 0:
        return None
    return int(number)


def clean_answer(question: Question, raw: Any) -> tuple[Any, str | None]:
    """The value to store for ``raw`` (as sent by a form or the API), or an error message in
    the active language. An empty answer cleans to None (required flags are checked apart)."""
    if _empty(raw):
        return None, None
    kind = question.kind
    if kind == QuestionKind.TEXT:
        return str(raw).strip() or None, None
    if kind in (QuestionKind.SINGLE, QuestionKind.YES_NO):
        allowed = (
            {"yes", "no"}
            if kind == QuestionKind.YES_NO
            else {str(choice["value"]) for choice in question.choices}
        )
        value = _as_text(raw)
        if value not in allowed:
            return None, _message(question, _("Choose one of the answers offered."))
        return value, None
    if kind == QuestionKind.MULTIPLE:
        values = [str(item) for item in (raw if isinstance(raw, list) else [raw])]
        allowed = {str(choice["value"]) for choice in question.choices}
        if any(value not in allowed for value in values):
            return None, _message(question, _("Choose among the answers offered."))
        return sorted(set(values), key=values.index), None
    if kind in (QuestionKind.NUMBER, QuestionKind.SCALE):
        number = _number(raw)
        if number is None:
            return None, _message(question, _("Enter a number."))
        low, high = question.min_value, question.max_value
        if kind == QuestionKind.SCALE:
            low = low if low is not None else Decimal(1)
            high = high if high is not None else Decimal(5)
        if (low is not None and number < low) or (high is not None and number > high):
            return None, _message(
                question,
                _("Enter a number between %(low)s and %(high)s.")
                % {"low": _plain(low), "high": _plain(high)}
                if low is not None and high is not None
                else _("The number is out of range."),
            )
        return (int(number) if number == number.to_integral_value() else float(number)), None
    if kind == QuestionKind.DATE:
        try:
            return datetime.date.fromisoformat(str(raw).strip()).isoformat(), None
        except ValueError:
            return None, _message(question, _("Enter a date as year-month-day."))
    if kind == QuestionKind.HEADCOUNT:
        return _clean_grid(question, raw)
    return None, _("This kind of question is not supported.")


def _plain(number: Decimal | None) -> str:
    if number is None:
        return ""
    return str(int(number)) if number == number.to_integral_value() else str(number)


def _clean_grid(question: Question, raw: Any) -> tuple[Any, str | None]:
    if not isinstance(raw, Mapping):
        return None, _("Enter whole numbers in the grid.")
    rows = [value for value, _label in grid_row_values(question)]
    total_raw = raw.get("total")
    total = None if _empty(total_raw) else _whole(total_raw)
    if not _empty(total_raw) and total is None:
        return None, _message(question, _("Enter whole numbers in the grid."))
    cells_raw = raw.get("cells") or {}
    cells: dict[str, dict[str, int]] = {}
    for row in rows:
        for sex in SEXES:
            given = (cells_raw.get(row) or {}).get(sex)
            if _empty(given):
                continue
            number = _whole(given)
            if number is None:
                return None, _message(question, _("Enter whole numbers in the grid."))
            cells.setdefault(row, {})[sex] = number
    if total is None and not cells:
        return None, None
    parts = sum(number for row in cells.values() for number in row.values())
    if total is not None and parts > total:
        return None, _(
            "The parts of the grid add up to %(parts)s, more than the total of %(total)s."
        ) % {"parts": parts, "total": total}
    return {"total": total, "cells": cells}, None


def clean_answers(
    questions: Iterable[Question], raw_answers: Mapping[str, Any], *, complete: bool
) -> tuple[dict[str, Any], dict[str, str]]:
    """Clean every answer. Answers hidden by the skip logic are discarded, not stored. With
    ``complete`` (submitting), a shown required question without an answer is an error.

    Returns the values to store (by question name; None deletes) and the errors by name."""
    ordered = list(questions)
    by_pk = {question.pk: question for question in ordered}
    values: dict[str, Any] = {}
    errors: dict[str, str] = {}
    for question in ordered:
        value, error = clean_answer(question, raw_answers.get(question.name))
        if error:
            errors[question.name] = error
            # Keep what the person typed out of the skip logic's view, but do not lose it.
            values[question.name] = raw_answers.get(question.name)
        else:
            values[question.name] = value
    for question in ordered:
        if not is_shown(question, values, by_pk):
            values[question.name] = None
            errors.pop(question.name, None)
        elif complete and question.required and _empty(values[question.name]):
            errors.setdefault(question.name, _("This question needs an answer."))
    return values, errors
