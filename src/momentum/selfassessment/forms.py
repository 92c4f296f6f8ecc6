"""Forms of the gender self-assessment."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from momentum.core.models import Agency
from momentum.people.models import RankLevel, User
from momentum.selfassessment.models import MAX_RATING, Action, Dimension, Theme


class InviteForm(forms.Form):
    agency: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        queryset=Agency.objects.none(), label=_("Agency")
    )
    year = forms.IntegerField(label=_("Year"), min_value=2020, max_value=2100)
    lead: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        queryset=User.objects.none(), label=_("Gender focal point of the agency (leads the group)")
    )
    members = forms.ModelMultipleChoiceField(
        queryset=User.objects.none(),
        label=_("Other members of the working group"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, agencies: Any, people: Any, **kwargs: Any) -> None:
        kwargs.setdefault("initial", {}).setdefault("year", timezone.localdate().year)
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = agencies  # type: ignore[attr-defined]
        self.fields["lead"].queryset = people  # type: ignore[attr-defined]
        self.fields["members"].queryset = people  # type: ignore[attr-defined]


class RatingForm(forms.Form):
    score = forms.TypedChoiceField(
        label=_("Maturity (0 to 5)"),
        choices=[(value, str(value)) for value in range(MAX_RATING + 1)],
        coerce=int,
        widget=forms.RadioSelect,
    )
    justification = forms.CharField(label=_("Justification"), widget=forms.Textarea)
    evidence = forms.FileField(label=_("Evidence (optional)"), required=False)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


class FindingForm(forms.Form):
    theme: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        queryset=Theme.objects.order_by("order"), label=_("Theme")
    )
    text = forms.CharField(label=_("Finding"), widget=forms.Textarea(attrs={"rows": 3}))


class ActionForm(forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Action
        fields = [
            "dimension",
            "title",
            "owner",
            "due_on",
            "status",
            "completion_evidence",
            "indicator",
            "toolkit_reference",
        ]
        widgets = {
            "due_on": forms.DateInput(attrs={"type": "date"}),
            "completion_evidence": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        dimensions = Dimension.objects.order_by("theme__order", "order")
        self.fields["dimension"].queryset = dimensions  # type: ignore[attr-defined]


class SurveyLinksForm(forms.Form):
    count = forms.IntegerField(label=_("How many links"), min_value=1, max_value=500, initial=20)


def grid_field_name(question_id: int, level: str, key: str) -> str:
    return f"q{question_id}-{level}-{key}"


def grid_from_post(data: Any, question_id: int) -> dict[str, dict[str, str]]:
    return {
        level.value: {
            key: data.get(grid_field_name(question_id, level.value, key), "").strip()
            for key in ("female", "male", "total")
        }
        for level in RankLevel
    }


class DimensionForm(forms.ModelForm):
    """A dimension's words in the three languages (staff only)."""

    class Meta:
        model = Dimension
        fields = [
            "name_ar",
            "name_fr",
            "name_en",
            "description_ar",
            "description_fr",
            "description_en",
            "survey_statement_ar",
            "survey_statement_fr",
            "survey_statement_en",
        ]
        widgets = {
            name: forms.Textarea(attrs={"rows": 2, "dir": "auto"})
            for name in fields
            if not name.startswith("name_")
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for language in ("ar", "fr", "en"):
            self.fields[f"name_{language}"].required = True
