"""Forms of the field exercise."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from momentum.core.models import Country
from momentum.exercise.models import (
    Capability,
    InjectKind,
    ItemStatus,
    MemberSource,
    Objective,
    PhaseKind,
    Rating,
    Shift,
    Site,
    SiteKind,
    TeamRole,
)

_DATE = forms.DateInput(attrs={"type": "date"})
_DATETIME = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


class ExerciseForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    description = forms.CharField(label=_("Description"), widget=forms.Textarea, required=False)


class PhaseForm(forms.Form):
    kind = forms.ChoiceField(label=_("Phase"), choices=PhaseKind.choices)
    starts_on = forms.DateField(label=_("First day"), widget=_DATE)
    ends_on = forms.DateField(label=_("Last day"), widget=_DATE)
    location = forms.CharField(label=_("Place"), max_length=200, required=False)


class ObjectiveForm(forms.Form):
    code = forms.CharField(label=_("Code"), max_length=10)
    text = forms.CharField(label=_("Objective"), widget=forms.Textarea(attrs={"rows": 2}))
    capability = forms.ChoiceField(label=_("Capability"), choices=Capability.choices)
    courses: forms.ModelMultipleChoiceField[Any] = forms.ModelMultipleChoiceField(
        queryset=None, label=_("Training courses"), required=False
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        from momentum.training.selectors import courses

        self.fields["courses"].queryset = courses()  # type: ignore[attr-defined]


class ShiftForm(forms.Form):
    name = forms.CharField(label=_("Shift"), max_length=60)
    starts_at = forms.DateTimeField(label=_("Starts"), widget=_DATETIME)
    ends_at = forms.DateTimeField(label=_("Ends"), widget=_DATETIME)


class SiteForm(forms.Form):
    name = forms.CharField(label=_("Border crossing point"), max_length=200)
    kind = forms.ChoiceField(label=_("Kind"), choices=SiteKind.choices)
    country: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        queryset=Country.objects.all(), label=_("Country")
    )
    shifts = forms.ModelMultipleChoiceField(
        queryset=Shift.objects.none(), label=_("Shifts"), widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args: Any, exercise: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["shifts"].queryset = exercise.shifts.all()  # type: ignore[attr-defined]


class DocumentForm(forms.Form):
    phase = forms.ModelChoiceField(queryset=None, label=_("Phase"))  # type: ignore[var-annotated]
    title = forms.CharField(label=_("Title"), max_length=200)
    file = forms.FileField(label=_("File"))

    def __init__(self, *args: Any, exercise: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["phase"].queryset = exercise.phases.all()  # type: ignore[attr-defined]


class MemberForm(forms.Form):
    user = forms.TypedChoiceField(label=_("Person"), coerce=int)
    role = forms.ChoiceField(label=_("Role"), choices=TeamRole.choices)
    site: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        queryset=Site.objects.none(),
        label=_("Site"),
        required=False,
        help_text=_("Leave empty for the INTERPOL team."),
    )
    shift: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        queryset=Shift.objects.none(), label=_("Shift"), required=False
    )
    objectives = forms.ModelMultipleChoiceField(
        queryset=Objective.objects.none(),
        label=_("Objectives to evaluate"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(
        self, *args: Any, exercise: Any, people: list[tuple[int, str, str]], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.sources = {pk: source for pk, _label, source in people}
        self.fields["user"].choices = [(pk, label) for pk, label, _source in people]  # type: ignore[attr-defined]
        self.fields["site"].queryset = exercise.sites.all()  # type: ignore[attr-defined]
        self.fields["shift"].queryset = exercise.shifts.all()  # type: ignore[attr-defined]
        self.fields["objectives"].queryset = exercise.objectives.all()  # type: ignore[attr-defined]

    def source(self) -> str:
        return self.sources.get(self.cleaned_data["user"], MemberSource.INTERPOL)


class InjectForm(forms.Form):
    site: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        queryset=Site.objects.none(), label=_("Site")
    )
    objective: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        queryset=Objective.objects.none(), label=_("Objective")
    )
    kind = forms.ChoiceField(label=_("Kind"), choices=InjectKind.choices)
    title = forms.CharField(label=_("Title"), max_length=200)
    message = forms.CharField(
        label=_("Message to the site"), widget=forms.Textarea(attrs={"rows": 2})
    )
    expected_action = forms.CharField(
        label=_("Expected action"), widget=forms.Textarea(attrs={"rows": 2})
    )
    actor = forms.ChoiceField(label=_("Who should act"), choices=TeamRole.choices)
    scheduled_at = forms.DateTimeField(label=_("Scheduled for"), widget=_DATETIME)

    def __init__(self, *args: Any, exercise: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["site"].queryset = exercise.sites.all()  # type: ignore[attr-defined]
        self.fields["objective"].queryset = exercise.objectives.all()  # type: ignore[attr-defined]


class ObservationForm(forms.Form):
    objective = forms.TypedChoiceField(label=_("Objective"), coerce=int)
    site = forms.TypedChoiceField(label=_("Site"), coerce=int)
    rating = forms.ChoiceField(label=_("Rating"), choices=Rating.choices, widget=forms.RadioSelect)
    justification = forms.CharField(
        label=_("Justification"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,  # the service refuses an empty one with its own sentence
    )
    strengths = forms.CharField(
        label=_("Strengths"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
    improvements = forms.CharField(
        label=_("Areas for improvement"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
    evidence_note = forms.CharField(
        label=_("Evidence (note)"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
    evidence = forms.FileField(
        label=_("Evidence (photo)"),
        required=False,
        widget=forms.ClearableFileInput(
            attrs={"accept": "image/jpeg,image/png", "capture": "environment"}
        ),
    )

    def __init__(self, *args: Any, assigned: list[tuple[Any, list[Any]]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["objective"].choices = [  # type: ignore[attr-defined]
            (objective.pk, f"{objective.code} — {objective.text}") for objective, _s in assigned
        ]
        sites = {site.pk: site for _o, found in assigned for site in found}
        self.fields["site"].choices = [(pk, site.name) for pk, site in sites.items()]  # type: ignore[attr-defined]


class ItemForm(forms.Form):
    objective: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        queryset=Objective.objects.none(), label=_("Objective"), required=False
    )
    action = forms.CharField(label=_("Corrective action"), widget=forms.Textarea(attrs={"rows": 2}))
    owner = forms.CharField(label=_("Owner"), max_length=200)
    contact = forms.CharField(label=_("Point of contact"), max_length=200)
    starts_on = forms.DateField(label=_("Start date"), widget=_DATE)
    ends_on = forms.DateField(label=_("End date"), widget=_DATE)

    def __init__(self, *args: Any, exercise: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["objective"].queryset = exercise.objectives.all()  # type: ignore[attr-defined]


ITEM_STATUSES = ItemStatus.choices
