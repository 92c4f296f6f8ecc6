"""Forms of evaluations."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

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
