"""Staff write a course's questions in three languages: single choice, multiple choice, true or
false (whose two answers are made for them)."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation

from momentum.core.models import AuditEntry
from momentum.training import models
from momentum.training.models import Answer, Choice, Question, QuestionKind
from momentum.training.services.assessments import ChoiceInput, save_question
from momentum.training.tests.factories import CourseFactory, NominationFactory, make_question

pytestmark = pytest.mark.django_db


@pytest.fixture
def course():  # type: ignore[no-untyped-def]
    return CourseFactory()


def new_url(course: Any) -> str:
    return f"/en/training/courses/{course.pk}/questions/new/"


def _post_data(
    kind: str,
    answers: list[tuple[str, bool]] | None = None,
    *,
    true_is_correct: str = "",
    ids: list[int] | None = None,
) -> dict[str, str]:
    answers = answers or []
    data = {
        "text_en": "Which database holds stolen and lost travel documents?",
        "text_fr": "Quelle base contient les documents de voyage volés et perdus ?",
        "text_ar": "أي قاعدة بيانات تحتوي على وثائق السفر المسروقة والمفقودة؟",
        "kind": kind,
        "true_is_correct": true_is_correct,
        "is_active": "on",
        "choices-TOTAL_FORMS": str(max(len(answers), 4)),
        "choices-INITIAL_FORMS": "0",
        "choices-MIN_NUM_FORMS": "0",
        "choices-MAX_NUM_FORMS": "10",
    }
    for index, (text, correct) in enumerate(answers):
        data[f"choices-{index}-text_en"] = text
        data[f"choices-{index}-text_ar"] = f"{text} بالعربية"
        if correct:
            data[f"choices-{index}-is_correct"] = "on"
        if ids and index < len(ids):
            data[f"choices-{index}-id"] = str(ids[index])
    return data


def test_staff_create_a_single_choice_question_in_three_languages(client_for, staff, course):
    data = _post_data("single", [("SLTD", True), ("SMV", False), ("iARMS", False)])

    response = client_for(staff).post(new_url(course), data)

    assert response.status_code == 302
    assert response["Location"] == f"/en/training/courses/{course.pk}/questions/"
    question = Question.objects.get(course=course)
    assert question.kind == QuestionKind.SINGLE
    assert question.text_fr.startswith("Quelle base")
    with translation.override("ar"):
        assert question.text.startswith("أي قاعدة")
    choices = list(question.choices.order_by("order"))
    assert [choice.text_en for choice in choices] == ["SLTD", "SMV", "iARMS"]
    assert [choice.is_correct for choice in choices] == [True, False, False]
    # An answer written in English and Arabic only shows the English text in French.
    with translation.override("fr"):
        assert choices[0].text == "SLTD"
    assert AuditEntry.objects.filter(verb="question.created", actor=staff).count() == 1


def test_a_true_or_false_question_gets_its_two_answers_in_each_language(staff, course):
    question = save_question(
        course=course,
        question=None,
        texts={"en": "A Red Notice is an arrest warrant."},
        kind=QuestionKind.TRUE_FALSE,
        true_is_correct=False,
        by=staff,
    )

    choices = list(question.choices.order_by("order"))
    assert [(c.text_en, c.text_fr, c.text_ar) for c in choices] == [
        ("True", "Vrai", "صحيح"),
        ("False", "Faux", "خطأ"),
    ]
    assert [choice.is_correct for choice in choices] == [False, True]


@pytest.mark.parametrize(
    ("kind", "answers", "message"),
    [
        ("single", [("A", True), ("B", True)], "exactly one correct answer"),
        ("single", [("A", False), ("B", False)], "exactly one correct answer"),
        ("multiple", [("A", False), ("B", False), ("C", False)], "at least one correct answer"),
        ("single", [("A", True)], "at least two answers"),
    ],
)
def test_the_correct_answers_must_fit_the_kind(client_for, staff, course, kind, answers, message):
    data = _post_data(kind, answers)

    response = client_for(staff).post(new_url(course), data)

    assert response.status_code == 200
    content = response.content.decode()
    assert message in content
    assert 'class="error-summary"' in content
    # What was typed is kept.
    assert "Quelle base contient les documents" in content
    assert 'value="A"' in content
    assert not Question.objects.exists()


def test_a_true_or_false_question_needs_its_answer(client_for, staff, course):
    response = client_for(staff).post(new_url(course), _post_data("true_false"))

    assert "Say whether the statement is true or false." in response.content.decode()
    assert not Question.objects.exists()


def test_a_question_needs_its_text_in_one_language_at_least(staff, course):
    with pytest.raises(ValidationError, match="at least one language"):
        save_question(
            course=course,
            question=None,
            texts={"en": " ", "fr": "", "ar": ""},
            kind=QuestionKind.TRUE_FALSE,
            true_is_correct=True,
            by=staff,
        )


def test_multiple_choice_takes_several_correct_answers(client_for, staff, course):
    data = _post_data("multiple", [("Red", True), ("Yellow", True), ("Purple", False)])

    client_for(staff).post(new_url(course), data)

    question = Question.objects.get()
    assert sorted(question.choices.filter(is_correct=True).values_list("text_en", flat=True)) == [
        "Red",
        "Yellow",
    ]


def test_editing_keeps_the_choices_and_removes_emptied_rows(client_for, staff, course):
    question = make_question(course, "single", answers=3, correct=(0,))
    ids = list(question.choices.order_by("order").values_list("pk", flat=True))
    data = _post_data("single", [("First", False), ("Second", True)], ids=ids[:2])
    data["choices-2-id"] = str(ids[2])  # the third row sent back empty

    response = client_for(staff).post(
        f"/en/training/courses/{course.pk}/questions/{question.pk}/", data
    )

    assert response.status_code == 302
    choices = list(question.choices.order_by("order"))
    assert [choice.pk for choice in choices] == ids[:2]
    assert [(choice.text_en, choice.is_correct) for choice in choices] == [
        ("First", False),
        ("Second", True),
    ]


def test_the_edit_form_shows_the_question_as_saved(client_for, staff, course):
    question = make_question(course, "multiple", answers=3, correct=(0, 2))

    content = (
        client_for(staff)
        .get(f"/en/training/courses/{course.pk}/questions/{question.pk}/")
        .content.decode()
    )

    assert 'value="السؤال 1"' not in content  # a textarea, not an input
    assert "السؤال 1</textarea>" in content
    assert 'value="Réponse 2"' in content
    assert content.count("checked") >= 3  # the kind, and two correct answers


def _answered(question: Question) -> None:
    nomination = NominationFactory(session__course=question.course)
    attempt = models.TestAttempt.objects.create(
        nomination=nomination, kind="pre", language="en", submitted_at="2026-01-01T10:00Z", score=0
    )
    Answer.objects.create(attempt=attempt, question=question, is_correct=False)


def test_an_answered_questions_correct_answer_cannot_change(staff, course):
    question = make_question(course, "single", answers=2, correct=(0,))
    _answered(question)
    first, second = question.choices.order_by("order")

    with pytest.raises(ValidationError, match="already answered"):
        save_question(
            course=course,
            question=question,
            texts={"en": "Changed"},
            kind=QuestionKind.SINGLE,
            choices=[
                ChoiceInput({"en": "A"}, False, first.pk),
                ChoiceInput({"en": "B"}, True, second.pk),
            ],
            by=staff,
        )
    assert Choice.objects.get(pk=first.pk).is_correct


def test_an_answered_questions_wording_may_still_be_corrected(staff, course):
    question = make_question(course, "true_false", correct=(0,))
    _answered(question)

    save_question(
        course=course,
        question=question,
        texts={"en": "Corrected wording", "fr": "", "ar": ""},
        kind=QuestionKind.TRUE_FALSE,
        true_is_correct=True,
        is_active=False,
        by=staff,
    )

    question.refresh_from_db()
    assert question.text_en == "Corrected wording"
    assert not question.is_active
    assert question.choices.count() == 2


def test_only_staff_manage_questions(client_for, course, trainer, focal_point, officer):
    for user in (trainer, focal_point, officer):
        assert client_for(user).get(new_url(course)).status_code == 403
        response = client_for(user).post(
            new_url(course), _post_data("true_false", true_is_correct="true")
        )
        assert response.status_code == 403
    with pytest.raises(PermissionDenied):
        save_question(
            course=course,
            question=None,
            texts={"en": "Q"},
            kind=QuestionKind.TRUE_FALSE,
            true_is_correct=True,
            by=trainer,
        )
    assert not Question.objects.exists()


def test_a_question_of_another_course_is_not_found(client_for, staff, course):
    other = make_question(CourseFactory())

    response = client_for(staff).get(f"/en/training/courses/{course.pk}/questions/{other.pk}/")

    assert response.status_code == 404
