"""Reads of the gender self-assessment, scoped to who may see them."""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Avg, Count, Prefetch, Q, QuerySet
from django.http import Http404

from momentum.selfassessment.models import (
    OBSERVER_MIN_AGENCIES,
    SURVEY_MIN_ANSWERS,
    Action,
    ActionStatus,
    Answer,
    Cycle,
    CycleStatus,
    Dimension,
    Question,
    QuestionKind,
    Rating,
    SurveyLink,
    SurveyResponse,
    Theme,
)


def cycles_for(user: Any) -> QuerySet[Cycle]:
    return (
        Cycle.objects.visible_to(user)
        .select_related("agency", "country", "lead")
        .annotate(rated=Count("ratings", distinct=True))
        .order_by("-year", "country__code", "agency__name")
    )


def get_cycle_for(user: Any, pk: int, *, permission: str = "selfassessment.view_cycle") -> Cycle:
    """The cycle, if ``user`` may see it (404 otherwise) and do ``permission`` (403)."""
    cycle = (
        Cycle.objects.select_related("agency", "country", "lead", "previous")
        .prefetch_related("members")
        .filter(pk=pk)
        .first()
    )
    if cycle is None or not user.has_perm("selfassessment.view_cycle", cycle):
        raise Http404
    if not user.has_perm(permission, cycle):
        raise PermissionDenied
    return cycle


def framework() -> list[Theme]:
    """The themes with their dimensions and questions, in order (three queries)."""
    return list(
        Theme.objects.prefetch_related(
            Prefetch(
                "dimensions",
                queryset=Dimension.objects.order_by("order", "code").prefetch_related(
                    Prefetch("questions", queryset=Question.objects.order_by("order", "pk"))
                ),
            )
        ).order_by("order", "code")
    )


def dimension_count() -> int:
    return Dimension.objects.count()


def survey_link_for(token_hash: str) -> SurveyLink | None:
    return SurveyLink.objects.select_related("cycle__agency").filter(token_hash=token_hash).first()


def survey_dimensions() -> list[Dimension]:
    return list(
        Dimension.objects.filter(survey_statement_en__gt="").order_by("theme__order", "order")
    )


# --- radar ---
@dataclass(frozen=True)
class RadarPoint:
    dimension: Dimension
    score: int | None
    previous: int | None


def ratings_of(cycle: Cycle) -> dict[int, Rating]:
    return {
        rating.dimension_id: rating
        for rating in Rating.objects.filter(cycle=cycle).select_related("rated_by")
    }


def radar_for(cycle: Cycle, dimensions: list[Dimension]) -> list[RadarPoint]:
    """Each dimension's rating in this cycle and in the agency's previous one (one query)."""
    ids = [cycle.pk] + ([cycle.previous_id] if cycle.previous_id else [])
    scores = {
        (cycle_id, dimension_id): score
        for cycle_id, dimension_id, score in Rating.objects.filter(cycle_id__in=ids).values_list(
            "cycle_id", "dimension_id", "score"
        )
    }
    return [
        RadarPoint(
            dimension,
            scores.get((cycle.pk, dimension.pk)),
            scores.get((cycle.previous_id, dimension.pk)) if cycle.previous_id else None,
        )
        for dimension in dimensions
    ]


@dataclass(frozen=True)
class RadarShape:
    """Coordinates of a radar chart in a 400 by 400 box, centred, for the SVG template."""

    axes: list[dict[str, Any]]
    rings: list[str]
    current: str
    previous: str


def radar_shape(points: list[RadarPoint], *, size: int = 400, radius: int = 130) -> RadarShape:
    centre = size / 2
    count = max(len(points), 1)

    def at(index: int, value: float) -> tuple[float, float]:
        angle = -math.pi / 2 + 2 * math.pi * index / count
        distance = radius * value / 5
        return round(centre + distance * math.cos(angle), 1), round(
            centre + distance * math.sin(angle), 1
        )

    def polygon(values: list[float]) -> str:
        return " ".join(f"{x},{y}" for x, y in (at(i, v) for i, v in enumerate(values)))

    axes = []
    for index, point in enumerate(points):
        x, y = at(index, 5)
        lx, ly = at(index, 6.1)
        anchor = "middle" if abs(lx - centre) < 10 else ("start" if lx > centre else "end")
        axes.append({"x": x, "y": y, "lx": lx, "ly": ly, "anchor": anchor, "point": point})
    has_previous = any(point.previous is not None for point in points)
    return RadarShape(
        axes=axes,
        rings=[polygon([level] * count) for level in range(1, 6)],
        current=polygon([float(point.score or 0) for point in points]),
        previous=polygon([float(point.previous or 0) for point in points]) if has_previous else "",
    )


