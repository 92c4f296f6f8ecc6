"""Reads for the needs assessment, scoped by role and country."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from momentum.needs.models import (
    Answer,
    Contributor,
    Figure,
    FigureIndicator,
    NeedMeasure,
    Question,
    Report,
    ReportStatus,
    Round,
    Submission,
    SubmissionStatus,
    Visit,
)
from momentum.people.models import Role


def submissions_visible_to(user: Any) -> QuerySet[Submission]:
    """Staff see every submission; a focal point her countries'; a board member the approved
    ones of every country; anyone else none."""
    queryset = Submission.objects.select_related("country", "round", "last_saved_by")
    if not getattr(user, "is_authenticated", False):
        return queryset.none()
    if user.is_programme_staff:
        return queryset
    # A subquery, not a join: a join on the colleagues would repeat a submission per colleague.
    contributed = Contributor.objects.filter(user=user).values("submission_id")
    visible = Q(country_id__in=user.countries_for(Role.FOCAL_POINT)) | Q(pk__in=contributed)
    if Role.BOARD_MEMBER in user.roles:
        visible |= Q(status=SubmissionStatus.ACCEPTED)
    return queryset.filter(visible)


def get_submission_for(user: Any, pk: int, *, write: bool = False) -> Submission:
    submission = submissions_visible_to(user).filter(pk=pk).first()
    if submission is None or not user.has_perm("needs.view_submission", submission):
        raise Http404
    if write and not user.has_perm("needs.answer_submission", submission):
        raise PermissionDenied
    return submission


def visits_visible_to(user: Any) -> QuerySet[Visit]:
    queryset = Visit.objects.select_related("country", "round")
    if not user.has_perm("needs.see_rounds"):
        return queryset.none()
    if user.is_programme_staff or Role.BOARD_MEMBER in user.roles:
        return queryset
    return queryset.filter(country_id__in=user.countries_for(Role.FOCAL_POINT))


def get_visit_for(user: Any, pk: int) -> Visit:
    return get_object_or_404(visits_visible_to(user), pk=pk)


def get_round_for(user: Any, pk: int) -> Round:
    if not user.has_perm("needs.see_rounds"):
        raise PermissionDenied
    return get_object_or_404(Round.objects.select_related("questionnaire"), pk=pk)


def answers_by_name(submission: Submission) -> dict[str, Any]:
    return {
        name: value
        for name, value in Answer.objects.filter(submission=submission).values_list(
            "question__name", "value"
        )
    }


def reports_visible_to(user: Any) -> QuerySet[Report]:
    queryset = Report.objects.select_related("round")
    if not getattr(user, "is_authenticated", False):
        return queryset.none()
    if user.is_programme_staff:
        return queryset
    return queryset.filter(status=ReportStatus.PUBLISHED)


def get_report_for(user: Any, pk: int) -> Report:
    return get_object_or_404(reports_visible_to(user), pk=pk)


def round_progress(round: Round) -> dict[str, int]:
    counts = dict(
        Submission.objects.filter(round=round)
        .values_list("status")
        .annotate(n=Count("pk"))
        .values_list("status", "n")
    )
    return {status: counts.get(status, 0) for status in SubmissionStatus.values}


def women_by_sex_and_country(round: Round) -> dict[str, dict[str, int]]:
    """The sums of every headcount grid of the round's approved answers, by country and sex,
    added up in SQL (JSON keys read by the database), so the figure does not depend on
    reading every answer into Python."""
    from django.db.models import IntegerField, Sum
    from django.db.models.fields.json import KeyTextTransform
    from django.db.models.functions import Cast

    result: dict[str, dict[str, int]] = defaultdict(dict)
    base = Answer.objects.filter(
        submission__round=round,
        submission__status=SubmissionStatus.ACCEPTED,
        question__kind="headcount",
        question__grid_rows="rank_level",
    )
    for level in ("junior", "mid", "senior"):
        for sex in ("female", "male"):
            rows = (
                base.annotate(
                    cell=Cast(
                        KeyTextTransform(
                            sex, KeyTextTransform(level, KeyTextTransform("cells", "value"))
                        ),
                        IntegerField(),
                    )
                )
                .values("submission__country__code")
                .annotate(total=Sum("cell"))
                .values_list("submission__country__code", "total")
            )
            for code, total in rows:
                result[code][sex] = result[code].get(sex, 0) + int(total or 0)
                result[code][f"{level}_{sex}"] = int(total or 0)
    return dict(result)


def need_scores(round: Round) -> dict[tuple[str, str], Decimal]:
    """Importance times gap per (country code, area-of-work code) from the answers of submitted
    and approved questionnaires: each scale question marked as measuring one of them."""
    answers = Answer.objects.filter(
        submission__round=round,
        submission__status__in=[SubmissionStatus.SUBMITTED, SubmissionStatus.ACCEPTED],
        question__area_of_work__isnull=False,
    ).values_list(
        "submission__country__code",
        "question__area_of_work__code",
        "question__need_measure",
        "value",
    )
    parts: dict[tuple[str, str], dict[str, Decimal]] = defaultdict(dict)
    for country, area, measure, value in answers:
        if isinstance(value, int | float):
            parts[(country, area)][measure] = Decimal(str(value))
    return {
        key: found[NeedMeasure.IMPORTANCE] * found[NeedMeasure.GAP]
        for key, found in parts.items()
        if NeedMeasure.IMPORTANCE in found and NeedMeasure.GAP in found
    }


def latest_figures(user: Any) -> dict[str | None, dict[str, Figure]]:
    """The latest figure of each kind per country (None: the global reference), of those the
    user may see; a figure without value stays, so its note reads "no public figure"."""
    result: dict[str | None, dict[str, Figure]] = defaultdict(dict)
    for figure in (
        Figure.objects.visible_to(user)
        .filter(category="")
        .select_related("country")
        .order_by("country__code", "indicator", "-year", "-pk")
    ):
        code = figure.country.code if figure.country else None
        current = result[code].get(figure.indicator)
        if current is None or (current.value is None and figure.value is not None):
            result[code][figure.indicator] = figure
    return dict(result)


FIGURE_COLUMNS = (
    FigureIndicator.TOTAL_STAFF,
    FigureIndicator.WOMEN_HEADCOUNT,
    FigureIndicator.SHARE_OF_WOMEN,
    FigureIndicator.WOMEN_LEADERSHIP,
)


def questions_for(questionnaire_id: int) -> list[Question]:
    return list(
        Question.objects.filter(section__questionnaire_id=questionnaire_id)
        .select_related("section")
        .order_by("section__order", "section__pk", "order", "pk")
    )
