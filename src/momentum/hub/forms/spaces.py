"""The form staff use to create and edit a space."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from momentum.core.models import Country, ThematicArea
from momentum.hub.models import JoinPolicy, MemberRole, MembershipStatus, Space, SpaceKind
from momentum.hub.services.spaces import SpaceData
from momentum.people.models import Language, Role, User

_LABELS = {
    "en": (_("Name in English"), _("Description in English")),
    "fr": (_("Name in French"), _("Description in French")),
    "ar": (_("Name in Arabic"), _("Description in Arabic")),
}


def hub_people() -> QuerySet[User]:
    """Everyone who may take part in the hub (not donors, who see aggregates only)."""
    roles = [role for role in Role.values if role != Role.DONOR]
    return (
        User.objects.filter(is_active=True, role_assignments__role__in=roles)
        .distinct()
        .order_by("family_name", "given_name", "pk")
    )


class _PersonChoice(forms.ModelMultipleChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Any) -> str:
        return str(obj.display_name())


class SpaceForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind of space"), choices=SpaceKind.choices)
    country: forms.ModelChoiceField[Country] = forms.ModelChoiceField(
        label=_("Country"),
        queryset=Country.objects.order_by("code"),
        required=False,
        empty_label=_("None"),
        help_text=_("For country spaces only: they are open to that country's people."),
    )
    thematic_area: forms.ModelChoiceField[ThematicArea] = forms.ModelChoiceField(
        label=_("Thematic area"),
        queryset=ThematicArea.objects.order_by("code"),
        required=False,
        empty_label=_("None"),
    )
    main_language = forms.ChoiceField(label=_("Main language"), choices=Language.choices)
    join_policy = forms.ChoiceField(
        label=_("Who may join"), choices=JoinPolicy.choices, widget=forms.RadioSelect
    )
    hold_first_posts = forms.IntegerField(
        label=_("First posts of a new member held for moderation"),
        min_value=0,
        max_value=20,
        initial=0,
        help_text=_("0: a new member's posts are published at once."),
    )
    moderators = _PersonChoice(
        label=_("Moderators"),
        queryset=User.objects.none(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 8}),
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, space: Space | None = None, **kwargs: Any) -> None:
        if space is not None and "initial" not in kwargs:
            kwargs["initial"] = initial_for(space)
        super().__init__(*args, **kwargs)
        self.fields["moderators"].queryset = hub_people()  # type: ignore[attr-defined]
        for language in ("en", "fr", "ar"):
            name, description = _LABELS[language]
            attrs = {"lang": language, "dir": "rtl" if language == "ar" else "ltr"}
            self.fields[f"name_{language}"] = forms.CharField(
                label=name, max_length=150, widget=forms.TextInput(attrs=attrs)
            )
            self.fields[f"description_{language}"] = forms.CharField(
                label=description,
                required=False,
                max_length=4000,
                widget=forms.Textarea(attrs={**attrs, "rows": 4}),
            )

    def to_data(self) -> SpaceData:
        data = self.cleaned_data
        return SpaceData(
            name_en=data["name_en"],
            name_fr=data["name_fr"],
            name_ar=data["name_ar"],
            description_en=data["description_en"],
            description_fr=data["description_fr"],
            description_ar=data["description_ar"],
            kind=data["kind"],
            join_policy=data["join_policy"],
            main_language=data["main_language"],
            country=data["country"],
            thematic_area=data["thematic_area"],
            hold_first_posts=data["hold_first_posts"] or 0,
            moderators=list(data["moderators"]),
        )


def initial_for(space: Space) -> dict[str, Any]:
    initial: dict[str, Any] = {
        "kind": space.kind,
        "country": space.country_id,
        "thematic_area": space.thematic_area_id,
        "main_language": space.main_language,
        "join_policy": space.join_policy,
        "hold_first_posts": space.hold_first_posts,
        "version": space.version,
        "moderators": list(
            space.memberships.filter(
                role=MemberRole.MODERATOR, status=MembershipStatus.ACTIVE
            ).values_list("user_id", flat=True)
        ),
    }
    for language in ("en", "fr", "ar"):
        initial[f"name_{language}"] = getattr(space, f"name_{language}")
        initial[f"description_{language}"] = getattr(space, f"description_{language}")
    return initial
