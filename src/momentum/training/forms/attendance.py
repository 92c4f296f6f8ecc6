"""Forms of attendance."""

from __future__ import annotations

from django import forms

from momentum.training.models import (
    AttendanceMark,
)


class AttendanceMarkForm(forms.Form):
    """One tap on the attendance page: a participant's mark for a day."""

    nomination = forms.IntegerField(widget=forms.HiddenInput)
    day = forms.DateField(widget=forms.HiddenInput)
    mark = forms.ChoiceField(choices=AttendanceMark.choices)


class AttendanceDayForm(forms.Form):
    """The "mark everyone present" action, for one day."""

    day = forms.DateField(widget=forms.HiddenInput)
