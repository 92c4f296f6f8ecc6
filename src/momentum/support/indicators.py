"""The support office's indicators for the results framework, computed from the requests.

Filters (``value(**filters)``) are lookups on the asker's officer profile
(``country__code="JO"``, ``sex="female"``), like the other apps' indicators. Requests from
visitors and people without a profile count under ``unknown`` sex and their request's country.
"""

from __future__ import annotations

from collections import defaultdict
from statistics import median
from typing import Any

from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

from momentum.core.indicators import Breakdown, Indicator, register

UNKNOWN = "unknown"


def _requests(filters: dict[str, Any]) -> Any:
    from momentum.support.models import Request, Status

    requests = Request.objects.exclude(status=Status.MERGED)
    if filters:
        requests = requests.filter(
            **{f"requester__profile__{lookup}": value for lookup, value in filters.items()}
        )
    return requests


def _counted(rows: Any) -> Breakdown:
    by_sex: dict[str, int] = defaultdict(int)
    by_country: dict[str, int] = defaultdict(int)
    for row in rows:
        by_sex[row["requester__profile__sex"] or UNKNOWN] += row["n"]
        by_country[row["country__code"] or UNKNOWN] += row["n"]
    return Breakdown(total=sum(by_sex.values()), by_sex=dict(by_sex), by_country=dict(by_country))


def requests_received(**filters: Any) -> Breakdown:
    """Requests received (duplicates merged away not counted). One query."""
    rows = (
        _requests(filters)
        .values("requester__profile__sex", "country__code")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return _counted(rows)


def requests_by_category(**filters: Any) -> dict[str, int]:
    rows = _requests(filters).values("category__code").annotate(n=Count("pk")).order_by()
    return {row["category__code"]: row["n"] for row in rows}


def _share(rows: Any, yes: str, total: str) -> Breakdown:
    """Percentages (0 to 100) per sex and country, from rows with ``yes`` and ``total`` counts."""
    sums: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    for row in rows:
        for key in (
            ("sex", row["requester__profile__sex"] or UNKNOWN),
            ("country", row["country__code"] or UNKNOWN),
            ("all", ""),
        ):
            sums[key][0] += row[yes]
            sums[key][1] += row[total]

    def percent(key: tuple[str, str]) -> int:
        good, count = sums[key]
        return round(100 * good / count) if count else 0

    return Breakdown(
        total=percent(("all", "")),
        by_sex={key[1]: percent(key) for key in sums if key[0] == "sex"},
        by_country={key[1]: percent(key) for key in sums if key[0] == "country"},
    )


def within_target(**filters: Any) -> Breakdown:
    """Share (%) of resolved requests resolved within their target. One query."""
    rows = (
        _requests(filters)
        .filter(resolved_within_target__isnull=False)
        .values("requester__profile__sex", "country__code")
        .annotate(yes=Count("pk", filter=Q(resolved_within_target=True)), n=Count("pk"))
        .order_by()
    )
    return _share(rows, "yes", "n")


def satisfaction(**filters: Any) -> Breakdown:
    """Share (%) of rated requests whose asker said her question was answered. One query."""
    rows = (
        _requests(filters)
        .exclude(rating="")
        .values("requester__profile__sex", "country__code")
        .annotate(yes=Count("pk", filter=Q(rating="good")), n=Count("pk"))
        .order_by()
    )
    return _share(rows, "yes", "n")


def median_first_response(**filters: Any) -> Breakdown:
    """Median time to the first answer, in working hours (rounded). One query, reading only
    the three columns needed."""
    rows = (
        _requests(filters)
        .filter(first_response_seconds__isnull=False)
        .values_list("first_response_seconds", "requester__profile__sex", "country__code")
    )
    groups: dict[tuple[str, str], list[int]] = defaultdict(list)
    for seconds, sex, country in rows.iterator(chunk_size=2000):
        groups[("all", "")].append(seconds)
        groups[("sex", sex or UNKNOWN)].append(seconds)
        groups[("country", country or UNKNOWN)].append(seconds)

    def hours(key: tuple[str, str]) -> int:
        values = groups.get(key)
        return round(median(values) / 3600) if values else 0

    return Breakdown(
        total=hours(("all", "")),
        by_sex={key[1]: hours(key) for key in groups if key[0] == "sex"},
        by_country={key[1]: hours(key) for key in groups if key[0] == "country"},
    )


register(
    Indicator(
        code="support.requests",
        name=_("Requests to the support office"),
        definition=_("Requests received by the support office, by the asker's sex and country."),
        compute=requests_received,
        app="support",
    )
)
register(
    Indicator(
        code="support.median_first_response_hours",
        name=_("Median first response (working hours)"),
        definition=_(
            "The median time between a request and the support office's first answer, counted in "
            "working hours of the asker's country."
        ),
        compute=median_first_response,
        app="support",
    )
)
register(
    Indicator(
        code="support.within_target_percent",
        name=_("Requests resolved within target (%)"),
        definition=_("The share of resolved requests resolved within their category's target."),
        compute=within_target,
        app="support",
    )
)
register(
    Indicator(
        code="support.satisfaction_percent",
        name=_("Askers satisfied (%)"),
        definition=_(
            "The share of askers who said, once resolved, that their question was answered."
        ),
        compute=satisfaction,
        app="support",
    )
)
