"""The governance app's forms. Each hands its cleaned data to one service."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from momentum.core.models import Country
from momentum.governance.models import (
    ActionStatus,
    AnswerChoice,
    ApprovalRoute,
    BoardMember,
    LinkKind,
    Majority,
    Meeting,
    MeetingFormat,
    MeetingKind,
    MemberSex,
    Minutes,
    QuorumRule,
    RecommendationSource,
    Response,
    Seat,
    VoteChoice,
)

_DATETIME = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
_DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
_LANGUAGES = [("ar", _("Arabic")), ("fr", _("French")), ("en", _("English"))]


class MemberForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address of the person (an existing account)"))
    country = forms.ModelChoiceField(Country.objects.active(), label=_("Country"))
    seat = forms.ChoiceField(choices=Seat.choices, label=_("Seat"))
    institution = forms.CharField(label=_("Institution"), max_length=200)
    function = forms.CharField(label=_("Function"), max_length=200, required=False)
    sex = forms.ChoiceField(choices=MemberSex.choices, label=_("Sex"))
    languages = forms.MultipleChoiceField(
        choices=_LANGUAGES,
        label=_("Languages"),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    term_start = forms.DateField(label=_("Term starts"), widget=_DATE)
    term_end = forms.DateField(label=_("Term ends"), widget=_DATE, required=False)
    nomination_letter = forms.FileField(label=_("Nomination letter"), required=False)

    def clean_email(self) -> Any:
        from momentum.people.models import User

        user = User.objects.filter(email__iexact=self.cleaned_data["email"]).first()
        if user is None:
            raise forms.ValidationError(_("No account has this address: invite the person first."))
        return user


class MeetingForm(forms.Form):
    kind = forms.ChoiceField(choices=MeetingKind.choices, label=_("Kind"))
    format = forms.ChoiceField(choices=MeetingFormat.choices, label=_("Format"))
    title_ar = forms.CharField(label=_("Title (Arabic)"), max_length=200, required=False)
    title_fr = forms.CharField(label=_("Title (French)"), max_length=200, required=False)
    title_en = forms.CharField(label=_("Title (English)"), max_length=200, required=False)
    starts_at = forms.DateTimeField(label=_("Starts"), widget=_DATETIME)
    ends_at = forms.DateTimeField(label=_("Ends"), widget=_DATETIME)
    location = forms.CharField(label=_("Place"), max_length=200, required=False)
    online_link = forms.URLField(
        assume_scheme="https", label=_("Online meeting link"), required=False
    )
    requested_by = forms.CharField(
        label=_("Written request (extraordinary meetings)"), widget=forms.Textarea, required=False
    )
    quorum_rule = forms.ChoiceField(choices=QuorumRule.choices, label=_("Quorum"))
    agenda_ar = forms.CharField(
        label=_("Agenda in Arabic, one item a line"), widget=forms.Textarea, required=False
    )
    agenda_fr = forms.CharField(
        label=_("Agenda in French, one item a line"), widget=forms.Textarea, required=False
    )
    agenda_en = forms.CharField(
        label=_("Agenda in English, one item a line"), widget=forms.Textarea, required=False
    )

    def agenda(self) -> list[dict[str, str]]:
        columns = {
            code: [line.strip() for line in self.cleaned_data[f"agenda_{code}"].splitlines()]
            for code in ("ar", "fr", "en")
        }
        count = max(len(lines) for lines in columns.values())
        items = []
        for index in range(count):
            item = {
                code: lines[index] if index < len(lines) else "" for code, lines in columns.items()
            }
            if any(item.values()):
                items.append(item)
        return items


class DocumentForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    language = forms.ChoiceField(
        choices=[("", "—"), *_LANGUAGES], label=_("Language"), required=False
    )
    file = forms.FileField(label=_("File"), required=False)
    url = forms.URLField(assume_scheme="https", label=_("Or a link"), required=False)


class InvitationAnswerForm(forms.Form):
    attending = forms.TypedChoiceField(
        choices=[("yes", _("I will attend")), ("no", _("I cannot attend"))],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        label=_("Your answer"),
    )
    proxy = forms.ModelChoiceField(
        BoardMember.objects.none(),
        required=False,
        label=_("Give my country's proxy to"),
        help_text=_("Your alternate or another member speaks and votes for your country."),
    )

    def __init__(self, *args: Any, proxies: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if proxies is not None:
            self.fields["proxy"].queryset = proxies  # type: ignore[attr-defined]


class AttendanceForm(forms.Form):
    country = forms.IntegerField(widget=forms.HiddenInput)
    status = forms.ChoiceField(choices=[], label=_("Attendance"))
    proxy = forms.ModelChoiceField(BoardMember.objects.none(), required=False, label=_("Proxy"))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        from momentum.governance.models import AttendanceStatus

        super().__init__(*args, **kwargs)
        self.fields["status"].choices = AttendanceStatus.choices  # type: ignore[attr-defined]
        self.fields["proxy"].queryset = BoardMember.objects.current().select_related(  # type: ignore[attr-defined]
            "user", "country"
        )


class MotionForm(forms.Form):
    text_ar = forms.CharField(label=_("Motion (Arabic)"), widget=forms.Textarea, required=False)
    text_fr = forms.CharField(label=_("Motion (French)"), widget=forms.Textarea, required=False)
    text_en = forms.CharField(label=_("Motion (English)"), widget=forms.Textarea, required=False)
    authoritative_language = forms.ChoiceField(
        choices=_LANGUAGES, label=_("Authoritative language")
    )
    majority = forms.ChoiceField(choices=Majority.choices, label=_("Majority"))
    closes_at = forms.DateTimeField(label=_("Vote closes"), widget=_DATETIME)


class VoteForm(forms.Form):
    choice = forms.ChoiceField(
        choices=VoteChoice.choices, widget=forms.RadioSelect, label=_("Your vote")
    )
    country: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        Country.objects.all(), required=False, widget=forms.HiddenInput
    )


class MinutesTextForm(forms.Form):
    text = forms.CharField(
        label=_("Text of the minutes"), widget=forms.Textarea(attrs={"rows": 16})
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


class CirculateForm(forms.Form):
    comments_due = forms.DateTimeField(label=_("Comments due"), widget=_DATETIME)
    version = forms.IntegerField(widget=forms.HiddenInput)


class MinutesCommentForm(forms.Form):
    text = forms.CharField(label=_("Your comment"), widget=forms.Textarea(attrs={"rows": 4}))


class ApproveMinutesForm(forms.Form):
    at_meeting = forms.ModelChoiceField(
        Meeting.objects.none(), label=_("Approved at the meeting"), required=True
    )
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args: Any, minutes: Minutes, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["at_meeting"].queryset = Meeting.objects.filter(  # type: ignore[attr-defined]
            starts_at__gt=minutes.meeting.starts_at
        ).exclude(status="cancelled")

    route = ApprovalRoute.MEETING


class ProcedureForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    question = forms.CharField(label=_("Question or draft put to the board"), widget=forms.Textarea)
    link = forms.URLField(
        assume_scheme="https",
        label=_("Link to the record (report, toolkit chapter, plan)"),
        required=False,
    )
    document = forms.FileField(label=_("Document"), required=False)
    deadline = forms.DateTimeField(label=_("Deadline"), widget=_DATETIME)
    silence = forms.BooleanField(
        label=_("Silence procedure: adopted unless a member objects by the deadline"),
        required=False,
    )
    minutes = forms.ModelChoiceField(
        Minutes.objects.exclude(status__in=["approved", "published"]).select_related("meeting"),
        required=False,
        label=_("Minutes to approve (optional)"),
    )


class AnswerForm(forms.Form):
    choice = forms.ChoiceField(
        choices=AnswerChoice.choices, widget=forms.RadioSelect, label=_("Your answer")
    )
    text = forms.CharField(
        label=_("Reason or comment"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        help_text=_("Required when you object or comment."),
    )


class RecommendationForm(forms.Form):
    text = forms.CharField(label=_("Recommendation"), widget=forms.Textarea)
    source = forms.ChoiceField(choices=RecommendationSource.choices, label=_("Source"))
    meeting = forms.ModelChoiceField(Meeting.objects.all(), required=False, label=_("Meeting"))
    countries = forms.ModelMultipleChoiceField(
        Country.objects.active(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("Countries concerned (none: the whole region)"),
    )


class ResponseForm(forms.Form):
    response = forms.ChoiceField(
        choices=[c for c in Response.choices if c[0] != Response.PENDING], label=_("Response")
    )
    reason = forms.CharField(
        label=_("Reason"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    version = forms.IntegerField(widget=forms.HiddenInput)


class ActionForm(forms.Form):
    description = forms.CharField(label=_("Action"), widget=forms.Textarea(attrs={"rows": 2}))
    owner = forms.CharField(label=_("Owner"), max_length=200)
    due_on = forms.DateField(label=_("Due"), widget=_DATE)


class ActionUpdateForm(forms.Form):
    status = forms.ChoiceField(choices=ActionStatus.choices, label=_("Status"))
    progress = forms.IntegerField(label=_("Progress (%)"), min_value=0, max_value=100)


class LinkForm(forms.Form):
    kind = forms.ChoiceField(choices=LinkKind.choices, label=_("Kind"))
    label = forms.CharField(label=_("Label"), max_length=200)
    url = forms.CharField(label=_("Address"), max_length=500)


class ReportBackForm(forms.Form):
    meeting = forms.ModelChoiceField(Meeting.objects.all(), label=_("Reported back at"))
