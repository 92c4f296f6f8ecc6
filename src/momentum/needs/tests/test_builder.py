"""The questionnaire builder: staff add sections and questions of every kind in three
languages, with skip logic on an earlier question, reorder and remove them, until a submission
freezes the version."""

from __future__ import annotations

from typing import Any

import pytest

from momentum.needs.models import Question, Questionnaire, Section
from momentum.needs.tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft() -> Section:
    """An unfrozen questionnaire with one section holding a yes/no question "has_unit"."""
    form = factories.questionnaire()
    section = factories.section(form)
    factories.question(section, "has_unit", "yes_no")
    return section


def _question(**changes: Any) -> dict[str, Any]:
    data = {
        "name": "unit_size",
        "kind": "number",
        "label_en": "How many officers serve in the unit?",
        "label_fr": "Combien d’agents servent dans l’unité ?",
        "label_ar": "كم عدد الضباط في الوحدة؟",
        "min_value": "1",
        "max_value": "500",
        "message_en": "Between 1 and 500.",
        "show_if": "",
        "show_operator": "is",
        "show_value": "",
    }
    data.update(changes)
    return data


def test_staff_add_a_number_question_shown_if_the_unit_exists(client_for, staff, draft):
    trigger = Question.objects.get(name="has_unit")

    response = client_for(staff).post(
        f"/en/needs/sections/{draft.pk}/questions/new/",
        _question(show_if=trigger.pk, show_value="yes"),
    )

    assert response.status_code == 302
    question = Question.objects.get(name="unit_size")
    assert (question.show_if_id, question.show_value, question.order) == (trigger.pk, "yes", 2)
    assert question.label_ar == "كم عدد الضباط في الوحدة؟"
    assert float(question.max_value or 0) == 500


def test_a_question_missing_a_language_is_refused_beside_the_field(client_for, staff, draft):
    response = client_for(staff).post(
        f"/en/needs/sections/{draft.pk}/questions/new/", _question(label_ar="")
    )

    assert response.status_code == 422
    assert not Question.objects.filter(name="unit_size").exists()


def test_skip_logic_on_a_value_the_trigger_cannot_take_is_refused(client_for, staff, draft):
    trigger = Question.objects.get(name="has_unit")

    response = client_for(staff).post(
        f"/en/needs/sections/{draft.pk}/questions/new/",
        _question(show_if=trigger.pk, show_value="maybe"),
    )

    assert response.status_code == 422
    assert "The value must be one of: yes, no." in response.content.decode()


def test_a_choice_question_needs_its_choices_in_three_languages(client_for, staff, draft):
    client = client_for(staff)
    incomplete = _question(
        name="obstacle", kind="single", choices_text="promotion | Promotion | Promotion |"
    )
    assert (
        client.post(f"/en/needs/sections/{draft.pk}/questions/new/", incomplete).status_code == 422
    )

    complete = _question(
        name="obstacle",
        kind="single",
        min_value="",
        max_value="",
        choices_text="promotion | Promotion | Avancement | الترقية\n"
        "retention | Retention | Fidélisation | الاستبقاء",
    )
    assert client.post(f"/en/needs/sections/{draft.pk}/questions/new/", complete).status_code == 302
    question = Question.objects.get(name="obstacle")
    assert question.choice_label("retention", "ar") == "الاستبقاء"


def test_a_question_cannot_move_above_the_question_it_depends_on(client_for, staff, draft):
    trigger = Question.objects.get(name="has_unit")
    dependant = factories.question(
        draft, "unit_size", "number", show_if=trigger, show_operator="is", show_value="yes"
    )
    other = factories.question(draft, "notes", "text")
    client = client_for(staff)

    client.post(f"/en/needs/questions/{dependant.pk}/move/", {"direction": "up"})
    assert list(draft.questions.order_by("order").values_list("name", flat=True)) == [
        "has_unit",
        "unit_size",
        "notes",
    ]

    client.post(f"/en/needs/questions/{other.pk}/move/", {"direction": "up"})
    assert list(draft.questions.order_by("order").values_list("name", flat=True)) == [
        "has_unit",
        "notes",
        "unit_size",
    ]


