"""Forms of mentors' profiles: staff's filters, the profile staff create and edit, and the part
of it a mentor edits herself."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from momentum.core.models import Agency, AreaOfWork, Country, ThematicArea
from momentum.mentoring.models import MentorKind, MentorProfile
from momentum.people.models import Language, User

_DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class MentorFilterForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Kind of mentor"),
        required=False,
        choices=[("", _("All kinds")), *MentorKind.choices],
    )
    language = forms.ChoiceField(
        label=_("Working language"),
        required=False,
        choices=[("", _("All languages")), *Language.choices],
    )
    expertise: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label=_("Expertise"),
        required=False,
        queryset=ThematicArea.objects.order_by("code"),
        empty_label=_("All areas of expertise"),
    )
    availability = forms.ChoiceField(
        label=_("Availability"),
        required=False,
        choices=[
            ("", _("Available or not")),
            ("available", _("Available for new mentees")),
            ("unavailable", _("Not available")),
        ],
    )
    places = forms.BooleanField(label=_("With a place left"), required=False)


class MentorOwnForm(forms.Form):
    """What a mentor keeps up to date herself."""

    version = forms.IntegerField(widget=forms.HiddenInput)
    bio = forms.CharField(
        label=_("About the mentor"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 5, "dir": "auto"}),
    )
    expertise: forms.ModelMultipleChoiceField[Any] = forms.ModelMultipleChoiceField(
        label=_("Expertise"),
        required=False,
        queryset=ThematicArea.objects.order_by("code"),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The subjects she can guide a mentee in: matched against mentees' goals."),
    )
    languages = forms.MultipleChoiceField(
        label=_("Working languages"),
        choices=Language.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    capacity = forms.IntegerField(
        label=_("Mentees at once"),
        min_value=1,
        max_value=20,
        help_text=_("How many mentees the mentor takes at the same time."),
    )
    is_available = forms.BooleanField(label=_("Available for new mentees"), required=False)
    available_until = forms.DateField(
        label=_("Available until"), required=False, widget=_DATE_INPUT
    )
    availability_note = forms.CharField(
        label=_("Availability"),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"dir": "auto"}),
        help_text=_("For example: not in August; video calls only."),
    )

    field_order = [
        "bio",
        "expertise",
        "languages",
        "capacity",
        "is_available",
        "available_until",
        "availability_note",
    ]

    @classmethod
    def initial_from(cls, mentor: MentorProfile) -> dict[str, Any]:
        return {
            "version": mentor.version,
            "kind": mentor.kind,
            "bio": mentor.bio,
            "expertise": list(mentor.expertise.all()),
            "work_areas": list(mentor.work_areas.all()),
            "languages": mentor.languages,
            "agency": mentor.agency,
            "country": mentor.country,
            "capacity": mentor.capacity,
            "leads_leadership": mentor.leads_leadership,
            "is_available": mentor.is_available,
            "available_until": mentor.available_until,
            "availability_note": mentor.availability_note,
        }

    def changes(self) -> dict[str, Any]:
        """The profile's fields from the cleaned data (not the version)."""
        return {name: value for name, value in self.cleaned_data.items() if name != "version"}


class MentorStaffForm(MentorOwnForm):
    """Staff also set the kind, areas of work, agency, country and leadership track."""

    kind = forms.ChoiceField(label=_("Kind of mentor"), choices=MentorKind.choices)
    work_areas: forms.ModelMultipleChoiceField[Any] = forms.ModelMultipleChoiceField(
        label=_("Areas of work"),
        required=False,
        queryset=AreaOfWork.objects.order_by("code"),
        widget=forms.CheckboxSelectMultiple,
    )
    country: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label=_("Country"),
        required=False,
        queryset=Country.objects.order_by("code"),
        empty_label=_("None (INTERPOL)"),
    )
    agency: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label=_("Agency"),
        required=False,
        queryset=Agency.objects.select_related("country").order_by("country__code", "pk"),
        empty_label=_("None"),
        help_text=_("A mentor is never matched with a mentee of her own agency."),
    )
    leads_leadership = forms.BooleanField(
        label=_("Mentors on the leadership track"), required=False
    )

    field_order = [
        "kind",
        "bio",
        "expertise",
        "work_areas",
        "languages",
        "country",
        "agency",
        "leads_leadership",
        "capacity",
        "is_available",
        "available_until",
        "availability_note",
    ]


class MentorCreateForm(MentorStaffForm):
    """A new mentor: an existing account, found by its e-mail address."""

    email = forms.EmailField(
        label=_("E-mail address of the person"),
        help_text=_("The person must already have an account: invite them first if not."),
        widget=forms.EmailInput(attrs={"dir": "ltr", "autocomplete": "off"}),
    )

    field_order = ["email", *MentorStaffForm.field_order]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        del self.fields["version"]
        self.fields["capacity"].initial = 2
        self.fields["is_available"].initial = True

    def clean_email(self) -> User:
        email = self.cleaned_data["email"].strip().lower()
        user = User.objects.filter(email__iexact=email).first()
        if user is None:
            raise forms.ValidationError(_("No account uses this address. Invite the person first."))
        return user
