"""Reporting periods, the snapshot frozen when one closes, and the narrative per outcome."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class PeriodStatus(models.TextChoices):
    OPEN = "open", _("Open")
    CLOSING = "closing", _("Closing")
    CLOSED = "closed", _("Closed")


class Period(models.Model):
    """A reporting period (e.g. a half-year). While open its computed values are live; closing
    freezes a snapshot of every indicator."""

    logframe = models.ForeignKey(
        "results.Logframe", on_delete=models.CASCADE, related_name="periods"
    )
    name = models.CharField(_("name"), max_length=60)  # "2026 H1": the same in every language
    starts_on = models.DateField(_("first day"))
    ends_on = models.DateField(_("last day"))
    status = models.CharField(
        _("status"), max_length=10, choices=PeriodStatus.choices, default=PeriodStatus.OPEN
    )
    closed_at = models.DateTimeField(null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    job = models.ForeignKey(
        "core.Job", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("reporting period")
        verbose_name_plural = _("reporting periods")
        ordering = ["starts_on"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")),
                name="period_dates_in_order",
            ),
            models.UniqueConstraint(fields=["logframe", "name"], name="period_name_unique"),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_closed(self) -> bool:
        return self.status == PeriodStatus.CLOSED


class StoredFigures(models.Model):
    """An indicator's figures for a period as stored: the shape shared by the frozen snapshot
    of a closed period and the live figures of an open one (``Figures`` reads and writes it)."""

    value = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True)
    cumulative = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True)
    text = models.TextField(blank=True)  # a qualitative value
    crosstab = models.JSONField(default=dict, blank=True)  # the period's country by sex table
    by_country = models.JSONField(default=dict, blank=True)

    class Meta:
        abstract = True


class Snapshot(StoredFigures):
    """One indicator's figures for a closed period, as they were when it closed: never
    changed afterwards (a re-opened period is snapshotted anew when it closes again)."""

    period = models.ForeignKey(Period, on_delete=models.CASCADE, related_name="snapshots")
    indicator = models.ForeignKey(
        "results.Indicator", on_delete=models.CASCADE, related_name="snapshots"
    )
    wording = models.JSONField(default=dict)  # the definition used (Indicator.wording())
    taken_at = models.DateTimeField()

    class Meta:
        verbose_name = _("snapshot")
        verbose_name_plural = _("snapshots")
        constraints = [
            models.UniqueConstraint(fields=["period", "indicator"], name="one_snapshot_per_period")
        ]

    def __str__(self) -> str:
        return f"{self.period} {self.indicator_id}"


class LiveFigures(StoredFigures):
    """A computed indicator's current figures for an open period, refreshed in the background
    every few minutes and on demand, so that the dashboard reads them instead of computing
    every indicator on every request. Never a report: closing the period freezes a snapshot
    computed afresh. The registry code and the dates they were computed for are kept, so that
    figures computed before the indicator or the period changed are not shown as current."""

    period = models.ForeignKey(Period, on_delete=models.CASCADE, related_name="live_figures")
    indicator = models.ForeignKey(
        "results.Indicator", on_delete=models.CASCADE, related_name="live_figures"
    )
    registry_code = models.CharField(max_length=100)
    starts_on = models.DateField()
    ends_on = models.DateField()
    computed_at = models.DateTimeField()

    class Meta:
        verbose_name = _("live figures")
        verbose_name_plural = _("live figures")
        constraints = [
            models.UniqueConstraint(
                fields=["period", "indicator"], name="one_live_figures_per_period"
            )
        ]

    def __str__(self) -> str:
        return f"{self.period} {self.indicator_id} {self.computed_at:%Y-%m-%d %H:%M}"


class Narrative(models.Model):
    """What staff write about an outcome for a period's report (translated)."""

    period = models.ForeignKey(Period, on_delete=models.CASCADE, related_name="narratives")
    result = models.ForeignKey("results.Result", on_delete=models.CASCADE, related_name="+")
    text = models.TextField(_("narrative"), blank=True)

    class Meta:
        verbose_name = _("narrative")
        verbose_name_plural = _("narratives")
        constraints = [
            models.UniqueConstraint(fields=["period", "result"], name="one_narrative_per_result")
        ]

    def __str__(self) -> str:
        return f"{self.period} {self.result_id}"