def test_a_question_others_depend_on_is_not_removed(client_for, staff, draft):
    trigger = Question.objects.get(name="has_unit")
    factories.question(
        draft, "unit_size", "number", show_if=trigger, show_operator="is", show_value="yes"
    )

    client_for(staff).post(f"/en/needs/questions/{trigger.pk}/delete/")

    assert Question.objects.filter(pk=trigger.pk).exists()


def test_a_frozen_version_is_not_changed_by_the_builder(client_for, staff, draft):
    Questionnaire.objects.filter(pk=draft.questionnaire_id).update(frozen=True)
    question = Question.objects.get(name="has_unit")

    response = client_for(staff).post(
        f"/en/needs/questions/{question.pk}/", _question(name="has_unit", kind="yes_no")
    )

    assert response.status_code == 302
    question.refresh_from_db()
    assert question.kind == "yes_no" and question.label_en == "Question has_unit"


def test_staff_add_a_section_in_three_languages(client_for, staff, draft):
    response = client_for(staff).post(
        f"/en/needs/questionnaires/{draft.questionnaire_id}/sections/new/",
        {
            "name": "career",
            "title_en": "Career cycle",
            "title_fr": "Cycle de carrière",
            "title_ar": "المسار المهني",
        },
    )

    assert response.status_code == 302
    assert Section.objects.get(name="career").order == 2


def test_the_builder_page_costs_the_same_queries_for_3_or_30_questions(
    client_for, staff, draft, django_assert_max_num_queries
):
    client = client_for(staff)
    url = f"/en/needs/questionnaires/{draft.questionnaire_id}/"
    trigger = Question.objects.get(name="has_unit")
    for index in range(2):
        factories.question(draft, f"q{index}", "text", show_if=trigger, show_value="yes")
    client.get(url)
    with django_assert_max_num_queries(12) as few:
        client.get(url)
    budget = len(few.captured_queries)
    for index in range(2, 29):
        factories.question(draft, f"q{index}", "text", show_if=trigger, show_value="yes")
    with django_assert_max_num_queries(budget):
        response = client.get(url)
    # 30 questions, each with its move up and move down (and one section's two)
    assert response.content.decode().count("/move/") == 62


def test_a_change_that_breaks_a_dependants_skip_logic_is_refused(client_for, staff, draft):
    trigger = factories.question(
        draft, "obstacle", "single", choices=factories.choices("promotion", "retention")
    )
    factories.question(
        draft, "why", "text", show_if=trigger, show_operator="is", show_value="retention"
    )

    response = client_for(staff).post(
        f"/en/needs/questions/{trigger.pk}/",
        _question(
            name="obstacle",
            kind="single",
            min_value="",
            max_value="",
            choices_text="promotion | Promotion | Avancement | الترقية\n"
            "recruitment | Recruitment | Recrutement | التوظيف",
        ),
    )

    assert response.status_code == 422
    assert "(why)" in response.content.decode()
    trigger.refresh_from_db()
    assert [choice["value"] for choice in trigger.choices] == ["promotion", "retention"]


def test_a_section_moves_unless_its_questions_depend_on_the_one_above(client_for, staff, draft):
    second = factories.section(draft.questionnaire, "career", order=2)
    factories.question(
        second,
        "unit_women",
        "number",
        show_if=Question.objects.get(name="has_unit"),
        show_value="yes",
    )
    third = factories.section(draft.questionnaire, "notes", order=3)
    client = client_for(staff)

    client.post(f"/en/needs/sections/{second.pk}/move/", {"direction": "up"})
    client.post(f"/en/needs/sections/{third.pk}/move/", {"direction": "up"})

    order = list(
        Section.objects.filter(questionnaire=draft.questionnaire)
        .order_by("order")
        .values_list("name", flat=True)
    )
    assert order == ["main", "notes", "career"]
