"""Forms of the question bank and of taking a test."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from momentum.training.forms.catalogue import text_direction_attrs
from momentum.training.models import Question, QuestionKind

_QUESTION_TEXT_LABELS = {
    "en": _("Question in English"),
    "fr": _("Question in French"),
    "ar": _("Question in Arabic"),
}
_ANSWER_TEXT_LABELS = {
    "en": _("Answer in English"),
    "fr": _("Answer in French"),
    "ar": _("Answer in Arabic"),
}


class QuestionForm(forms.Form):
    """A question of a course's test, its text in the three languages."""

    kind = forms.ChoiceField(
        label=_("Kind of question"), choices=QuestionKind.choices, widget=forms.RadioSelect
    )
    true_is_correct = forms.TypedChoiceField(
        label=_("For a true-or-false question, the statement is"),
        choices=[("true", _("True")), ("false", _("False"))],
        coerce=lambda value: value == "true",
        empty_value=None,
        required=False,
        widget=forms.RadioSelect,
        help_text=_("Its two answers, true and false, are written for you in each language."),
    )
    is_active = forms.BooleanField(label=_("In use in tests"), required=False, initial=True)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        texts = {}
        for language in ("en", "fr", "ar"):
            texts[f"text_{language}"] = forms.CharField(
                label=_QUESTION_TEXT_LABELS[language],
                required=False,
                max_length=2000,
                widget=forms.Textarea(attrs={**text_direction_attrs(language), "rows": 2}),
            )
        texts["text_en"].help_text = _(
            "Write it in at least one language; a missing language shows another one."
        )
        # The texts first, then the kind and the rest.
        self.fields = {**texts, **self.fields}

    def texts(self) -> dict[str, str]:
        return {language: self.cleaned_data[f"text_{language}"] for language in ("ar", "fr", "en")}

    @staticmethod
    def initial_for(question: Question) -> dict[str, Any]:
        initial: dict[str, Any] = {
            f"text_{language}": getattr(question, f"text_{language}") or ""
            for language in ("ar", "fr", "en")
        }
        initial["kind"] = question.kind
        initial["is_active"] = question.is_active
        if question.kind == QuestionKind.TRUE_FALSE:
            true_choice = next(
                (choice for choice in question.choices.all() if choice.order == 1), None
            )
            if true_choice is not None:
                initial["true_is_correct"] = "true" if true_choice.is_correct else "false"
        return initial


class AnswerChoiceForm(forms.Form):
    """One answer of a single- or multiple-choice question."""

    id = forms.IntegerField(required=False, widget=forms.HiddenInput)
    is_correct = forms.BooleanField(label=_("This answer is correct"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        texts = {
            f"text_{language}": forms.CharField(
                label=_ANSWER_TEXT_LABELS[language],
                required=False,
                max_length=300,
                widget=forms.TextInput(attrs=text_direction_attrs(language)),
            )
            for language in ("en", "fr", "ar")
        }
        self.fields = {**texts, **self.fields}

    def is_blank(self) -> bool:
        data = getattr(self, "cleaned_data", {})
        return not any(data.get(f"text_{language}") for language in ("ar", "fr", "en"))


AnswerChoiceFormSet = forms.formset_factory(
    AnswerChoiceForm, extra=0, max_num=10, absolute_max=10, validate_max=True
)


class TakeTestForm(forms.Form):
    """A test on one page: a group of radio buttons (one answer) or of checkboxes (several
    answers) per question, in the reader's language."""

    def __init__(self, *args: Any, questions: list[Question], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for number, question in enumerate(questions, start=1):
            choices = [(choice.pk, choice.text) for choice in question.choices.all()]
            label = _("%(number)s. %(question)s") % {"number": number, "question": question.text}
            field: forms.Field
            if question.kind == QuestionKind.MULTIPLE:
                field = forms.TypedMultipleChoiceField(
                    label=label,
                    choices=choices,
                    coerce=int,
                    widget=forms.CheckboxSelectMultiple,
                    help_text=_("Select every correct answer."),
                    error_messages={"required": _("Select at least one answer.")},
                )
            else:
                field = forms.TypedChoiceField(
                    label=label,
                    choices=choices,
                    coerce=int,
                    widget=forms.RadioSelect,
                    error_messages={"required": _("Choose an answer.")},
                )
            self.fields[f"question_{question.pk}"] = field

    def answers(self) -> dict[int, list[int]]:
        answers: dict[int, list[int]] = {}
        for name, value in self.cleaned_data.items():
            question_pk = int(name.removeprefix("question_"))
            answers[question_pk] = list(value) if isinstance(value, list) else [value]
        return answers
