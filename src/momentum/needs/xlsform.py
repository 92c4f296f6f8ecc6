"""XLSForm import and export: the spreadsheet format Kobo and ODK users already write.

Sections are top-level groups; a headcount grid is a group with the appearance
``headcount rank_level`` or ``headcount area_of_work`` holding whole-number fields
(``total`` and ``<row>_<sex>``), its rows listed in the choices sheet as ``<name>__rows``.
A scale is a ``range``; yes/no a ``select_one yes_no``. Labels, hints and constraint messages
carry a column per language (``label::Arabic (ar)``). ``relevant`` is limited to the skip
logic Momentum supports (``${q} = 'v'`` and ``selected(${q}, 'v')``); anything else is refused
with its row named. The files are written with openpyxl; pyxform (in the tests) checks that an
exported form converts to a valid XForm.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _
from openpyxl import Workbook, load_workbook

from momentum.core import audit
from momentum.needs.models import GridRows, Question, QuestionKind, Questionnaire, Section
from momentum.people.models import RankLevel

LANGUAGES = {"en": "English (en)", "fr": "French (fr)", "ar": "Arabic (ar)"}
_SEXES = ("female", "male")
_RELEVANT_IS = re.compile(r"^\s*\$\{(?P<name>[\w-]+)\}\s*=\s*'(?P<value>[^']*)'\s*$")
_RELEVANT_SELECTED = re.compile(
    r"^\s*selected\(\s*\$\{(?P<name>[\w-]+)\}\s*,\s*'(?P<value>[^']*)'\s*\)\s*$"
)
_BOUND = re.compile(r"^\s*\.\s*(?P<op>>=|<=)\s*(?P<number>-?\d+(?:\.\d+)?)\s*$")
_COLUMN_LANGUAGE = re.compile(r"^(?P<base>[a-z_]+)::(?:.*\()?(?P<code>[a-z]{2})\)?$")


class XLSFormError(Exception):
    """The form uses something Momentum does not support; ``str()`` names the row."""


# --- export ---
def _labels(header: str) -> list[str]:
    return [f"{header}::{name}" for name in LANGUAGES.values()]


def _plain(number: Decimal | None) -> str:
    if number is None:
        return ""
    return str(int(number)) if number == number.to_integral_value() else str(number)


def _constraint(question: Question) -> str:
    parts = []
    if question.min_value is not None:
        parts.append(f". >= {_plain(question.min_value)}")
    if question.max_value is not None:
        parts.append(f". <= {_plain(question.max_value)}")
    return " and ".join(parts)


def _relevant(question: Question, names: dict[int, str]) -> str:
    if not question.show_if_id:
        return ""
    name = names[question.show_if_id]
    if question.show_operator == "includes":
        return f"selected(${{{name}}}, '{question.show_value}')"
    return f"${{{name}}} = '{question.show_value}'"


def export_xlsform(questionnaire: Questionnaire) -> bytes:
    survey_header = [
        "type",
        "name",
        *_labels("label"),
        *_labels("hint"),
        "required",
        "relevant",
        "constraint",
        *_labels("constraint_message"),
        "appearance",
        "parameters",
    ]
    choices_header = ["list_name", "name", *_labels("label")]
    survey: list[dict[str, str]] = []
    choices: list[dict[str, str]] = []
    sections = list(questionnaire.sections.prefetch_related("questions"))
    names = {q.pk: q.name for s in sections for q in s.questions.all()}

    def translated(row: dict[str, str], header: str, obj: Any, attribute: str) -> None:
        for code, name in LANGUAGES.items():
            row[f"{header}::{name}"] = getattr(obj, f"{attribute}_{code}") or ""

    def add_choices(list_name: str, entries: list[dict[str, Any]]) -> None:
        for entry in entries:
            row = {"list_name": list_name, "name": str(entry["value"])}
            for code, name in LANGUAGES.items():
                row[f"label::{name}"] = str(entry.get(code) or "")
            choices.append(row)

    add_choices(
        "yes_no",
        [
            {"value": "yes", "en": "Yes", "fr": "Oui", "ar": "نعم"},
            {"value": "no", "en": "No", "fr": "Non", "ar": "لا"},
        ],
    )
    for section in sections:
        row = {"type": "begin_group", "name": section.name}
        translated(row, "label", section, "title")
        survey.append(row)
        for question in section.questions.all():
            row = {
                "name": question.name,
                "required": "yes" if question.required else "",
                "relevant": _relevant(question, names),
            }
            translated(row, "label", question, "label")
            translated(row, "hint", question, "hint")
            translated(row, "constraint_message", question, "message")
            kind = question.kind
            if kind == QuestionKind.HEADCOUNT:
                row["type"] = "begin_group"
                row["appearance"] = f"headcount {question.grid_rows}"
                survey.append(row)
                rows = _grid_rows(question)
                if question.grid_rows == GridRows.AREA_OF_WORK:
                    add_choices(f"{question.name}__rows", question.choices)
                survey.append(
                    {
                        "type": "integer",
                        "name": f"{question.name}__total",
                        "constraint": ". >= 0",
                        **{f"label::{n}": "Total" for n in LANGUAGES.values()},
                    }
                )
                for value, label in rows:
                    for sex in _SEXES:
                        survey.append(
                            {
                                "type": "integer",
                                "name": f"{question.name}__{value}__{sex}",
                                "constraint": ". >= 0",
                                **{f"label::{n}": f"{label} — {sex}" for n in LANGUAGES.values()},
                            }
                        )
                survey.append({"type": "end_group", "name": question.name})
                continue
            if kind == QuestionKind.SINGLE:
                row["type"] = f"select_one {question.name}"
                add_choices(question.name, question.choices)
            elif kind == QuestionKind.MULTIPLE:
                row["type"] = f"select_multiple {question.name}"
                add_choices(question.name, question.choices)
            elif kind == QuestionKind.YES_NO:
                row["type"] = "select_one yes_no"
            elif kind == QuestionKind.SCALE:
                row["type"] = "range"
                low, high = question.scale_range[0], question.scale_range[-1]
                row["parameters"] = f"start={low} end={high} step=1"
            elif kind == QuestionKind.NUMBER:
                whole = all(
                    bound is None or bound == bound.to_integral_value()
                    for bound in (question.min_value, question.max_value)
                )
                row["type"] = "integer" if whole else "decimal"
                row["constraint"] = _constraint(question)
                if question.unit:
                    row["parameters"] = f"unit={question.unit}"
            else:
                row["type"] = kind  # text, date
            survey.append(row)
        survey.append({"type": "end_group", "name": section.name})

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "survey"
    _write(sheet, survey_header, survey)
    _write(workbook.create_sheet("choices"), choices_header, choices)
    settings_rows = [
        {
            "form_id": questionnaire.code,
            "version": str(questionnaire.version),
            "default_language": LANGUAGES["en"],
            # XLSForm's form_title has one language: the others go in columns of their own.
            "form_title": questionnaire.title_en or "",  # type: ignore[attr-defined]
            "form_title_fr": questionnaire.title_fr or "",  # type: ignore[attr-defined]
            "form_title_ar": questionnaire.title_ar or "",  # type: ignore[attr-defined]
        }
    ]
    _write(
        workbook.create_sheet("settings"),
        ["form_id", "version", "default_language", "form_title", "form_title_fr", "form_title_ar"],
        settings_rows,
    )
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _write(sheet: Any, header: list[str], rows: list[dict[str, str]]) -> None:
    sheet.append(header)
    for row in rows:
        sheet.append([row.get(column, "") for column in header])


def _grid_rows(question: Question) -> list[tuple[str, str]]:
    if question.grid_rows == GridRows.RANK_LEVEL:
        return [(level.value, str(level.label)) for level in RankLevel]
    return [
        (str(entry["value"]), str(entry.get("en") or entry["value"])) for entry in question.choices
    ]


# --- import ---
@dataclass
class _Row:
    number: int
    cells: dict[str, str]
    texts: dict[str, dict[str, str]] = field(default_factory=dict)  # base -> {code: text}

    def get(self, column: str) -> str:
        return self.cells.get(column, "")

    def text(self, base: str) -> dict[str, str]:
        return self.texts.get(base, {})


def _read_sheet(workbook: Any, name: str) -> list[_Row]:
    if name not in workbook.sheetnames:
        return []
    rows = workbook[name].iter_rows(values_only=True)
    header = [str(cell or "").strip() for cell in next(rows, ())]
    result = []
    for number, values in enumerate(rows, start=2):
        cells: dict[str, str] = {}
        texts: dict[str, dict[str, str]] = {}
        for column, value in zip(header, values, strict=False):
            text = "" if value is None else str(value).strip()
            if not column or not text:
                continue
            matched = _COLUMN_LANGUAGE.match(column)
            if matched:
                texts.setdefault(matched["base"], {})[matched["code"]] = text
            elif column in ("label", "hint", "constraint_message", "form_title"):
                texts.setdefault(column, {})["en"] = text
            else:
                cells[column] = text
        if cells or texts:
            result.append(_Row(number, cells, texts))
    return result


def _refuse(row: _Row, message: str) -> XLSFormError:
    return XLSFormError(
        _("Row %(row)s of the survey sheet: %(problem)s") % {"row": row.number, "problem": message}
    )


def _decimal(text: str) -> Decimal | None:
    try:
        return Decimal(text)
    except InvalidOperation:
        return None


def _bounds(row: _Row) -> tuple[Decimal | None, Decimal | None]:
    constraint = row.get("constraint")
    low = high = None
    if not constraint:
        return None, None
    for part in constraint.split(" and "):
        matched = _BOUND.match(part)
        if not matched:
            raise _refuse(
                row,
                _("the constraint “%(constraint)s” is not supported (only “. >= n and . <= m”).")
                % {"constraint": constraint},
            )
        if matched["op"] == ">=":
            low = _decimal(matched["number"])
        else:
            high = _decimal(matched["number"])
    return low, high


def _parameters(row: _Row) -> dict[str, str]:
    result = {}
    for part in row.get("parameters").split():
        key, _sep, value = part.partition("=")
        result[key.strip()] = value.strip()
    return result


def _entries(choice_rows: list[_Row], list_name: str) -> list[dict[str, Any]]:
    return [
        {"value": row.get("name"), **{code: row.text("label").get(code, "") for code in LANGUAGES}}
        for row in choice_rows
        if row.get("list_name") == list_name
    ]


_SIMPLE_TYPES = {
    "text": QuestionKind.TEXT,
    "date": QuestionKind.DATE,
    "integer": QuestionKind.NUMBER,
    "decimal": QuestionKind.NUMBER,
    "range": QuestionKind.SCALE,
}
_IGNORED_TYPES = {"start", "end", "today", "deviceid", "note"}


@transaction.atomic
def import_xlsform(*, by: Any, data: bytes) -> Questionnaire:
    """Build a questionnaire from an XLSForm; a form whose ``form_id`` exists already becomes
    its next version. Refuses the whole file (nothing saved) at the first unsupported row."""
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds on a file that is not XLSX
        raise XLSFormError(_("The file is not an XLSX spreadsheet.")) from error
    survey = _read_sheet(workbook, "survey")
    if not survey:
        raise XLSFormError(_("The file has no “survey” sheet with questions."))
    choice_rows = _read_sheet(workbook, "choices")
    settings_rows = _read_sheet(workbook, "settings")
    settings = settings_rows[0] if settings_rows else _Row(0, {})
    code = settings.get("form_id") or "questionnaire"
    titles = {
        **settings.text("form_title"),
        **{
            code: settings.get(f"form_title_{code}")
            for code in ("fr", "ar")
            if settings.get(f"form_title_{code}")
        },
    }
    latest = Questionnaire.objects.filter(code=code).aggregate(Max("version"))["version__max"] or 0
    questionnaire = Questionnaire.objects.create(
        code=code,
        version=latest + 1,
        **{f"title_{c}": titles.get(c, "") or titles.get("en", code) for c in LANGUAGES},
    )
    section: Section | None = None
    grid: Question | None = None
    created: dict[str, Question] = {}
    skips: list[tuple[_Row, Question, str, str, str]] = []
    section_order = question_order = 0
    for row in survey:
        kind_text = row.get("type")
        name = row.get("name")
        labels = row.text("label")
        base, _sep, list_name = kind_text.partition(" ")
        if grid is not None:
            if base == "end_group":
                grid = None
                continue
            if base != "integer" or not name.startswith(f"{grid.name}__"):
                raise _refuse(row, _("a headcount grid holds whole-number fields only."))
            continue
        if base == "begin_group":
            appearance = row.get("appearance").split()
            if appearance and appearance[0] == "headcount":
                if section is None:
                    raise _refuse(row, _("a question must be inside a section (a group)."))
                rows_kind = appearance[1] if len(appearance) > 1 else GridRows.RANK_LEVEL
                if rows_kind not in GridRows.values:
                    raise _refuse(row, _("unknown headcount grid rows."))
                question_order += 1
                grid = _question(row, section, question_order, QuestionKind.HEADCOUNT)
                grid.grid_rows = rows_kind
                if rows_kind == GridRows.AREA_OF_WORK:
                    grid.choices = _entries(choice_rows, f"{name}__rows")
                grid.save()
                created[name] = grid
                _note_skip(row, grid, skips)
                continue
            if section is not None:
                raise _refuse(row, _("groups inside sections are not supported."))
            section_order += 1
            question_order = 0
            section = Section.objects.create(
                questionnaire=questionnaire,
                order=section_order,
                name=name or f"section_{section_order}",
                **{f"title_{c}": labels.get(c, "") or labels.get("en", name) for c in LANGUAGES},
            )
            continue
        if base == "end_group":
            section = None
            continue
        if base in _IGNORED_TYPES:
            continue
        if base in ("begin_repeat", "end_repeat"):
            raise _refuse(row, _("repeated groups are not supported."))
        if section is None:
            raise _refuse(row, _("a question must be inside a section (a group)."))
        if not name:
            raise _refuse(row, _("the question has no name."))
        if name in created:
            raise _refuse(row, _("the name “%(name)s” is used twice.") % {"name": name})
        question_order += 1
        if base == "select_one" and list_name == "yes_no":
            question = _question(row, section, question_order, QuestionKind.YES_NO)
        elif base in ("select_one", "select_multiple"):
            kind = QuestionKind.SINGLE if base == "select_one" else QuestionKind.MULTIPLE
            entries = _entries(choice_rows, list_name)
            if not entries:
                raise _refuse(row, _("the list “%(list)s” has no choices.") % {"list": list_name})
            question = _question(row, section, question_order, kind)
            question.choices = entries
        elif base in _SIMPLE_TYPES:
            question = _question(row, section, question_order, _SIMPLE_TYPES[base])
            if base == "range":
                parameters = _parameters(row)
                question.min_value = _decimal(parameters.get("start", "1"))
                question.max_value = _decimal(parameters.get("end", "5"))
            elif base in ("integer", "decimal"):
                question.min_value, question.max_value = _bounds(row)
                question.unit = _parameters(row).get("unit", "")
        else:
            raise _refuse(row, _("the type “%(type)s” is not supported.") % {"type": kind_text})
        question.save()
        created[name] = question
        _note_skip(row, question, skips)
    if grid is not None or section is not None:
        raise XLSFormError(_("A group is not closed with “end_group”."))
    for row, question, trigger_name, operator, value in skips:
        trigger = created.get(trigger_name)
        if trigger is None or trigger.pk == question.pk:
            raise _refuse(
                row,
                _("“relevant” refers to “%(name)s”, which is not an earlier question.")
                % {"name": trigger_name},
            )
        question.show_if, question.show_operator, question.show_value = trigger, operator, value
        question.save(update_fields=["show_if", "show_operator", "show_value"])
    audit.record(by, "needs.questionnaire_imported", questionnaire, code=code)
    return questionnaire


def _question(row: _Row, section: Section, order: int, kind: str) -> Question:
    labels, hints, messages = row.text("label"), row.text("hint"), row.text("constraint_message")
    required = row.get("required").lower() in ("yes", "true", "true()", "1")
    return Question(
        section=section,
        order=order,
        name=row.get("name"),
        kind=kind,
        required=required,
        **{f"label_{c}": labels.get(c, "") or labels.get("en", row.get("name")) for c in LANGUAGES},
        **{f"hint_{c}": hints.get(c, "") for c in LANGUAGES},
        **{f"message_{c}": messages.get(c, "") for c in LANGUAGES},
    )


def _note_skip(
    row: _Row, question: Question, skips: list[tuple[_Row, Question, str, str, str]]
) -> None:
    relevant = row.get("relevant")
    if not relevant:
        return
    matched = _RELEVANT_IS.match(relevant)
    operator = "is"
    if not matched:
        matched = _RELEVANT_SELECTED.match(relevant)
        operator = "includes"
    if not matched:
        raise _refuse(
            row,
            _(
                "the condition “%(relevant)s” is not supported: write ${question} = 'value' or "
                "selected(${question}, 'value')."
            )
            % {"relevant": relevant},
        )
    skips.append((row, question, matched["name"], operator, matched["value"]))
