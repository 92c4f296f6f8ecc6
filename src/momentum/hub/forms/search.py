"""The hub's search form."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from momentum.hub.models import EntryKind
from momentum.people.models import Language


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("Search the hub"),
        required=False,
        max_length=200,
        widget=forms.SearchInput(attrs={"dir": "auto", "autocomplete": "off"}),
    )
    kind = forms.ChoiceField(
        label=_("What"),
        required=False,
        choices=[("", _("Threads, replies and resources")), *EntryKind.choices],
    )
    space: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label=_("Space"), queryset=None, required=False, empty_label=_("All my spaces")
    )
    language = forms.ChoiceField(
        label=_("Language"),
        required=False,
        choices=[("", _("All languages")), *Language.choices],
    )

    def __init__(self, *args: Any, spaces: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        space_field = self.fields["space"]
        assert isinstance(space_field, forms.ModelChoiceField)
        space_field.queryset = spaces
