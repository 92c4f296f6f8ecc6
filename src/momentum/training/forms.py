from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from momentum.training.models import Delivery, Track


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


# --- catalogue and sessions (courses, scheduling, quotas, cancellation) ---
import zoneinfo as _zoneinfo  # noqa: E402
from datetime import datetime as _datetime  # noqa: E402

from django.conf import settings as _settings  # noqa: E402
from django.utils import timezone as _timezone  # noqa: E402

from momentum.core.models import AreaOfWork as _AreaOfWork  # noqa: E402
from momentum.core.models import Country as _Country  # noqa: E402
from momentum.core.models import ThematicArea as _ThematicArea  # noqa: E402
from momentum.people.models import RankLevel as _RankLevel  # noqa: E402
from momentum.people.models import Role as _Role  # noqa: E402
from momentum.people.models import User as _User  # noqa: E402
from momentum.training.models import Course as _Course  # noqa: E402
from momentum.training.models import Session as _Session  # noqa: E402
from momentum.training.models import SessionStatus as _SessionStatus  # noqa: E402

_LANGUAGE_LABELS = {
    "ar": (_("Title in Arabic"), _("Summary in Arabic"), _("Learning objectives in Arabic")),
    "fr": (_("Title in French"), _("Summary in French"), _("Learning objectives in French")),
    "en": (_("Title in English"), _("Summary in English"), _("Learning objectives in English")),
}
_TIME_ZONE_CHOICES = [(name, name) for name in sorted(_zoneinfo.available_timezones())]
_DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
_DATETIME_INPUT = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


