"""People's indicators for the results framework, computed from the records."""

from __future__ import annotations

from typing import Any

from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from momentum.core.indicators import Breakdown, Indicator, register


def _officers_registered(**filters: Any) -> Breakdown:
    from momentum.people.models import Profile

    rows = Profile.objects.filter(**filters).values("country__code", "sex").annotate(n=Count("pk"))
    by_sex: dict[str, int] = {}
    by_country: dict[str, int] = {}
    for row in rows:
        by_sex[row["sex"]] = by_sex.get(row["sex"], 0) + row["n"]
        by_country[row["country__code"]] = by_country.get(row["country__code"], 0) + row["n"]
    return Breakdown(total=sum(by_sex.values()), by_sex=by_sex, by_country=by_country)


OFFICERS_REGISTERED = register(
    Indicator(
        code="people.officers_registered",
        name=_("Officers registered on the platform"),
        definition=_("Officers with a profile, by sex and by country."),
        compute=_officers_registered,
        app="people",
        goal=2,
    )
)
