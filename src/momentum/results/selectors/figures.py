"""The figures of the logframe's indicators for a period: while the period is open, the live
figures stored by the background refresh (computed here only for an indicator that has none
yet); read from its snapshot once it is closed. The one place where the registry is read."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.utils import timezone

from momentum.core import indicators as registry
from momentum.core.indicators import CrossTab
from momentum.results.models import (
    Indicator,
    IndicatorKind,
    LiveFigures,
    Period,
    ReportedValue,
    Snapshot,
    UnitKind,
    ValueStatus,
)


@dataclass
class Figures:
    """An indicator's figures for one period."""

    value: Decimal | None = None  # within the period
    cumulative: Decimal | None = None  # from the start of the programme to the period's end
    text: str = ""  # a qualitative value
    crosstab: CrossTab | None = None  # the period's country by sex table
    by_country: dict[str, Decimal] = field(default_factory=dict)  # cumulative, per country
    wording: dict[str, Any] = field(default_factory=dict)
    frozen: bool = False
    # An open period's computed indicator: when the stored figures were computed (None while
    # computed during this request, before they are stored).
    computed_at: datetime | None = None
    computed_now: bool = False  # computed during this request: nothing was stored yet

    def to_snapshot_fields(self) -> dict[str, Any]:
        return {
            "value": self.value,
            "cumulative": self.cumulative,
            "text": self.text,
            "crosstab": self.crosstab.to_json() if self.crosstab is not None else {},
            "by_country": {code: str(value) for code, value in self.by_country.items()},
        }

    @classmethod
    def from_snapshot(cls, snapshot: Snapshot) -> Figures:
        return cls(
            value=snapshot.value,
            cumulative=snapshot.cumulative,
            text=snapshot.text,
            crosstab=CrossTab.from_json(snapshot.crosstab) if snapshot.crosstab else None,
            by_country={code: Decimal(value) for code, value in snapshot.by_country.items()},
            wording=snapshot.wording,
            frozen=True,
        )

    @classmethod
    def from_live(cls, stored: LiveFigures, indicator: Indicator) -> Figures:
        return cls(
            value=stored.value,
            cumulative=stored.cumulative,
            text=stored.text,
            crosstab=CrossTab.from_json(stored.crosstab) if stored.crosstab else None,
            by_country={code: Decimal(value) for code, value in stored.by_country.items()},
            wording=indicator.wording(),  # the wording is read, not computed: always current
            computed_at=stored.computed_at,
        )


def _rounded(value: Decimal) -> Decimal:
    return value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def _computed(indicator: Indicator, start: date, end: date) -> Figures:
    registered = registry.find(indicator.registry_code)
    if registered is None:
        return Figures()
    if registered.table is not None:
        table = registered.table(start, end)
        since_start = registered.table(None, end)
        return Figures(
            value=_rounded(table.value()),
            cumulative=_rounded(since_start.value()),
            crosstab=table,
            # Per country, like the headline: since the start of the programme.
            by_country={
                code: _rounded(since_start.value(country=code)) for code in since_start.countries
            },
        )
    # Not about people: the value as of today, by country where the indicator gives it.
    breakdown = registered.value()
    return Figures(
        value=Decimal(breakdown.total),
        cumulative=Decimal(breakdown.total),
        by_country={code: Decimal(n) for code, n in breakdown.by_country.items()},
    )


def _reported(indicator: Indicator, values: list[ReportedValue]) -> Figures:
    counted = [
        value
        for value in values
        if value.status == ValueStatus.APPROVED and not value.not_available
    ]
    if not indicator.is_numeric:
        texts = [value.text for value in counted if value.text]
        return Figures(text="\n".join(texts))
    numbers: dict[str, Decimal] = {
        (value.country.code if value.country else ""): value.value
        for value in counted
        if value.value is not None
    }
    by_country = {code: number for code, number in numbers.items() if code}
    if not numbers:
        return Figures()
    total: Decimal
    if "" in numbers:  # a programme-wide value says it all
        total = numbers[""]
    elif indicator.unit == UnitKind.COUNT:
        total = sum(by_country.values(), Decimal(0))
    else:
        total = _rounded(sum(by_country.values(), Decimal(0)) / len(by_country))
    return Figures(value=total, cumulative=total, by_country=by_country)


