"""Forms of the catalogue and of sessions (courses, scheduling, quotas, cancellation)."""

from __future__ import annotations

import zoneinfo
from datetime import datetime
from typing import Any

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from momentum.core.models import AreaOfWork, City, Country, ThematicArea
from momentum.core.zones import zone_choices
from momentum.people.models import RankLevel, Role, User
from momentum.training.models import (
    Course,
    Delivery,
    Session,
    SessionStatus,
    Track,
)


class CatalogueFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    track = forms.ChoiceField(
        label=_("Track"), required=False, choices=[("", _("All tracks")), *Track.choices]
    )
    delivery = forms.ChoiceField(
        label=_("Delivery"),
        required=False,
        choices=[("", _("All kinds of delivery")), *Delivery.choices],
    )


_LANGUAGE_LABELS = {
    "ar": (_("Title in Arabic"), _("Summary in Arabic"), _("Learning objectives in Arabic")),
    "fr": (_("Title in French"), _("Summary in French"), _("Learning objectives in French")),
    "en": (_("Title in English"), _("Summary in English"), _("Learning objectives in English")),
}
_DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
_DATETIME_INPUT = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


def text_direction_attrs(language: str) -> dict[str, str]:
    """The `lang` and `dir` of a field that takes text written in ``language``."""
    return {"lang": language, "dir": "rtl" if language == "ar" else "ltr"}


class CourseForm(forms.Form):
    """A course of the catalogue, its texts in the three languages."""

    code = forms.SlugField(
        label=_("Code"),
        max_length=30,
        help_text=_("Letters, digits and hyphens, e.g. sltd-border-101."),
        widget=forms.TextInput(attrs={"dir": "ltr"}),
    )
    track = forms.ChoiceField(label=_("Track"), choices=Track.choices)
    thematic_area: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label=_("Thematic area"),
        queryset=ThematicArea.objects.order_by("code"),
        required=False,
        empty_label=_("None"),
    )
    delivery = forms.ChoiceField(label=_("Delivery"), choices=Delivery.choices)
    duration_hours = forms.IntegerField(label=_("Duration in hours"), min_value=1, max_value=2000)

    def __init__(self, *args: Any, course: Course | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for language in ("en", "fr", "ar"):
            title, summary, objectives = _LANGUAGE_LABELS[language]
            attrs = text_direction_attrs(language)
            self.fields[f"title_{language}"] = forms.CharField(
                label=title, max_length=200, widget=forms.TextInput(attrs=attrs)
            )
            self.fields[f"summary_{language}"] = forms.CharField(
                label=summary,
                required=False,
                widget=forms.Textarea(attrs={**attrs, "rows": 3}),
            )
            self.fields[f"objectives_{language}"] = forms.CharField(
                label=objectives,
                required=False,
                help_text=_("One objective per line."),
                widget=forms.Textarea(attrs={**attrs, "rows": 4}),
            )
        prerequisites = Course.objects.order_by("code")
        if course is not None:
            prerequisites = prerequisites.exclude(pk=course.pk)
        self.fields["target_areas"] = forms.ModelMultipleChoiceField(
            label=_("Target areas of work"),
            queryset=AreaOfWork.objects.order_by("code"),
            required=False,
            widget=forms.CheckboxSelectMultiple,
        )
        self.fields["target_rank_levels"] = forms.MultipleChoiceField(
            label=_("Target rank levels"),
            choices=RankLevel.choices,
            required=False,
            help_text=_("None ticked: officers of every rank level."),
            widget=forms.CheckboxSelectMultiple,
        )
        self.fields["prerequisites"] = forms.ModelMultipleChoiceField(
            label=_("Prerequisites"),
            queryset=prerequisites,
            required=False,
            widget=forms.CheckboxSelectMultiple,
        )
        self.fields["min_attendance_percent"] = forms.IntegerField(
            label=_("Minimum attendance (%)"), min_value=0, max_value=100, initial=80
        )
        self.fields["min_post_test_score"] = forms.IntegerField(
            label=_("Minimum post-test score (%)"), min_value=0, max_value=100, initial=70
        )
        self.fields["min_practical_score"] = forms.IntegerField(
            label=_("Minimum practical assessment score (%)"),
            min_value=0,
            max_value=100,
            required=False,
            help_text=_(
                "For courses assessed in practice, e.g. in the screening simulator. Empty: no "
                "practical assessment."
            ),
        )
        self.fields["certificate_validity_years"] = forms.IntegerField(
            label=_("Certificate validity (years)"),
            min_value=1,
            max_value=20,
            required=False,
            help_text=_(
                "INTERPOL-accredited courses: 4 years. Empty: the certificate never expires."
            ),
        )
        self.fields["requires_motivation"] = forms.BooleanField(
            label=_("Nominees write a motivation statement"), required=False
        )
        self.fields["requires_endorsement"] = forms.BooleanField(
            label=_("Nominees need their supervisor's endorsement (leadership programmes)"),
            required=False,
        )
        self.fields["is_active"] = forms.BooleanField(
            label=_("Shown in the catalogue"), required=False, initial=True
        )

    @staticmethod
    def initial_for(course: Course) -> dict[str, Any]:
        initial: dict[str, Any] = {
            field: getattr(course, field)
            for field in (
                "code",
                "track",
                "thematic_area",
                "delivery",
                "duration_hours",
                "target_rank_levels",
                "min_attendance_percent",
                "min_post_test_score",
                "min_practical_score",
                "certificate_validity_years",
                "requires_motivation",
                "requires_endorsement",
                "is_active",
            )
        }
        for name in ("title", "summary", "objectives"):
            for language in ("ar", "fr", "en"):
                initial[f"{name}_{language}"] = getattr(course, f"{name}_{language}") or ""
        initial["target_areas"] = list(course.target_areas.all())
        initial["prerequisites"] = list(course.prerequisites.all())
        return initial


class _TrainerChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.display_name()} <{obj.email}>"


