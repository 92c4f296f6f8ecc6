"""Women in law enforcement, in figures: each figure with its source and its status.

A figure nobody published is simply absent (or stored with no value, to keep the note that
nothing was found): pages and the report show "no public figure", never a number.
"""

from __future__ import annotations

from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _

from momentum.core.models import Country


class FigureIndicator(models.TextChoices):
    TOTAL_STAFF = "total_staff", _("Total personnel")
    WOMEN_HEADCOUNT = "women_headcount", _("Women")
    SHARE_OF_WOMEN = "share_of_women", _("Share of women")
    WOMEN_BY_RANK = "women_by_rank", _("Women by rank level")
    WOMEN_BY_AREA = "women_by_area", _("Women by area of work")
    WOMEN_LEADERSHIP = "women_leadership", _("Women in leadership")
    WOMEN_SPECIALISED = "women_specialised", _("Women in specialised units")
    WOMEN_TRAINERS = "women_trainers", _("Women among academy trainers")
    WOMEN_TRAINEES = "women_trainees", _("Women among academy trainees")
    GENDER_FOCAL_POINTS = "gender_focal_points", _("Gender focal points")
    WOMEN_FIRST_INTAKE = "women_first_intake", _("Women in the first intake")


class FigureQualifier(models.TextChoices):
    EXACT = "exact", _("exactly")
    MORE_THAN = "more_than", _("more than")
    ABOUT = "about", _("about")


class SourceKind(models.TextChoices):
    OFFICIAL = "official", _("Official")
    DERIVED = "derived", _("Derived")
    ESTIMATED = "estimated", _("Estimated")


class FigureStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    VALIDATED = "validated", _("Validated by the focal point")
    PUBLISHED = "published", _("Published")


class FigureQuerySet(models.QuerySet["Figure"]):
    def visible_to(self, user: Any) -> FigureQuerySet:
        """Staff see every figure; a focal point her country's and every published one; the
        board every validated or published one; anyone else published figures only."""
        from momentum.people.models import Role

        if not getattr(user, "is_authenticated", False):
            return self.none()
        if user.is_programme_staff:
            return self.all()
        visible = models.Q(status=FigureStatus.PUBLISHED)
        countries = user.countries_for(Role.FOCAL_POINT)
        if countries:
            visible |= models.Q(country_id__in=countries)
        if Role.BOARD_MEMBER in user.roles:
            visible |= models.Q(status=FigureStatus.VALIDATED)
        return self.filter(visible)


class Figure(models.Model):
    country = models.ForeignKey(
        Country,
        on_delete=models.PROTECT,
        null=True,
        blank=True,  # no country: the global reference (e.g. the world average)
        related_name="needs_figures",
        verbose_name=_("country"),
    )
    agency = models.CharField(_("agency"), max_length=200, blank=True)
    indicator = models.CharField(_("figure"), max_length=30, choices=FigureIndicator.choices)
    # The category of a broken-down figure: a rank level or an area of work's code.
    category = models.CharField(_("category"), max_length=40, blank=True)
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True)
    year_certain = models.BooleanField(_("year stated by the source"), default=True)
    value = models.DecimalField(_("value"), max_digits=12, decimal_places=2, null=True, blank=True)
    is_percent = models.BooleanField(_("percentage"), default=False)
    qualifier = models.CharField(
        _("qualifier"),
        max_length=20,
        choices=FigureQualifier.choices,
        default=FigureQualifier.EXACT,
    )
    source_citation = models.CharField(_("source"), max_length=300, blank=True)
    source_url = models.URLField(_("source address"), max_length=500, blank=True)
    source_date = models.DateField(_("source date"), null=True, blank=True)
    source_kind = models.CharField(
        _("kind of source"), max_length=20, choices=SourceKind.choices, default=SourceKind.OFFICIAL
    )
    status = models.CharField(
        _("status"), max_length=20, choices=FigureStatus.choices, default=FigureStatus.DRAFT
    )
    note = models.TextField(_("note"), blank=True)

    objects = FigureQuerySet.as_manager()

    class Meta:
        verbose_name = _("figure")
        verbose_name_plural = _("figures")
        ordering = ["country", "indicator", "-year", "pk"]

    def __str__(self) -> str:
        return f"{self.country or 'GLOBAL'} {self.indicator} {self.year} {self.value}"

    @property
    def has_value(self) -> bool:
        return self.value is not None