def approved_values_by_indicator(period: Period) -> dict[int, list[ReportedValue]]:
    """Every reported value of the period, by indicator. One query."""
    grouped: dict[int, list[ReportedValue]] = {}
    for value in ReportedValue.objects.filter(period=period).select_related("country"):
        grouped.setdefault(value.indicator_id, []).append(value)
    return grouped


def live_figures(indicator: Indicator, period: Period, reported: list[ReportedValue]) -> Figures:
    if indicator.kind == IndicatorKind.COMPUTED:
        figures = _computed(indicator, period.starts_on, period.ends_on)
    else:
        figures = _reported(indicator, reported)
    figures.wording = indicator.wording()
    return figures


# The background task refreshes an open period's figures this often; figures older than
# STALE_AFTER mean the refresh has not run (no worker, or a failing one): the page says so.
LIVE_REFRESH_MINUTES = 5
STALE_AFTER = timedelta(minutes=3 * LIVE_REFRESH_MINUTES)


def is_stale(computed_at: datetime | None, now: datetime | None = None) -> bool:
    return computed_at is not None and (now or timezone.now()) - computed_at > STALE_AFTER


def _is_current(stored: LiveFigures, indicator: Indicator, period: Period) -> bool:
    """Stored figures count only for what they were computed for: the same registered
    indicator and the period's dates as they are now."""
    return (
        stored.registry_code == indicator.registry_code
        and stored.starts_on == period.starts_on
        and stored.ends_on == period.ends_on
    )


def figures_for_period(period: Period, indicators: list[Indicator]) -> dict[int, Figures]:
    """Each indicator's figures. A closed period: its snapshot (one query). An open period: the
    reported values (one query) and the stored live figures of the computed indicators (one
    query), whatever the number of records; a computed indicator with no current stored
    figures is computed now (one or two queries) and marked ``computed_now``, so that the
    caller can store it."""
    if period.is_closed:
        snapshots = Snapshot.objects.filter(period=period, indicator__in=indicators)
        return {snapshot.indicator_id: Figures.from_snapshot(snapshot) for snapshot in snapshots}
    reported = approved_values_by_indicator(period)
    computed = [item for item in indicators if item.kind == IndicatorKind.COMPUTED]
    stored = {
        row.indicator_id: row
        for row in LiveFigures.objects.filter(period=period, indicator__in=computed)
    }
    figures: dict[int, Figures] = {}
    for indicator in indicators:
        row = stored.get(indicator.pk)
        if row is not None and _is_current(row, indicator, period):
            figures[indicator.pk] = Figures.from_live(row, indicator)
            continue
        found = live_figures(indicator, period, reported.get(indicator.pk, []))
        found.computed_now = indicator.kind == IndicatorKind.COMPUTED
        figures[indicator.pk] = found
    return figures


def figures_as_of(figures: dict[int, Figures]) -> datetime | None:
    """When the oldest of the stored live figures shown was computed (None: none stored)."""
    times = [item.computed_at for item in figures.values() if item.computed_at is not None]
    return min(times, default=None)


def trend(indicators: list[Indicator]) -> dict[int, list[tuple[Period, Decimal | None]]]:
    """The cumulative value of each indicator over the closed periods. One query."""
    series: dict[int, list[tuple[Period, Decimal | None]]] = {}
    snapshots = (
        Snapshot.objects.filter(indicator__in=indicators, period__status="closed")
        .select_related("period")
        .order_by("period__starts_on")
    )
    for snapshot in snapshots:
        series.setdefault(snapshot.indicator_id, []).append((snapshot.period, snapshot.cumulative))
    return series


def snapshot_now() -> Any:
    return timezone.now()
