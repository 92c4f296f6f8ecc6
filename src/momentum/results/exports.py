"""The donor's files: CSV, XLSX (the EU logframe layout, one sheet per indicator with its
table), IATI activity XML 2.03 and the PDF report. Every export is built from the dashboard's
rows, so it shows exactly what the reader may see (small cells hidden for observers)."""

from __future__ import annotations

import csv
import io
from decimal import Decimal
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from momentum.core.indicators import UNKNOWN
from momentum.results.models import Logframe, Period, Result
from momentum.results.selectors.dashboard import Row, ShownTable
from momentum.results.selectors.suppression import TOTAL


def _sex_label(sex: str) -> str:
    return {"female": _("Women"), "male": _("Men"), UNKNOWN: _("Unknown"), TOTAL: _("Total")}[sex]


def _target_text(row: Row) -> str:
    if row.target is None:
        return ""
    return str(row.target.value) if row.target.value is not None else row.target.text


def _baseline_text(row: Row) -> str:
    indicator = row.indicator
    if indicator.baseline_value is not None:
        return str(indicator.baseline_value)
    return indicator.baseline_text


def _source(row: Row) -> str:
    indicator = row.indicator
    return str(indicator.means_of_verification or indicator.registry_code or "")


def _table_lines(table: ShownTable) -> list[list[str]]:
    header = [_("Country"), *[_sex_label(sex) for sex in table.sexes], _("Total")]
    lines = [header]
    for line in [*table.rows, table.totals]:
        label = _("Total") if line.country == TOTAL else line.country
        lines.append([label, *[cell.text for cell in line.cells]])
    return lines


def to_csv(rows: list[Row], period: Period) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(
        [
            _("Period"),
            _("Result"),
            _("Indicator"),
            _("Name"),
            _("Baseline"),
            _("Target"),
            _("Current value"),
            _("Status"),
            _("Country"),
            _("Sex"),
            _("Value"),
        ]
    )
    for row in rows:
        base = [
            period.name,
            row.indicator.result.code,
            row.indicator.code,
            str(row.indicator.name),
            _baseline_text(row),
            _target_text(row),
            row.headline,
            str(row.status_label),
        ]
        writer.writerow([*base, "", "", ""])
        if row.table is not None:
            for line in [*row.table.rows, row.table.totals]:
                for sex, cell in zip([*row.table.sexes, TOTAL], line.cells, strict=True):
                    writer.writerow([*base, line.country, sex, cell.text])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def to_xlsx(rows: list[Row], period: Period) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = _("Logframe")[:31]
    sheet.append(
        [_("Result"), _("Indicator"), _("Baseline"), _("Target"), _("Current value"), _("Source")]
    )
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append(
            [
                f"{row.indicator.result.code} {row.indicator.result.name}",
                f"{row.indicator.code} {row.indicator.name}",
                _baseline_text(row),
                _target_text(row),
                row.headline,
                _source(row),
            ]
        )
    for row in rows:
        if row.table is None:
            continue
        tab = book.create_sheet(row.indicator.code.replace("/", "-")[:31])
        tab.append([f"{row.indicator.code} {row.indicator.name}"])
        tab.append([period.name])
        for line in _table_lines(row.table):
            tab.append(line)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


# --- IATI activity XML 2.03 ---

IATI_VERSION = "2.03"
# The IATI codelists used: ResultType (1 output, 2 outcome, 3 impact), IndicatorMeasure
# (1 unit, 2 percentage, 5 qualitative).
_RESULT_TYPES = {"output": "1", "outcome": "2", "impact": "3"}
_MEASURES = {"count": "1", "percentage": "2", "mean": "1", "qualitative": "5"}


def _iati_number(text: str) -> str | None:
    cleaned = text.replace(" ", "")
    try:
        Decimal(cleaned)
    except Exception:
        return None
    return cleaned


