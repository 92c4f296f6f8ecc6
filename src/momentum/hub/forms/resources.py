"""Forms of the resource library: the filters, a resource, a new version."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from momentum.core.models import Country, ThematicArea
from momentum.hub.files import accepted_extensions
from momentum.hub.models import Resource, ResourceKind, Space
from momentum.people.models import Language

_LANGUAGE_LABELS = {
    "en": (_("Title in English"), _("Description in English")),
    "fr": (_("Title in French"), _("Description in French")),
    "ar": (_("Title in Arabic"), _("Description in Arabic")),
}


def _direction(language: str) -> dict[str, str]:
    return {"lang": language, "dir": "rtl" if language == "ar" else "ltr"}


class ResourceFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    kind = forms.ChoiceField(
        label=_("Type"), required=False, choices=[("", _("All types")), *ResourceKind.choices]
    )
    language = forms.ChoiceField(
        label=_("Language"), required=False, choices=[("", _("All languages")), *Language.choices]
    )
    thematic_area: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label=_("Thematic area"),
        queryset=ThematicArea.objects.order_by("code"),
        required=False,
        empty_label=_("All thematic areas"),
    )
    country: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label=_("Country"),
        queryset=Country.objects.order_by("code"),
        required=False,
        empty_label=_("All countries"),
    )
    tag = forms.ChoiceField(label=_("Tag"), required=False)

    def __init__(self, *args: Any, tags: list[tuple[str, str]] | None = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        tag_field = self.fields["tag"]
        assert isinstance(tag_field, forms.ChoiceField)
        tag_field.choices = [("", _("All tags")), *(tags or [])]


class ResourceForm(forms.Form):
    """A resource: its texts in the three languages, how it is classified, where it is shared,
    and (when added) its file or address."""

    kind = forms.ChoiceField(label=_("Type"), choices=ResourceKind.choices)
    language = forms.ChoiceField(label=_("Language of the resource"), choices=Language.choices)
    thematic_area: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label=_("Thematic area"),
        queryset=ThematicArea.objects.order_by("code"),
        required=False,
        empty_label=_("None"),
    )
    country: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label=_("Country"),
        queryset=Country.objects.order_by("code"),
        required=False,
        empty_label=_("Every country"),
    )
    space: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label=_("Shared in"),
        queryset=Space.objects.none(),
        required=False,
        empty_label=_("The whole hub"),
        help_text=_("A resource shared in a space is read only by those who may read the space."),
    )
    tags = forms.CharField(
        label=_("Tags"),
        required=False,
        max_length=600,
        help_text=_("Separate the tags with commas."),
    )
    url = forms.URLField(
        label=_("Web address"),
        required=False,
        assume_scheme="https",
        help_text=_("For a web page or a video: its address, starting with https://."),
        widget=forms.URLInput(attrs={"dir": "ltr"}),
    )

    def __init__(
        self,
        *args: Any,
        spaces: Any,
        with_file: bool,
        allow_whole_hub: bool,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        space_field = self.fields["space"]
        assert isinstance(space_field, forms.ModelChoiceField)
        space_field.queryset = spaces
        space_field.required = not allow_whole_hub
        if not allow_whole_hub:
            space_field.empty_label = None
        for code in ("en", "fr", "ar"):
            title, description = _LANGUAGE_LABELS[code]
            self.fields[f"title_{code}"] = forms.CharField(
                label=title,
                required=False,
                max_length=200,
                widget=forms.TextInput(_direction(code)),
            )
            self.fields[f"description_{code}"] = forms.CharField(
                label=description,
                required=False,
                max_length=5000,
                widget=forms.Textarea({"rows": 4, **_direction(code)}),
            )
        if with_file:
            self.fields["file"] = forms.FileField(
                label=_("File"),
                required=False,
                widget=forms.ClearableFileInput(attrs={"accept": ",".join(accepted_extensions())}),
            )
            self.fields["note"] = forms.CharField(
                label=_("About this version"), required=False, max_length=300
            )
        else:
            self.fields["is_published"] = forms.BooleanField(
                label=_("Shown in the library"), required=False
            )
        self.order_fields(
            [
                *(
                    f"{name}_{code}"
                    for code in ("en", "fr", "ar")
                    for name in ("title", "description")
                ),
                "kind",
                "language",
                "thematic_area",
                "country",
                "space",
                "tags",
                "url",
                "file",
                "note",
                "is_published",
            ]
        )

    @staticmethod
    def initial_for(resource: Resource) -> dict[str, Any]:
        initial: dict[str, Any] = {
            "kind": resource.kind,
            "language": resource.language,
            "thematic_area": resource.thematic_area_id,
            "country": resource.country_id,
            "space": resource.space_id,
            "tags": ", ".join(tag.name for tag in resource.tags.all()),
            "url": resource.url,
            "is_published": resource.is_published,
        }
        for code in ("en", "fr", "ar"):
            initial[f"title_{code}"] = getattr(resource, f"title_{code}") or ""
            initial[f"description_{code}"] = getattr(resource, f"description_{code}") or ""
        return initial


class VersionForm(forms.Form):
    file = forms.FileField(
        label=_("File"),
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(accepted_extensions())}),
    )
    note = forms.CharField(
        label=_("What changed"),
        required=False,
        max_length=300,
        widget=forms.TextInput(attrs={"dir": "auto"}),
    )
