"""Forms for the panel and the selection: a panel member's review against the rubric, staff's
decisions on the selection board, and the applicant's answer to her offer."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from momentum.mentoring.models import Review, RubricCriterion
from momentum.mentoring.services.selection import criterion_field


class ReviewForm(forms.Form):
    """A score from 0 to the criterion's highest for each criterion of the cohort's rubric,
    a comment, or a declared conflict of interest (described; then no score is kept)."""

    conflict_of_interest = forms.BooleanField(
        label=_("I have a conflict of interest with this applicant"),
        required=False,
        help_text=_("Then you give no scores; describe the conflict for the programme staff."),
    )
    conflict_note = forms.CharField(
        label=_("The conflict of interest"),
        required=False,
        widget=forms.Textarea(attrs={"rows": "3", "dir": "auto"}),
    )
    comment = forms.CharField(
        label=_("Comment for the panel and staff"),
        required=False,
        widget=forms.Textarea(attrs={"rows": "4", "dir": "auto"}),
    )

    def __init__(
        self,
        *args: Any,
        criteria: list[RubricCriterion],
        review: Review | None = None,
        **kwargs: Any,
    ) -> None:
        if review is not None and "initial" not in kwargs:
            kwargs["initial"] = self.initial_for(review)
        super().__init__(*args, **kwargs)
        self.criteria = criteria
        score_fields = {}
        for criterion in criteria:
            score_fields[criterion_field(criterion.pk)] = forms.IntegerField(
                label=_("%(criterion)s (from 0 to %(max)s)")
                % {"criterion": criterion.name, "max": criterion.max_score},
                required=False,
                help_text=criterion.guidance,
                widget=forms.NumberInput(
                    attrs={"min": "0", "max": str(criterion.max_score), "step": "1"}
                ),
                error_messages={
                    "invalid": _("Give the score as a whole number."),
                },
            )
        # The rubric first, then the comment and the conflict of interest.
        self.fields = {**score_fields, **self.fields}

    @staticmethod
    def initial_for(review: Review) -> dict[str, Any]:
        initial: dict[str, Any] = {
            "conflict_of_interest": review.conflict_of_interest,
            "conflict_note": review.conflict_note,
            "comment": review.comment,
        }
        for score in review.scores.all():
            initial[criterion_field(score.criterion_id)] = score.score
        return initial

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        conflict = cleaned.get("conflict_of_interest")
        if conflict:
            if not (cleaned.get("conflict_note") or "").strip():
                self.add_error("conflict_note", _("Describe the conflict of interest."))
            return cleaned
        for criterion in self.criteria:
            name = criterion_field(criterion.pk)
            if name in self.errors:
                continue
            value = cleaned.get(name)
            if value is None:
                self.add_error(
                    name, _("Give a score for “%(criterion)s”.") % {"criterion": criterion.name}
                )
            elif not 0 <= value <= criterion.max_score:
                self.add_error(
                    name,
                    _("The score for “%(criterion)s” must be a whole number from 0 to %(max)s.")
                    % {"criterion": criterion.name, "max": criterion.max_score},
                )
        return cleaned

    def service_arguments(self) -> dict[str, Any]:
        conflict = bool(self.cleaned_data.get("conflict_of_interest"))
        scores = (
            {}
            if conflict
            else {
                criterion.pk: self.cleaned_data[criterion_field(criterion.pk)]
                for criterion in self.criteria
            }
        )
        return {
            "scores": scores,
            "comment": self.cleaned_data.get("comment") or "",
            "conflict_of_interest": conflict,
            "conflict_note": self.cleaned_data.get("conflict_note") or "",
        }

    def score_fields(self) -> list[forms.BoundField]:
        return [self[criterion_field(criterion.pk)] for criterion in self.criteria]


class NotSelectedForm(forms.Form):
    reason = forms.CharField(
        label=_("Why the application is not selected (she reads it)"),
        widget=forms.Textarea(attrs={"rows": "2", "dir": "auto"}),
        error_messages={"required": _("Say why the application is not selected.")},
    )


class OfferTopForm(forms.Form):
    per_country = forms.IntegerField(
        label=_("Places to offer per country"),
        required=False,
        min_value=1,
        help_text=_("Leave empty to fill every free place of each country."),
        error_messages={
            "min_value": _("Offer at least one place."),
            "invalid": _("Give a whole number."),
        },
    )


class RespondForm(forms.Form):
    ACCEPT = "accept"
    DECLINE = "decline"

    answer = forms.ChoiceField(
        label=_("Your answer"),
        choices=[(ACCEPT, _("I accept the place")), (DECLINE, _("I decline the place"))],
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose whether you accept the place.")},
    )
    reason = forms.CharField(
        label=_("Why you decline (optional)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": "2", "dir": "auto"}),
    )
