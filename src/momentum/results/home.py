"""What waits on the home page: the logframe and values to approve (staff), values to enter or
correct (focal points), the latest report and the dashboard (the donor and the board)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from momentum.core.home import NextStep, register

if TYPE_CHECKING:
    from momentum.people.models import User


@register
def results_steps(user: User) -> list[NextStep]:
    from momentum.people.models import Role
    from momentum.results.models import (
        Logframe,
        LogframeStatus,
        Period,
        PeriodStatus,
        ReportedValue,
        ValueStatus,
    )

    if not user.has_perm("results.view_results"):
        return []
    steps: list[NextStep] = []
    if user.is_programme_staff:
        submitted = Logframe.objects.filter(status=LogframeStatus.SUBMITTED).first()
        if submitted is not None and user.has_perm("results.approve_logframe", submitted):
            steps.append(
                NextStep(
                    _("The logframe was submitted: approve it or return it with a comment."),
                    reverse("results:logframe"),
                    priority=15,
                    app="results",
                )
            )
        waiting = (
            ReportedValue.objects.filter(status=ValueStatus.SUBMITTED)
            .exclude(submitted_by=user)
            .count()
        )
        if waiting:
            steps.append(
                NextStep(
                    ngettext(
                        "%(count)d reported value is waiting for your approval.",
                        "%(count)d reported values are waiting for your approval.",
                        waiting,
                    )
                    % {"count": waiting},
                    reverse("results:values"),
                    count=waiting,
                    priority=20,
                    app="results",
                )
            )
    countries = user.countries_for(Role.FOCAL_POINT)
    if countries:
        to_do = ReportedValue.objects.filter(
            country_id__in=countries,
            status__in=(ValueStatus.DRAFT, ValueStatus.RETURNED),
            period__status=PeriodStatus.OPEN,
        ).count()
        if to_do:
            steps.append(
                NextStep(
                    ngettext(
                        "%(count)d value of your country is to be completed and submitted.",
                        "%(count)d values of your country are to be completed and submitted.",
                        to_do,
                    )
                    % {"count": to_do},
                    reverse("results:values"),
                    count=to_do,
                    priority=30,
                    app="results",
                )
            )
    if {Role.DONOR, Role.BOARD_MEMBER} & user.roles:
        latest = Period.objects.filter(status=PeriodStatus.CLOSED).order_by("-ends_on").first()
        if latest is not None:
            steps.append(
                NextStep(
                    _("The report for %(period)s is ready: see the results dashboard.")
                    % {"period": latest.name},
                    reverse("results:dashboard") + f"?period={latest.pk}",
                    priority=40,
                    app="results",
                )
            )
        steps.append(
            NextStep(
                _("See what the programme achieves, by sex and by country."),
                reverse("results:dashboard"),
                priority=60,
                app="results",
            )
        )
    return steps
