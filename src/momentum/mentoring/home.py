"""What waits for each person in the mentoring programme, on their home page.

One or two queries per role (the officer's offers and check-ins, the focal point's applications,
the panel's queue, the mentor's pairs, staff's pairs at risk), and links only to pages the
person may open.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _

from momentum.core.home import NextStep, register
from momentum.mentoring.models import (
    Application,
    ApplicationStatus,
    CheckIn,
    Cohort,
    CohortStatus,
    PairingStatus,
)
from momentum.mentoring.rules import sits_on_a_panel
from momentum.mentoring.selectors.health import at_risk_pairs
from momentum.mentoring.selectors.pairs import mentees_of
from momentum.mentoring.services.selection import SCORING_STAGES
from momentum.people.models import Role

# Staff look at the running cohorts; there are one or two at a time.
RUNNING_COHORTS_SHOWN = 3
PAIRS_SHOWN = 10


def _officer_steps(user: Any) -> list[NextStep]:
    """Offers to answer and check-ins due: two queries."""
    steps: list[NextStep] = []
    offers = Application.objects.filter(
        applicant__user=user, status=ApplicationStatus.OFFERED
    ).select_related("cohort")[:5]
    for application in offers:
        steps.append(
            NextStep(
                _("You are offered a place in %(cohort)s: accept or decline it.")
                % {"cohort": application.cohort.name},
                reverse("mentoring:application", args=[application.pk]),
                priority=5,
                app="mentoring",
            )
        )
    check_ins = CheckIn.objects.filter(
        respondent=user,
        submitted_at__isnull=True,
        due_on__lte=timezone.localdate(),
        pairing__status=PairingStatus.ACTIVE,
        pairing__mentee__applicant__user=user,
    ).order_by("due_on")[:3]
    for check_in in check_ins:
        steps.append(
            NextStep(
                _("Your mentoring check-in of %(day)s is waiting for your answers.")
                % {"day": date_format(check_in.due_on)},
                reverse("mentoring:check_in", args=[check_in.pk]),
                priority=15,
                app="mentoring",
            )
        )
    return steps


def _focal_point_steps(user: Any) -> list[NextStep]:
    """Her countries' applications waiting for her endorsement, and offers not yet answered:
    two queries (the counts by cohort, the cohorts' names in the reader's language)."""
    countries = user.countries_for(Role.FOCAL_POINT)
    if not countries:
        return []
    rows = list(
        Application.objects.filter(
            country_id__in=countries,
            status__in=[ApplicationStatus.SUPERVISOR_ENDORSED, ApplicationStatus.OFFERED],
        )
        .exclude(cohort__status=CohortStatus.DRAFT)
        .values("cohort_id", "status")
        .annotate(count=Count("pk"))
        .order_by("cohort_id", "status")
    )
    if not rows:
        return []
    cohorts = Cohort.objects.in_bulk({row["cohort_id"] for row in rows})
    steps = []
    for row in rows:
        count = row["count"]
        if row["status"] == ApplicationStatus.SUPERVISOR_ENDORSED:
            text = ngettext(
                "%(count)s application to %(cohort)s waits for your national endorsement.",
                "%(count)s applications to %(cohort)s wait for your national endorsement.",
                count,
            )
            priority = 10
        else:
            text = ngettext(
                "%(count)s officer of your country has not yet answered her offer in %(cohort)s.",
                "%(count)s officers of your country have not yet answered their offer in "
                "%(cohort)s.",
                count,
            )
            priority = 40
        steps.append(
            NextStep(
                text % {"count": count, "cohort": cohorts[row["cohort_id"]].name},
                reverse("mentoring:cohort", args=[row["cohort_id"]]),
                count=count,
                priority=priority,
                app="mentoring",
            )
        )
    return steps


def _panel_steps(user: Any) -> list[NextStep]:
    """The panels she sits on while scoring is open, with what is left for her to score: one
    query, after the one (cached on the user, shared with the menu's check) that asks whether
    she sits on any panel."""
    if not sits_on_a_panel(user):
        return []
    cohorts = (
        Cohort.objects.filter(panel=user, status__in=SCORING_STAGES)
        .annotate(
            with_panel=Count(
                "applications",
                filter=Q(applications__status=ApplicationStatus.ENDORSED),
                distinct=True,
            ),
            reviewed=Count(
                "applications__reviews",
                filter=Q(
                    applications__status=ApplicationStatus.ENDORSED,
                    applications__reviews__panelist=user,
                ),
                distinct=True,
            ),
        )
        .order_by("pk")[:5]
    )
    steps = []
    for cohort in cohorts:
        left = max(cohort.with_panel - cohort.reviewed, 0)  # type: ignore[attr-defined]
        if left:
            text = ngettext(
                "Your selection panel for %(cohort)s: %(count)s application is left to score.",
                "Your selection panel for %(cohort)s: %(count)s applications are left to score.",
                left,
            ) % {"cohort": cohort.name, "count": left}
        else:
            text = _("Your selection panel for %(cohort)s: you have scored every application.") % {
                "cohort": cohort.name
            }
        steps.append(
            NextStep(
                text,
                reverse("mentoring:panel", args=[cohort.pk]),
                count=left,
                priority=10 if left else 60,
                app="mentoring",
            )
        )
    return steps


def _mentor_steps(user: Any) -> list[NextStep]:
    """Her mentees, each with the next thing to do: one query."""
    language = get_language()
    steps = []
    for pairing in mentees_of(user)[:PAIRS_SHOWN]:
        name = pairing.mentee.applicant.user.display_name(language)
        url = reverse("mentoring:pair", args=[pairing.pk])
        due = pairing.check_in_due_on  # type: ignore[attr-defined]
        if due is not None:
            text = _("Your check-in on the pair with %(name)s was due on %(day)s.") % {
                "name": name,
                "day": date_format(due),
            }
            steps.append(NextStep(text, url, priority=15, app="mentoring"))
        last = pairing.last_met_on  # type: ignore[attr-defined]
        if last is None:
            text = _("Meet %(name)s, your mentee, and log your first meeting.") % {"name": name}
        else:
            text = _("Your mentee %(name)s: last met on %(day)s. Log your next meeting.") % {
                "name": name,
                "day": date_format(last),
            }
        steps.append(NextStep(text, url, priority=35, app="mentoring"))
    return steps


def _staff_steps(user: Any) -> list[NextStep]:
    """Pairs at risk in the running cohorts: one query for the cohorts, one count each."""
    steps = []
    cohorts = Cohort.objects.filter(status=CohortStatus.RUNNING).order_by("-starts_on", "pk")
    for cohort in cohorts[:RUNNING_COHORTS_SHOWN]:
        count = at_risk_pairs(cohort).count()
        if count:
            steps.append(
                NextStep(
                    ngettext(
                        "%(count)s mentoring pair is at risk in %(cohort)s.",
                        "%(count)s mentoring pairs are at risk in %(cohort)s.",
                        count,
                    )
                    % {"count": count, "cohort": cohort.name},
                    reverse("mentoring:cohort_health", args=[cohort.pk]),
                    count=count,
                    priority=20,
                    app="mentoring",
                )
            )
    return steps


@register
def mentoring_steps(user: Any) -> list[NextStep]:
    steps: list[NextStep] = []
    roles = user.roles
    if Role.OFFICER in roles:
        steps += _officer_steps(user)
    if user.is_programme_staff:
        steps += _staff_steps(user)
    elif user.countries_for(Role.FOCAL_POINT):
        steps += _focal_point_steps(user)
    steps += _panel_steps(user)
    if Role.MENTOR in roles:
        steps += _mentor_steps(user)
    return steps