# --- answers of the working group, aggregated ---
@dataclass
class QuestionSummary:
    question: Question
    respondents: int = 0
    choices: dict[str, int] = field(default_factory=dict)
    mean_scale: float | None = None
    grid: dict[str, dict[str, int]] = field(default_factory=dict)
    grids_differ: bool = False
    texts: list[tuple[Any, str]] = field(default_factory=list)
    mine: Answer | None = None


def answers_summary(cycle: Cycle, dimension: Dimension, user: Any) -> list[QuestionSummary]:
    """Every respondent's answers to a dimension's questions, aggregated: choices counted,
    scales averaged, headcount grids compared (the newest shown, differences flagged), texts
    listed with their author."""
    questions = list(dimension.questions.all())
    answers = (
        Answer.objects.filter(cycle=cycle, question__in=questions)
        .select_related("respondent")
        .order_by("-updated_at")
    )
    by_question: dict[int, list[Answer]] = defaultdict(list)
    for answer in answers:
        by_question[answer.question_id].append(answer)
    summaries = []
    for question in questions:
        given = by_question.get(question.pk, [])
        summary = QuestionSummary(question, respondents=len(given))
        summary.mine = next((a for a in given if a.respondent_id == user.pk), None)
        if question.kind == QuestionKind.YES_PARTLY_NO:
            summary.choices = dict(Counter(a.choice for a in given if a.choice))
        elif question.kind == QuestionKind.SCALE:
            scales = [a.scale for a in given if a.scale is not None]
            summary.mean_scale = round(sum(scales) / len(scales), 1) if scales else None
        elif question.kind == QuestionKind.HEADCOUNT:
            grids = [a.grid for a in given if a.grid]
            summary.grid = grids[0] if grids else {}
            summary.grids_differ = any(grid != grids[0] for grid in grids)
        else:
            summary.texts = [(a.respondent, a.text) for a in given if a.text]
        summaries.append(summary)
    return summaries


# --- the personnel survey ---
@dataclass(frozen=True)
class SurveyResult:
    answered: int
    links: int
    shown: bool  # results only for groups of at least SURVEY_MIN_ANSWERS
    means: dict[int, float]


def survey_result(cycle: Cycle) -> SurveyResult:
    links = SurveyLink.objects.filter(cycle=cycle).aggregate(
        links=Count("pk"), answered=Count("pk", filter=Q(answered_at__isnull=False))
    )
    answered = links["answered"] or 0
    shown = answered >= SURVEY_MIN_ANSWERS
    means: dict[int, float] = {}
    if shown:
        for row in (
            SurveyResponse.objects.filter(cycle=cycle)
            .values("dimension_id")
            .annotate(n=Count("pk"), mean=Avg("agreement"))
        ):
            if row["n"] >= SURVEY_MIN_ANSWERS:
                means[row["dimension_id"]] = round(float(row["mean"]), 1)
    return SurveyResult(answered, links["links"] or 0, shown, means)


# --- the action plan ---
def actions_of(cycle: Cycle) -> list[Action]:
    return list(Action.objects.filter(cycle=cycle).select_related("dimension"))


def action_progress(actions: list[Action]) -> dict[str, int]:
    counts = Counter(action.status for action in actions)
    return {status: counts.get(status, 0) for status in ActionStatus.values}


# --- observers: anonymised aggregates over at least three agencies ---
@dataclass(frozen=True)
class Overview:
    agencies: int
    shown: bool
    rows: list[tuple[Dimension, float, int]]  # dimension, mean rating, agencies rated ≥ 3


def latest_completed_cycles() -> QuerySet[Cycle]:
    """Each agency's most recent completed cycle."""
    latest: dict[int, int] = {}
    for pk, agency_id in (
        Cycle.objects.filter(status=CycleStatus.COMPLETED)
        .order_by("agency_id", "-year")
        .values_list("pk", "agency_id")
    ):
        latest.setdefault(agency_id, pk)
    return Cycle.objects.filter(pk__in=latest.values())


def overview(dimensions: list[Dimension]) -> Overview:
    """The mean rating of each dimension over the agencies' latest completed cycles; nothing
    when fewer than three agencies have one, so no agency's ratings can be read off."""
    cycles = latest_completed_cycles()
    agencies = cycles.count()
    if agencies < OBSERVER_MIN_AGENCIES:
        return Overview(agencies, False, [])
    stats = {
        row["dimension_id"]: row
        for row in Rating.objects.filter(cycle__in=cycles)
        .values("dimension_id")
        .annotate(mean=Avg("score"), good=Count("pk", filter=Q(score__gte=3)))
    }
    rows = [
        (d, round(float(stats[d.pk]["mean"]), 1), stats[d.pk]["good"])
        for d in dimensions
        if d.pk in stats
    ]
    return Overview(agencies, True, rows)
