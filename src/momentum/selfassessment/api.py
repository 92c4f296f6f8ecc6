"""The gender self-assessment's JSON API: cycles and their results, scoped like the pages;
the anonymised overview for observers."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from ninja import Router, Schema
from ninja.pagination import PageNumberPagination, paginate

from momentum.selfassessment import selectors

router = Router(tags=["gender self-assessment"])


class CycleOut(Schema):
    id: int
    agency: str
    country: str
    year: int
    status: str
    dimensions_rated: int


class DimensionResultOut(Schema):
    dimension: str
    name: str
    rating: int | None
    previous_rating: int | None
    survey_mean: float | None


class CycleResultsOut(CycleOut):
    dimensions: list[DimensionResultOut]
    survey_answers: int
    actions: dict[str, int]


class OverviewRowOut(Schema):
    dimension: str
    name: str
    mean_rating: float
    agencies_rated_three_or_more: int


class OverviewOut(Schema):
    agencies: int
    shown: bool
    dimensions: list[OverviewRowOut]


def _cycle_out(cycle: Any, rated: int) -> dict[str, Any]:
    return {
        "id": cycle.pk,
        "agency": str(cycle.agency),
        "country": cycle.country.code,
        "year": cycle.year,
        "status": cycle.status,
        "dimensions_rated": rated,
    }


@router.get("/selfassessment/cycles", response=list[CycleOut])
@paginate(PageNumberPagination, page_size=50)
def list_selfassessment_cycles(request: HttpRequest) -> Any:
    """The cycles the caller may see: staff every one, a focal point her country's, a working
    group its own."""
    if not request.user.has_perm("selfassessment.list_cycles"):
        raise PermissionDenied
    return [
        _cycle_out(cycle, cycle.rated)  # type: ignore[attr-defined]
        for cycle in selectors.cycles_for(request.user)
    ]


@router.get("/selfassessment/cycles/{cycle_id}", response=CycleResultsOut)
def get_selfassessment_cycle(request: HttpRequest, cycle_id: int) -> Any:
    """One cycle's ratings (with the previous cycle's), survey means (groups of five or more
    only) and action plan progress."""
    cycle = selectors.get_cycle_for(request.user, cycle_id)
    themes = selectors.framework()
    dimensions = [dimension for theme in themes for dimension in theme.dimensions.all()]
    points = selectors.radar_for(cycle, dimensions)
    survey = selectors.survey_result(cycle)
    return {
        **_cycle_out(cycle, sum(point.score is not None for point in points)),
        "dimensions": [
            {
                "dimension": point.dimension.code,
                "name": str(point.dimension.name),
                "rating": point.score,
                "previous_rating": point.previous,
                "survey_mean": survey.means.get(point.dimension.pk),
            }
            for point in points
        ],
        "survey_answers": survey.answered,
        "actions": selectors.action_progress(selectors.actions_of(cycle)),
    }


@router.get("/selfassessment/overview", response=OverviewOut)
def get_selfassessment_overview(request: HttpRequest) -> Any:
    """Mean ratings over the agencies' latest completed cycles: only with three or more."""
    if not request.user.has_perm("selfassessment.view_overview"):
        raise PermissionDenied
    themes = selectors.framework()
    result = selectors.overview([d for theme in themes for d in theme.dimensions.all()])
    return {
        "agencies": result.agencies,
        "shown": result.shown,
        "dimensions": [
            {
                "dimension": dimension.code,
                "name": str(dimension.name),
                "mean_rating": mean,
                "agencies_rated_three_or_more": good,
            }
            for dimension, mean, good in result.rows
        ],
    }
