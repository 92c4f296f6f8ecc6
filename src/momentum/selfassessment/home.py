"""What waits on the home page: the working group's dimensions to rate and actions due; the
focal point's and staff's cycles under way."""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from momentum.core import home

if TYPE_CHECKING:
    from momentum.people.models import User


@home.register
def next_steps(user: User) -> list[home.NextStep]:
    from momentum.selfassessment.models import Action, ActionStatus, Cycle, CycleStatus, Dimension
    from momentum.selfassessment.rules import in_a_working_group

    steps: list[home.NextStep] = []
    if in_a_working_group(user):
        dimensions = Dimension.objects.count()
        cycles = (
            Cycle.objects.filter(Q(lead=user) | Q(members=user))
            .exclude(status=CycleStatus.COMPLETED)
            .select_related("agency")
            .annotate(rated=Count("ratings", distinct=True))
            .distinct()
        )
        for cycle in cycles:
            left = dimensions - cycle.rated
            steps.append(
                home.NextStep(
                    ngettext(
                        "The gender self-assessment of %(agency)s: %(count)s dimension to rate.",
                        "The gender self-assessment of %(agency)s: %(count)s dimensions to rate.",
                        left,
                    )
                    % {"agency": cycle.agency.name, "count": left},
                    reverse("selfassessment:cycle", args=[cycle.pk]),
                    count=left,
                    priority=40,
                    app="selfassessment",
                )
            )
        soon = timezone.localdate() + timedelta(days=14)
        due = (
            Action.objects.filter(
                Q(cycle__lead=user) | Q(cycle__members=user),
                status__in=[ActionStatus.PLANNED, ActionStatus.IN_PROGRESS],
                due_on__lte=soon,
            )
            .values("cycle_id")
            .annotate(n=Count("pk", distinct=True))
            .order_by()
        )
        for row in due:
            steps.append(
                home.NextStep(
                    ngettext(
                        "%(count)s action of your gender action plan is due within two weeks.",
                        "%(count)s actions of your gender action plan are due within two weeks.",
                        row["n"],
                    )
                    % {"count": row["n"]},
                    reverse("selfassessment:actions", args=[row["cycle_id"]]),
                    count=row["n"],
                    priority=30,
                    app="selfassessment",
                )
            )
    if user.has_perm("selfassessment.invite"):
        running = Cycle.objects.visible_to(user).exclude(status=CycleStatus.COMPLETED).count()
        if running:
            steps.append(
                home.NextStep(
                    ngettext(
                        "%(count)s gender self-assessment is under way.",
                        "%(count)s gender self-assessments are under way.",
                        running,
                    )
                    % {"count": running},
                    reverse("selfassessment:cycles"),
                    count=running,
                    priority=80,
                    app="selfassessment",
                )
            )
    elif user.has_perm("selfassessment.view_overview"):
        steps.append(
            home.NextStep(
                _("See how the agencies assess themselves on gender, across the programme."),
                reverse("selfassessment:overview"),
                priority=90,
                app="selfassessment",
            )
        )
    return steps
