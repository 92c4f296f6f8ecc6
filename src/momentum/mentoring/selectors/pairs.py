"""Reads for the pair's work, always scoped to the reader.

Private meeting notes are read here only as the reader's own (``Prefetch`` filtered on the
author), so no page can show someone else's note by accident.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Max, Min, Prefetch, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from momentum.mentoring.models import (
    CheckIn,
    DevelopmentPlan,
    Meeting,
    MeetingNote,
    Milestone,
    Pairing,
    PairingStatus,
    PlanGoal,
)
from momentum.people.models import Role, User

PAIR_RELATED = (
    "cohort",
    "mentee__applicant__user",
    "mentee__country",
    "mentor__user",
)


def pairs_visible_to(user: Any) -> QuerySet[Pairing]:
    """Staff: every pair. The mentee and her mentor: their pair; the focal points of her
    country: its pairs. Once published (a proposed pair is staff's only)."""
    if not getattr(user, "is_authenticated", False):
        return Pairing.objects.none()
    if user.is_programme_staff:
        return Pairing.objects.all()
    visible = Q(mentee__applicant__user=user) | Q(mentor__user=user)
    countries = user.countries_for(Role.FOCAL_POINT)
    if countries:
        visible |= Q(mentee__country_id__in=countries)
    return Pairing.objects.filter(visible).exclude(status=PairingStatus.PROPOSED)


def get_pair_for(user: Any, pk: int) -> Pairing:
    """The pair, with what its page needs, or 404 outside the reader's scope."""
    pairing = (
        pairs_visible_to(user).select_related(*PAIR_RELATED, "plan__reviewed_by").filter(pk=pk)
    ).first()
    if pairing is None:
        raise Http404
    return pairing


def get_goal_for(user: Any, pk: int) -> PlanGoal:
    goal = (
        PlanGoal.objects.filter(plan__pairing__in=pairs_visible_to(user), pk=pk)
        .select_related(*(f"plan__pairing__{name}" for name in PAIR_RELATED))
        .first()
    )
    if goal is None:
        raise Http404
    return goal


def get_milestone_for(user: Any, pk: int) -> Milestone:
    milestone = (
        Milestone.objects.filter(goal__plan__pairing__in=pairs_visible_to(user), pk=pk)
        .select_related(*(f"goal__plan__pairing__{name}" for name in PAIR_RELATED))
        .first()
    )
    if milestone is None:
        raise Http404
    return milestone


def get_check_in_for(user: Any, pk: int) -> CheckIn:
    check_in = (
        CheckIn.objects.filter(pairing__in=pairs_visible_to(user), pk=pk)
        .select_related("respondent", *(f"pairing__{name}" for name in PAIR_RELATED))
        .first()
    )
    if check_in is None:
        raise Http404
    return check_in


def plan_of(pairing: Pairing) -> DevelopmentPlan | None:
    try:
        return pairing.plan
    except DevelopmentPlan.DoesNotExist:
        return None


def goals_of(plan: DevelopmentPlan | None) -> list[PlanGoal]:
    """The plan's goals with their milestones (two queries)."""
    if plan is None:
        return []
    return list(plan.goals.prefetch_related("milestones"))


def meetings_of(pairing: Pairing, reader: User) -> list[Meeting]:
    """The meeting log, newest first, each with ``own_notes``: the reader's private note on it
    (if any) and never anyone else's."""
    own_notes = Prefetch(
        "private_notes",
        queryset=MeetingNote.objects.filter(author=reader),
        to_attr="own_notes",
    )
    return list(
        pairing.meetings.select_related("logged_by")
        .prefetch_related(own_notes)
        .order_by("-held_on", "-pk")
    )


def check_ins_of(pairing: Pairing) -> list[CheckIn]:
    return list(pairing.check_ins.select_related("respondent").order_by("due_on", "pk"))


@dataclass(frozen=True)
class MeetingTotals:
    count: int
    minutes: int
    last_held_on: Any


def meeting_totals(meetings: list[Meeting]) -> MeetingTotals:
    return MeetingTotals(
        count=len(meetings),
        minutes=sum(meeting.duration_minutes for meeting in meetings),
        last_held_on=max((meeting.held_on for meeting in meetings), default=None),
    )


def mentees_of(user: User) -> QuerySet[Pairing]:
    """A mentor's active pairs, with the last meeting, the number of meetings and the next
    unanswered check-in of the mentor's (one query)."""
    today = timezone.localdate()
    return (
        Pairing.objects.filter(mentor__user=user, status=PairingStatus.ACTIVE)
        .select_related("cohort", "mentee__applicant__user", "mentee__country", "plan")
        .annotate(
            last_met_on=Max("meetings__held_on"),
            meetings_count=Count("meetings", distinct=True),
            check_in_due_on=Min(
                "check_ins__due_on",
                filter=Q(
                    check_ins__respondent=user,
                    check_ins__submitted_at__isnull=True,
                    check_ins__due_on__lte=today,
                ),
            ),
        )
        .order_by("cohort__starts_on", "mentee__applicant__user__family_name", "pk")
    )
