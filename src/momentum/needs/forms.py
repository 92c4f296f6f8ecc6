from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from momentum.core.models import Country
from momentum.needs.models import VisitStatus


class VisitForm(forms.Form):
    country: forms.ModelChoiceField[Country] = forms.ModelChoiceField(
        label=_("Country"), queryset=Country.objects.all()
    )
    starts_on = forms.DateField(
        label=_("Starts on"), widget=forms.DateInput(attrs={"type": "date"})
    )
    ends_on = forms.DateField(label=_("Ends on"), widget=forms.DateInput(attrs={"type": "date"}))
    status = forms.ChoiceField(label=_("Status"), choices=VisitStatus.choices)
    location = forms.CharField(label=_("Place"), required=False, max_length=200)
    agencies = forms.CharField(
        label=_("Agencies and academies to meet"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    team = forms.CharField(
        label=_("INTERPOL team"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    agenda = forms.CharField(
        label=_("Agenda"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    minutes = forms.CharField(
        label=_("Minutes"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        starts, ends = cleaned.get("starts_on"), cleaned.get("ends_on")
        if starts and ends and ends < starts:
            self.add_error("ends_on", _("The visit cannot end before it starts."))
        return cleaned


class XLSFormUploadForm(forms.Form):
    file = forms.FileField(label=_("XLSForm file (.xlsx)"))


class ReturnForm(forms.Form):
    note = forms.CharField(
        label=_("What should the country revise?"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class DocumentForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200, required=False)
    file = forms.FileField(label=_("Document"))
