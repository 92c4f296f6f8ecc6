"""Reads of evaluations (aggregates only)."""

from __future__ import annotations

import random
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import Count, F, QuerySet
from django.db.models.lookups import GreaterThanOrEqual
from django.http import Http404

from momentum.training.models import (
    Evaluation,
    EvaluationKind,
    Session,
)
from momentum.training.models.evaluations import MIN_GROUP_SIZE

_RATINGS = (1, 2, 3, 4, 5)


def get_session_for_evaluations(user: Any, pk: int) -> Session:
    """A session the user may see (with its course and trainers), or 404. Evaluations,
    certificates and exports start from it, then ask their own permission."""
    session = (
        Session.objects.visible_to(user)
        .select_related("course")
        .prefetch_related("trainers")
        .filter(pk=pk)
        .first()
    )
    if session is None:
        raise Http404
    return session


@dataclass(frozen=True)
class RatingCount:
    rating: int
    count: int
    percent: int


@dataclass(frozen=True)
class QuestionResult:
    field: str
    label: Any
    answered: int
    mean: Decimal | None
    distribution: list[RatingCount]


@dataclass(frozen=True)
class EvaluationResults:
    """A survey's results for one session. Below ``MIN_GROUP_SIZE`` answers nothing is shown
    but the count, so no answer can be traced to a person."""

    kind: str
    answers: int
    questions: list[QuestionResult]
    comments: list[str]
    satisfied_percent: int | None
    min_group_size: int = MIN_GROUP_SIZE

    @property
    def shown(self) -> bool:
        return self.answers >= self.min_group_size


def evaluation_results(session: Session, kind: str) -> EvaluationResults:
    """Means and distributions per question, the comments in random order and without dates,
    the share of satisfied participants. One query."""
    from momentum.training.services.evaluations import QUESTION_LABELS, QUESTIONS

    fields = QUESTIONS[kind]
    # Results show whole groups of MIN_GROUP_SIZE answers only (the first 5, the first 10,
    # …): comparing the page before and after one more answer never shows that one person's.
    every = list(
        Evaluation.objects.filter(session=session, kind=kind).values_list(
            *fields, "comments", "release_step"
        )
    )
    complete_steps = len(every) // MIN_GROUP_SIZE
    rows = [row[:-1] for row in every if row[-1] is None or row[-1] < complete_steps]
    if len(rows) < MIN_GROUP_SIZE:
        return EvaluationResults(
            kind=kind, answers=len(every), questions=[], comments=[], satisfied_percent=None
        )
    questions = []
    for index, field in enumerate(fields):
        values = [row[index] for row in rows if row[index] is not None]
        counts = {rating: values.count(rating) for rating in _RATINGS}
        questions.append(
            QuestionResult(
                field=field,
                label=QUESTION_LABELS[field],
                answered=len(values),
                mean=(Decimal(sum(values)) / len(values)).quantize(Decimal("0.1"))
                if values
                else None,
                distribution=[
                    RatingCount(rating, counts[rating], round(100 * counts[rating] / len(values)))
                    for rating in _RATINGS
                    if values
                ],
            )
        )
    comments = [row[-1].strip() for row in rows if row[-1] and row[-1].strip()]
    # Shuffled: the order of the comments must not follow the order of the answers.
    random.SystemRandom().shuffle(comments)
    satisfied = None
    if kind == EvaluationKind.END_OF_SESSION:
        satisfied = round(
            100 * sum(1 for row in rows if _is_satisfied(row[: len(fields)])) / len(rows)
        )
    return EvaluationResults(
        kind=kind,
        answers=len(rows),
        questions=questions,
        comments=comments,
        satisfied_percent=satisfied,
    )


def _is_satisfied(ratings: tuple[Any, ...]) -> bool:
    # The mean of the four ratings is at least 4, i.e. their sum at least 16.
    return None not in ratings and sum(ratings) >= 4 * len(ratings)


def satisfied_participants(sessions: QuerySet[Session] | None = None) -> tuple[int, int]:
    """``(satisfied, answered)`` over the end-of-session evaluations of ``sessions`` (all by
    default): satisfied means the mean of the four ratings is at least 4. For the indicator
    "share of satisfied participants". One query."""
    evaluations = Evaluation.objects.filter(
        kind=EvaluationKind.END_OF_SESSION,
        relevance__isnull=False,
        content__isnull=False,
        trainers__isnull=False,
        organisation__isnull=False,
    )
    if sessions is not None:
        evaluations = evaluations.filter(session__in=sessions)
    total = F("relevance") + F("content") + F("trainers") + F("organisation")
    counts = evaluations.aggregate(
        answered=Count("pk"), satisfied=Count("pk", filter=GreaterThanOrEqual(total, 16))
    )
    return counts["satisfied"], counts["answered"]