def to_iati(
    rows_by_period: list[tuple[Period, list[Row]]],
    logframe: Logframe,
    results: list[Result],
    identifier: str,
    reporting_org: str,
) -> bytes:
    """One ``iati-activity`` with the logframe's results, indicators, baselines, and for each
    period its target and actual, broken down by sex (``dimension``) and country
    (``location``) where the reader may see the cell."""
    from lxml import etree

    programme = logframe.programme
    root = etree.Element(
        "iati-activities",
        version=IATI_VERSION,
        attrib={"generated-datetime": timezone.now().replace(microsecond=0).isoformat()},
    )
    activity = etree.SubElement(root, "iati-activity", attrib={"default-currency": "EUR"})
    etree.SubElement(activity, "iati-identifier").text = identifier
    org = etree.SubElement(activity, "reporting-org", ref=reporting_org, type="40")
    _narrative(org, "INTERPOL")
    _narrative(etree.SubElement(activity, "title"), programme.name)
    description = etree.SubElement(activity, "description", type="1")
    _narrative(description, programme.description or programme.name)
    participating = etree.SubElement(activity, "participating-org", role="1", type="15")
    _narrative(participating, programme.funder or "European Union")
    etree.SubElement(activity, "activity-status", code="2")
    started = programme.starts_on or min(
        (period.starts_on for period, _rows in rows_by_period), default=timezone.localdate()
    )
    etree.SubElement(activity, "activity-date", type="2", attrib={"iso-date": str(started)})
    found: dict[int, dict[int, Row]] = {}
    for period, rows in rows_by_period:
        for row in rows:
            found.setdefault(row.indicator.pk, {})[period.pk] = row
    for result in results:
        indicators = [item for item in result.indicators.all() if item.pk in found]
        if not indicators:
            continue
        element = etree.SubElement(
            activity, "result", type=_RESULT_TYPES[result.level], attrib={"aggregation-status": "0"}
        )
        _narrative(etree.SubElement(element, "title"), f"{result.code} {result.name}")
        for indicator in indicators:
            per_period = [
                (period, found[indicator.pk][period.pk])
                for period, _rows in rows_by_period
                if period.pk in found[indicator.pk]
            ]
            _iati_indicator(element, per_period)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def _narrative(parent: Any, text: str) -> None:
    from lxml import etree

    etree.SubElement(parent, "narrative").text = text


def _iati_indicator(result: Any, per_period: list[tuple[Period, Row]]) -> None:
    from lxml import etree

    indicator = per_period[0][1].indicator
    attrib = {"measure": _MEASURES[indicator.unit]}
    if indicator.unit != "qualitative":
        attrib["ascending"] = "1" if indicator.direction == "higher" else "0"
    element = etree.SubElement(result, "indicator", attrib=attrib)
    _narrative(etree.SubElement(element, "title"), f"{indicator.code} {indicator.name}")
    if indicator.definition:
        _narrative(etree.SubElement(element, "description"), str(indicator.definition))
    if indicator.baseline_date and indicator.baseline_value is not None:
        baseline = etree.SubElement(
            element,
            "baseline",
            year=str(indicator.baseline_date.year),
            attrib={
                "iso-date": str(indicator.baseline_date),
                "value": str(indicator.baseline_value),
            },
        )
        if indicator.baseline_source:
            _narrative(etree.SubElement(baseline, "comment"), indicator.baseline_source)
    for period, row in per_period:
        element_period = etree.SubElement(element, "period")
        etree.SubElement(element_period, "period-start", attrib={"iso-date": str(period.starts_on)})
        etree.SubElement(element_period, "period-end", attrib={"iso-date": str(period.ends_on)})
        target = row.target
        if target is not None and target.value is not None:
            etree.SubElement(element_period, "target", value=str(target.value))
        actual_value = _iati_number(row.headline) if indicator.is_numeric else None
        actual = etree.SubElement(
            element_period, "actual", attrib={"value": actual_value} if actual_value else {}
        )
        if not indicator.is_numeric and row.headline:
            _narrative(etree.SubElement(actual, "comment"), row.headline)
        if row.table is not None:
            _breakdowns(element_period, row.table)


def _breakdowns(period: Any, table: ShownTable) -> None:
    """Each shown cell as an ``actual`` with a ``location`` (country) and a ``dimension``
    (sex); hidden cells are left out."""
    from lxml import etree

    for line in table.rows:
        for sex, cell in zip([*table.sexes, TOTAL], line.cells, strict=True):
            number = None if cell.hidden else _iati_number(cell.text)
            if number is None:
                continue
            actual = etree.SubElement(period, "actual", value=number)
            etree.SubElement(actual, "location", ref=line.country)
            if sex != TOTAL:
                etree.SubElement(actual, "dimension", name="sex", value=sex)