class _CityChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        if obj.country is None:
            return str(obj)
        return _("%(city)s, %(country)s") % {"city": obj, "country": obj.country}


class SessionForm(forms.Form):
    """A session's schedule, venue, languages, seats (one quota per country) and trainers."""

    course = forms.ModelChoiceField(
        label=_("Course"), queryset=Course.objects.active().order_by("code")
    )
    starts_on = forms.DateField(label=_("First day"), widget=_DATE_INPUT)
    ends_on = forms.DateField(label=_("Last day"), widget=_DATE_INPUT)
    time_zone = forms.ChoiceField(
        label=_("Time zone"),
        choices=zone_choices,
        initial="Asia/Amman",
        help_text=_("Where the session takes place; the nomination deadline is in this zone."),
    )
    delivery = forms.ChoiceField(label=_("Delivery"), choices=Delivery.choices)
    # Named in the reader's language with their country; staff add cities in the admin.
    venue_city = _CityChoiceField(
        label=_("City"),
        queryset=City.objects.select_related("country"),
        required=False,
        empty_label=_("None (online)"),
        help_text=_("Leave empty for an online session."),
        error_messages={"invalid_choice": _("Choose a city from the list.")},
    )
    venue_country: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label=_("Country of the venue"),
        queryset=Country.objects.order_by("code"),
        required=False,
        empty_label=_("None (online)"),
    )
    language = forms.ChoiceField(label=_("Language of instruction"), choices=settings.LANGUAGES)
    interpretation = forms.MultipleChoiceField(
        label=_("Interpretation into"),
        choices=settings.LANGUAGES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    capacity = forms.IntegerField(label=_("Capacity (seats)"), min_value=1, max_value=1000)
    women_target_percent = forms.IntegerField(
        label=_("Target share of women (%)"), min_value=0, max_value=100, initial=40
    )
    nomination_deadline = forms.DateTimeField(
        label=_("Nomination deadline"),
        widget=_DATETIME_INPUT,
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S"],
        help_text=_("Date and time in the session's time zone."),
    )
    trainers = _TrainerChoiceField(
        label=_("Trainers"),
        queryset=User.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(
        self,
        *args: Any,
        countries: list[Country],
        session: Session | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.countries = countries
        if session is not None:
            # The course of a scheduled session does not change.
            del self.fields["course"]
        self.fields["trainers"].queryset = (  # type: ignore[attr-defined]
            User.objects.filter(role_assignments__role=Role.TRAINER, is_active=True)
            .distinct()
            .order_by("family_name", "given_name", "email")
        )
        for country in countries:
            self.fields[f"quota_{country.code}"] = forms.IntegerField(
                label=_("Seats for %(country)s") % {"country": country},
                min_value=0,
                max_value=1000,
                required=False,
                initial=0,
                widget=forms.NumberInput(attrs={"class": "quota", "inputmode": "numeric"}),
            )

    def quota_fields(self) -> list[forms.BoundField]:
        return [self[f"quota_{country.code}"] for country in self.countries]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        deadline = data.get("nomination_deadline")
        zone_name = data.get("time_zone")
        if isinstance(deadline, datetime) and zone_name:
            # The browser sends a wall-clock time: it is the session's, not the reader's.
            wall_clock = timezone.make_naive(deadline) if timezone.is_aware(deadline) else deadline
            data["nomination_deadline"] = timezone.make_aware(
                wall_clock, zoneinfo.ZoneInfo(zone_name)
            )
        return data

    def quotas(self) -> dict[Country, int]:
        return {
            country: self.cleaned_data.get(f"quota_{country.code}") or 0
            for country in self.countries
        }

    def service_arguments(self) -> dict[str, Any]:
        """The cleaned data as the scheduling services take it."""
        data = {
            name: value
            for name, value in self.cleaned_data.items()
            if not name.startswith("quota_")
        }
        data["quotas"] = self.quotas()
        return data

    @staticmethod
    def initial_for(session: Session) -> dict[str, Any]:
        zone = zoneinfo.ZoneInfo(session.time_zone)
        initial: dict[str, Any] = {
            field: getattr(session, field)
            for field in (
                "starts_on",
                "ends_on",
                "time_zone",
                "delivery",
                "venue_city",
                "venue_country",
                "language",
                "interpretation",
                "capacity",
                "women_target_percent",
            )
        }
        initial["nomination_deadline"] = timezone.localtime(
            session.nomination_deadline, zone
        ).replace(tzinfo=None)
        initial["trainers"] = list(session.trainers.all())
        for quota in session.quotas.all():
            initial[f"quota_{quota.country.code}"] = quota.seats
        return initial


class SessionFilterForm(forms.Form):
    UPCOMING, PAST = "upcoming", "past"

    when = forms.ChoiceField(
        label=_("When"),
        required=False,
        choices=[("", _("Any time")), (UPCOMING, _("Upcoming")), (PAST, _("Past"))],
    )
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("Any status")), *SessionStatus.choices],
    )
    track = forms.ChoiceField(
        label=_("Track"), required=False, choices=[("", _("All tracks")), *Track.choices]
    )
    course: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label=_("Course"),
        required=False,
        queryset=Course.objects.order_by("code"),
        empty_label=_("All courses"),
    )


class CancelSessionForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for the cancellation"),
        max_length=2000,
        help_text=_("Sent to the nominees, their focal points and the trainers."),
        widget=forms.Textarea(attrs={"rows": 4, "dir": "auto"}),
    )
