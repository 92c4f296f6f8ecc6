"""Working calendars: when the programme team's clock runs for an asker of each country."""

from __future__ import annotations

from datetime import time

from django.db import models
from django.utils.translation import gettext_lazy as _

from momentum.core.models import Country

# Weekdays as Python numbers them (Monday = 0).
FRIDAY_SATURDAY = "4,5"
SATURDAY_SUNDAY = "5,6"


class WorkingCalendar(models.Model):
    """A country's working week and day. Countries without one use ``DEFAULTS``."""

    country = models.OneToOneField(
        Country,
        on_delete=models.CASCADE,
        related_name="working_calendar",
        verbose_name=_("country"),
    )
    time_zone = models.CharField(_("time zone"), max_length=64)
    weekend_days = models.CharField(
        _("weekend days"),
        max_length=20,
        help_text=_(
            "Weekday numbers, Monday being 0, separated by commas: 4,5 is Friday and Saturday."
        ),
    )
    day_start = models.TimeField(_("working day starts"), default=time(8))
    day_end = models.TimeField(_("working day ends"), default=time(16))

    class Meta:
        verbose_name = _("working calendar")
        verbose_name_plural = _("working calendars")

    def __str__(self) -> str:
        return str(self.country)


class Holiday(models.Model):
    """A public holiday of one country: no working hours that day."""

    country = models.ForeignKey(
        Country,
        on_delete=models.CASCADE,
        related_name="support_holidays",
        verbose_name=_("country"),
    )
    date = models.DateField(_("date"))
    name = models.CharField(_("name"), max_length=150)

    class Meta:
        verbose_name = _("public holiday")
        verbose_name_plural = _("public holidays")
        ordering = ["country", "date"]
        constraints = [
            models.UniqueConstraint(fields=["country", "date"], name="support_holiday_unique")
        ]

    def __str__(self) -> str:
        return f"{self.country} {self.date}: {self.name}"
