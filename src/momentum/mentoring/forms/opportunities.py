"""Forms of opportunities, allocation, completion and the alumni directory. The services check
everything again; the forms give the browser its limits and labels."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from momentum.mentoring.models import (
    Application,
    Cohort,
    Opportunity,
    OpportunityKind,
    TravelSupport,
)


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self) -> None:
        super().__init__(format="%Y-%m-%d")


def _auto(widget: forms.Widget) -> forms.Widget:
    widget.attrs["dir"] = "auto"
    return widget


class OpportunityForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=OpportunityKind.choices)
    title_en = forms.CharField(label=_("Title in English"), max_length=200)
    title_fr = forms.CharField(label=_("Title in French"), max_length=200, required=False)
    title_ar = forms.CharField(
        label=_("Title in Arabic"),
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"dir": "rtl", "lang": "ar"}),
    )
    description_en = forms.CharField(
        label=_("Description in English"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    description_fr = forms.CharField(
        label=_("Description in French"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    description_ar = forms.CharField(
        label=_("Description in Arabic"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4, "dir": "rtl", "lang": "ar"}),
    )
    location = forms.CharField(
        label=_("Place"), max_length=200, required=False, widget=_auto(forms.TextInput())
    )
    starts_on = forms.DateField(label=_("First day"), widget=DateInput())
    ends_on = forms.DateField(label=_("Last day"), widget=DateInput())
    apply_by = forms.DateField(label=_("Apply by"), required=False, widget=DateInput())
    places = forms.IntegerField(label=_("Places"), min_value=1, max_value=500)
    every_country = forms.BooleanField(
        label=_("At least one participant per partner country"), required=False, initial=True
    )
    is_open = forms.BooleanField(label=_("Open for applications"), required=False, initial=True)
    cohort: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label=_("Cohort"),
        queryset=Cohort.objects.none(),
        required=False,
        empty_label=_("No cohort: every mentee and alumna"),
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["cohort"].queryset = Cohort.objects.order_by("-starts_on")  # type: ignore[attr-defined]

    @staticmethod
    def initial_for(opportunity: Opportunity) -> dict[str, Any]:
        fields = (
            "kind",
            "title_en",
            "title_fr",
            "title_ar",
            "description_en",
            "description_fr",
            "description_ar",
            "location",
            "starts_on",
            "ends_on",
            "apply_by",
            "places",
            "every_country",
            "is_open",
            "version",
        )
        initial = {name: getattr(opportunity, name) for name in fields}
        initial["cohort"] = opportunity.cohort_id
        return initial


class ApplyForOpportunityForm(forms.Form):
    motivation = forms.CharField(
        label=_("Why you want to take part"),
        widget=_auto(forms.Textarea(attrs={"rows": 5})),
    )
    needs_travel_support = forms.BooleanField(
        label=_("I need support to travel (tickets, visa, accommodation)"), required=False
    )


class ProposeCandidateForm(forms.Form):
    application = forms.TypedChoiceField(label=_("Mentee or alumna"), coerce=int)
    motivation = forms.CharField(
        label=_("Why her"), required=False, widget=_auto(forms.Textarea(attrs={"rows": 4}))
    )
    needs_travel_support = forms.BooleanField(
        label=_("She needs support to travel"), required=False
    )

    def __init__(self, *args: Any, applications: list[Application], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.applications = {application.pk: application for application in applications}
        field = self.fields["application"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [("", _("Choose a person"))] + [
            (
                application.pk,
                f"{application.applicant.user.full_name or application.applicant.user.full_name_ar}"
                f" — {application.country} — {application.cohort.name}",
            )
            for application in applications
        ]

    def clean_application(self) -> Application:
        application = self.applications.get(self.cleaned_data["application"])
        if application is None:
            raise forms.ValidationError(_("Choose one of the people offered."))
        return application


class TravelSupportForm(forms.Form):
    travel_support = forms.ChoiceField(label=_("Travel support"), choices=TravelSupport.choices)


class CompleteMenteeForm(forms.Form):
    override_reason = forms.CharField(
        label=_("Reason for completing her although criteria are missing"),
        required=False,
        widget=_auto(forms.Textarea(attrs={"rows": 3})),
    )


class ShortlistAlumnaForm(forms.Form):
    opportunity: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label=_("Field exercise"), queryset=Opportunity.objects.none()
    )

    def __init__(self, *args: Any, opportunities: list[Opportunity], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["opportunity"].queryset = Opportunity.objects.filter(  # type: ignore[attr-defined]
            pk__in=[opportunity.pk for opportunity in opportunities]
        )
        self.fields["opportunity"].choices = [  # type: ignore[attr-defined]
            (opportunity.pk, str(opportunity)) for opportunity in opportunities
        ]
