"""Forms of membership (asking to join, deciding, inviting, removing) and of hub settings."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from momentum.hub.models import DigestFrequency, NameDisplay


class JoinRequestForm(forms.Form):
    message = forms.CharField(
        label=_("Message to the moderators"),
        required=False,
        max_length=1000,
        help_text=_("Optional: who you are and why you would like to join."),
        widget=forms.Textarea(attrs={"rows": 3, "dir": "auto"}),
    )


class DecisionForm(forms.Form):
    action = forms.ChoiceField(
        choices=[("approve", _("Accept")), ("decline", _("Decline"))], widget=forms.HiddenInput
    )
    reason = forms.CharField(
        label=_("Reason (told to the person)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2, "dir": "auto"}),
    )


class InvitationAnswerForm(forms.Form):
    answer = forms.ChoiceField(choices=[("accept", _("Accept")), ("decline", _("Decline"))])


class PeopleSearchForm(forms.Form):
    q = forms.CharField(
        label=_("Name"),
        max_length=100,
        required=False,
        help_text=_("In Latin or Arabic script."),
        widget=forms.TextInput(attrs={"dir": "auto", "type": "search"}),
    )


class InviteForm(forms.Form):
    user = forms.IntegerField(widget=forms.HiddenInput)


class RemoveMemberForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason (told to the person)"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3, "dir": "auto"}),
    )


class SettingsForm(forms.Form):
    handle = forms.CharField(
        label=_("Handle"),
        max_length=30,
        help_text=_(
            "Others mention you by writing @ and your handle: 3 to 30 Latin letters, digits, "
            "dots, dashes or underscores."
        ),
        widget=forms.TextInput(attrs={"dir": "ltr", "autocomplete": "off"}),
    )
    name_display = forms.ChoiceField(
        label=_("How others see your name"), choices=NameDisplay.choices, widget=forms.RadioSelect
    )
    show_photo = forms.BooleanField(label=_("Show my photo"), required=False)
    photo = forms.FileField(
        label=_("Photo"),
        required=False,
        help_text=_("A PNG or JPEG image of 2 MB at most."),
        widget=forms.FileInput(attrs={"accept": "image/png,image/jpeg"}),
    )
    remove_photo = forms.BooleanField(label=_("Remove my photo"), required=False)
    email_on_mention = forms.BooleanField(
        label=_("E-mail me when someone mentions me"), required=False
    )
    email_on_reply = forms.BooleanField(
        label=_("E-mail me when someone replies in a thread I take part in"), required=False
    )
    digest = forms.ChoiceField(label=_("Digest by e-mail"), choices=DigestFrequency.choices)
