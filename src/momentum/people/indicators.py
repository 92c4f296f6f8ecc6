"""People's indicators for the results framework, computed from the records."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from momentum.core.indicators import (
    Breakdown,
    CrossTab,
    Indicator,
    Unit,
    between,
    crosstab_from_rows,
    register,
)


def _officers_registered(**filters: Any) -> Breakdown:
    from momentum.people.models import Profile

    rows = Profile.objects.filter(**filters).values("country__code", "sex").annotate(n=Count("pk"))
    by_sex: dict[str, int] = {}
    by_country: dict[str, int] = {}
    for row in rows:
        by_sex[row["sex"]] = by_sex.get(row["sex"], 0) + row["n"]
        by_country[row["country__code"]] = by_country.get(row["country__code"], 0) + row["n"]
    return Breakdown(total=sum(by_sex.values()), by_sex=by_sex, by_country=by_country)


def _officers_registered_table(start: date | None, end: date | None) -> CrossTab:
    """Officers whose account was opened in the range. One query."""
    from momentum.people.models import Profile

    rows = (
        Profile.objects.filter(**between("user__date_joined", start, end, is_datetime=True))
        .values("country__code", "sex")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return crosstab_from_rows(rows, country="country__code", sex="sex")


def _officers_registered_records(start: date | None, end: date | None) -> Any:
    from momentum.people.models import Profile

    return Profile.objects.filter(**between("user__date_joined", start, end, is_datetime=True))


OFFICERS_REGISTERED = register(
    Indicator(
        code="people.officers_registered",
        name=_("Officers registered on the platform"),
        definition=_("Officers with a profile, by sex and by country."),
        compute=_officers_registered,
        app="people",
        goal=2,
        unit=Unit.COUNT,
        table=_officers_registered_table,
        records=_officers_registered_records,
    )
)
