"""Records for the needs assessment's tests: a small questionnaire built question by question,
a round that uses it, and a country's submission."""

from __future__ import annotations

from typing import Any

from momentum.needs.models import (
    Question,
    Questionnaire,
    Round,
    RoundStatus,
    Section,
    Submission,
)

_COUNTER = {"n": 0}


def _next() -> int:
    _COUNTER["n"] += 1
    return _COUNTER["n"]


def questionnaire(code: str | None = None) -> Questionnaire:
    n = _next()
    return Questionnaire.objects.create(
        code=code or f"q-{n}",
        title_en="Assessment",
        title_fr="Évaluation",
        title_ar="تقييم",
    )


def section(of: Questionnaire, name: str = "main", order: int = 1) -> Section:
    return Section.objects.create(
        questionnaire=of,
        name=name,
        order=order,
        title_en="Main",
        title_fr="Principal",
        title_ar="الرئيسي",
    )


def question(in_section: Section, name: str, kind: str, **fields: Any) -> Question:
    order = in_section.questions.count() + 1
    fields.setdefault("label_en", f"Question {name}")
    fields.setdefault("label_fr", f"Question {name} (fr)")
    fields.setdefault("label_ar", f"السؤال {name}")
    return Question.objects.create(section=in_section, name=name, kind=kind, order=order, **fields)


def choices(*values: str) -> list[dict[str, str]]:
    return [
        {"value": value, "en": value.title(), "fr": f"{value} (fr)", "ar": f"{value} (ar)"}
        for value in values
    ]


def small_questionnaire() -> Questionnaire:
    """has_unit (yes/no, required) → unit_size (number 1..500, shown if yes); support
    (multiple) → network_members (shown if it includes "network"); personnel (headcount by
    rank level, required); since (date); notes (text)."""
    form = questionnaire()
    main = section(form)
    has_unit = question(main, "has_unit", "yes_no", required=True)
    question(
        main,
        "unit_size",
        "number",
        min_value=1,
        max_value=500,
        unit="officers",
        required=True,
        show_if=has_unit,
        show_operator="is",
        show_value="yes",
        message_en="Between 1 and 500 officers.",
        message_fr="Entre 1 et 500 agents.",
        message_ar="بين 1 و500 ضابط.",
    )
    support = question(main, "support", "multiple", choices=choices("mentoring", "network"))
    question(
        main,
        "network_members",
        "number",
        min_value=0,
        show_if=support,
        show_operator="includes",
        show_value="network",
    )
    question(main, "personnel", "headcount", grid_rows="rank_level", required=True)
    question(main, "since", "date")
    question(main, "obstacle", "single", choices=choices("promotion", "retention"))
    question(main, "environment", "scale", min_value=1, max_value=5)
    question(main, "notes", "text")
    return form


def assessment_round(form: Questionnaire | None = None, year: int = 2026) -> Round:
    return Round.objects.create(
        year=year,
        title_en=f"Needs assessment {year}",
        title_fr=f"Évaluation des besoins {year}",
        title_ar=f"تقييم الاحتياجات {year}",
        status=RoundStatus.OPEN,
        questionnaire=form or small_questionnaire(),
    )


def submission(round: Round, country: Any, **fields: Any) -> Submission:
    return Submission.objects.create(
        round=round, country=country, questionnaire_id=round.questionnaire_id, **fields
    )


def grid(total: int | None, **cells: tuple[int, int]) -> dict[str, Any]:
    return {
        "total": total,
        "cells": {level: {"female": women, "male": men} for level, (women, men) in cells.items()},
    }


VALID_ANSWERS: dict[str, Any] = {
    "has_unit": "yes",
    "unit_size": "12",
    "support": ["mentoring"],
    "personnel": grid(100, junior=(10, 60), mid=(5, 20), senior=(1, 4)),
    "since": "2019-05-01",
    "obstacle": "promotion",
    "environment": "3",
    "notes": "وحدة صغيرة",
}
