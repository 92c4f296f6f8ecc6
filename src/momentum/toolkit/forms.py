from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from momentum.core.models import Country
from momentum.toolkit.models import ConsultationMode, SectionKind


class TextForm(forms.Form):
    """A section's text in one language; ``revision`` is the version the form was opened on."""

    title = forms.CharField(label=_("Title"), max_length=200)
    body = forms.CharField(
        label=_("Text"),
        widget=forms.Textarea(attrs={"rows": 16, "dir": "auto"}),
        help_text=_("Markdown: separate paragraphs with a blank line."),
    )
    sources = forms.CharField(
        label=_("Sources"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3, "dir": "auto"}),
        help_text=_("One source per line; they become footnotes in the booklet."),
    )
    revision = forms.IntegerField(widget=forms.HiddenInput, min_value=0)
    source_revision = forms.IntegerField(widget=forms.HiddenInput, min_value=0, required=False)


class CommentForm(forms.Form):
    paragraph = forms.IntegerField(label=_("Paragraph"), min_value=1, max_value=10_000)
    language = forms.ChoiceField(
        label=_("Language"), choices=[("ar", "العربية"), ("fr", "Français"), ("en", "English")]
    )
    text = forms.CharField(
        label=_("Your comment"), widget=forms.Textarea(attrs={"rows": 3, "dir": "auto"})
    )


class SectionForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=SectionKind.choices)
    source_language = forms.ChoiceField(
        label=_("Written first in"),
        choices=[("ar", "العربية"), ("fr", "Français"), ("en", "English")],
    )


class TranslatorForm(forms.Form):
    email = forms.EmailField(label=_("E-mail of the translator"))


class AuthorForm(forms.Form):
    email = forms.EmailField(label=_("E-mail of the author"))


class ConsultationForm(forms.Form):
    mode = forms.ChoiceField(
        label=_("Send to"), choices=ConsultationMode.choices, widget=forms.RadioSelect
    )
    countries: forms.ModelMultipleChoiceField[Country] = forms.ModelMultipleChoiceField(
        label=_("Countries"),
        queryset=Country.objects.order_by("code"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    deadline = forms.DateTimeField(
        label=_("Deadline"), widget=forms.DateTimeInput(attrs={"type": "datetime-local"})
    )


class CourseForm(forms.Form):
    code = forms.SlugField(label=_("Course code"), max_length=30)
