from __future__ import annotations

from typing import Any

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from momentum.core.models import Country
from momentum.needs.inventory_sheet import InventoryKind
from momentum.needs.models import Initiative, Section, TrainingOffer, VisitStatus
from momentum.people.models import Sex


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


class TrainingOfferForm(forms.ModelForm[TrainingOffer]):
    class Meta:
        model = TrainingOffer
        fields = [
            "course",
            "provider",
            "area_of_work",
            "level",
            "frequency",
            "duration_days",
            "language",
            "participants_a_year",
            "women_a_year",
        ]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["area_of_work"].label = _("Area of work")
        self.fields["duration_days"].min_value = 1  # type: ignore[attr-defined]
        for name in ("course", "provider", "language"):
            self.fields[name].widget.attrs["dir"] = "auto"

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        women, participants = cleaned.get("women_a_year"), cleaned.get("participants_a_year")
        if women is not None and participants is not None and women > participants:
            self.add_error("women_a_year", _("There cannot be more women than participants."))
        return cleaned

    def _post_clean(self) -> None:
        # The service saves; the model's constraints are checked there, not on the form's
        # unsaved instance (which has no country yet).
        pass


class InitiativeForm(forms.ModelForm[Initiative]):
    class Meta:
        model = Initiative
        fields = ["what", "run_by", "funder", "since"]
        labels = {"since": _("Since (year)")}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in ("what", "run_by", "funder"):
            self.fields[name].widget.attrs["dir"] = "auto"
        since = self.fields["since"]
        assert isinstance(since, forms.IntegerField)
        since.min_value, since.max_value = 1900, timezone.localdate().year
        since.validators = [
            MinValueValidator(1900),
            MaxValueValidator(timezone.localdate().year),
        ]

    def _post_clean(self) -> None:
        pass


class InventoryImportForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Which inventory"), choices=InventoryKind.choices, widget=forms.RadioSelect
    )
    file = forms.FileField(label=_("Spreadsheet (.xlsx or .csv)"))
    replace = forms.BooleanField(
        label=_("Replace the rows already recorded for this inventory"), required=False
    )


class ParticipantForm(forms.Form):
    name = forms.CharField(
        label=_("Name"), max_length=200, widget=forms.TextInput(attrs={"dir": "auto"})
    )
    organisation = forms.CharField(
        label=_("Organisation"),
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"dir": "auto"}),
    )
    sex = forms.ChoiceField(label=_("Sex"), choices=Sex.choices, widget=forms.RadioSelect)


class ColleagueForm(forms.Form):
    email = forms.EmailField(
        label=_("Your colleague's e-mail address"),
        help_text=_("She needs an account in your country: invite her to the platform first."),
    )
    sections: forms.ModelMultipleChoiceField[Section] = forms.ModelMultipleChoiceField(
        label=_("Sections she answers"),
        queryset=Section.objects.none(),
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, questionnaire_id: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        sections = self.fields["sections"]
        assert isinstance(sections, forms.ModelMultipleChoiceField)
        sections.queryset = Section.objects.filter(questionnaire_id=questionnaire_id)
