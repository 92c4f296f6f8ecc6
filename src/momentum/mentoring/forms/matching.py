"""Forms of the matching page: the weights, a hand assignment, ending a pair early."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from momentum.mentoring import matching as engine


class WeightsForm(forms.Form):
    """The weight of each criterion: whole numbers, none negative, not all zero."""

    goals = forms.IntegerField(label=engine.Criterion.GOALS.label, min_value=0, max_value=1000)
    area_of_work = forms.IntegerField(
        label=engine.Criterion.AREA_OF_WORK.label, min_value=0, max_value=1000
    )
    leadership = forms.IntegerField(
        label=engine.Criterion.LEADERSHIP.label, min_value=0, max_value=1000
    )
    preferences = forms.IntegerField(
        label=engine.Criterion.PREFERENCES.label, min_value=0, max_value=1000
    )

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        if self.errors:
            return data
        try:
            self.weights().validate()
        except ValueError as error:
            raise forms.ValidationError(str(error)) from error
        return data

    def weights(self) -> engine.Weights:
        return engine.Weights(
            goals=self.cleaned_data["goals"],
            area_of_work=self.cleaned_data["area_of_work"],
            leadership=self.cleaned_data["leadership"],
            preferences=self.cleaned_data["preferences"],
        )


class AssignForm(forms.Form):
    mentee = forms.IntegerField(widget=forms.HiddenInput)
    mentor = forms.IntegerField(label=_("Mentor"))


class EndEarlyForm(forms.Form):
    reason = forms.CharField(
        label=_("Why the pair ends early"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2, "dir": "auto"}),
    )
