"""The report's career cycle and working environment, from the approved questionnaires: the
obstacle to women's careers each country names, the supports in place, a gender unit, and how
supportive the working environment is rated. Read into the version's snapshot (three
languages), so a published version keeps what it showed."""

from __future__ import annotations

import builtins
from collections import defaultdict
from typing import Any

from django.utils import translation
from django.utils.translation import gettext as _

from momentum.needs.models import Answer, Question, QuestionKind, Round, SubmissionStatus

# The standard questionnaire's questions on the career cycle and the working environment, in
# the order the report shows them. A questionnaire without one of them simply has no row.
CAREER_QUESTIONS = ("main_obstacle", "support", "gender_unit", "environment")
LANGUAGES = ("en", "fr", "ar")


def _labels(question: Question, base: str = "label") -> dict[str, str]:
    return {code: getattr(question, f"{base}_{code}") or "" for code in LANGUAGES}


def _yes_no_labels() -> list[dict[str, Any]]:
    entries = []
    for value in ("yes", "no"):
        label = {}
        for code in LANGUAGES:
            with translation.override(code):
                label[code] = _("Yes") if value == "yes" else _("No")
        entries.append({"value": value, "label": label})
    return entries


def career_snapshot(round: Round) -> list[dict[str, Any]]:
    """One entry per career question the round's questionnaire asks: its label, and per
    answer the countries that gave it (or, for a scale, each country's rating and the mean)."""
    if round.questionnaire_id is None:
        return []
    questions = {
        question.pk: question
        for question in Question.objects.filter(
            section__questionnaire_id=round.questionnaire_id, name__in=CAREER_QUESTIONS
        )
    }
    by_question: dict[int, dict[str, Any]] = defaultdict(dict)
    for question_id, code, value in Answer.objects.filter(
        submission__round=round,
        submission__status=SubmissionStatus.ACCEPTED,
        question_id__in=questions,
    ).values_list("question_id", "submission__country__code", "value"):
        if value not in (None, "", []):
            by_question[question_id][code] = value
    entries = []
    for question in sorted(questions.values(), key=lambda q: CAREER_QUESTIONS.index(q.name)):
        answers = by_question.get(question.pk, {})
        entry: dict[str, Any] = {
            "name": question.name,
            "kind": question.kind,
            "label": _labels(question),
            "answered": len(answers),
            "by_country": dict(sorted(answers.items())),
        }
        if question.kind == QuestionKind.SCALE:
            numbers = [float(v) for v in answers.values() if isinstance(v, int | float)]
            entry["mean"] = builtins.round(sum(numbers) / len(numbers), 1) if numbers else None
            entry["scale"] = [question.scale_range[0], question.scale_range[-1]]
        else:
            options = (
                _yes_no_labels()
                if question.kind == QuestionKind.YES_NO
                else [
                    {
                        "value": str(choice["value"]),
                        "label": {
                            code: str(choice.get(code) or choice["value"]) for code in LANGUAGES
                        },
                    }
                    for choice in question.choices
                ]
            )
            for option in options:
                option["countries"] = sorted(
                    code
                    for code, value in answers.items()
                    if (
                        option["value"] in value
                        if isinstance(value, list)
                        else value == option["value"]
                    )
                )
            entry["options"] = options
        entries.append(entry)
    return entries
