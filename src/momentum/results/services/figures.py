"""Computing and storing the indicators' figures, the work the background tasks do: the
snapshot frozen when a period closes, and the live figures of an open period, refreshed every
few minutes and on demand so that the dashboard reads them instead of computing them.

The tasks call these functions; nothing here imports the tasks (the services that queue the
tasks are in ``services.periods``), so tasks and services never import each other back."""

from __future__ import annotations

import time
from datetime import datetime
from typing import Any

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from momentum.core import audit
from momentum.core import services as jobs
from momentum.core.models import Job
from momentum.results.models import (
    Indicator,
    IndicatorKind,
    LiveFigures,
    Period,
    PeriodStatus,
    Snapshot,
)
from momentum.results.selectors.figures import (
    Figures,
    approved_values_by_indicator,
    live_figures,
)

_STORED_FIELDS = ["value", "cumulative", "text", "crosstab", "by_country"]


def run_snapshot(job: Job) -> dict[str, Any]:
    """Freeze every indicator of the period's logframe, one at a time, then close the period.
    Each indicator's figures are computed afresh from the records (a grouped query or two),
    never copied from the stored live figures, which may be minutes old: a report sent to the
    donor holds the records as they were at closing."""
    started = time.perf_counter()
    period = Period.objects.select_related("logframe").get(pk=job.parameters["period"])
    indicators = list(Indicator.objects.filter(result__logframe=period.logframe).order_by("pk"))
    jobs.start_job(job, total=len(indicators))
    reported = approved_values_by_indicator(period)
    taken_at = timezone.now()
    with transaction.atomic():
        Snapshot.objects.filter(period=period).delete()
        for indicator in indicators:
            figures = live_figures(indicator, period, reported.get(indicator.pk, []))
            Snapshot.objects.create(
                period=period,
                indicator=indicator,
                wording=figures.wording,
                taken_at=taken_at,
                **figures.to_snapshot_fields(),
            )
            jobs.advance_job(job)
        # A closed period is read from its snapshot: its live figures are of no more use.
        LiveFigures.objects.filter(period=period).delete()
        Period.objects.filter(pk=period.pk).update(
            status=PeriodStatus.CLOSED,
            closed_at=taken_at,
            closed_by=job.created_by,
            version=F("version") + 1,
        )
        seconds = round(time.perf_counter() - started, 2)
        audit.record(
            job.created_by,
            "results.period_closed",
            period,
            indicators=len(indicators),
            seconds=seconds,
        )
    report = {"indicators": len(indicators), "seconds": seconds, "period": period.name}
    jobs.finish_job(job, report=report)
    return report


def fail_snapshot(job: Job) -> None:
    """The snapshot stopped: the period is open again, nothing frozen half-way."""
    Period.objects.filter(pk=job.parameters["period"], status=PeriodStatus.CLOSING).update(
        status=PeriodStatus.OPEN
    )


def store_live_figures(
    *, period: Period, figures: dict[Indicator, Figures], computed_at: datetime | None = None
) -> None:
    """Store (insert or replace) the current figures of an open period's computed indicators,
    in one statement. Each figure's ``computed_at`` is set to the time stored."""
    computed_at = computed_at or timezone.now()
    rows = []
    for indicator, found in figures.items():
        if indicator.kind != IndicatorKind.COMPUTED:
            continue  # reported values are read as they are approved, never stored here
        rows.append(
            LiveFigures(
                period=period,
                indicator=indicator,
                registry_code=indicator.registry_code,
                starts_on=period.starts_on,
                ends_on=period.ends_on,
                computed_at=computed_at,
                **found.to_snapshot_fields(),
            )
        )
        found.computed_at = computed_at
        found.computed_now = False
    if not rows:
        return
    with transaction.atomic():
        # Closing may have started meanwhile: a period no longer open keeps no live figures.
        if not Period.objects.filter(pk=period.pk, status=PeriodStatus.OPEN).exists():
            return
        LiveFigures.objects.bulk_create(
            rows,
            update_conflicts=True,
            unique_fields=["period", "indicator"],
            update_fields=[
                *_STORED_FIELDS,
                "registry_code",
                "starts_on",
                "ends_on",
                "computed_at",
            ],
        )


def refresh_live_figures(*, period: Period, job: Job | None = None) -> int:
    """Compute every computed indicator of an open period afresh and store the figures, all
    with the time the computation started. Returns the number of indicators stored."""
    computed_at = timezone.now()
    indicators = list(
        Indicator.objects.filter(
            result__logframe_id=period.logframe_id, kind=IndicatorKind.COMPUTED
        ).order_by("pk")
    )
    if job is not None:
        jobs.start_job(job, total=len(indicators))
    figures: dict[Indicator, Figures] = {}
    for indicator in indicators:
        figures[indicator] = live_figures(indicator, period, [])
        if job is not None:
            jobs.advance_job(job)
    store_live_figures(period=period, figures=figures, computed_at=computed_at)
    return len(indicators)


def run_live_refresh(job: Job) -> dict[str, Any]:
    """The job staff start with "Refresh the figures now": refresh one open period."""
    started = time.perf_counter()
    period = Period.objects.get(pk=job.parameters["period"])
    still_open = period.status == PeriodStatus.OPEN
    count = refresh_live_figures(period=period, job=job) if still_open else 0
    report = {
        "indicators": count,
        "seconds": round(time.perf_counter() - started, 2),
        "period": period.name,
    }
    jobs.finish_job(job, report=report)
    return report


def refresh_open_periods() -> int:
    """Refresh the live figures of every open period that has begun (the periodic task).
    Returns the number of periods refreshed."""
    today = timezone.localdate()
    periods = list(Period.objects.filter(status=PeriodStatus.OPEN, starts_on__lte=today))
    for period in periods:
        refresh_live_figures(period=period)
    return len(periods)
