"""Reads for the knowledge tests: a participant's review of her answers."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Prefetch

from momentum.training.models import Answer, Choice, TestAttempt


@dataclass(frozen=True)
class ReviewedQuestion:
    text: str
    chosen: list[str]
    correct: list[str]
    is_correct: bool


def answer_review(attempt: TestAttempt) -> list[ReviewedQuestion]:
    """Each question of ``attempt`` with the answers chosen and the correct ones, in the test's
    order. Three queries (the answers with their questions, their choices, the questions'
    choices), whatever the number of questions."""
    answers = (
        Answer.objects.filter(attempt=attempt)
        .select_related("question")
        .prefetch_related(
            "choices",
            Prefetch("question__choices", queryset=Choice.objects.order_by("order", "pk")),
        )
        .order_by("question__order", "question__pk")
    )
    return [
        ReviewedQuestion(
            text=str(answer.question.text),
            chosen=[str(choice.text) for choice in answer.choices.all()],
            correct=[str(c.text) for c in answer.question.choices.all() if c.is_correct],
            is_correct=answer.is_correct,
        )
        for answer in answers
    ]
