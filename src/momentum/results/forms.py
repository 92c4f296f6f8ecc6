"""The results framework's forms: what people type, handed to the services."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from momentum.core.models import Country
from momentum.results.models import Direction, Disaggregation, IndicatorKind, Level, UnitKind


class PeriodForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=60)
    starts_on = forms.DateField(
        label=_("First day"), widget=forms.DateInput(attrs={"type": "date"})
    )
    ends_on = forms.DateField(label=_("Last day"), widget=forms.DateInput(attrs={"type": "date"}))


class PeriodEditForm(PeriodForm):
    version = forms.IntegerField(widget=forms.HiddenInput)


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


class LogframeReturnForm(forms.Form):
    comment = forms.CharField(label=_("What should change"), widget=forms.Textarea)
    version = forms.IntegerField(widget=forms.HiddenInput)


class ResultForm(forms.Form):
    """A result of the chain. Its level is chosen when it is created and does not change
    afterwards (the results under it depend on it)."""

    level = forms.ChoiceField(label=_("Level"), choices=Level.choices)
    parent = forms.TypedChoiceField(
        label=_("Serves the result"), coerce=int, required=False, empty_value=None
    )
    code = forms.CharField(label=_("Code"), max_length=20)
    name_en = forms.CharField(label=_("Name in English"), widget=forms.Textarea(attrs={"rows": 2}))
    name_fr = forms.CharField(label=_("Name in French"), widget=forms.Textarea(attrs={"rows": 2}))
    name_ar = forms.CharField(label=_("Name in Arabic"), widget=forms.Textarea(attrs={"rows": 2}))
    order = forms.IntegerField(label=_("Position"), min_value=0, required=False, initial=0)
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args: Any, parents: list[Any], creating: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["parent"].choices = [("", "—")] + [  # type: ignore[attr-defined]
            (item.pk, f"{item.get_level_display()} {item.code}: {item.name}") for item in parents
        ]
        self.fields["name_ar"].widget.attrs.update(lang="ar", dir="rtl")
        self.fields["name_fr"].widget.attrs.update(lang="fr", dir="ltr")
        self.fields["name_en"].widget.attrs.update(lang="en", dir="ltr")
        if creating:
            del self.fields["version"]
        else:
            del self.fields["level"]

    def changes(self) -> dict[str, Any]:
        """The typed values as the service takes them (``parent`` still a primary key)."""
        data = dict(self.cleaned_data)
        data.pop("version", None)
        data["order"] = data.get("order") or 0
        return data


class IndicatorForm(forms.Form):
    """An indicator, new or changed; a change of wording on an approved logframe returns it
    to draft. A computed indicator is chosen from the registered ones, each shown with its
    definition."""

    code = forms.CharField(label=_("Code"), max_length=30)
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
    kind = forms.ChoiceField(
        label=_("Kind"), choices=IndicatorKind.choices, widget=forms.RadioSelect
    )
    registry_code = forms.ChoiceField(
        label=_("Registered indicator (for a computed indicator)"),
        required=False,
        widget=forms.RadioSelect,
    )
    unit = forms.ChoiceField(label=_("Unit"), choices=UnitKind.choices)
    direction = forms.ChoiceField(label=_("Direction"), choices=Direction.choices)
    baseline_value = forms.DecimalField(
        label=_("Baseline"), required=False, max_digits=12, decimal_places=2
    )
    baseline_text = forms.CharField(
        label=_("Baseline in words (for a qualitative indicator)"), required=False, max_length=300
    )
    baseline_date = forms.DateField(
        label=_("Baseline date"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    baseline_source = forms.CharField(label=_("Baseline source"), required=False, max_length=300)
    means_of_verification_en = forms.CharField(
        label=_("Means of verification in English"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    means_of_verification_fr = forms.CharField(
        label=_("Means of verification in French"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    means_of_verification_ar = forms.CharField(
        label=_("Means of verification in Arabic"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    disaggregation = forms.ChoiceField(
        label=_("Disaggregation it supports"), choices=Disaggregation.choices
    )
    order = forms.IntegerField(label=_("Position"), min_value=0, required=False, initial=0)
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(
        self,
        *args: Any,
        registered: list[Any],
        directions: Any = None,
        creating: bool = False,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["registry_code"].choices = [  # type: ignore[attr-defined]
            ("", _("None: the indicator is reported"))
        ] + [(item.code, f"{item.code}: {item.name} — {item.definition}") for item in registered]
        if directions is not None:
            self.fields["direction"].choices = directions  # type: ignore[attr-defined]
        for language, direction in (("ar", "rtl"), ("fr", "ltr"), ("en", "ltr")):
            for field in ("name", "definition", "means_of_verification"):
                self.fields[f"{field}_{language}"].widget.attrs.update(lang=language, dir=direction)
        if creating:
            del self.fields["version"]

    def changes(self) -> dict[str, Any]:
        """The typed values as the services take them."""
        data = dict(self.cleaned_data)
        data.pop("version", None)
        data["order"] = data.get("order") or 0
        return data


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
