"""Forms of the screening simulator: the console, generating and assigning a queue, deciding."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from momentum.screening.models import Decision, Difficulty, World


class ConsoleForm(forms.Form):
    mrz = forms.CharField(
        label=_("Machine readable zone"),
        required=False,
        widget=forms.Textarea(
            attrs={
                "rows": 3,
                "dir": "ltr",
                "class": "mrz",
                "spellcheck": "false",
                "autocapitalize": "characters",
                "autocomplete": "off",
            }
        ),
        help_text=_("Paste or type the lines of the MRZ, or fill the visual zone below."),
    )
    correct = forms.BooleanField(
        label=_("Correct OCR noise (every change is listed)"), required=False
    )
    surname = forms.CharField(label=_("Surname"), required=False, max_length=80)
    given_names = forms.CharField(label=_("Given names"), required=False, max_length=80)
    birth_date = forms.DateField(
        label=_("Date of birth"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    nationality = forms.CharField(
        label=_("Nationality (three letters)"), required=False, max_length=3
    )
    sex = forms.ChoiceField(
        label=_("Sex"), required=False, choices=[("", "—"), ("F", _("Female")), ("M", _("Male"))]
    )
    document_number = forms.CharField(label=_("Document number"), required=False, max_length=12)
    issuing_state = forms.CharField(
        label=_("Issuing state (three letters)"), required=False, max_length=3
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("mrz", "").strip() and not (
            data.get("surname") or data.get("document_number")
        ):
            raise forms.ValidationError(
                _("Paste an MRZ, or give at least a surname or a document number.")
            )
        return data


class WorldConsoleForm(ConsoleForm):
    world = forms.ModelChoiceField(
        label=_("Synthetic world"), queryset=World.objects.all(), empty_label=None
    )

    field_order = ["world", "mrz", "correct"]


class GenerateWorldForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=120)
    seed = forms.IntegerField(label=_("Seed"), min_value=1, max_value=10**9)
    travellers = forms.IntegerField(
        label=_("Travellers"), min_value=20, max_value=2000, initial=200
    )


class _SessionChoice(forms.ModelChoiceField[Any]):
    def label_from_instance(self, obj: Any) -> str:
        return _("%(course)s, from %(day)s") % {
            "course": obj.course.title,
            "day": date_format(obj.starts_on, "SHORT_DATE_FORMAT"),
        }


class GenerateQueueForm(forms.Form):
    world = forms.ModelChoiceField(
        label=_("Synthetic world"), queryset=World.objects.all(), empty_label=None
    )
    title = forms.CharField(label=_("Title"), max_length=120)
    difficulty = forms.ChoiceField(
        label=_("Difficulty"), choices=Difficulty.choices, initial=Difficulty.MIXED
    )
    size = forms.IntegerField(
        label=_("Travellers in the queue"), min_value=1, max_value=100, initial=10
    )
    session = _SessionChoice(
        label=_("Practical assessment of a session"),
        queryset=None,
        required=False,
        empty_label=_("None: practice only"),
        help_text=_(
            "Each trainee's share of correct decisions counts towards the completion of the "
            "chosen session's course."
        ),
    )

    def __init__(self, *args: Any, sessions: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["session"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = sessions


class AssignForm(forms.Form):
    trainees: forms.ModelMultipleChoiceField[Any] = forms.ModelMultipleChoiceField(
        label=_("Trainees"),
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, trainees: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["trainees"]
        assert isinstance(field, forms.ModelMultipleChoiceField)
        field.queryset = trainees


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"), choices=Decision.choices, widget=forms.RadioSelect
    )
    note = forms.CharField(
        label=_("Note"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )


class _PresentationChoices(forms.ModelMultipleChoiceField[Any]):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.traveller} — {obj.get_case_kind_display()}"


class QueueItemsForm(forms.Form):
    presentations = _PresentationChoices(
        label=_("Travellers of the queue"),
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
    )
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args: Any, presentations: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["presentations"]
        assert isinstance(field, forms.ModelMultipleChoiceField)
        field.queryset = presentations
