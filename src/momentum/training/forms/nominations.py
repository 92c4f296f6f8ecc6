"""Forms of nominations and selection."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from momentum.people.models import Profile
from momentum.training.models import (
    Course,
)

_ISOLATE, _END_ISOLATE = "\u2068", "\u2069"  # keep a name's own direction inside a label


class CandidateSearchForm(forms.Form):
    q = forms.CharField(
        label=_("Find an officer"),
        required=False,
        max_length=100,
        help_text=_("Part of a name, in Latin or Arabic script."),
    )


class RadioSelectWidget(forms.RadioSelect):
    """Radio buttons for the officers found; those not eligible are shown but disabled.

    Named so that its ``widget_type`` stays "radioselect": includes/form_fields.html then
    shows it as a fieldset with a legend, like any radio list."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.disabled_values: set[str] = set()

    def create_option(self, name: str, value: Any, *args: Any, **kwargs: Any) -> dict[str, Any]:
        option = super().create_option(name, value, *args, **kwargs)
        if str(value) in self.disabled_values:
            option["attrs"]["disabled"] = True
        return option


def candidate_label(profile: Profile, reason: str = "") -> str:
    names = [profile.user.full_name or profile.user.email]
    if profile.user.full_name_ar:
        names.append(profile.user.full_name_ar)
    label = _("%(names)s · %(rank_level)s") % {
        "names": " / ".join(f"{_ISOLATE}{name}{_END_ISOLATE}" for name in names),
        "rank_level": profile.get_rank_level_display(),
    }
    if reason:
        label = _("%(officer)s — not eligible: %(reason)s") % {"officer": label, "reason": reason}
    return label


class NominationForm(forms.Form):
    """The officer chosen among those found, and what the course asks of a nomination."""

    officer = forms.ModelChoiceField(
        label=_("Officer"),
        queryset=Profile.objects.all(),
        widget=RadioSelectWidget,
        error_messages={"required": _("Choose the officer you nominate.")},
    )
    justification = forms.CharField(
        label=_("Why this officer"),
        widget=forms.Textarea(attrs={"rows": 4, "dir": "auto"}),
        max_length=4000,
        help_text=_("Their role, and how the training will serve their work."),
    )
    motivation = forms.CharField(
        label=_("The officer's motivation statement"),
        widget=forms.Textarea(attrs={"rows": 6, "dir": "auto"}),
        max_length=8000,
    )
    supervisor_name = forms.CharField(
        label=_("Supervisor's name"), max_length=200, widget=forms.TextInput(attrs={"dir": "auto"})
    )
    supervisor_endorsement = forms.CharField(
        label=_("Supervisor's endorsement"),
        widget=forms.Textarea(attrs={"rows": 4, "dir": "auto"}),
        max_length=4000,
    )

    def __init__(
        self,
        *args: Any,
        course: Course,
        candidates: list[Profile],
        ineligible: dict[int, str],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        if not course.requires_motivation:
            del self.fields["motivation"]
        if not course.requires_endorsement:
            del self.fields["supervisor_name"]
            del self.fields["supervisor_endorsement"]
        # Only the officers found are offered (a country may have thousands); any officer id
        # is accepted, and the service refuses one of another country or already nominated.
        widget: RadioSelectWidget = self.fields["officer"].widget  # type: ignore[assignment]
        widget.choices = [
            (profile.pk, candidate_label(profile, ineligible.get(profile.pk, "")))
            for profile in candidates
        ]
        widget.disabled_values = {str(pk) for pk in ineligible}


class DecisionForm(forms.Form):
    """One decision of the selection board on one nomination."""

    SELECT, WAITLIST, DECLINE, WITHDRAW = "select", "waitlist", "decline", "withdraw"

    action = forms.ChoiceField(
        choices=[
            (SELECT, _("Select")),
            (WAITLIST, _("Waitlist")),
            (DECLINE, _("Decline")),
            (WITHDRAW, _("Withdraw")),
        ]
    )
    reason = forms.CharField(label=_("Reason"), required=False, max_length=2000)


class WithdrawForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), required=False, max_length=2000)
