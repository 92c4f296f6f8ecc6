"""The support office's forms. The checks of files, floods and transitions are the services'."""

from __future__ import annotations

from typing import Any

from django import forms
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from momentum.core.models import Country
from momentum.hub.forms.threads import MultipleFileField
from momentum.support.models import Category, Rating, Status

SUBJECT_MAX = 200
BODY_MAX = 10_000


def _attachments() -> MultipleFileField:
    return MultipleFileField(
        label=_("Attachments"),
        required=False,
        help_text=_(
            "Up to five files: PDF, images, plain text, Word, Excel or PowerPoint, 10 MB each."
        ),
    )


class AskForm(forms.Form):
    category: forms.ModelChoiceField[Category] = forms.ModelChoiceField(
        label=_("What is your question about?"), queryset=Category.objects.all(), empty_label=None
    )
    subject = forms.CharField(
        label=_("Subject"),
        max_length=SUBJECT_MAX,
        widget=forms.TextInput(attrs={"dir": "auto", "autocomplete": "off"}),
    )
    description = forms.CharField(
        label=_("Your question"),
        max_length=BODY_MAX,
        widget=forms.Textarea(attrs={"rows": 8, "dir": "auto"}),
    )
    attachments = _attachments()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # While the asker types her subject, answers from the knowledge base are suggested.
        self.fields["subject"].widget.attrs.update(
            {
                "hx-get": reverse("support:suggest"),
                "hx-trigger": "input changed delay:400ms",
                "hx-target": "#suggestions",
            }
        )


class PublicAskForm(AskForm):
    name = forms.CharField(label=_("Your name"), max_length=200)
    email = forms.EmailField(label=_("Your e-mail address"))
    country: forms.ModelChoiceField[Country] = forms.ModelChoiceField(
        label=_("Your country"),
        queryset=Country.objects.all(),
        required=False,
        empty_label=_("Another country"),
    )
    # A field people never see: a program filling every field gives itself away.
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    field_order = ["name", "email", "country", "category", "subject", "description", "attachments"]


class AskerReplyForm(forms.Form):
    body = forms.CharField(
        label=_("Your answer"),
        max_length=BODY_MAX,
        widget=forms.Textarea(attrs={"rows": 5, "dir": "auto"}),
    )
    attachments = _attachments()


class StaffReplyForm(forms.Form):
    body = forms.CharField(
        label=_("Reply to the asker"),
        max_length=BODY_MAX,
        widget=forms.Textarea(attrs={"rows": 6, "dir": "auto"}),
    )
    then = forms.ChoiceField(
        label=_("Then"),
        choices=[
            (Status.WAITING, _("Wait for the asker")),
            (Status.RESOLVED, _("Mark as resolved")),
            (Status.OPEN, _("Keep open")),
        ],
        initial=Status.WAITING,
    )
    attachments = _attachments()
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


class NoteForm(forms.Form):
    body = forms.CharField(
        label=_("Internal note (staff only)"),
        max_length=BODY_MAX,
        widget=forms.Textarea(attrs={"rows": 3, "dir": "auto"}),
    )


class AssignForm(forms.Form):
    assignee: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label=_("Assigned to"), queryset=None, required=False, empty_label=_("Nobody")
    )

    def __init__(self, *args: Any, staff: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["assignee"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = staff


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=_("New status"), choices=Status.choices)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


class MergeForm(forms.Form):
    into = forms.CharField(label=_("Reference of the request it duplicates"), max_length=16)


class RateForm(forms.Form):
    rating = forms.ChoiceField(choices=Rating.choices)


class ArticleForm(forms.Form):
    language = forms.ChoiceField(
        label=_("Language"),
        choices=[("ar", _("Arabic")), ("fr", _("French")), ("en", _("English"))],
    )
    title = forms.CharField(
        label=_("Title"), max_length=200, widget=forms.TextInput(attrs={"dir": "auto"})
    )
    body = forms.CharField(
        label=_("Text"), max_length=50_000, widget=forms.Textarea(attrs={"rows": 12, "dir": "auto"})
    )
    category: forms.ModelChoiceField[Category] = forms.ModelChoiceField(
        label=_("Category"), queryset=Category.objects.all(), required=False
    )
    published = forms.BooleanField(label=_("Published"), required=False, initial=True)
