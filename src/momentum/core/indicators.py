"""The indicator registry: each activity declares how its indicators are computed.

Activities call ``register`` at start-up (from their ``AppConfig.ready``); the results
framework reads ``all_indicators()``. No indicator is typed in by hand when the platform holds
the records it counts.

Registering an indicator
------------------------
``register(Indicator(code=…, name=…, definition=…, compute=…, app=…, goal=…))`` is all an
indicator needs: ``compute(**filters)`` returns a ``Breakdown`` (the total, by sex, by country)
over all the records, as it did from the start.

The country by sex table for a date range
----------------------------------------
An indicator about people (officers trained, mentees, members…) also gives ``table``: a
function ``table(start, end) -> CrossTab`` that counts the records dated from ``start`` to
``end`` (dates, both included; ``None`` means open-ended) in ONE grouped query, each row a
country and a sex. The cells add up to the totals by construction, and the results framework
shows, snapshots and exports the table, suppressing small cells for observers. Say which date
of the records the range applies to in the definition (the certificate's issue date, the
session's first day…). Build the table with ``crosstab_from_rows``::

    def _table(start: date | None, end: date | None) -> CrossTab:
        rows = (
            Certificate.objects.filter(**between("issued_on", start, end))
            .values("nomination__officer__country__code", "nomination__officer__sex")
            .annotate(n=Count("pk"))
            .order_by()
        )
        return crosstab_from_rows(
            rows, country="nomination__officer__country__code", sex="nomination__officer__sex"
        )

    register(Indicator(..., unit=Unit.COUNT, table=_table))

A share or a mean is a table too: each cell holds the people counted (``n``) and the part
(``part``: the people who meet the condition for a percentage, the sum of their values for a
mean); pass ``part="…"`` and ``unit=Unit.PERCENTAGE`` or ``Unit.MEAN``. Cells then add up in
``n`` and in ``part``, and every cell's value is ``part / n`` (times 100 for a percentage).
Records without a country or a sex fall under ``UNKNOWN``, so nothing drops out of the total.

An indicator that is not about people (threads, countries reached) leaves ``table`` out; the
results framework then shows its ``compute()`` value as of the day it is read or snapshotted.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.utils import timezone
from django.utils.functional import Promise

UNKNOWN = "unknown"


class Unit:
    """What an indicator's figure is (the results framework adds *qualitative*)."""

    COUNT = "count"
    PERCENTAGE = "percentage"
    MEAN = "mean"


@dataclass(frozen=True)
class Breakdown:
    """One indicator's value, with its disaggregation by sex and by country."""

    total: int
    by_sex: dict[str, int] = field(default_factory=dict)
    by_country: dict[str, int] = field(default_factory=dict)


Cell = tuple[str, str]  # (country code, sex)


