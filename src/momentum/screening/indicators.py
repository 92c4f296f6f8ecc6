"""The screening simulator's indicators: officers assessed, and their mean recall of hits.

An officer is *assessed* once she or he has decided every traveller of at least one queue.
Recall is the share of the hits in the queue that the officer called hits, per finished play;
the mean is over the officers' finished plays, as a whole percentage. Breakdowns are by the
officer's sex and profile country; filters are lookups on the profile, as elsewhere.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

from momentum.core.indicators import Breakdown, Indicator, register


def _prefixed(filters: dict[str, Any]) -> dict[str, Any]:
    return {f"trainee__profile__{lookup}": value for lookup, value in filters.items()}


def _assessed(**filters: Any) -> Breakdown:
    """Officers with at least one finished play, each counted once. One query."""
    from momentum.screening.models import Play

    rows = (
        Play.objects.filter(finished_at__isnull=False, **_prefixed(filters))
        .values("trainee_id", "trainee__profile__sex", "trainee__profile__country__code")
        .distinct()
        .order_by()
    )
    by_sex: dict[str, int] = defaultdict(int)
    by_country: dict[str, int] = defaultdict(int)
    for row in rows:
        by_sex[row["trainee__profile__sex"] or ""] += 1
        by_country[row["trainee__profile__country__code"] or ""] += 1
    return Breakdown(total=sum(by_sex.values()), by_sex=dict(by_sex), by_country=dict(by_country))


def _mean(values: list[float]) -> int:
    return round(100 * sum(values) / len(values)) if values else 0


def _mean_recall(**filters: Any) -> Breakdown:
    """Mean recall of hits over finished plays, in whole percent. One query."""
    from momentum.screening.models import Play

    rows = (
        Play.objects.filter(finished_at__isnull=False, **_prefixed(filters))
        .annotate(
            hits=Count("checks", filter=Q(checks__item__presentation__expected="hit")),
            caught=Count(
                "checks",
                filter=Q(checks__item__presentation__expected="hit", checks__decision="hit"),
            ),
        )
        .values("hits", "caught", "trainee__profile__sex", "trainee__profile__country__code")
    )
    every: list[float] = []
    by_sex: dict[str, list[float]] = defaultdict(list)
    by_country: dict[str, list[float]] = defaultdict(list)
    for row in rows:
        if not row["hits"]:
            continue
        recall = row["caught"] / row["hits"]
        every.append(recall)
        by_sex[row["trainee__profile__sex"] or ""].append(recall)
        by_country[row["trainee__profile__country__code"] or ""].append(recall)
    return Breakdown(
        total=_mean(every),
        by_sex={key: _mean(values) for key, values in by_sex.items()},
        by_country={key: _mean(values) for key, values in by_country.items()},
    )


ASSESSED = register(
    Indicator(
        code="screening.officers_assessed",
        name=_("Officers assessed on the screening simulator"),
        definition=_("Officers who decided every traveller of at least one screening queue."),
        compute=_assessed,
        app="screening",
    )
)
MEAN_RECALL = register(
    Indicator(
        code="screening.mean_recall",
        name=_("Mean recall of hits on the screening simulator (%)"),
        definition=_(
            "Of the hits in a finished screening queue, the share the officer called hits, "
            "averaged over the officers' finished queues."
        ),
        compute=_mean_recall,
        app="screening",
    )
)
