"""Writes for the figures on women in law enforcement: the published-data import and the
focal points' validation."""

from __future__ import annotations

import csv
import io
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction

from momentum.core import audit
from momentum.core.models import Country
from momentum.needs.models import Figure, FigureQualifier, FigureStatus, SourceKind
from momentum.people.models import Role

_UNITS = {
    "percent": (True, FigureQualifier.EXACT),
    "percent_more_than": (True, FigureQualifier.MORE_THAN),
    "persons": (False, FigureQualifier.EXACT),
    "persons_about": (False, FigureQualifier.ABOUT),
}


@transaction.atomic
def import_published_figures(
    *, by: Any, text: str, status: str = FigureStatus.PUBLISHED
) -> list[Figure]:
    """Load figures from the published-data CSV (country, agency, indicator, value, unit,
    year, year_certain, source_url, note). An empty value is kept as "no public figure"."""
    countries = {country.code: country for country in Country.objects.all()}
    figures = []
    for row in csv.DictReader(io.StringIO(text)):
        code = (row.get("country") or "").strip()
        country = countries.get(code)
        if country is None and code != "GLOBAL":
            continue
        is_percent, qualifier = _UNITS.get(row.get("unit", ""), (False, FigureQualifier.EXACT))
        try:
            value = Decimal(row["value"]) if (row.get("value") or "").strip() else None
        except InvalidOperation:
            value = None
        year_text = (row.get("year") or "").strip()
        figures.append(
            Figure(
                country=country,
                agency=row.get("agency", ""),
                indicator=row["indicator"],
                year=int(year_text) if year_text else None,
                year_certain=row.get("year_certain") == "yes",
                value=value,
                is_percent=is_percent,
                qualifier=qualifier,
                source_citation=_citation(row.get("source_url", "")),
                source_url=row.get("source_url", ""),
                source_kind=SourceKind.OFFICIAL,
                status=status,
                note=row.get("note", ""),
            )
        )
    Figure.objects.bulk_create(figures)
    audit.record(by, "needs.figures_imported", None, count=len(figures))
    return figures


def _citation(url: str) -> str:
    from urllib.parse import urlsplit

    return urlsplit(url).netloc.removeprefix("www.") if url else ""


@transaction.atomic
def validate_figure(*, by: Any, figure: Figure) -> Figure:
    """The country's focal point confirms a draft figure of her country."""
    if figure.country_id not in by.countries_for(Role.FOCAL_POINT) and not by.is_programme_staff:
        raise PermissionDenied
    if figure.status == FigureStatus.DRAFT:
        figure.status = FigureStatus.VALIDATED
        figure.save(update_fields=["status"])
        audit.record(by, "needs.figure_validated", figure, country=figure.country)
    return figure
