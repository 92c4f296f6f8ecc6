"""Building a questionnaire version before it is frozen: sections, questions of every kind in
three languages, their order and their skip logic. A frozen version (one a submission uses) is
never changed here: staff make a new version first."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from momentum.core import audit
from momentum.needs.models import (
    GridRows,
    Question,
    QuestionKind,
    Questionnaire,
    Section,
    SkipOperator,
)

LANGUAGES = ("en", "fr", "ar")
CHOICE_KINDS = frozenset({QuestionKind.SINGLE, QuestionKind.MULTIPLE})
# Kinds another question's skip logic may depend on (their answers are one of a few values).
TRIGGER_KINDS = frozenset(
    {QuestionKind.SINGLE, QuestionKind.MULTIPLE, QuestionKind.YES_NO, QuestionKind.SCALE}
)


def _require_open(by: Any, questionnaire: Questionnaire) -> Questionnaire:
    if not by.is_programme_staff:
        raise PermissionDenied
    locked = Questionnaire.objects.select_for_update().get(pk=questionnaire.pk)
    if locked.frozen:
        raise ValidationError(
            _(
                "A submission uses this version: it is frozen. Make a new version to change "
                "its questions."
            ),
            code="frozen",
        )
    return locked


@transaction.atomic
def add_section(
    *, by: Any, questionnaire: Questionnaire, name: str, titles: dict[str, str]
) -> Section:
    questionnaire = _require_open(by, questionnaire)
    errors: dict[str, str] = {}
    if questionnaire.sections.filter(name=name).exists():
        errors["name"] = _("Another section of this questionnaire has this name.")
    for code in LANGUAGES:
        if not titles.get(code, "").strip():
            errors[f"title_{code}"] = _("Write the title in each of the three languages.")
    if errors:
        raise ValidationError(errors)
    order = (questionnaire.sections.aggregate(Max("order"))["order__max"] or 0) + 1
    section = Section.objects.create(
        questionnaire=questionnaire,
        name=name,
        order=order,
        **{f"title_{code}": titles[code].strip() for code in LANGUAGES},
    )
    audit.record(by, "needs.section_added", questionnaire, section=name)
    return section


def _check_choices(kind: str, grid_rows: str, choices: list[dict[str, str]]) -> str:
    needs_choices = kind in CHOICE_KINDS or (
        kind == QuestionKind.HEADCOUNT and grid_rows == GridRows.AREA_OF_WORK
    )
    if not needs_choices:
        return ""
    if len(choices) < 2:
        return _("List at least two choices, one a line.")
    values = [choice["value"] for choice in choices]
    if len(set(values)) != len(values):
        return _("Two choices have the same value.")
    if any(not choice.get(code) for choice in choices for code in LANGUAGES):
        return _("Write every choice in the three languages: value | English | French | Arabic.")
    return ""


def _check_skip(
    question: Question, trigger: Question | None, operator: str, value: str
) -> dict[str, str]:
    if trigger is None:
        return {}
    errors: dict[str, str] = {}
    if trigger.section.questionnaire_id != question.section.questionnaire_id or (
        question.pk and trigger.pk == question.pk
    ):
        return {"show_if": _("Choose a question of this questionnaire.")}
    if trigger.kind not in TRIGGER_KINDS:
        return {"show_if": _("Only a choice, yes-or-no or scale question can show another.")}
    if (trigger.section.order, trigger.order) >= (question.section.order, question.order):
        errors["show_if"] = _("A question can only depend on a question asked before it.")
    if operator == SkipOperator.INCLUDES and trigger.kind != QuestionKind.MULTIPLE:
        errors["show_operator"] = _("“includes” is for a multiple-choice question.")
    allowed: list[str]
    if trigger.kind in CHOICE_KINDS:
        allowed = [str(choice["value"]) for choice in trigger.choices]
    elif trigger.kind == QuestionKind.YES_NO:
        allowed = ["yes", "no"]
    else:
        allowed = [str(point) for point in trigger.scale_range]
    if value not in allowed:
        errors["show_value"] = _("The value must be one of: %(values)s.") % {
            "values": ", ".join(allowed)
        }
    return errors


@transaction.atomic
def save_question(
    *,
    by: Any,
    section: Section,
    question: Question | None = None,
    fields: dict[str, Any],
    show_if: Question | None = None,
) -> Question:
    """Add a question at the end of ``section``, or change ``question``; every label in three
    languages, choices complete, bounds in order, skip logic on an earlier question with a
    value it can take. Refused whole, field by field."""
    questionnaire = _require_open(by, section.questionnaire)
    if question is None:
        question = Question(section=section)
        question.order = (section.questions.aggregate(Max("order"))["order__max"] or 0) + 1
    elif question.section_id != section.pk:
        raise PermissionDenied
    errors: dict[str, str] = {}
    name = fields["name"]
    clash = Question.objects.filter(section__questionnaire=questionnaire, name=name)
    if clash.exclude(pk=question.pk).exists():
        errors["name"] = _("Another question of this questionnaire has this name.")
    for code in LANGUAGES:
        if not str(fields.get(f"label_{code}", "")).strip():
            errors[f"label_{code}"] = _("Write the question in each of the three languages.")
    kind = fields["kind"]
    if kind == QuestionKind.HEADCOUNT and not fields.get("grid_rows"):
        errors["grid_rows"] = _("Say what the grid's rows are.")
    problem = _check_choices(kind, fields.get("grid_rows", ""), fields.get("choices", []))
    if problem:
        errors["choices"] = problem
    low, high = fields.get("min_value"), fields.get("max_value")
    if low is not None and high is not None and Decimal(low) > Decimal(high):
        errors["max_value"] = _("The largest value must not be below the smallest.")
    if fields.get("need_measure") and (
        kind != QuestionKind.SCALE or not fields.get("area_of_work")
    ):
        errors["need_measure"] = _(
            "Only a scale question about an area of work can measure a need."
        )
    for field, value in fields.items():
        setattr(question, field, value)
    errors.update(
        _check_skip(
            question, show_if, fields.get("show_operator", ""), fields.get("show_value", "")
        )
    )
    if question.pk:
        broken = [
            dependant.name
            for dependant in question.dependants.select_related("section")
            if _check_skip(dependant, question, dependant.show_operator, dependant.show_value)
        ]
        if broken:
            errors["kind" if question.kind not in TRIGGER_KINDS else "choices"] = _(
                "Other questions are shown on an answer this change removes (%(names)s): "
                "change their skip logic first."
            ) % {"names": ", ".join(broken)}
    if errors:
        raise ValidationError(errors)
    question.show_if = show_if
    if show_if is None:
        question.show_value = ""
    created = question.pk is None
    question.save()
    audit.record(
        by,
        "needs.question_added" if created else "needs.question_changed",
        questionnaire,
        question=question.name,
    )
    return question


@transaction.atomic
def move_question(*, by: Any, question: Question, up: bool) -> None:
    """Swap the question with the one before (``up``) or after it in its section. A question
    never moves above the question its skip logic depends on."""
    _require_open(by, question.section.questionnaire)
    siblings = list(question.section.questions.order_by("order", "pk"))
    index = next(i for i, other in enumerate(siblings) if other.pk == question.pk)
    target = index - 1 if up else index + 1
    if not 0 <= target < len(siblings):
        return
    other = siblings[target]
    first, second = (other, question) if up else (question, other)
    if second.show_if_id == first.pk:
        raise ValidationError(
            _("“%(name)s” depends on the question before it: it cannot come first.")
            % {"name": second.name}
        )
    siblings[index], siblings[target] = siblings[target], siblings[index]
    for position, sibling in enumerate(siblings, start=1):
        sibling.order = position
    Question.objects.bulk_update(siblings, ["order"])
    audit.record(by, "needs.question_moved", question.section.questionnaire, question=question.name)


@transaction.atomic
def remove_question(*, by: Any, question: Question) -> None:
    questionnaire = _require_open(by, question.section.questionnaire)
    dependants = list(question.dependants.values_list("name", flat=True))
    if dependants:
        raise ValidationError(
            _("Other questions depend on this one (%(names)s): change their skip logic first.")
            % {"names": ", ".join(dependants)}
        )
    audit.record(by, "needs.question_removed", questionnaire, question=question.name)
    question.delete()


@transaction.atomic
def move_section(*, by: Any, section: Section, up: bool) -> None:
    """Swap the section with the one before (``up``) or after it. A section never moves above
    a section whose questions its own questions depend on."""
    questionnaire = _require_open(by, section.questionnaire)
    sections = list(questionnaire.sections.order_by("order", "pk"))
    index = next(i for i, other in enumerate(sections) if other.pk == section.pk)
    target = index - 1 if up else index + 1
    if not 0 <= target < len(sections):
        return
    first, second = sorted((sections[index], sections[target]), key=lambda s: s.order)
    depends = Question.objects.filter(section=second, show_if__section=first)
    if depends.exists():
        raise ValidationError(
            _(
                "Questions of “%(second)s” depend on questions of “%(first)s”: it cannot come "
                "before it."
            )
            % {"second": second.title, "first": first.title}
        )
    sections[index], sections[target] = sections[target], sections[index]
    for position, each in enumerate(sections, start=1):
        each.order = position
    Section.objects.bulk_update(sections, ["order"])
    audit.record(by, "needs.section_moved", questionnaire, section=section.name)
