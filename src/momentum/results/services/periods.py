"""Reporting periods: creating them, closing one (a background snapshot of every indicator)
and re-opening one with a reason."""

from __future__ import annotations

import time
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from momentum.core import audit
from momentum.core import services as jobs
from momentum.core.models import Job
from momentum.results.models import (
    Indicator,
    Logframe,
    Narrative,
    Period,
    PeriodStatus,
    Result,
    Snapshot,
)
from momentum.results.selectors.figures import approved_values_by_indicator, live_figures

SNAPSHOT_JOB_KIND = "results.snapshot"


def _check_period(
    *, logframe: Logframe, name: str, starts_on: date, ends_on: date, pk: int | None = None
) -> None:
    """A period has a name of its own and dates in order that overlap no other period.
    Called with the logframe locked, so that two periods saved at once cannot overlap."""
    if not name:
        raise ValidationError({"name": _("Give the period a name.")}, code="empty")
    if ends_on < starts_on:
        raise ValidationError(
            {"ends_on": _("The last day comes on or after the first day.")}, code="dates"
        )
    others = Period.objects.filter(logframe=logframe).exclude(pk=pk or 0)
    overlapping = others.filter(starts_on__lte=ends_on, ends_on__gte=starts_on).first()
    if overlapping is not None:
        raise ValidationError(
            _("These dates overlap the period %(name)s.") % {"name": overlapping.name},
            code="overlap",
        )
    if others.filter(name=name).exists():
        raise ValidationError({"name": _("A period has this name already.")}, code="name")


def create_period(
    *, logframe: Logframe, by: Any, name: str, starts_on: date, ends_on: date
) -> Period:
    name = name.strip()
    with transaction.atomic():
        Logframe.objects.select_for_update().get(pk=logframe.pk)
        _check_period(logframe=logframe, name=name, starts_on=starts_on, ends_on=ends_on)
        period = Period.objects.create(
            logframe=logframe, name=name, starts_on=starts_on, ends_on=ends_on
        )
        audit.record(by, "results.period_created", period, starts_on=str(starts_on))
    return period


def update_period(
    *, period: Period, by: Any, version: int, name: str, starts_on: date, ends_on: date
) -> Period:
    """Correct an open period's name or dates; a closed period's figures are frozen, so its
    dates do not change (re-open it first)."""
    name = name.strip()
    with transaction.atomic():
        Logframe.objects.select_for_update().get(pk=period.logframe_id)
        current = _open_for_change(period)
        if current.version != version:
            raise ValidationError(
                _("Someone changed this period meanwhile. Reload the page and try again."),
                code="stale",
            )
        _check_period(
            logframe=current.logframe,
            name=name,
            starts_on=starts_on,
            ends_on=ends_on,
            pk=current.pk,
        )
        before = {
            "name": current.name,
            "starts_on": str(current.starts_on),
            "ends_on": str(current.ends_on),
        }
        Period.objects.filter(pk=current.pk).update(
            name=name, starts_on=starts_on, ends_on=ends_on, version=F("version") + 1
        )
        audit.record(
            by,
            "results.period_changed",
            current,
            before=before,
            after={"name": name, "starts_on": str(starts_on), "ends_on": str(ends_on)},
        )
    current.refresh_from_db()
    return current


def _open_for_change(period: Period) -> Period:
    current = Period.objects.select_for_update().get(pk=period.pk)
    if current.status != PeriodStatus.OPEN:
        raise ValidationError(
            _("The period %(name)s is closed: re-open it first.") % {"name": current.name},
            code="closed",
        )
    return current


def close_period(*, period: Period, by: Any, language: str = "en") -> Job:
    """Start closing the period: a background job snapshots every indicator, then the period
    is closed. The returned job shows the progress."""
    from momentum.results.tasks import snapshot_period

    with transaction.atomic():
        current = _open_for_change(period)
        job = jobs.create_job(
            kind=SNAPSHOT_JOB_KIND,
            by=by,
            period=current.pk,
            language=language,
            report_template="results/_snapshot_report.html",
        )
        Period.objects.filter(pk=current.pk).update(
            status=PeriodStatus.CLOSING, job=job, version=F("version") + 1
        )
        audit.record(by, "results.period_close_requested", current, job=job.pk)
        transaction.on_commit(lambda: snapshot_period.enqueue(job_id=job.pk))
    return job


def run_snapshot(job: Job) -> dict[str, Any]:
    """Freeze every indicator of the period's logframe, one at a time, then close the period.
    Each indicator's figures are computed from the records in a grouped query or two."""
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


def reopen_period(*, period: Period, by: Any, reason: str, version: int | None = None) -> Period:
    reason = reason.strip()
    if not reason:
        raise ValidationError(
            {"reason": _("Say why the period is re-opened.")}, code="reason_required"
        )
    with transaction.atomic():
        current = Period.objects.select_for_update().get(pk=period.pk)
        if version is not None and current.version != version:
            raise ValidationError(
                _("Someone changed this period meanwhile. Reload the page and try again."),
                code="stale",
            )
        if current.status != PeriodStatus.CLOSED:
            raise ValidationError(_("Only a closed period can be re-opened."), code="not_closed")
        frozen = {
            snapshot.indicator_id: str(snapshot.cumulative)
            for snapshot in Snapshot.objects.filter(period=current)
        }
        Snapshot.objects.filter(period=current).delete()
        Period.objects.filter(pk=current.pk).update(
            status=PeriodStatus.OPEN, closed_at=None, version=F("version") + 1
        )
        audit.record(by, "results.period_reopened", current, reason=reason, snapshot=frozen)
    current.refresh_from_db()
    return current


def save_narrative(*, period: Period, result: Result, by: Any, texts: dict[str, str]) -> Narrative:
    """The narrative of an outcome for a period's report, in the languages given."""
    with transaction.atomic():
        _open_for_change(period)
        narrative, _created = Narrative.objects.get_or_create(period=period, result=result)
        for language, text in texts.items():
            setattr(narrative, f"text_{language}", text.strip())
        narrative.save()
        audit.record(by, "results.narrative_saved", period, result=result.code)
    return narrative
