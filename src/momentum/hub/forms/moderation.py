"""Forms of moderation: reporting a post, a moderator's decision, the watched words."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from momentum.hub.models import FlagReason
from momentum.hub.services.moderation import COMMENT_MAX, REASON_MAX
from momentum.hub.services.watched_terms import NOTE_MAX, PHRASE_MAX
from momentum.people.models import Language


class FlagForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("Why should a moderator read this post?"),
        choices=FlagReason.choices,
        widget=forms.RadioSelect,
    )
    comment = forms.CharField(
        label=_("Comment for the moderators"),
        required=False,
        max_length=COMMENT_MAX,
        help_text=_("Optional. Only the moderators read it."),
        widget=forms.Textarea(attrs={"rows": 3, "dir": "auto"}),
    )


class PostDecision:
    APPROVE = "approve"
    REJECT = "reject"
    HIDE = "hide"
    RESTORE = "restore"
    DISMISS = "dismiss"

    ALL = (APPROVE, REJECT, HIDE, RESTORE, DISMISS)


class PostDecisionForm(forms.Form):
    action = forms.ChoiceField(
        choices=[
            (PostDecision.APPROVE, _("Approve")),
            (PostDecision.REJECT, _("Reject")),
            (PostDecision.HIDE, _("Hide")),
            (PostDecision.RESTORE, _("Restore")),
            (PostDecision.DISMISS, _("Dismiss the reports")),
        ],
        widget=forms.HiddenInput,
    )
    reason = forms.CharField(
        label=_("Reason (told to the author)"),
        required=False,
        max_length=REASON_MAX,
        widget=forms.Textarea(attrs={"rows": 2, "dir": "auto"}),
    )


class ThreadLockForm(forms.Form):
    action = forms.ChoiceField(choices=[("lock", _("Lock")), ("unlock", _("Unlock"))])


class ThreadPinForm(forms.Form):
    action = forms.ChoiceField(choices=[("pin", _("Pin")), ("unpin", _("Unpin"))])


class WatchedTermForm(forms.Form):
    phrase = forms.CharField(
        label=_("Word or phrase"),
        max_length=PHRASE_MAX,
        help_text=_(
            "Posts containing it wait for a moderator. Case, accents and Arabic spelling "
            "variants do not matter."
        ),
        widget=forms.TextInput(attrs={"dir": "auto"}),
    )
    language = forms.ChoiceField(label=_("Language"), choices=Language.choices)
    note = forms.CharField(
        label=_("Why it is watched"),
        required=False,
        max_length=NOTE_MAX,
        widget=forms.TextInput(attrs={"dir": "auto"}),
    )
    exceptions = forms.CharField(
        label=_("Phrases in which it does not count"),
        required=False,
        help_text=_(
            "One phrase a line, for a benign sense of the word: for “target”, “target group”."
        ),
        widget=forms.Textarea(attrs={"dir": "auto", "rows": 3}),
    )