def _text_attrs(language: str) -> dict[str, str]:
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
        queryset=_ThematicArea.objects.order_by("code"),
        required=False,
        empty_label=_("None"),
    )
    delivery = forms.ChoiceField(label=_("Delivery"), choices=Delivery.choices)
    duration_hours = forms.IntegerField(label=_("Duration in hours"), min_value=1, max_value=2000)

    def __init__(self, *args: Any, course: _Course | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for language in ("en", "fr", "ar"):
            title, summary, objectives = _LANGUAGE_LABELS[language]
            attrs = _text_attrs(language)
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
        prerequisites = _Course.objects.order_by("code")
        if course is not None:
            prerequisites = prerequisites.exclude(pk=course.pk)
        self.fields["target_areas"] = forms.ModelMultipleChoiceField(
            label=_("Target areas of work"),
            queryset=_AreaOfWork.objects.order_by("code"),
            required=False,
            widget=forms.CheckboxSelectMultiple,
        )
        self.fields["target_rank_levels"] = forms.MultipleChoiceField(
            label=_("Target rank levels"),
            choices=_RankLevel.choices,
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
    def initial_for(course: _Course) -> dict[str, Any]:
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


class SessionForm(forms.Form):
    """A session's schedule, venue, languages, seats (one quota per country) and trainers."""

    course = forms.ModelChoiceField(
        label=_("Course"), queryset=_Course.objects.active().order_by("code")
    )
    starts_on = forms.DateField(label=_("First day"), widget=_DATE_INPUT)
    ends_on = forms.DateField(label=_("Last day"), widget=_DATE_INPUT)
    time_zone = forms.ChoiceField(
        label=_("Time zone"),
        choices=_TIME_ZONE_CHOICES,
        initial="Asia/Amman",
        help_text=_("Where the session takes place; the nomination deadline is in this zone."),
    )
    delivery = forms.ChoiceField(label=_("Delivery"), choices=Delivery.choices)
    venue_city = forms.CharField(
        label=_("City"),
        max_length=100,
        required=False,
        help_text=_("Leave empty for an online session."),
        widget=forms.TextInput(attrs={"dir": "auto"}),
    )
    venue_country: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label=_("Country of the venue"),
        queryset=_Country.objects.order_by("code"),
        required=False,
        empty_label=_("None (online)"),
    )
    language = forms.ChoiceField(label=_("Language of instruction"), choices=_settings.LANGUAGES)
    interpretation = forms.MultipleChoiceField(
        label=_("Interpretation into"),
        choices=_settings.LANGUAGES,
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
        queryset=_User.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(
        self,
        *args: Any,
        countries: list[_Country],
        session: _Session | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.countries = countries
        if session is not None:
            # The course of a scheduled session does not change.
            del self.fields["course"]
        self.fields["trainers"].queryset = (  # type: ignore[attr-defined]
            _User.objects.filter(role_assignments__role=_Role.TRAINER, is_active=True)
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
        if isinstance(deadline, _datetime) and zone_name:
            # The browser sends a wall-clock time: it is the session's, not the reader's.
            wall_clock = (
                _timezone.make_naive(deadline) if _timezone.is_aware(deadline) else deadline
            )
            data["nomination_deadline"] = _timezone.make_aware(
                wall_clock, _zoneinfo.ZoneInfo(zone_name)
            )
        return data

    def quotas(self) -> dict[_Country, int]:
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
    def initial_for(session: _Session) -> dict[str, Any]:
        zone = _zoneinfo.ZoneInfo(session.time_zone)
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
        initial["nomination_deadline"] = _timezone.localtime(
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
        choices=[("", _("Any status")), *_SessionStatus.choices],
    )
    track = forms.ChoiceField(
        label=_("Track"), required=False, choices=[("", _("All tracks")), *Track.choices]
    )
    course: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label=_("Course"),
        required=False,
        queryset=_Course.objects.order_by("code"),
        empty_label=_("All courses"),
    )


class CancelSessionForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for the cancellation"),
        max_length=2000,
        help_text=_("Sent to the nominees, their focal points and the trainers."),
        widget=forms.Textarea(attrs={"rows": 4, "dir": "auto"}),
    )


# --- nominations and selection ---
from typing import Any  # noqa: E402

from momentum.people.models import Profile  # noqa: E402
from momentum.training.models import Course  # noqa: E402

_ISOLATE, _END_ISOLATE = "\u2068", "\u2069"  # keep a name's own direction inside a label


class CandidateSearchForm(forms.Form):
    q = forms.CharField(
        label=_("Find an officer"),
        required=False,
        max_length=100,
        help_text=_("Part of a name, in Latin or Arabic script."),
    )


class RadioSelectWidget(forms.RadioSelect):
    """Radio buttons for the officers found; those not eligible are shown but disabled.

    Named so that its ``widget_type`` stays "radioselect": includes/form_fields.html then
    shows it as a fieldset with a legend, like any radio list."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.disabled_values: set[str] = set()

    def create_option(self, name: str, value: Any, *args: Any, **kwargs: Any) -> dict[str, Any]:
        option = super().create_option(name, value, *args, **kwargs)
        if str(value) in self.disabled_values:
            option["attrs"]["disabled"] = True
        return option


def candidate_label(profile: Profile, reason: str = "") -> str:
    names = [profile.user.full_name or profile.user.email]
    if profile.user.full_name_ar:
        names.append(profile.user.full_name_ar)
    label = _("%(names)s · %(rank_level)s") % {
        "names": " / ".join(f"{_ISOLATE}{name}{_END_ISOLATE}" for name in names),
        "rank_level": profile.get_rank_level_display(),
    }
    if reason:
        label = _("%(officer)s — not eligible: %(reason)s") % {"officer": label, "reason": reason}
    return label


class NominationForm(forms.Form):
    """The officer chosen among those found, and what the course asks of a nomination."""

    officer = forms.ModelChoiceField(
        label=_("Officer"),
        queryset=Profile.objects.all(),
        widget=RadioSelectWidget,
        error_messages={"required": _("Choose the officer you nominate.")},
    )
    justification = forms.CharField(
        label=_("Why this officer"),
        widget=forms.Textarea(attrs={"rows": 4, "dir": "auto"}),
        max_length=4000,
        help_text=_("Their role, and how the training will serve their work."),
    )
    motivation = forms.CharField(
        label=_("The officer's motivation statement"),
        widget=forms.Textarea(attrs={"rows": 6, "dir": "auto"}),
        max_length=8000,
    )
    supervisor_name = forms.CharField(
        label=_("Supervisor's name"), max_length=200, widget=forms.TextInput(attrs={"dir": "auto"})
    )
    supervisor_endorsement = forms.CharField(
        label=_("Supervisor's endorsement"),
        widget=forms.Textarea(attrs={"rows": 4, "dir": "auto"}),
        max_length=4000,
    )

    def __init__(
        self,
        *args: Any,
        course: Course,
        candidates: list[Profile],
        ineligible: dict[int, str],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        if not course.requires_motivation:
            del self.fields["motivation"]
        if not course.requires_endorsement:
            del self.fields["supervisor_name"]
            del self.fields["supervisor_endorsement"]
        # Only the officers found are offered (a country may have thousands); any officer id
        # is accepted, and the service refuses one of another country or already nominated.
        widget: RadioSelectWidget = self.fields["officer"].widget  # type: ignore[assignment]
        widget.choices = [
            (profile.pk, candidate_label(profile, ineligible.get(profile.pk, "")))
            for profile in candidates
        ]
        widget.disabled_values = {str(pk) for pk in ineligible}


class DecisionForm(forms.Form):
    """One decision of the selection board on one nomination."""

    SELECT, WAITLIST, DECLINE, WITHDRAW = "select", "waitlist", "decline", "withdraw"

    action = forms.ChoiceField(
        choices=[
            (SELECT, _("Select")),
            (WAITLIST, _("Waitlist")),
            (DECLINE, _("Decline")),
            (WITHDRAW, _("Withdraw")),
        ]
    )
    reason = forms.CharField(label=_("Reason"), required=False, max_length=2000)


class WithdrawForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), required=False, max_length=2000)


# --- attendance ---
from momentum.training.models import AttendanceMark as _AttendanceMark  # noqa: E402


class AttendanceMarkForm(forms.Form):
    """One tap on the attendance page: a participant's mark for a day."""

    nomination = forms.IntegerField(widget=forms.HiddenInput)
    day = forms.DateField(widget=forms.HiddenInput)
    mark = forms.ChoiceField(choices=_AttendanceMark.choices)


class AttendanceDayForm(forms.Form):
    """The "mark everyone present" action, for one day."""

    day = forms.DateField(widget=forms.HiddenInput)


# --- knowledge tests and analytics ---
from momentum.training.models import Question as _Question  # noqa: E402
from momentum.training.models import QuestionKind as _QuestionKind  # noqa: E402

_QUESTION_TEXT_LABELS = {
    "en": _("Question in English"),
    "fr": _("Question in French"),
    "ar": _("Question in Arabic"),
}
_ANSWER_TEXT_LABELS = {
    "en": _("Answer in English"),
    "fr": _("Answer in French"),
    "ar": _("Answer in Arabic"),
}


class QuestionForm(forms.Form):
    """A question of a course's test, its text in the three languages."""

    kind = forms.ChoiceField(
        label=_("Kind of question"), choices=_QuestionKind.choices, widget=forms.RadioSelect
    )
    true_is_correct = forms.TypedChoiceField(
        label=_("For a true-or-false question, the statement is"),
        choices=[("true", _("True")), ("false", _("False"))],
        coerce=lambda value: value == "true",
        empty_value=None,
        required=False,
        widget=forms.RadioSelect,
        help_text=_("Its two answers, true and false, are written for you in each language."),
    )
    is_active = forms.BooleanField(label=_("In use in tests"), required=False, initial=True)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        texts = {}
        for language in ("en", "fr", "ar"):
            texts[f"text_{language}"] = forms.CharField(
                label=_QUESTION_TEXT_LABELS[language],
                required=False,
                max_length=2000,
                widget=forms.Textarea(attrs={**_text_attrs(language), "rows": 2}),
            )
        texts["text_en"].help_text = _(
            "Write it in at least one language; a missing language shows another one."
        )
        # The texts first, then the kind and the rest.
        self.fields = {**texts, **self.fields}

    def texts(self) -> dict[str, str]:
        return {language: self.cleaned_data[f"text_{language}"] for language in ("ar", "fr", "en")}

    @staticmethod
    def initial_for(question: _Question) -> dict[str, Any]:
        initial: dict[str, Any] = {
            f"text_{language}": getattr(question, f"text_{language}") or ""
            for language in ("ar", "fr", "en")
        }
        initial["kind"] = question.kind
        initial["is_active"] = question.is_active
        if question.kind == _QuestionKind.TRUE_FALSE:
            true_choice = next(
                (choice for choice in question.choices.all() if choice.order == 1), None
            )
            if true_choice is not None:
                initial["true_is_correct"] = "true" if true_choice.is_correct else "false"
        return initial


class AnswerChoiceForm(forms.Form):
    """One answer of a single- or multiple-choice question."""

    id = forms.IntegerField(required=False, widget=forms.HiddenInput)
    is_correct = forms.BooleanField(label=_("This answer is correct"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        texts = {
            f"text_{language}": forms.CharField(
                label=_ANSWER_TEXT_LABELS[language],
                required=False,
                max_length=300,
                widget=forms.TextInput(attrs=_text_attrs(language)),
            )
            for language in ("en", "fr", "ar")
        }
        self.fields = {**texts, **self.fields}

    def is_blank(self) -> bool:
        data = getattr(self, "cleaned_data", {})
        return not any(data.get(f"text_{language}") for language in ("ar", "fr", "en"))


AnswerChoiceFormSet = forms.formset_factory(
    AnswerChoiceForm, extra=0, max_num=10, absolute_max=10, validate_max=True
)


class TakeTestForm(forms.Form):
    """A test on one page: a group of radio buttons (one answer) or of checkboxes (several
    answers) per question, in the reader's language."""

    def __init__(self, *args: Any, questions: list[_Question], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for number, question in enumerate(questions, start=1):
            choices = [(choice.pk, choice.text) for choice in question.choices.all()]
            label = _("%(number)s. %(question)s") % {"number": number, "question": question.text}
            field: forms.Field
            if question.kind == _QuestionKind.MULTIPLE:
                field = forms.TypedMultipleChoiceField(
                    label=label,
                    choices=choices,
                    coerce=int,
                    widget=forms.CheckboxSelectMultiple,
                    help_text=_("Select every correct answer."),
                    error_messages={"required": _("Select at least one answer.")},
                )
            else:
                field = forms.TypedChoiceField(
                    label=label,
                    choices=choices,
                    coerce=int,
                    widget=forms.RadioSelect,
                    error_messages={"required": _("Choose an answer.")},
                )
            self.fields[f"question_{question.pk}"] = field

    def answers(self) -> dict[int, list[int]]:
        answers: dict[int, list[int]] = {}
        for name, value in self.cleaned_data.items():
            question_pk = int(name.removeprefix("question_"))
            answers[question_pk] = list(value) if isinstance(value, list) else [value]
        return answers


# --- evaluations ---
_SATISFACTION_SCALE = [
    (5, _("5 — Very good")),
    (4, _("4 — Good")),
    (3, _("3 — Fair")),
    (2, _("2 — Poor")),
    (1, _("1 — Very poor")),
]
_APPLICATION_SCALE = [
    (5, _("5 — Very much")),
    (4, _("4 — Much")),
    (3, _("3 — Somewhat")),
    (2, _("2 — A little")),
    (1, _("1 — Not at all")),
]


class EvaluationForm(forms.Form):
    """The end-of-session evaluation or the follow-up survey: ratings from 1 to 5, comments."""

    def __init__(self, *args: Any, kind: str, **kwargs: Any) -> None:
        from momentum.training.models import EvaluationKind
        from momentum.training.services.evaluations import (
            MAX_COMMENT_LENGTH,
            QUESTION_LABELS,
            QUESTIONS,
        )

        super().__init__(*args, **kwargs)
        scale = _APPLICATION_SCALE if kind == EvaluationKind.FOLLOW_UP else _SATISFACTION_SCALE
        for question in QUESTIONS[kind]:
            self.fields[question] = forms.TypedChoiceField(
                label=QUESTION_LABELS[question],
                choices=scale,
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={"required": _("Choose a rating from 1 to 5.")},
            )
        self.fields["comments"] = forms.CharField(
            label=_("How do you apply what you learned? Give an example if you can.")
            if kind == EvaluationKind.FOLLOW_UP
            else _("Comments"),
            help_text=_("Optional. Do not write your name: your answers are anonymous."),
            required=False,
            max_length=MAX_COMMENT_LENGTH,
            widget=forms.Textarea(attrs={"rows": 5, "dir": "auto"}),
        )

    def ratings(self) -> dict[str, int]:
        return {name: value for name, value in self.cleaned_data.items() if name != "comments"}


# --- certificates, transcripts and exports ---
class RevokeCertificateForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for the revocation"),
        help_text=_("Kept in the audit log; not shown on the public verification page."),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3, "dir": "auto"}),
    )
