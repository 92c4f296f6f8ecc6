"""Forms for cohorts: the cohort itself (with its places per country) and its rubric."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django import forms
from django.apps import apps
from django.utils.translation import gettext_lazy as _

from momentum.core.models import AreaOfWork, Country
from momentum.mentoring.models import Cohort
from momentum.mentoring.services.cohorts import COHORT_FIELDS, CriterionData
from momentum.people.models import Role, User

_DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
_DATETIME_INPUT = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
_DATETIME_FORMATS = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S"]
# About two years: what a cohort lasts.
COHORT_LENGTH = timedelta(days=730)


def _text(label: Any, *, required: bool = False, language: str = "") -> forms.CharField:
    attrs = {"dir": "rtl" if language == "ar" else "auto"}
    if language:
        attrs["lang"] = language
    return forms.CharField(
        label=label, max_length=200, required=required, widget=forms.TextInput(attrs=attrs)
    )


def _long_text(label: Any, *, language: str) -> forms.CharField:
    attrs = {"dir": "rtl" if language == "ar" else "auto", "lang": language, "rows": "4"}
    return forms.CharField(label=label, required=False, widget=forms.Textarea(attrs=attrs))


class _PanelChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.display_name()} <{obj.email}>"


def hub_spaces() -> Any:
    """The Knowledge Hub's spaces to link a cohort to, when the hub is installed."""
    if not apps.is_installed("momentum.hub"):
        return None
    space = apps.get_model("hub", "Space")
    return space.objects.order_by("name")


