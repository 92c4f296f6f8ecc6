"""XLSForm: export then import gives the same questionnaire; Kobo/ODK tooling (pyxform)
reads the export; what Momentum does not support is refused with its row named."""

from __future__ import annotations

import io

import pytest
from openpyxl import Workbook, load_workbook

from momentum.needs.models import Questionnaire
from momentum.needs.selectors import questions_for
from momentum.needs.tests import factories
from momentum.needs.xlsform import XLSFormError, export_xlsform, import_xlsform

pytestmark = pytest.mark.django_db


def _describe(form: Questionnaire) -> list[dict[str, object]]:
    return [question.describe() for question in questions_for(form.pk)]


@pytest.fixture
def form():  # type: ignore[no-untyped-def]
    form = factories.small_questionnaire()
    area_grid = factories.section(form, name="areas", order=2)
    factories.question(
        area_grid,
        "by_area",
        "headcount",
        grid_rows="area_of_work",
        choices=factories.choices("border", "training"),
        hint_ar="حسب مجال العمل",
    )
    return form


def test_export_then_import_gives_the_same_questionnaire(form, staff):
    imported = import_xlsform(by=staff, data=export_xlsform(form))

    assert imported.code == form.code
    assert imported.version == form.version + 1
    assert [imported.title_en, imported.title_ar] == [form.title_en, form.title_ar]  # type: ignore[attr-defined]
    assert _describe(imported) == _describe(form)


def test_the_export_has_arabic_label_columns(form):
    sheet = load_workbook(io.BytesIO(export_xlsform(form)))["survey"]
    header = [cell.value for cell in sheet[1]]

    assert "label::Arabic (ar)" in header
    assert "label::French (fr)" in header
    arabic = header.index("label::Arabic (ar)")
    assert "السؤال has_unit" in [row[arabic] for row in sheet.iter_rows(values_only=True)]


def test_pyxform_converts_the_export_to_an_xform(form, tmp_path):
    from pyxform.xls2xform import convert

    path = tmp_path / "form.xlsx"
    path.write_bytes(export_xlsform(form))

    result = convert(xlsform=str(path))

    assert "<h:html" in result.xform
    assert "selected( /data/" in result.xform or "selected(/data/" in result.xform


def _sheet(rows: list[list[str]]) -> bytes:
    workbook = Workbook()
    survey = workbook.active
    assert survey is not None
    survey.title = "survey"
    for row in rows:
        survey.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def test_an_unsupported_relevant_is_refused_with_its_row_and_nothing_is_saved(staff):
    data = _sheet(
        [
            ["type", "name", "label::English (en)", "relevant"],
            ["begin_group", "main", "Main", ""],
            ["integer", "age", "Age", ""],
            ["text", "why", "Why", "${age} > 18 and ${age} < 65"],
            ["end_group", "main", "", ""],
        ]
    )

    with pytest.raises(XLSFormError) as refused:
        import_xlsform(by=staff, data=data)

    assert str(refused.value).startswith("Row 4 of the survey sheet:")
    assert "${age} > 18" in str(refused.value)


def test_repeats_and_unknown_types_are_refused_with_their_row(staff):
    repeat = _sheet(
        [["type", "name", "label"], ["begin_group", "g", "G"], ["begin_repeat", "r", "R"]]
    )
    geopoint = _sheet(
        [["type", "name", "label"], ["begin_group", "g", "G"], ["geopoint", "where", "Where"]]
    )

    with pytest.raises(XLSFormError, match=r"Row 3 .*repeated groups"):
        import_xlsform(by=staff, data=repeat)
    with pytest.raises(XLSFormError, match=r"Row 3 .*geopoint"):
        import_xlsform(by=staff, data=geopoint)


def test_a_file_that_is_not_a_spreadsheet_is_refused(staff):
    with pytest.raises(XLSFormError, match="not an XLSX"):
        import_xlsform(by=staff, data=b"name,label\n")
