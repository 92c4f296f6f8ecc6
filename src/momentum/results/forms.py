"""The results framework's forms: what people type, handed to the services."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from momentum.core.models import Country


class PeriodForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=60)
    starts_on = forms.DateField(
        label=_("First day"), widget=forms.DateInput(attrs={"type": "date"})
    )
    ends_on = forms.DateField(label=_("Last day"), widget=forms.DateInput(attrs={"type": "date"}))


class ReopenForm(forms.Form):
    reason = forms.CharField(label=_("Why is the period re-opened?"), widget=forms.Textarea)
    version = forms.IntegerField(widget=forms.HiddenInput)


class ValueForm(forms.Form):
    indicator = forms.TypedChoiceField(label=_("Indicator"), coerce=int)
    period = forms.TypedChoiceField(label=_("Period"), coerce=int)
    country: forms.ModelChoiceField[Country] = forms.ModelChoiceField(
        label=_("Country"),
        queryset=Country.objects.none(),
        required=False,
        empty_label=_("The whole programme"),
    )
    value = forms.CharField(label=_("Value (a number)"), required=False)
    text = forms.CharField(label=_("Value (in words)"), required=False, widget=forms.Textarea)
    not_available = forms.BooleanField(label=_("Not available"), required=False)
    not_available_reason = forms.CharField(
        label=_("Why it is not available"), required=False, widget=forms.Textarea
    )
    evidence = forms.FileField(label=_("Evidence"), required=False)

    def __init__(
        self, *args: Any, indicators: Any, periods: Any, countries: Any, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["indicator"].choices = [  # type: ignore[attr-defined]
            (item.pk, f"{item.code} {item.name}") for item in indicators
        ]
        self.fields["period"].choices = [  # type: ignore[attr-defined]
            (item.pk, item.name) for item in periods
        ]
        self.fields["country"].queryset = countries  # type: ignore[attr-defined]


class ReturnForm(forms.Form):
    comment = forms.CharField(label=_("What should change"), widget=forms.Textarea)
    version = forms.IntegerField(widget=forms.HiddenInput)
