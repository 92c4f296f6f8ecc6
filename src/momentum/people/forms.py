from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth.password_validation import password_validators_help_text_html
from django.utils.translation import gettext_lazy as _

from momentum.core.models import Agency, AreaOfWork, Country
from momentum.core.zones import zone_choices
from momentum.people.models import Language, Profile, Rank, RankLevel, Role, Sex


def _choice_field(form: forms.Form, name: str) -> forms.ModelChoiceField[Any]:
    field = form.fields[name]
    assert isinstance(field, forms.ModelChoiceField)
    return field


class OfficerFilterForm(forms.Form):
    q = forms.CharField(label=_("Name or e-mail"), required=False, max_length=100)
    country: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label=_("Country"),
        queryset=Country.objects.none(),
        required=False,
        empty_label=_("All countries"),
    )
    sex = forms.ChoiceField(
        label=_("Sex"), required=False, choices=[("", _("Women and men")), *Sex.choices]
    )
    rank_level = forms.ChoiceField(
        label=_("Rank level"),
        required=False,
        choices=[("", _("All rank levels")), *RankLevel.choices],
    )
    area: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label=_("Area of work"),
        queryset=AreaOfWork.objects.all(),
        required=False,
        to_field_name="code",
        empty_label=_("All areas of work"),
    )

    def __init__(self, *args: Any, countries: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _choice_field(self, "country").queryset = countries

    def filters(self) -> dict[str, Any]:
        data = getattr(self, "cleaned_data", None) or {}
        area = data.get("area")
        return {
            "country": data.get("country"),
            "sex": data.get("sex", ""),
            "rank_level": data.get("rank_level", ""),
            "area_of_work": area.code if area else "",
            "text": data.get("q", ""),
        }


class ProfileForm(forms.Form):
    given_name = forms.CharField(label=_("Given name (Latin script)"), max_length=100)
    family_name = forms.CharField(label=_("Family name (Latin script)"), max_length=100)
    given_name_ar = forms.CharField(
        label=_("Given name (Arabic script)"), max_length=100, required=False
    )
    family_name_ar = forms.CharField(
        label=_("Family name (Arabic script)"), max_length=100, required=False
    )
    sex = forms.ChoiceField(label=_("Sex"), choices=Sex.choices)
    country: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label=_("Country"), queryset=Country.objects.all()
    )
    agency: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label=_("Agency"), queryset=Agency.objects.all(), required=False
    )
    # Named in the reader's language, from the most junior rank to the most senior.
    rank: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label=_("Rank"),
        queryset=Rank.objects.all(),
        required=False,
        empty_label=_("No rank given"),
        error_messages={"invalid_choice": _("Choose a rank from the list.")},
    )
    rank_level = forms.ChoiceField(label=_("Rank level"), choices=RankLevel.choices)
    areas_of_work: forms.ModelMultipleChoiceField[Any] = forms.ModelMultipleChoiceField(
        label=_("Areas of work"),
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
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args: Any, countries: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _choice_field(self, "country").queryset = countries
        _choice_field(self, "agency").queryset = Agency.objects.select_related("country").filter(
            country__in=countries
        )
        for name in ("given_name_ar", "family_name_ar"):
            self.fields[name].widget.attrs.update({"dir": "rtl", "lang": "ar"})

    @classmethod
    def initial_for(cls, profile: Profile) -> dict[str, Any]:
        user = profile.user
        return {
            "given_name": user.given_name,
            "family_name": user.family_name,
            "given_name_ar": user.given_name_ar,
            "family_name_ar": user.family_name_ar,
            "sex": profile.sex,
            "country": profile.country,
            "agency": profile.agency,
            "rank": profile.rank_id,
            "rank_level": profile.rank_level,
            "areas_of_work": list(profile.areas_of_work.all()),
            "languages": profile.languages,
            "version": profile.version,
        }

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        agency, country = cleaned.get("agency"), cleaned.get("country")
        if agency and country and agency.country_id != country.pk:
            self.add_error("agency", _("This agency is not in the chosen country."))
        return cleaned


class AccountSettingsForm(forms.Form):
    preferred_language = forms.ChoiceField(label=_("Preferred language"), choices=Language.choices)
    time_zone = forms.ChoiceField(label=_("Time zone"), choices=zone_choices)


class InvitationForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address"))
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)
    country: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label=_("Country"),
        queryset=Country.objects.all(),
        required=False,
        empty_label=_("No country (programme-wide)"),
    )
    language = forms.ChoiceField(label=_("Language of the invitation"), choices=Language.choices)
    given_name = forms.CharField(
        label=_("Given name (Latin script)"), max_length=100, required=False
    )
    family_name = forms.CharField(
        label=_("Family name (Latin script)"), max_length=100, required=False
    )

    def __init__(self, *args: Any, staff: bool, countries: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        country = _choice_field(self, "country")
        country.queryset = countries
        if not staff:
            role = self.fields["role"]
            assert isinstance(role, forms.ChoiceField)
            role.choices = [(Role.OFFICER.value, Role.OFFICER.label)]
            country.required = True
            country.empty_label = None


class AcceptInvitationForm(forms.Form):
    given_name = forms.CharField(label=_("Given name (Latin script)"), max_length=100)
    family_name = forms.CharField(label=_("Family name (Latin script)"), max_length=100)
    given_name_ar = forms.CharField(
        label=_("Given name (Arabic script)"), max_length=100, required=False
    )
    family_name_ar = forms.CharField(
        label=_("Family name (Arabic script)"), max_length=100, required=False
    )
    sex = forms.ChoiceField(label=_("Sex"), choices=Sex.choices, required=False)
    password1 = forms.CharField(
        label=_("Password"),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=password_validators_help_text_html(),
    )
    password2 = forms.CharField(
        label=_("Password (again)"),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def __init__(self, *args: Any, needs_sex: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["sex"].required = needs_sex
        if not needs_sex:
            del self.fields["sex"]
        for name in ("given_name_ar", "family_name_ar"):
            self.fields[name].widget.attrs.update({"dir": "rtl", "lang": "ar"})

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("password1") and cleaned.get("password1") != cleaned.get("password2"):
            self.add_error("password2", _("The two passwords do not match."))
        return cleaned


class AccessTokenForm(forms.Form):
    name = forms.CharField(label=_("What the token is for"), max_length=100)
    expires_in_days = forms.TypedChoiceField(
        label=_("Valid for"),
        coerce=int,
        empty_value=None,
        required=False,
        choices=[
            ("30", _("30 days")),
            ("90", _("90 days")),
            ("365", _("One year")),
            ("", _("Until revoked")),
        ],
    )


class BulkInvitationForm(forms.Form):
    file = forms.FileField(
        label=_("Spreadsheet of officers (CSV or XLSX)"),
        help_text=_(
            "Columns: email, given_name, family_name, given_name_ar, family_name_ar, "
            "sex, country, rank, rank_level, language."
        ),
    )
    all_or_nothing = forms.BooleanField(
        label=_("Invite nobody if any row is wrong"),
        required=False,
    )

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        name = (upload.name or "").lower()
        if not name.endswith((".csv", ".xlsx")):
            raise forms.ValidationError(_("Upload a .csv or .xlsx file."))
        if upload.size > 5 * 1024 * 1024:
            raise forms.ValidationError(_("The file is larger than 5 MB."))
        return upload


class AccountFilterForm(forms.Form):
    q = forms.CharField(label=_("Name or e-mail"), required=False, max_length=100)
    role = forms.ChoiceField(
        label=_("Role"), required=False, choices=[("", _("All roles")), *Role.choices]
    )
    country: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label=_("Country"),
        queryset=Country.objects.all(),
        required=False,
        empty_label=_("All countries"),
    )


class RoleAssignmentForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)
    country: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label=_("Country"),
        queryset=Country.objects.all(),
        required=False,
        empty_label=_("No country (programme-wide)"),
    )
