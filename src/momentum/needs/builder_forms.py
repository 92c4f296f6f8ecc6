"""The questionnaire builder's forms: a section, and a question of any kind in three languages
with its choices (one a line: ``value | English | French | Arabic``) and skip logic."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from momentum.core.models import AreaOfWork
from momentum.needs.models import (
    GridRows,
    NeedMeasure,
    Question,
    QuestionKind,
    SkipOperator,
)
from momentum.needs.services.builder import TRIGGER_KINDS

_LANGUAGE_NAMES = {"en": _("English"), "fr": _("French"), "ar": _("Arabic")}


def _text(label: Any, *, required: bool = True, language: str = "", long: bool = False) -> Any:
    attrs = {"dir": "rtl" if language == "ar" else "auto"}
    if language:
        attrs["lang"] = language
    widget = forms.Textarea(attrs={**attrs, "rows": 2}) if long else forms.TextInput(attrs=attrs)
    return forms.CharField(label=label, required=required, max_length=500, widget=widget)


class SectionForm(forms.Form):
    name = forms.SlugField(
        label=_("Name (letters, digits and underscores)"),
        max_length=60,
        help_text=_("Used in the XLSForm export; it does not change once answers exist."),
    )
    title_en = _text(_("Title in English"), language="en")
    title_fr = _text(_("Title in French"), language="fr")
    title_ar = _text(_("Title in Arabic"), language="ar")


def choices_to_text(choices: list[dict[str, Any]]) -> str:
    return "\n".join(
        " | ".join(str(choice.get(key, "")) for key in ("value", "en", "fr", "ar"))
        for choice in choices
    )


def _question_name(question: Question) -> str:
    return question.name


class QuestionForm(forms.Form):
    name = forms.SlugField(label=_("Name (letters, digits and underscores)"), max_length=60)
    kind = forms.ChoiceField(label=_("Kind"), choices=QuestionKind.choices)
    label_en = _text(_("Question in English"), language="en", long=True)
    label_fr = _text(_("Question in French"), language="fr", long=True)
    label_ar = _text(_("Question in Arabic"), language="ar", long=True)
    hint_en = _text(_("Hint in English"), required=False, language="en")
    hint_fr = _text(_("Hint in French"), required=False, language="fr")
    hint_ar = _text(_("Hint in Arabic"), required=False, language="ar")
    message_en = _text(_("Message for a refused answer, in English"), required=False, language="en")
    message_fr = _text(_("Message for a refused answer, in French"), required=False, language="fr")
    message_ar = _text(_("Message for a refused answer, in Arabic"), required=False, language="ar")
    required = forms.BooleanField(label=_("An answer is required"), required=False)
    choices_text = forms.CharField(
        label=_("Choices"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4, "dir": "auto"}),
        help_text=_(
            "For a choice question or a grid by area of work: one choice a line, as "
            "value | English | French | Arabic."
        ),
    )
    unit = forms.CharField(label=_("Unit"), required=False, max_length=40)
    min_value = forms.DecimalField(
        label=_("Smallest value"), required=False, max_digits=14, decimal_places=2
    )
    max_value = forms.DecimalField(
        label=_("Largest value"), required=False, max_digits=14, decimal_places=2
    )
    grid_rows = forms.ChoiceField(
        label=_("Grid rows"), required=False, choices=[("", "—"), *GridRows.choices]
    )
    area_of_work: forms.ModelChoiceField[AreaOfWork] = forms.ModelChoiceField(
        label=_("Area of work"), required=False, queryset=AreaOfWork.objects.all()
    )
    need_measure = forms.ChoiceField(
        label=_("Measures for the priority matrix"),
        required=False,
        choices=[("", "—"), *NeedMeasure.choices],
    )
    show_if: forms.ModelChoiceField[Question] = forms.ModelChoiceField(
        label=_("Show only if the question"),
        required=False,
        queryset=Question.objects.none(),
        empty_label=_("— always shown —"),
    )
    show_operator = forms.ChoiceField(
        label=_("is answered"), choices=SkipOperator.choices, required=False
    )
    show_value = forms.CharField(label=_("with the value"), required=False, max_length=100)

    def __init__(self, *args: Any, questionnaire_id: int, exclude: int | None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        triggers = Question.objects.filter(
            section__questionnaire_id=questionnaire_id, kind__in=TRIGGER_KINDS
        ).order_by("section__order", "order", "pk")
        if exclude is not None:
            triggers = triggers.exclude(pk=exclude)
        field = self.fields["show_if"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = triggers.select_related("section")
        field.label_from_instance = _question_name  # type: ignore[method-assign,assignment]

    def clean_choices_text(self) -> list[dict[str, str]]:
        entries = []
        for number, line in enumerate(self.cleaned_data["choices_text"].splitlines(), start=1):
            if not line.strip():
                continue
            parts = [part.strip() for part in line.split("|")]
            if len(parts) != 4 or not parts[0]:
                raise forms.ValidationError(
                    _("Line %(number)s must read value | English | French | Arabic.")
                    % {"number": number}
                )
            entries.append(dict(zip(("value", "en", "fr", "ar"), parts, strict=True)))
        return entries

    def service_fields(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "name": data["name"],
            "kind": data["kind"],
            **{
                f"{base}_{code}": data[f"{base}_{code}"].strip()
                for base in ("label", "hint", "message")
                for code in ("en", "fr", "ar")
            },
            "required": data["required"],
            "choices": data["choices_text"],
            "unit": data["unit"],
            "min_value": data["min_value"],
            "max_value": data["max_value"],
            "grid_rows": data["grid_rows"],
            "area_of_work": data["area_of_work"],
            "need_measure": data["need_measure"],
            "show_operator": data["show_operator"] or SkipOperator.IS,
            "show_value": data["show_value"].strip(),
        }

    @classmethod
    def initial_for(cls, question: Question) -> dict[str, Any]:
        initial: dict[str, Any] = {
            field: getattr(question, field)
            for field in (
                "name",
                "kind",
                "required",
                "unit",
                "min_value",
                "max_value",
                "grid_rows",
                "need_measure",
                "show_operator",
                "show_value",
            )
        }
        for base in ("label", "hint", "message"):
            for code in ("en", "fr", "ar"):
                initial[f"{base}_{code}"] = getattr(question, f"{base}_{code}") or ""
        initial["choices_text"] = choices_to_text(question.choices)
        initial["area_of_work"] = question.area_of_work_id
        initial["show_if"] = question.show_if_id
        return initial
