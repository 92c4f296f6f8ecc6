"""The field exercise's indicators, computed from the records.

An officer *took part* when she held a place on a site (not the INTERPOL team) of an exercise
that has started; the date range applies to the first day of her shift. Filters are lookups on
the officer's profile (``country__code="JO"``).
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import Any

from django.db.models import Count, Exists, OuterRef
from django.utils.translation import gettext_lazy as _

from momentum.core.indicators import (
    Breakdown,
    CrossTab,
    Indicator,
    between,
    crosstab_from_rows,
    register,
)

STARTED = ("running", "closed")


def _participants(start: date | None = None, end: date | None = None, **filters: Any) -> Any:
    from momentum.exercise.models import Member
    from momentum.people.models import Profile

    places = Member.objects.filter(
        user=OuterRef("user_id"),
        site__isnull=False,
        exercise__status__in=STARTED,
        **between("shift__starts_at", start, end, is_datetime=True),
    )
    return Profile.objects.filter(Exists(places), **filters)


def _officers(**filters: Any) -> Breakdown:
    rows = (
        _participants(**filters).values("sex", "country__code").annotate(n=Count("pk")).order_by()
    )
    by_sex: dict[str, int] = defaultdict(int)
    by_country: dict[str, int] = defaultdict(int)
    for row in rows:
        by_sex[row["sex"]] += row["n"]
        by_country[row["country__code"]] += row["n"]
    return Breakdown(total=sum(by_sex.values()), by_sex=dict(by_sex), by_country=dict(by_country))


def _officers_table(start: date | None, end: date | None) -> CrossTab:
    rows = (
        _participants(start, end).values("country__code", "sex").annotate(n=Count("pk")).order_by()
    )
    return crosstab_from_rows(rows, country="country__code", sex="sex")


def _objectives_performed(**filters: Any) -> Breakdown:
    """Observations rating an objective P or S, by the site's country."""
    from momentum.exercise.models import PERFORMED, Observation

    lookups = {f"site__{key}": value for key, value in filters.items()}
    rows = (
        Observation.objects.filter(rating__in=PERFORMED, **lookups)
        .values("site_id", "site__country__code")
        .annotate(n=Count("objective", distinct=True))
        .order_by()
    )
    by_country: dict[str, int] = defaultdict(int)
    for row in rows:
        by_country[row["site__country__code"]] += row["n"]
    by_country = dict(by_country)
    return Breakdown(total=sum(by_country.values()), by_country=by_country)


def _items_closed(**filters: Any) -> Breakdown:
    from momentum.exercise.models import ImprovementItem, ItemStatus

    return Breakdown(total=ImprovementItem.objects.filter(status=ItemStatus.CLOSED).count())


register(
    Indicator(
        code="exercise.officers_took_part",
        name=_("Officers who took part in a field exercise"),
        definition=_(
            "Officers who held a place on a site of a field exercise that started (the INTERPOL "
            "team aside), by sex and country; dated by the first day of their shift."
        ),
        compute=_officers,
        app="exercise",
        goal=2,
        table=_officers_table,
        records=lambda start, end: _participants(start, end),
    )
)
register(
    Indicator(
        code="exercise.objectives_performed",
        name=_("Exercise objectives performed at a site"),
        definition=_(
            "Objectives rated performed (without challenges or with some challenges) by an "
            "evaluator at a site, counted once per site, by the site's country."
        ),
        compute=_objectives_performed,
        app="exercise",
        goal=2,
    )
)
register(
    Indicator(
        code="exercise.improvement_items_closed",
        name=_("Improvement-plan items closed"),
        definition=_("Items of the exercises' improvement plans marked closed."),
        compute=_items_closed,
        app="exercise",
        goal=2,
    )
)
