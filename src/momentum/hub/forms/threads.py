"""Forms for threads and posts: the text is Markdown; the checks are the services'."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from momentum.hub.files import accepted_extensions
from momentum.hub.services.threads import BODY_MAX, TITLE_MAX

MARKDOWN_HELP = _(
    "Markdown: **bold**, *italic*, > quote, - list. Mention a member with @ and their handle."
)


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Any number of files (the services check each one and how many)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault(
            "widget", MultipleFileInput(attrs={"accept": ",".join(accepted_extensions())})
        )
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> list[Any]:
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(each, initial) for each in data if each]
        return [single(data, initial)] if data else []


def _attachments_field() -> MultipleFileField:
    return MultipleFileField(
        label=_("Attachments"),
        required=False,
        help_text=_(
            "PDF, Word, Excel, PowerPoint, text or images (PNG, JPEG); location data is removed "
            "from images."
        ),
    )


def _body_field() -> forms.CharField:
    return forms.CharField(
        label=_("Message"),
        max_length=BODY_MAX,
        strip=False,
        help_text=MARKDOWN_HELP,
        widget=forms.Textarea(attrs={"rows": 8, "dir": "auto"}),
    )


class ThreadForm(forms.Form):
    title = forms.CharField(
        label=_("Title"), max_length=TITLE_MAX, widget=forms.TextInput(attrs={"dir": "auto"})
    )
    body = _body_field()
    attachments = _attachments_field()
    # The author's blocked post this one replaces (never shown: the service checks it is theirs).
    draft = forms.IntegerField(required=False, widget=forms.HiddenInput)


class ReplyForm(forms.Form):
    body = _body_field()
    attachments = _attachments_field()
    quote_of = forms.IntegerField(required=False, widget=forms.HiddenInput)
    draft = forms.IntegerField(required=False, widget=forms.HiddenInput)


class EditPostForm(forms.Form):
    title = forms.CharField(
        label=_("Title"), max_length=TITLE_MAX, widget=forms.TextInput(attrs={"dir": "auto"})
    )
    body = _body_field()
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args: Any, is_opening: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not is_opening:
            del self.fields["title"]


class ReviewRequestForm(forms.Form):
    message = forms.CharField(
        label=_("A message for the moderators (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3, "dir": "auto"}),
    )
