"""A questionnaire a submission uses is frozen: editing it makes a new version."""

from __future__ import annotations

import pytest

from momentum.needs.models import Question, Questionnaire
from momentum.needs.services import questionnaires as services
from momentum.needs.services.submissions import start_submission
from momentum.needs.tests import factories

pytestmark = pytest.mark.django_db


def test_editing_a_frozen_questionnaire_makes_a_new_version_and_leaves_the_answered_one(
    jordan, focal_point, staff
):
    round = factories.assessment_round()
    start_submission(by=focal_point, round=round, country=jordan)
    question = Question.objects.get(section__questionnaire=round.questionnaire, name="unit_size")

    changed = services.update_question(by=staff, question=question, label_en="Size of the unit")

    question.refresh_from_db()
    assert question.label_en == "Question unit_size"  # type: ignore[attr-defined]
    new = changed.section.questionnaire
    assert (new.code, new.version, new.frozen) == (round.questionnaire.code, 2, False)
    assert changed.label_en == "Size of the unit"  # type: ignore[attr-defined]
    # The skip logic points inside the new version.
    assert changed.show_if is not None and changed.show_if.section.questionnaire_id == new.pk
    assert Questionnaire.objects.filter(code=new.code).count() == 2


def test_editing_an_unused_questionnaire_changes_it_in_place(staff):
    form = factories.small_questionnaire()
    question = Question.objects.get(section__questionnaire=form, name="notes")

    changed = services.update_question(by=staff, question=question, required=True)

    assert changed.pk == question.pk
    assert Questionnaire.objects.count() == 1
