"""What waits on the home page: each participant's place on a running or coming exercise (her
site, shift, role, and the documents to read), the console for controllers."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import Count
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from momentum.core import home

if TYPE_CHECKING:
    from momentum.people.models import User


@home.register
def next_steps(user: User) -> list[home.NextStep]:
    from momentum.exercise.models import ExerciseStatus, Member, PhaseDocument, TeamRole
    from momentum.exercise.rules import is_on_an_exercise

    if not is_on_an_exercise(user):
        return []
    members = list(
        Member.objects.filter(user=user)
        .exclude(exercise__status=ExerciseStatus.CLOSED)
        .select_related("exercise", "site", "shift")
    )
    documents = dict(
        PhaseDocument.objects.filter(phase__exercise__in={m.exercise_id for m in members})
        .values_list("phase__exercise_id")
        .annotate(n=Count("pk"))
        .order_by()
    )
    steps: list[home.NextStep] = []
    for member in members:
        exercise = member.exercise
        count = documents.get(exercise.pk, 0)
        if member.site is not None and member.shift is not None:
            text = ngettext(
                "%(exercise)s: you are %(role)s at %(site)s, shift %(shift)s from %(when)s; "
                "%(count)s document to read.",
                "%(exercise)s: you are %(role)s at %(site)s, shift %(shift)s from %(when)s; "
                "%(count)s documents to read.",
                count,
            ) % {
                "exercise": exercise.title,
                "role": member.get_role_display(),
                "site": member.site.name,
                "shift": member.shift.name,
                "when": date_format(localtime(member.shift.starts_at), "SHORT_DATETIME_FORMAT"),
                "count": count,
            }
            url = reverse("exercise:site", args=[member.site.pk])
        else:
            text = ngettext(
                "%(exercise)s: you are %(role)s on the INTERPOL team; %(count)s document to read.",
                "%(exercise)s: you are %(role)s on the INTERPOL team; %(count)s documents to read.",
                count,
            ) % {"exercise": exercise.title, "role": member.get_role_display(), "count": count}
            url = reverse("exercise:detail", args=[exercise.pk])
        steps.append(home.NextStep(text, url, priority=35, app="exercise"))
        if member.role == TeamRole.CONTROLLER and exercise.status == ExerciseStatus.RUNNING:
            steps.append(
                home.NextStep(
                    _("%(exercise)s is running: open the controller console.")
                    % {"exercise": exercise.title},
                    reverse("exercise:console", args=[exercise.pk]),
                    priority=20,
                    app="exercise",
                )
            )
        if member.role == TeamRole.EVALUATOR and exercise.status == ExerciseStatus.RUNNING:
            steps.append(
                home.NextStep(
                    _("%(exercise)s is running: record your observations.")
                    % {"exercise": exercise.title},
                    reverse("exercise:observe", args=[exercise.pk]),
                    priority=25,
                    app="exercise",
                )
            )
    return steps
