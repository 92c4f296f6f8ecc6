"""The dashboard's rows: each indicator against its baseline and target, with its status, its
trend over closed periods and its country by sex table as the reader may see it."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.utils.translation import gettext_lazy as _

from momentum.core.indicators import UNKNOWN, CrossTab
from momentum.results.models import Direction, Indicator, Logframe, Period, Result, Target
from momentum.results.selectors.figures import Figures, figures_for_period, trend
from momentum.results.selectors.logframe import Audience, indicators_of, results_of
from momentum.results.selectors.suppression import NOTHING_HIDDEN, TOTAL, suppress

SEXES = ("female", "male", UNKNOWN)
STATUS_LABELS = {
    "achieved": _("Achieved"),
    "on_track": _("On track"),
    "at_risk": _("At risk"),
    "off_track": _("Off track"),
    "no_target": _("No target"),
    "no_data": _("No data"),
}


@dataclass
class TableCell:
    text: str
    hidden: bool = False


@dataclass
class TableRow:
    country: str
    cells: list[TableCell]


@dataclass
class ShownTable:
    """A country by sex table ready to show: the columns, the rows with their total last, and
    a last row of totals."""

    sexes: list[str]
    rows: list[TableRow]
    totals: TableRow
    any_hidden: bool


@dataclass
class Row:
    indicator: Indicator
    figures: Figures
    target: Target | None
    status: str
    trend: list[tuple[Period, Decimal | None]] = field(default_factory=list)
    table: ShownTable | None = None
    headline: str = ""

    @property
    def baseline_label(self) -> str:
        indicator = self.indicator
        if indicator.baseline_value is not None:
            return _number(indicator.baseline_value, indicator.unit)
        return indicator.baseline_text or "—"

    @property
    def target_label(self) -> str:
        if self.target is None:
            return "—"
        if self.target.value is not None:
            return _number(self.target.value, self.indicator.unit)
        return self.target.text or "—"

    @property
    def trend_labels(self) -> list[tuple[str, str]]:
        return [(period.name, _number(value, self.indicator.unit)) for period, value in self.trend]

    @property
    def status_label(self) -> Any:
        return STATUS_LABELS[self.status]


def _number(value: Decimal | None, unit: str) -> str:
    if value is None:
        return "—"
    if unit == "count" or value == value.to_integral_value():
        return f"{int(value):,}".replace(",", " ")
    return f"{value:.1f}"


def show_table(table: CrossTab, audience: Audience, country: str | None = None) -> ShownTable:
    countries = table.countries
    if audience.country_codes is not None:
        countries = [code for code in countries if code in audience.country_codes]
    if country:
        countries = [code for code in countries if code == country]
    sexes = [sex for sex in SEXES if sex in table.sexes] or ["female", "male"]
    restricted = CrossTab(
        n={cell: n for cell, n in table.n.items() if cell[0] in countries},
        part={cell: n for cell, n in table.part.items() if cell[0] in countries},
        unit=table.unit,
    )
    hidden = suppress(restricted, countries, sexes) if audience.suppress else NOTHING_HIDDEN

    def cell(code: str, sex: str) -> TableCell:
        label = hidden.label(code, sex)
        if label is not None:
            return TableCell(label, hidden=True)
        value = restricted.value(None if code == TOTAL else code, None if sex == TOTAL else sex)
        return TableCell(_number(value, table.unit))

    rows = [TableRow(code, [cell(code, sex) for sex in [*sexes, TOTAL]]) for code in countries]
    totals = TableRow(TOTAL, [cell(TOTAL, sex) for sex in [*sexes, TOTAL]])
    return ShownTable(
        sexes=sexes,
        rows=rows,
        totals=totals,
        any_hidden=bool(hidden.small or hidden.complementary),
    )


def _target_for(indicator: Indicator, period: Period, country: str | None) -> Target | None:
    """The period's target if set, else the end-of-programme one; a country's before the
    overall one when a country is chosen."""
    targets = list(indicator.targets.all())
    for wanted_period in (period.pk, None):
        for wanted_country in [country, None] if country else [None]:
            for target in targets:
                code = target.country.code if target.country else None
                if target.period_id == wanted_period and code == wanted_country:
                    return target
    return None


def status_of(indicator: Indicator, current: Decimal | None, target: Target | None) -> str:
    if target is None or target.value is None:
        return "no_target"
    if current is None:
        return "no_data"
    baseline = indicator.baseline_value or Decimal(0)
    goal = target.value
    if indicator.direction == Direction.LOWER:
        current, goal, baseline = -current, -goal, -baseline
    if current >= goal:
        return "achieved"
    span = goal - baseline
    progress = (current - baseline) / span if span else Decimal(0)
    if progress >= Decimal("0.6"):
        return "on_track"
    if progress >= Decimal("0.3"):
        return "at_risk"
    return "off_track"


def _current(figures: Figures, country: str | None, audience: Audience) -> Decimal | None:
    """The value compared with the target: since the start of the programme, for the whole
    programme or (a chosen country, a focal point's countries) for those countries."""
    if country or audience.country_codes is not None:
        codes = [country] if country else sorted(audience.country_codes or ())
        values = [figures.by_country[code] for code in codes if code in figures.by_country]
        if not values:
            return None
        if len(values) == 1 or figures.crosstab is None or figures.crosstab.unit == "count":
            return sum(values, Decimal(0))
        return None  # a share or a mean of several countries is not the sum of theirs
    return figures.cumulative


def dashboard(
    *,
    logframe: Logframe,
    period: Period,
    audience: Audience,
    country: str | None = None,
    outcome: Result | None = None,
) -> tuple[list[Result], list[Row]]:
    """The rows of the dashboard. A bounded number of queries: three for the logframe, one or
    two per computed indicator while the period is open (one in all once it is closed), one
    for reported values and one for the trend."""
    results = results_of(logframe)
    if outcome is not None:
        results = [
            result
            for result in results
            if result.pk == outcome.pk or result.parent_id == outcome.pk
        ]
    indicators = indicators_of(results)
    figures = figures_for_period(period, indicators)
    series = trend(indicators)
    rows = []
    for indicator in indicators:
        found = figures.get(indicator.pk, Figures())
        target = _target_for(indicator, period, country)
        current = _current(found, country, audience)
        row = Row(
            indicator=indicator,
            figures=found,
            target=target,
            status=status_of(indicator, current, target) if indicator.is_numeric else "no_target",
            trend=series.get(indicator.pk, []),
        )
        if found.crosstab is not None:
            row.table = show_table(found.crosstab, audience, country)
        row.headline = (
            found.text
            if not indicator.is_numeric
            else _headline(found, current, row.table, audience, indicator.unit)
        )
        rows.append(row)
    return results, rows


def _headline(
    figures: Figures,
    current: Decimal | None,
    table: ShownTable | None,
    audience: Audience,
    unit: str,
) -> str:
    # An observer looking at one country: hidden where the country's row of the table is.
    one_hidden_row = table is not None and len(table.rows) == 1 and table.rows[0].cells[-1].hidden
    if audience.suppress and one_hidden_row:
        return "<5"
    if audience.suppress and unit == "count" and current is not None and 0 < current < 5:
        return "<5"
    return _number(current, unit)
