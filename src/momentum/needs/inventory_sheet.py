"""A country's inventories from a spreadsheet (XLSX or CSV): the columns each inventory takes,
the template offered for download, and the check of every row.

Every row is checked before anything is saved; a value of a choice column may be written as
its code or as its name in any of the three languages (so a French or Arabic spreadsheet reads
as well as an English one). The reasons are written in the reader's language.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from typing import Any

from django.db import models
from django.utils import translation
from django.utils.translation import gettext as _

from momentum.core.models import AreaOfWork, Country
from momentum.core.text import normalise
from momentum.needs.models import Frequency, Initiative, TrainingOffer
from momentum.people.models import RankLevel

MAX_ROWS = 1000


class InventoryKind(models.TextChoices):
    OFFER = "offer", _("Training offer")
    INITIATIVES = "initiatives", _("Gender initiatives")


OFFER_COLUMNS = (
    "course",
    "provider",
    "area_of_work",
    "level",
    "frequency",
    "duration_days",
    "language",
    "participants_a_year",
    "women_a_year",
)
INITIATIVE_COLUMNS = ("what", "run_by", "funder", "since")
REQUIRED = {
    InventoryKind.OFFER: (
        "course",
        "provider",
        "frequency",
        "duration_days",
        "language",
        "participants_a_year",
        "women_a_year",
    ),
    InventoryKind.INITIATIVES: ("what", "run_by"),
}


def columns_for(kind: str) -> tuple[str, ...]:
    return OFFER_COLUMNS if kind == InventoryKind.OFFER else INITIATIVE_COLUMNS


@dataclass
class RowProblem:
    row: int
    reasons: list[str]


@dataclass
class CheckedSheet:
    offers: list[TrainingOffer] = field(default_factory=list)
    initiatives: list[Initiative] = field(default_factory=list)
    problems: list[RowProblem] = field(default_factory=list)
    # A problem of the whole file (an unreadable file, a missing column), not of one row.
    file_problem: str = ""


def _names_of(choices: list[tuple[str, Any]]) -> dict[str, str]:
    """Every way to write a choice (its code, its name in each language), folded, to its code."""
    names: dict[str, str] = {}
    for code, label in choices:
        names[normalise(str(code))] = str(code)
        for language in ("en", "fr", "ar"):
            with translation.override(language):
                names[normalise(str(label))] = str(code)
    return names


def _areas() -> dict[str, AreaOfWork]:
    found: dict[str, AreaOfWork] = {}
    for area in AreaOfWork.objects.all():
        for text in (area.code, area.name_en, area.name_fr, area.name_ar):  # type: ignore[attr-defined]
            if text:
                found[normalise(str(text))] = area
    return found


def _whole_number(text: str) -> int | None:
    text = text.strip().translate(str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789"))
    try:
        number = float(text)
    except ValueError:
        return None
    if number != int(number) or number < 0:
        return None
    return int(number)


def _check_offer(
    values: dict[str, str],
    *,
    country: Country,
    areas: dict[str, AreaOfWork],
    levels: dict[str, str],
    frequencies: dict[str, str],
) -> tuple[TrainingOffer | None, list[str]]:
    reasons: list[str] = []
    numbers: dict[str, int] = {}
    for column in ("duration_days", "participants_a_year", "women_a_year"):
        text = values.get(column, "")
        if not text:
            continue
        number = _whole_number(text)
        if number is None:
            reasons.append(
                _("“%(column)s” must be a whole number of zero or more, not “%(value)s”.")
                % {"column": column, "value": text}
            )
        else:
            numbers[column] = number
    if numbers.get("duration_days") == 0:
        reasons.append(_("A course lasts at least one day."))
    if (
        "women_a_year" in numbers
        and "participants_a_year" in numbers
        and numbers["women_a_year"] > numbers["participants_a_year"]
    ):
        reasons.append(_("There cannot be more women than participants."))
    area = None
    if values.get("area_of_work"):
        area = areas.get(normalise(values["area_of_work"]))
        if area is None:
            reasons.append(
                _("“%(value)s” is not an area of work of the programme.")
                % {"value": values["area_of_work"]}
            )
    level = ""
    if values.get("level"):
        level = levels.get(normalise(values["level"]), "")
        if not level:
            reasons.append(
                _("“%(value)s” is not a level (junior, mid-level or senior).")
                % {"value": values["level"]}
            )
    frequency = ""
    if values.get("frequency"):
        frequency = frequencies.get(normalise(values["frequency"]), "")
        if not frequency:
            reasons.append(
                _("“%(value)s” is not a frequency (once, every year, twice a year, on demand).")
                % {"value": values["frequency"]}
            )
    for column, limit in (("course", 200), ("provider", 200), ("language", 40)):
        if len(values.get(column, "")) > limit:
            reasons.append(
                _("“%(column)s” is longer than %(limit)s characters.")
                % {"column": column, "limit": limit}
            )
    complete = all(values.get(column) for column in REQUIRED[InventoryKind.OFFER])
    if reasons or not complete:
        return None, reasons
    return (
        TrainingOffer(
            country=country,
            course=values["course"],
            provider=values["provider"],
            area_of_work=area,
            level=level,
            frequency=frequency,
            duration_days=numbers["duration_days"],
            language=values["language"],
            participants_a_year=numbers["participants_a_year"],
            women_a_year=numbers["women_a_year"],
        ),
        [],
    )


def _check_initiative(
    values: dict[str, str], *, country: Country, this_year: int
) -> tuple[Initiative | None, list[str]]:
    reasons: list[str] = []
    since = None
    if values.get("since"):
        since = _whole_number(values["since"])
        if since is None or not 1900 <= since <= this_year:
            reasons.append(
                _("“since” must be a year between 1900 and %(year)s, not “%(value)s”.")
                % {"year": this_year, "value": values["since"]}
            )
    for column, limit in (("what", 300), ("run_by", 200), ("funder", 200)):
        if len(values.get(column, "")) > limit:
            reasons.append(
                _("“%(column)s” is longer than %(limit)s characters.")
                % {"column": column, "limit": limit}
            )
    complete = all(values.get(column) for column in REQUIRED[InventoryKind.INITIATIVES])
    if reasons or not complete:
        return None, reasons
    return (
        Initiative(
            country=country,
            what=values["what"],
            run_by=values["run_by"],
            funder=values.get("funder", ""),
            since=since,
        ),
        [],
    )


def check_sheet(*, data: bytes, filename: str, kind: str, country: Country) -> CheckedSheet:
    """Read the upload and check every row; the records are built but not saved."""
    from django.utils import timezone

    from momentum.people.imports import read_sheet

    checked = CheckedSheet()
    try:
        sheet = read_sheet(data, filename)
    except Exception:
        checked.file_problem = _(
            "The file could not be read: upload the XLSX template (or a CSV file in UTF-8)."
        )
        return checked
    missing = [column for column in REQUIRED[InventoryKind(kind)] if column not in sheet.columns]
    if missing:
        checked.file_problem = _(
            "The first row must name the columns; these are missing: %(columns)s."
        ) % {"columns": ", ".join(missing)}
        return checked
    if not sheet.rows:
        checked.file_problem = _("The file has no row below the column names.")
        return checked
    if len(sheet.rows) > MAX_ROWS:
        checked.file_problem = _("The file has more than %(count)s rows: split it.") % {
            "count": MAX_ROWS
        }
        return checked
    areas = _areas() if kind == InventoryKind.OFFER else {}
    levels = _names_of(list(RankLevel.choices))
    frequencies = _names_of(list(Frequency.choices))
    this_year = timezone.localdate().year
    for number, values in sheet.rows:
        empty = [column for column in REQUIRED[InventoryKind(kind)] if not values.get(column)]
        reasons = [_("“%(column)s” is empty.") % {"column": column} for column in empty]
        if kind == InventoryKind.OFFER:
            offer, more = _check_offer(
                values, country=country, areas=areas, levels=levels, frequencies=frequencies
            )
            reasons += more
            if offer is not None:
                checked.offers.append(offer)
        else:
            initiative, more = _check_initiative(values, country=country, this_year=this_year)
            reasons += more
            if initiative is not None:
                checked.initiatives.append(initiative)
        if reasons:
            checked.problems.append(RowProblem(row=number, reasons=reasons))
    return checked


def template_workbook(kind: str) -> bytes:
    """An XLSX file with the columns of the inventory and one example row."""
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    if kind == InventoryKind.OFFER:
        sheet.title = "training_offer"
        sheet.append(list(OFFER_COLUMNS))
        sheet.append(
            [
                "Interviewing victims of gender-based violence",
                "Police Academy",
                AreaOfWork.objects.values_list("code", flat=True).first() or "",
                "junior",
                "yearly",
                5,
                "Arabic",
                40,
                12,
            ]
        )
    else:
        sheet.title = "initiatives"
        sheet.append(list(INITIATIVE_COLUMNS))
        sheet.append(["Network of women police officers", "Public Security Directorate", "", 2019])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
