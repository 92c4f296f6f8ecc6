"""Writes for questionnaires: building them, and a new version when a frozen one is edited."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Max

from momentum.core import audit
from momentum.needs.models import Question, Questionnaire, Section

_TRANSLATED = ("title_en", "title_fr", "title_ar")
_QUESTION_FIELDS = (
    "order",
    "name",
    "kind",
    "label_en",
    "label_fr",
    "label_ar",
    "hint_en",
    "hint_fr",
    "hint_ar",
    "message_en",
    "message_fr",
    "message_ar",
    "required",
    "choices",
    "unit",
    "min_value",
    "max_value",
    "grid_rows",
    "area_of_work_id",
    "need_measure",
    "show_operator",
    "show_value",
)


def _require_staff(by: Any) -> None:
    if not by.is_programme_staff:
        raise PermissionDenied


@transaction.atomic
def new_version(*, by: Any, questionnaire: Questionnaire) -> Questionnaire:
    """A copy of ``questionnaire`` with the next version number, not frozen, to edit."""
    _require_staff(by)
    latest = (
        Questionnaire.objects.filter(code=questionnaire.code).aggregate(Max("version"))[
            "version__max"
        ]
        or 0
    )
    copy = Questionnaire.objects.create(
        code=questionnaire.code,
        version=latest + 1,
        **{field: getattr(questionnaire, field) for field in _TRANSLATED},
    )
    mapping: dict[int, Question] = {}
    pending_skips: list[tuple[Question, int]] = []
    for section in questionnaire.sections.prefetch_related("questions"):
        new_section = Section.objects.create(
            questionnaire=copy,
            order=section.order,
            name=section.name,
            **{field: getattr(section, field) for field in _TRANSLATED},
        )
        for question in section.questions.all():
            new_question = Question.objects.create(
                section=new_section,
                **{field: getattr(question, field) for field in _QUESTION_FIELDS},
            )
            mapping[question.pk] = new_question
            if question.show_if_id:
                pending_skips.append((new_question, question.show_if_id))
    for new_question, old_trigger in pending_skips:
        new_question.show_if = mapping.get(old_trigger)
        new_question.save(update_fields=["show_if"])
    audit.record(by, "needs.questionnaire_versioned", copy, previous=questionnaire.pk)
    return copy


def editable(*, by: Any, questionnaire: Questionnaire) -> Questionnaire:
    """The questionnaire to edit: itself while no submission uses it, else a new version."""
    if questionnaire.frozen:
        return new_version(by=by, questionnaire=questionnaire)
    _require_staff(by)
    return questionnaire


@transaction.atomic
def update_question(*, by: Any, question: Question, **changes: Any) -> Question:
    """Change a question; on a frozen questionnaire the change goes into a new version (and
    the returned question is that version's)."""
    questionnaire = question.section.questionnaire
    target = editable(by=by, questionnaire=questionnaire)
    if target.pk != questionnaire.pk:
        question = Question.objects.get(section__questionnaire=target, name=question.name)
    for field, value in changes.items():
        setattr(question, field, value)
    question.save()
    audit.record(by, "needs.question_changed", question, fields=sorted(changes))
    return question
