"""The gender self-assessment's indicators, computed from the records (one query each).

They count agencies and actions, not people: the breakdown is by country only. Filters are
lookups on the cycle's country (``country__code="JO"``).
"""

from __future__ import annotations

from typing import Any

from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from momentum.core.indicators import Breakdown, Indicator, register


def _by_country(rows: Any) -> Breakdown:
    by_country = {row["code"]: row["n"] for row in rows}
    return Breakdown(total=sum(by_country.values()), by_country=by_country)


def _agencies_completed(**filters: Any) -> Breakdown:
    from momentum.selfassessment.models import Cycle, CycleStatus

    rows = (
        Cycle.objects.filter(status=CycleStatus.COMPLETED, **_cycle(filters))
        .values(code=_code())
        .annotate(n=Count("agency", distinct=True))
        .order_by()
    )
    return _by_country(rows)


def _dimensions_rated_three(**filters: Any) -> Breakdown:
    from momentum.selfassessment.models import Rating
    from momentum.selfassessment.selectors import latest_completed_cycles

    rows = (
        Rating.objects.filter(
            cycle__in=latest_completed_cycles(), score__gte=3, **_cycle(filters, "cycle__")
        )
        .values(code=_code("cycle__"))
        .annotate(n=Count("pk"))
        .order_by()
    )
    return _by_country(rows)


def _actions_completed(**filters: Any) -> Breakdown:
    from momentum.selfassessment.models import Action, ActionStatus

    rows = (
        Action.objects.filter(status=ActionStatus.DONE, **_cycle(filters, "cycle__"))
        .values(code=_code("cycle__"))
        .annotate(n=Count("pk"))
        .order_by()
    )
    return _by_country(rows)


def _cycle(filters: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    return {f"{prefix}{lookup}": value for lookup, value in filters.items()}


def _code(prefix: str = "") -> Any:
    from django.db.models import F

    return F(f"{prefix}country__code")


register(
    Indicator(
        code="selfassessment.agencies_completed",
        name=_("Agencies that completed a gender self-assessment"),
        definition=_(
            "Police agencies with at least one completed gender self-assessment cycle, by country."
        ),
        compute=_agencies_completed,
        app="selfassessment",
    )
)
register(
    Indicator(
        code="selfassessment.dimensions_rated_three_or_more",
        name=_("Dimensions rated 3 or more"),
        definition=_(
            "Dimensions rated 3 (in place) or more in each agency's latest completed "
            "self-assessment, counted over agencies, by country."
        ),
        compute=_dimensions_rated_three,
        app="selfassessment",
    )
)
register(
    Indicator(
        code="selfassessment.actions_completed",
        name=_("Gender action-plan items completed"),
        definition=_("Actions of the agencies' gender action plans marked done, by country."),
        compute=_actions_completed,
        app="selfassessment",
    )
)