@dataclass(frozen=True)
class CrossTab:
    """An indicator's figures for a date range as a table country by sex.

    ``n[(country, sex)]`` is the number of people (or records) in the cell; for a percentage or
    a mean, ``part[(country, sex)]`` is the numerator (people meeting the condition, or the sum
    of their values). Row, column and grand totals are sums of cells, so they always agree.
    """

    n: Mapping[Cell, int]
    part: Mapping[Cell, int] = field(default_factory=dict)
    unit: str = Unit.COUNT

    @property
    def countries(self) -> list[str]:
        return sorted({country for country, _sex in self.n})

    @property
    def sexes(self) -> list[str]:
        return sorted({sex for _country, sex in self.n})

    def count(self, country: str | None = None, sex: str | None = None) -> int:
        return sum(
            value
            for (c, s), value in self.n.items()
            if (country is None or c == country) and (sex is None or s == sex)
        )

    def numerator(self, country: str | None = None, sex: str | None = None) -> int:
        return sum(
            value
            for (c, s), value in self.part.items()
            if (country is None or c == country) and (sex is None or s == sex)
        )

    def value(self, country: str | None = None, sex: str | None = None) -> Decimal:
        """The figure of a cell, a row, a column or (no argument) the whole table."""
        n = self.count(country, sex)
        if self.unit == Unit.COUNT:
            return Decimal(n)
        if not n:
            return Decimal(0)
        ratio = Decimal(self.numerator(country, sex)) / Decimal(n)
        if self.unit == Unit.PERCENTAGE:
            ratio *= 100
        return ratio.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)

    def as_breakdown(self) -> Breakdown:
        def whole(value: Decimal) -> int:
            return int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))

        return Breakdown(
            total=whole(self.value()),
            by_sex={sex: whole(self.value(sex=sex)) for sex in self.sexes},
            by_country={country: whole(self.value(country=country)) for country in self.countries},
        )

    def to_json(self) -> dict[str, Any]:
        """A plain, stable form for snapshots and exports."""
        return {
            "unit": self.unit,
            "cells": [
                {"country": c, "sex": s, "n": n, "part": self.part.get((c, s), 0)}
                for (c, s), n in sorted(self.n.items())
            ],
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> CrossTab:
        cells = data.get("cells", [])
        return cls(
            n={(cell["country"], cell["sex"]): int(cell["n"]) for cell in cells},
            part={(cell["country"], cell["sex"]): int(cell["part"]) for cell in cells},
            unit=str(data.get("unit", Unit.COUNT)),
        )


def crosstab_from_rows(
    rows: Iterable[Mapping[str, Any]],
    *,
    country: str,
    sex: str,
    n: str = "n",
    part: str | None = None,
    unit: str = Unit.COUNT,
) -> CrossTab:
    """A table from grouped rows (``values(country, sex).annotate(n=…)``)."""
    counts: dict[Cell, int] = {}
    parts: dict[Cell, int] = {}
    for row in rows:
        cell = (row[country] or UNKNOWN, row[sex] or UNKNOWN)
        counts[cell] = counts.get(cell, 0) + int(row[n] or 0)
        if part is not None:
            parts[cell] = parts.get(cell, 0) + int(row[part] or 0)
    return CrossTab(n=counts, part=parts, unit=unit)


def between(
    lookup: str, start: date | None, end: date | None, *, is_datetime: bool = False
) -> dict[str, Any]:
    """Filter arguments keeping records whose ``lookup`` falls from ``start`` to ``end``, both
    days included, in the programme's time zone for a date-time field."""
    filters: dict[str, Any] = {}
    if is_datetime:
        zone = timezone.get_default_timezone()
        if start is not None:
            filters[f"{lookup}__gte"] = datetime.combine(start, time.min, tzinfo=zone)
        if end is not None:
            filters[f"{lookup}__lt"] = datetime.combine(
                end + timedelta(days=1), time.min, tzinfo=zone
            )
        return filters
    if start is not None:
        filters[f"{lookup}__gte"] = start
    if end is not None:
        filters[f"{lookup}__lte"] = end
    return filters


TableFunction = Callable[[date | None, date | None], CrossTab]


@dataclass(frozen=True)
class Indicator:
    code: str
    name: str | Promise
    definition: str | Promise
    compute: Callable[..., Breakdown]
    app: str
    goal: int | None = None
    unit: str = Unit.COUNT
    # The country by sex table for a date range; every indicator about people gives one.
    table: TableFunction | None = None
    # The officers' profiles (a ``people.Profile`` queryset) behind the figure for a date
    # range, where the indicator counts officers: staff drill down to them, scoped by the
    # people pages' ``visible_to``.
    records: Callable[[date | None, date | None], Any] | None = None

    def value(self, **filters: Any) -> Breakdown:
        return self.compute(**filters)

    @property
    def is_person_level(self) -> bool:
        return self.table is not None

    def crosstab(self, start: date | None = None, end: date | None = None) -> CrossTab | None:
        """The table for ``start`` to ``end``, or ``None`` when the indicator has none."""
        if self.table is None:
            return None
        return self.table(start, end)


_REGISTRY: dict[str, Indicator] = {}


def register(indicator: Indicator) -> Indicator:
    if indicator.code in _REGISTRY and _REGISTRY[indicator.code] is not indicator:
        raise ValueError(f"An indicator with code {indicator.code!r} is already registered.")
    _REGISTRY[indicator.code] = indicator
    return indicator


def get(code: str) -> Indicator:
    return _REGISTRY[code]


def find(code: str) -> Indicator | None:
    return _REGISTRY.get(code)


def all_indicators() -> list[Indicator]:
    return sorted(_REGISTRY.values(), key=lambda indicator: indicator.code)