class CohortForm(forms.Form):
    """A cohort's names, dates, eligibility, places per country, panel and settings."""

    code = forms.SlugField(
        label=_("Code"), max_length=40, help_text=_("Short, unique, used in addresses.")
    )
    name_en = _text(_("Name in English"), required=True, language="en")
    name_fr = _text(_("Name in French"), required=True, language="fr")
    name_ar = _text(_("Name in Arabic"), required=True, language="ar")
    description_en = _long_text(_("Description in English"), language="en")
    description_fr = _long_text(_("Description in French"), language="fr")
    description_ar = _long_text(_("Description in Arabic"), language="ar")
    applications_open_at = forms.DateTimeField(
        label=_("Applications open"), widget=_DATETIME_INPUT, input_formats=_DATETIME_FORMATS
    )
    applications_close_at = forms.DateTimeField(
        label=_("Applications close"),
        widget=_DATETIME_INPUT,
        input_formats=_DATETIME_FORMATS,
        help_text=_("Before the cohort starts."),
    )
    starts_on = forms.DateField(label=_("First day"), widget=_DATE_INPUT)
    ends_on = forms.DateField(
        label=_("Last day"),
        widget=_DATE_INPUT,
        required=False,
        help_text=_("About two years after the first day; left empty, it is set so."),
    )
    eligible_areas: forms.ModelMultipleChoiceField[Any] = forms.ModelMultipleChoiceField(
        label=_("Areas of work"),
        queryset=AreaOfWork.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Officers of these areas of work may apply; none chosen: any area."),
    )
    min_years_of_service = forms.IntegerField(
        label=_("Minimum years of service"), min_value=0, max_value=40, initial=0
    )
    panel = _PanelChoiceField(
        label=_("Selection panel"),
        queryset=User.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    offer_days = forms.IntegerField(
        label=_("Days to answer an offer"), min_value=1, max_value=90, initial=14
    )
    weight_goals = forms.IntegerField(
        label=_("Weight of goals"), min_value=0, max_value=100, initial=40
    )
    weight_area_of_work = forms.IntegerField(
        label=_("Weight of area of work"), min_value=0, max_value=100, initial=25
    )
    weight_leadership = forms.IntegerField(
        label=_("Weight of leadership track"), min_value=0, max_value=100, initial=20
    )
    weight_preferences = forms.IntegerField(
        label=_("Weight of stated preferences"), min_value=0, max_value=100, initial=15
    )
    required_meetings = forms.IntegerField(
        label=_("Meetings required to complete"), min_value=0, max_value=100, initial=8
    )
    hub_space: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label=_("Knowledge Hub space"),
        queryset=Country.objects.none(),
        required=False,
        empty_label=_("None"),
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, countries: list[Country], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.countries = countries
        self.fields["panel"].queryset = (  # type: ignore[attr-defined]
            User.objects.filter(is_active=True)
            .filter(role_assignments__role__in=[r for r in Role.values if r != Role.OFFICER])
            .distinct()
            .order_by("family_name", "given_name", "email")
        )
        spaces = hub_spaces()
        if spaces is None:
            del self.fields["hub_space"]
        else:
            self.fields["hub_space"].queryset = spaces  # type: ignore[attr-defined]
        for country in countries:
            self.fields[f"places_{country.code}"] = forms.IntegerField(
                label=_("Places for %(country)s") % {"country": country},
                min_value=0,
                max_value=500,
                required=False,
                initial=0,
                widget=forms.NumberInput(attrs={"class": "quota", "inputmode": "numeric"}),
            )

    def place_fields(self) -> list[forms.BoundField]:
        return [self[f"places_{country.code}"] for country in self.countries]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("starts_on") and not data.get("ends_on"):
            data["ends_on"] = data["starts_on"] + COHORT_LENGTH
        return data

    def places(self) -> dict[Country, int]:
        return {
            country: self.cleaned_data.get(f"places_{country.code}") or 0
            for country in self.countries
        }

    def cohort_data(self) -> dict[str, Any]:
        data = {name: self.cleaned_data.get(name) for name in COHORT_FIELDS}
        for name in ("description_en", "description_fr", "description_ar"):
            data[name] = data[name] or ""
        return data

    @staticmethod
    def initial_for(cohort: Cohort) -> dict[str, Any]:
        initial: dict[str, Any] = {
            name: getattr(cohort, name) for name in COHORT_FIELDS if name != "hub_space"
        }
        initial["hub_space"] = cohort.hub_space_id
        initial["eligible_areas"] = list(cohort.eligible_areas.all())
        initial["panel"] = list(cohort.panel.all())
        initial["version"] = cohort.version
        for place in cohort.places.all():
            initial[f"places_{place.country.code}"] = place.places
        return initial


class CriterionForm(forms.Form):
    """One scoring criterion of the rubric."""

    criterion = forms.IntegerField(widget=forms.HiddenInput, required=False)
    name_en = _text(_("Criterion in English"), language="en")
    name_fr = _text(_("Criterion in French"), language="fr")
    name_ar = _text(_("Criterion in Arabic"), language="ar")
    guidance = forms.CharField(
        label=_("Guidance for the panel"),
        required=False,
        widget=forms.Textarea(attrs={"rows": "2", "dir": "auto"}),
    )
    weight = forms.IntegerField(label=_("Weight"), min_value=1, max_value=100, initial=1)
    max_score = forms.IntegerField(label=_("Highest score"), min_value=1, max_value=10, initial=5)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        deleting = data.get("DELETE")
        if not deleting and not any(data.get(f"name_{lang}") for lang in ("en", "fr", "ar")):
            raise forms.ValidationError(_("Give the criterion a name."))
        return data


class _BaseCriterionFormSet(forms.BaseFormSet):  # type: ignore[type-arg]
    def criteria(self) -> list[CriterionData]:
        """The criteria kept, in order, as the service takes them."""
        kept = []
        for form in self.forms:
            data = form.cleaned_data
            if not data or data.get("DELETE"):
                continue
            kept.append(
                CriterionData(
                    pk=data.get("criterion"),
                    name_en=data.get("name_en", ""),
                    name_fr=data.get("name_fr", ""),
                    name_ar=data.get("name_ar", ""),
                    guidance=data.get("guidance", ""),
                    weight=data["weight"],
                    max_score=data["max_score"],
                )
            )
        return kept


CriterionFormSet = forms.formset_factory(
    CriterionForm, formset=_BaseCriterionFormSet, extra=1, can_delete=True, max_num=20
)


def criteria_initial(cohort: Cohort) -> list[dict[str, Any]]:
    return [
        {
            "criterion": criterion.pk,
            # The translated columns modeltranslation adds.
            "name_en": getattr(criterion, "name_en", ""),
            "name_fr": getattr(criterion, "name_fr", ""),
            "name_ar": getattr(criterion, "name_ar", ""),
            "guidance": criterion.guidance,
            "weight": criterion.weight,
            "max_score": criterion.max_score,
        }
        for criterion in cohort.criteria.all()
    ]


class TransitionForm(forms.Form):
    to = forms.CharField(max_length=20)
