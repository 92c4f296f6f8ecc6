"""Values reported per country and period for what the platform cannot count."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ValueStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Waiting for approval")
    RETURNED = "returned", _("Returned for changes")
    APPROVED = "approved", _("Approved")


class ReportedValue(models.Model):
    """A value of a reported indicator for one country (or the whole programme) and period.
    Only approved values count."""

    indicator = models.ForeignKey(
        "results.Indicator", on_delete=models.CASCADE, related_name="reported_values"
    )
    period = models.ForeignKey(
        "results.Period", on_delete=models.PROTECT, related_name="reported_values"
    )
    country = models.ForeignKey(
        "core.Country", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    value = models.DecimalField(_("value"), max_digits=12, decimal_places=2, null=True, blank=True)
    text = models.TextField(_("value (qualitative)"), blank=True)
    not_available = models.BooleanField(_("not available"), default=False)
    not_available_reason = models.TextField(_("why it is not available"), blank=True)
    evidence = models.FileField(_("evidence"), upload_to="results/evidence/%Y/", blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=ValueStatus.choices, default=ValueStatus.DRAFT
    )
    comment = models.TextField(_("comment"), blank=True)  # staff's, when returned
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    submitted_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("reported value")
        verbose_name_plural = _("reported values")
        ordering = ["period__starts_on", "indicator__code", "country__code"]
        constraints = [
            # One value per indicator, period and country; the programme-wide one too.
            models.UniqueConstraint(
                fields=["indicator", "period", "country"],
                name="one_value_per_country_and_period",
            ),
            models.UniqueConstraint(
                fields=["indicator", "period"],
                condition=models.Q(country__isnull=True),
                name="one_programme_value_per_period",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.indicator_id} {self.period_id} {self.country_id}"
