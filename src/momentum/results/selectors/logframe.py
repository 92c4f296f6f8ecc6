"""Reads of the logframe, its periods and reported values, scoped to the reader."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch, QuerySet
from django.http import Http404

from momentum.results.models import (
    Indicator,
    Level,
    Logframe,
    Period,
    ReportedValue,
    Result,
    Target,
)


@dataclass(frozen=True)
class Audience:
    """What a reader may see: which countries (``None``: all) and whether small cells are
    hidden (the donor and the board see no personal data)."""

    country_codes: frozenset[str] | None
    suppress: bool
    is_staff: bool = False


def audience_for(user: Any) -> Audience:
    from momentum.core.models import Country
    from momentum.people.models import Role

    if not user.has_perm("results.view_results"):
        raise PermissionDenied
    if user.is_programme_staff:
        return Audience(country_codes=None, suppress=False, is_staff=True)
    if {Role.DONOR, Role.BOARD_MEMBER} & user.roles:
        return Audience(country_codes=None, suppress=True)
    ids = user.countries_for(Role.FOCAL_POINT)
    codes = Country.objects.filter(pk__in=ids).values_list("code", flat=True)
    return Audience(country_codes=frozenset(codes), suppress=False)


def current_logframe() -> Logframe | None:
    """The programme's logframe (one programme per installation for now)."""
    return Logframe.objects.select_related("programme").order_by("pk").first()


def first_programme() -> Any:
    """The programme a logframe is started for (one programme per installation for now)."""
    from momentum.core.models import Programme

    return Programme.objects.order_by("pk").first()


def logframe_or_404() -> Logframe:
    logframe = current_logframe()
    if logframe is None:
        raise Http404
    return logframe


def results_of(logframe: Logframe) -> list[Result]:
    """The results with their indicators and targets. Three queries."""
    indicators = Indicator.objects.order_by("order", "code").prefetch_related(
        Prefetch("targets", queryset=Target.objects.select_related("country", "period"))
    )
    return list(
        Result.objects.filter(logframe=logframe)
        .order_by("order", "code")
        .prefetch_related(Prefetch("indicators", queryset=indicators))
    )


def parents_for(logframe: Logframe) -> list[Result]:
    """The results another may serve: the impact and the outcomes. One query."""
    return list(
        Result.objects.filter(logframe=logframe, level__in=(Level.IMPACT, Level.OUTCOME)).order_by(
            "order", "code"
        )
    )


def get_result(logframe: Logframe, pk: int) -> Result:
    result = Result.objects.filter(logframe=logframe, pk=pk).first()
    if result is None:
        raise Http404
    return result


def outcomes_of(results: list[Result]) -> list[Result]:
    return [result for result in results if result.level == Level.OUTCOME]


def indicators_of(results: list[Result]) -> list[Indicator]:
    return [indicator for result in results for indicator in result.indicators.all()]


def periods_of(logframe: Logframe) -> list[Period]:
    return list(Period.objects.filter(logframe=logframe).order_by("starts_on"))


def get_period(logframe: Logframe, pk: int) -> Period:
    period = Period.objects.filter(logframe=logframe, pk=pk).first()
    if period is None:
        raise Http404
    return period


def get_indicator(pk: int) -> Indicator:
    indicator = Indicator.objects.select_related("result__logframe").filter(pk=pk).first()
    if indicator is None:
        raise Http404
    return indicator


def values_visible_to(user: Any) -> QuerySet[ReportedValue]:
    """Reported values a user may see: all for staff, her countries' for a focal point,
    approved ones for the donor and the board (they count in the figures)."""
    from momentum.people.models import Role

    values = ReportedValue.objects.select_related(
        "indicator__result", "period", "country", "submitted_by", "decided_by"
    )
    if not getattr(user, "is_authenticated", False):
        return values.none()
    if user.is_programme_staff:
        return values
    countries = user.countries_for(Role.FOCAL_POINT)
    if countries:
        return values.filter(country_id__in=countries)
    if {Role.DONOR, Role.BOARD_MEMBER} & user.roles:
        return values.filter(status="approved")
    return values.none()


def get_value_for(user: Any, pk: int, *, write: bool = False) -> ReportedValue:
    value = values_visible_to(user).filter(pk=pk).first()
    if value is None:
        raise Http404
    if write and not user.has_perm("results.edit_value", value):
        raise PermissionDenied
    return value


def waiting_for_approval(user: Any) -> QuerySet[ReportedValue]:
    return values_visible_to(user).filter(status="submitted").exclude(submitted_by=user)


def reported_indicators(logframe: Logframe) -> QuerySet[Indicator]:
    return Indicator.objects.filter(result__logframe=logframe, kind="reported").order_by(
        "result__order", "order", "code"
    )
