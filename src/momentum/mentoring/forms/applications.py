"""Forms for applications: applying (or proposing an officer), the endorsements, withdrawal."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from momentum.core.models import AreaOfWork, ThematicArea
from momentum.mentoring.models import MentorPreference, MentorProfile
from momentum.mentoring.services.applications import MAX_PREFERRED_MENTORS
from momentum.people.models import Language

_DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class _MentorChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.user.display_name(get_language())} · {obj.get_kind_display()}"


class _OfficerChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.user.display_name(get_language())} · {obj.country.code}"


class ApplicationForm(forms.Form):
    """What an officer tells the programme when she applies."""

    motivation = forms.CharField(
        label=_("Why do you want to join the programme?"),
        widget=forms.Textarea(attrs={"rows": "6", "dir": "auto"}),
        max_length=5000,
    )
    goals = forms.CharField(
        label=_("What do you want to achieve in two years?"),
        widget=forms.Textarea(attrs={"rows": "4", "dir": "auto"}),
        max_length=3000,
    )
    goal_areas: forms.ModelMultipleChoiceField[Any] = forms.ModelMultipleChoiceField(
        label=_("Areas you want to develop"),
        queryset=ThematicArea.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    work_areas: forms.ModelMultipleChoiceField[Any] = forms.ModelMultipleChoiceField(
        label=_("Your areas of work"),
        queryset=AreaOfWork.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    languages = forms.MultipleChoiceField(
        label=_("Working languages"),
        choices=Language.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    years_of_service = forms.IntegerField(label=_("Years of service"), min_value=0, max_value=50)
    wants_leadership = forms.BooleanField(
        label=_("I would like to follow the leadership track"), required=False
    )
    preferred_mentor_kind = forms.ChoiceField(
        label=_("Preferred mentor"),
        choices=MentorPreference.choices,
        required=False,
        widget=forms.RadioSelect,
    )
    preferred_mentors = _MentorChoiceField(
        label=_("Mentors you would like (up to three)"),
        queryset=MentorProfile.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    supervisor_name = forms.CharField(
        label=_("Your supervisor's name"),
        max_length=200,
        widget=forms.TextInput(attrs={"dir": "auto"}),
    )
    supervisor_email = forms.EmailField(
        label=_("Your supervisor's e-mail address"),
        help_text=_("We e-mail your supervisor a link to endorse your application."),
    )

    def __init__(self, *args: Any, mentors: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["preferred_mentors"].queryset = mentors  # type: ignore[attr-defined]

    def clean_preferred_mentors(self) -> list[MentorProfile]:
        chosen = list(self.cleaned_data.get("preferred_mentors") or [])
        if len(chosen) > MAX_PREFERRED_MENTORS:
            raise forms.ValidationError(_("Choose at most three mentors."))
        return chosen

    def service_arguments(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        data.pop("officer", None)
        data["preferred_mentor_kind"] = data.get("preferred_mentor_kind") or ""
        return data


class ProposeForm(ApplicationForm):
    """A focal point fills the application in on behalf of an officer of their country."""

    officer = _OfficerChoiceField(label=_("Officer"), queryset=None)

    field_order = ["officer"]

    def __init__(self, *args: Any, officers: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["officer"].queryset = officers  # type: ignore[attr-defined]
        self.fields["motivation"].label = _("Why does she want to join the programme?")
        self.fields["goals"].label = _("What does she want to achieve in two years?")
        self.fields["work_areas"].label = _("Her areas of work")
        self.fields["wants_leadership"].label = _("She would like to follow the leadership track")
        self.fields["supervisor_name"].label = _("Her supervisor's name")
        self.fields["supervisor_email"].label = _("Her supervisor's e-mail address")
        self.fields["supervisor_email"].help_text = _(
            "We e-mail her supervisor a link to endorse the application."
        )


class SupervisorAnswerForm(forms.Form):
    """The supervisor's answer through the signed link."""

    ENDORSE, DECLINE = "endorse", "decline"

    answer = forms.ChoiceField(
        label=_("Your answer"),
        choices=[
            (ENDORSE, _("I endorse this application")),
            (DECLINE, _("I do not endorse this application")),
        ],
        widget=forms.RadioSelect,
    )
    statement = forms.CharField(
        label=_("Your statement"),
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": "5", "dir": "auto"}),
        help_text=_("Why she is ready for the programme, or why you do not endorse it."),
    )


class RecordSupervisorForm(forms.Form):
    """A focal point records an endorsement the supervisor gave otherwise."""

    statement = forms.CharField(
        label=_("The supervisor's statement"),
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": "4", "dir": "auto"}),
    )
    endorsed_on = forms.DateField(label=_("Date of the endorsement"), widget=_DATE_INPUT)


class NationalEndorsementForm(forms.Form):
    ENDORSE, REFUSE = "endorse", "refuse"

    decision = forms.ChoiceField(
        label=_("National endorsement"),
        choices=[
            (ENDORSE, _("Endorse: send to the selection panel")),
            (REFUSE, _("Do not endorse")),
        ],
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label=_("Note"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": "3", "dir": "auto"}),
        help_text=_("Required when you do not endorse: the applicant reads it."),
    )


class WithdrawForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason (optional)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": "2", "dir": "auto"}),
    )
