"""Each country's inventories, as rows: its training offer and its initiatives for
gender-sensitive policing and women's participation."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from momentum.core.models import AreaOfWork, Country
from momentum.people.models import RankLevel


class Frequency(models.TextChoices):
    ONCE = "once", _("Once")
    YEARLY = "yearly", _("Every year")
    TWICE_A_YEAR = "twice_a_year", _("Twice a year")
    ON_DEMAND = "on_demand", _("On demand")


class TrainingOffer(models.Model):
    country = models.ForeignKey(Country, on_delete=models.PROTECT, related_name="+")
    course = models.CharField(_("course"), max_length=200)
    provider = models.CharField(_("academy or provider"), max_length=200)
    area_of_work = models.ForeignKey(
        AreaOfWork, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    level = models.CharField(_("level"), max_length=10, choices=RankLevel.choices, blank=True)
    frequency = models.CharField(_("frequency"), max_length=20, choices=Frequency.choices)
    duration_days = models.PositiveSmallIntegerField(_("duration (days)"))
    language = models.CharField(_("language"), max_length=40)
    participants_a_year = models.PositiveIntegerField(_("participants a year"))
    women_a_year = models.PositiveIntegerField(_("women among them"))

    class Meta:
        verbose_name = _("training offered")
        verbose_name_plural = _("training offer")
        ordering = ["country", "course"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(women_a_year__lte=models.F("participants_a_year")),
                name="needs_offer_women_within_participants",
            )
        ]

    def __str__(self) -> str:
        return self.course


class Initiative(models.Model):
    country = models.ForeignKey(Country, on_delete=models.PROTECT, related_name="+")
    what = models.CharField(_("initiative"), max_length=300)
    run_by = models.CharField(_("run by"), max_length=200)
    funder = models.CharField(_("funder"), max_length=200, blank=True)
    since = models.PositiveSmallIntegerField(_("since"), null=True, blank=True)

    class Meta:
        verbose_name = _("gender initiative")
        verbose_name_plural = _("gender initiatives")
        ordering = ["country", "what"]

    def __str__(self) -> str:
        return self.what
