"""Reporting periods: creating them, closing one (a background snapshot of every indicator),
refreshing an open one's live figures (a background job) and re-opening one with a reason.

The work the background tasks do is in ``services.figures``; these services only queue it."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils.translation import gettext as _

from momentum.core import audit
from momentum.core import services as jobs
from momentum.core.models import Job
from momentum.results.models import (
    Logframe,
    Narrative,
    Period,
    PeriodStatus,
    Result,
    Snapshot,
)
from momentum.results.tasks import refresh_period_figures, snapshot_period

SNAPSHOT_JOB_KIND = "results.snapshot"
REFRESH_JOB_KIND = "results.refresh_figures"


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


def refresh_figures_now(*, period: Period, by: Any, language: str = "en") -> Job:
    """Start computing an open period's live figures afresh (staff's "Refresh the figures
    now"), rather than wait for the next periodic refresh. The returned job shows the
    progress."""
    if period.status != PeriodStatus.OPEN:
        raise ValidationError(
            _("The period %(name)s is closed: its figures are frozen.") % {"name": period.name},
            code="closed",
        )
    with transaction.atomic():
        job = jobs.create_job(
            kind=REFRESH_JOB_KIND,
            by=by,
            period=period.pk,
            language=language,
            report_template="results/_refresh_report.html",
        )
        audit.record(by, "results.figures_refresh_requested", period, job=job.pk)
        transaction.on_commit(lambda: refresh_period_figures.enqueue(job_id=job.pk))
    return job


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
