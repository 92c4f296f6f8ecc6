"""Forms for the pair's work: the plan, goals and milestones, meetings and check-ins. The
services check everything again; the forms give the browser its limits and labels."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from momentum.mentoring.models import GoalStatus, MeetingMode
from momentum.mentoring.services.pairs import MAX_MEETING_MINUTES, MIN_MEETING_MINUTES

SCORES = [(score, str(score)) for score in range(1, 6)]


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self) -> None:
        super().__init__(format="%Y-%m-%d")


def _auto(widget: forms.Widget) -> forms.Widget:
    widget.attrs["dir"] = "auto"
    return widget


class PlanSummaryForm(forms.Form):
    summary = forms.CharField(
        label=_("What the mentee wants to achieve"),
        required=False,
        widget=_auto(forms.Textarea(attrs={"rows": 5})),
    )
    version = forms.IntegerField(widget=forms.HiddenInput)


class GoalForm(forms.Form):
    title = forms.CharField(label=_("Goal"), max_length=200, widget=_auto(forms.TextInput()))
    measure = forms.CharField(
        label=_("How success is measured"),
        required=False,
        widget=_auto(forms.Textarea(attrs={"rows": 3})),
    )
    target_date = forms.DateField(label=_("Target date"), required=False, widget=DateInput())
    status = forms.ChoiceField(
        label=_("Status"), choices=GoalStatus.choices, initial=GoalStatus.NOT_STARTED
    )
    evidence = forms.CharField(
        label=_("Evidence"),
        required=False,
        help_text=_("What shows the progress made: needed once the goal is achieved."),
        widget=_auto(forms.Textarea(attrs={"rows": 3})),
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


class MilestoneForm(forms.Form):
    title = forms.CharField(label=_("Milestone"), max_length=200, widget=_auto(forms.TextInput()))
    due_on = forms.DateField(label=_("Due on"), required=False, widget=DateInput())
    done_on = forms.DateField(
        label=_("Done on"),
        required=False,
        widget=DateInput(),
        help_text=_("Leave empty until the milestone is reached."),
    )
    goal_version = forms.IntegerField(widget=forms.HiddenInput)


class MeetingForm(forms.Form):
    held_on = forms.DateField(label=_("Date of the meeting"), widget=DateInput())
    duration_minutes = forms.IntegerField(
        label=_("Duration in minutes"),
        min_value=MIN_MEETING_MINUTES,
        max_value=MAX_MEETING_MINUTES,
    )
    mode = forms.ChoiceField(label=_("How you met"), choices=MeetingMode.choices)
    topics = forms.CharField(label=_("Topics"), widget=_auto(forms.Textarea(attrs={"rows": 4})))
    next_steps = forms.CharField(
        label=_("Next steps"), required=False, widget=_auto(forms.Textarea(attrs={"rows": 3}))
    )
    private_note = forms.CharField(
        label=_("Private note"),
        required=False,
        help_text=_(
            "Only you will ever see this note: not the other side of the pair, not the "
            "programme staff."
        ),
        widget=_auto(forms.Textarea(attrs={"rows": 3})),
    )


class CheckInForm(forms.Form):
    satisfaction = forms.TypedChoiceField(
        label=_("How satisfied are you with the mentoring? (1: not at all, 5: very)"),
        choices=SCORES,
        coerce=int,
        widget=forms.RadioSelect,
    )
    progress = forms.TypedChoiceField(
        label=_("How much progress towards the goals? (1: none, 5: a great deal)"),
        choices=SCORES,
        coerce=int,
        widget=forms.RadioSelect,
    )
    comment = forms.CharField(
        label=_("Comment"),
        required=False,
        help_text=_("Read by the programme staff only."),
        widget=_auto(forms.Textarea(attrs={"rows": 4})),
    )
