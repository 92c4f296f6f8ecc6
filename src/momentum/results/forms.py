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


class IndicatorForm(forms.Form):
    """What staff change about an indicator; a change of wording on an approved logframe
    returns it to draft."""

    name_en = forms.CharField(label=_("Name in English"), widget=forms.Textarea(attrs={"rows": 2}))
    name_fr = forms.CharField(label=_("Name in French"), widget=forms.Textarea(attrs={"rows": 2}))
    name_ar = forms.CharField(label=_("Name in Arabic"), widget=forms.Textarea(attrs={"rows": 2}))
    definition_en = forms.CharField(
        label=_("Definition in English"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    definition_fr = forms.CharField(
        label=_("Definition in French"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    definition_ar = forms.CharField(
        label=_("Definition in Arabic"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    registry_code = forms.ChoiceField(label=_("Registered indicator"), required=False)
    direction = forms.ChoiceField(label=_("Direction"))
    baseline_value = forms.DecimalField(
        label=_("Baseline"), required=False, max_digits=12, decimal_places=2
    )
    baseline_date = forms.DateField(
        label=_("Baseline date"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    baseline_source = forms.CharField(label=_("Baseline source"), required=False, max_length=300)
    means_of_verification_en = forms.CharField(
        label=_("Means of verification"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args: Any, registered: list[Any], directions: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["registry_code"].choices = [("", "—")] + [  # type: ignore[attr-defined]
            (item.code, f"{item.code}: {item.name}") for item in registered
        ]
        self.fields["direction"].choices = directions  # type: ignore[attr-defined]


class TargetForm(forms.Form):
    period = forms.TypedChoiceField(label=_("Period"), coerce=int, required=False, empty_value=None)
    country: forms.ModelChoiceField[Country] = forms.ModelChoiceField(
        label=_("Country"),
        queryset=Country.objects.order_by("code"),
        required=False,
        empty_label=_("All countries"),
    )
    value = forms.CharField(label=_("Target"))

    def __init__(self, *args: Any, periods: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["period"].choices = [("", _("End of the programme"))] + [  # type: ignore[attr-defined]
            (item.pk, item.name) for item in periods
        ]
