from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from momentum.core.models import Country


class AuditFilterForm(forms.Form):
    actor = forms.CharField(label=_("Who (e-mail)"), required=False, max_length=254)
    verb = forms.ChoiceField(label=_("Action"), required=False)
    country: forms.ModelChoiceField[Country] = forms.ModelChoiceField(
        label=_("Country"),
        queryset=Country.objects.all(),
        required=False,
        empty_label=_("All countries"),
    )
    since = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    until = forms.DateField(
        label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    text = forms.CharField(label=_("Record"), required=False, max_length=100)

    def __init__(self, *args: Any, verbs: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        verb_field = self.fields["verb"]
        assert isinstance(verb_field, forms.ChoiceField)
        verb_field.choices = [("", _("All actions")), *((verb, verb) for verb in verbs)]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        since, until = cleaned.get("since"), cleaned.get("until")
        if since and until and since > until:
            self.add_error("until", _("The end date must not be before the start date."))
        return cleaned

    def filters(self) -> dict[str, Any]:
        data = getattr(self, "cleaned_data", None) or {}
        return {
            "actor": data.get("actor", ""),
            "verb": data.get("verb", ""),
            "country": data.get("country"),
            "since": data.get("since"),
            "until": data.get("until"),
            "text": data.get("text", ""),
        }


def add_service_errors(form: forms.BaseForm, error: ValidationError) -> None:
    """Show a service's refusal beside the fields it names, or above the form: every view that
    hands a form's data to a service shows its refusals this way."""
    if hasattr(error, "error_dict"):
        for field, field_messages in error.message_dict.items():
            for message in field_messages:
                form.add_error(field if field in form.fields else None, message)
    else:
        form.add_error(None, error)
