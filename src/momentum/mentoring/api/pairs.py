"""The API of the pairs' work: the caller's pairs (the mentee's, the mentor's; her country's
for a focal point; all for staff) with the plan's goals and milestones, the meeting log and the
check-ins; and logging a meeting through the same service as the page.

As on the pair page: a meeting's topics and next steps go to the two sides and staff only (a
focal point reads dates, durations and modes); a check-in's answers to the person who gave
them and to staff only; private meeting notes are never read here, not even the caller's own.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as RefusalError
from django.db.models import Prefetch, QuerySet
from django.http import HttpRequest
from ninja import Field, Router, Schema, Status
from ninja.pagination import PageNumberPagination, paginate

from momentum.mentoring.api.applications import RefusalOut
from momentum.mentoring.models import CheckIn, Meeting, Pairing, PlanGoal
from momentum.mentoring.selectors.pairs import (
    PAIR_RELATED,
    get_pair_for,
    pairs_visible_to,
    plan_of,
)
from momentum.mentoring.services import pairs as services

router = Router(tags=["mentoring"])


class PersonOut(Schema):
    given_name: str
    family_name: str
    given_name_ar: str
    family_name_ar: str


class MenteeOut(PersonOut):
    application: int
    country: str


class MentorOut(PersonOut):
    id: int
    kind: str


class MilestoneOut(Schema):
    id: int
    title: str
    due_on: date | None
    done_on: date | None


class GoalOut(Schema):
    id: int
    title: str
    measure: str
    target_date: date | None
    status: str
    evidence: str
    milestones: list[MilestoneOut]


class PlanOut(Schema):
    summary: str
    reviewed_at: datetime | None
    goals: list[GoalOut]


class MeetingOut(Schema):
    id: int
    held_on: date
    duration_minutes: int
    mode: str
    topics: str | None = Field(None, description="The two sides and staff only")
    next_steps: str | None = Field(None, description="The two sides and staff only")
    logged_by_mentor: bool


class CheckInOut(Schema):
    id: int
    respondent: str = Field(..., description="mentee or mentor")
    due_on: date
    submitted_at: datetime | None
    satisfaction: int | None = Field(None, description="Its respondent and staff only")
    progress: int | None = Field(None, description="Its respondent and staff only")
    comment: str | None = Field(None, description="Its respondent and staff only")


class PairOut(Schema):
    id: int
    cohort: int
    cohort_name: str
    status: str
    status_label: str
    mentee: MenteeOut
    mentor: MentorOut
    published_at: datetime | None
    ended_at: datetime | None
    score: Decimal | None = Field(None, description="The matching score: staff only")
    plan: PlanOut | None
    meetings: list[MeetingOut]
    check_ins: list[CheckInOut]


class MeetingIn(Schema):
    held_on: date
    duration_minutes: int
    mode: str
    topics: str
    next_steps: str = ""
    private_note: str = Field(
        "", description="Kept for you alone: never shown to anyone else, never returned"
    )


def _person(user: Any) -> dict[str, str]:
    return {
        "given_name": user.given_name,
        "family_name": user.family_name,
        "given_name_ar": user.given_name_ar,
        "family_name_ar": user.family_name_ar,
    }


def _meeting_out(meeting: Meeting, pairing: Pairing, conversation: bool) -> dict[str, Any]:
    return {
        "id": meeting.pk,
        "held_on": meeting.held_on,
        "duration_minutes": meeting.duration_minutes,
        "mode": meeting.mode,
        "topics": meeting.topics if conversation else None,
        "next_steps": meeting.next_steps if conversation else None,
        "logged_by_mentor": meeting.logged_by_id == pairing.mentor.user_id,
    }


def _pair_out(pairing: Pairing, user: Any) -> dict[str, Any]:
    staff = bool(user.is_programme_staff)
    mentee_user = pairing.mentee.applicant.user
    mentor_user = pairing.mentor.user
    conversation = staff or user.pk in (mentee_user.pk, mentor_user.pk)
    plan = plan_of(pairing)
    check_ins: list[CheckIn] = list(pairing.check_ins.all())
    return {
        "id": pairing.pk,
        "cohort": pairing.cohort_id,
        "cohort_name": str(pairing.cohort.name),
        "status": pairing.status,
        "status_label": str(pairing.get_status_display()),
        "mentee": {
            "application": pairing.mentee_id,
            "country": pairing.mentee.country.code,
            **_person(mentee_user),
        },
        "mentor": {"id": pairing.mentor_id, "kind": pairing.mentor.kind, **_person(mentor_user)},
        "published_at": pairing.published_at,
        "ended_at": pairing.ended_at,
        "score": pairing.score if staff else None,
        "plan": None
        if plan is None
        else {
            "summary": plan.summary,
            "reviewed_at": plan.reviewed_at,
            "goals": [
                {
                    "id": goal.pk,
                    "title": goal.title,
                    "measure": goal.measure,
                    "target_date": goal.target_date,
                    "status": goal.status,
                    "evidence": goal.evidence,
                    "milestones": [
                        {
                            "id": milestone.pk,
                            "title": milestone.title,
                            "due_on": milestone.due_on,
                            "done_on": milestone.done_on,
                        }
                        for milestone in goal.milestones.all()
                    ],
                }
                for goal in plan.goals.all()
            ],
        },
        "meetings": [
            _meeting_out(meeting, pairing, conversation) for meeting in pairing.meetings.all()
        ],
        "check_ins": [
            {
                "id": item.pk,
                "respondent": "mentor" if item.respondent_id == mentor_user.pk else "mentee",
                "due_on": item.due_on,
                "submitted_at": item.submitted_at,
                **(
                    {
                        "satisfaction": item.satisfaction,
                        "progress": item.progress,
                        "comment": item.comment,
                    }
                    if staff or item.respondent_id == user.pk
                    else {}
                ),
            }
            for item in check_ins
        ],
    }


def _with_work(queryset: QuerySet[Pairing]) -> QuerySet[Pairing]:
    """The pairs with their plan, goals, milestones, meetings and check-ins: five queries
    however many pairs (the private notes are not read)."""
    return queryset.select_related(*PAIR_RELATED, "plan").prefetch_related(
        Prefetch("plan__goals", queryset=PlanGoal.objects.order_by("order", "pk")),
        "plan__goals__milestones",
        Prefetch("meetings", queryset=Meeting.objects.order_by("-held_on", "-pk")),
        Prefetch("check_ins", queryset=CheckIn.objects.order_by("due_on", "pk")),
    )


class _PairPage:
    def __init__(self, user: Any, queryset: QuerySet[Pairing]) -> None:
        self.user = user
        self.queryset = queryset

    def __len__(self) -> int:
        return int(self.queryset.count())

    def __getitem__(self, window: slice) -> list[dict[str, Any]]:
        return [_pair_out(pairing, self.user) for pairing in _with_work(self.queryset)[window]]


@router.get("/mentoring/pairs", response=list[PairOut])
@paginate(PageNumberPagination, page_size=20)
def list_mentoring_pairs(
    request: HttpRequest, cohort: int | None = None, status: str | None = None
) -> Any:
    """The caller's pairs, as on the pages: a mentee's and a mentor's own, a focal point's
    country's (published), every pair for staff. Filter by ``cohort`` (id) and ``status``."""
    user = request.user
    if not user.has_perm("mentoring.use_mentoring"):
        raise PermissionDenied
    queryset = pairs_visible_to(user)
    if cohort is not None:
        queryset = queryset.filter(cohort_id=cohort)
    if status:
        queryset = queryset.filter(status=status)
    return _PairPage(user, queryset.order_by("cohort_id", "mentee__country__code", "pk"))


@router.get("/mentoring/pairs/{pair_id}", response=PairOut)
def get_mentoring_pair(request: HttpRequest, pair_id: int) -> dict[str, Any]:
    user = request.user
    pairing = get_pair_for(user, pair_id)
    return _pair_out(_with_work(Pairing.objects.filter(pk=pairing.pk)).get(), user)


@router.post(
    "/mentoring/pairs/{pair_id}/meetings",
    response={201: MeetingOut, 404: RefusalOut, 422: RefusalOut},
)
def log_mentoring_meeting(request: HttpRequest, pair_id: int, payload: MeetingIn) -> Status[Any]:
    """Log a meeting of the pair, by the mentee or her mentor while the pair is active (403
    for anyone else who sees the pair); 422 with the fields at fault when refused."""
    user = request.user
    pairing = get_pair_for(user, pair_id)
    if not user.has_perm("mentoring.log_meeting", pairing):
        raise PermissionDenied
    try:
        meeting = services.log_meeting(
            pairing=pairing,
            by=user,  # type: ignore[arg-type]
            held_on=payload.held_on,
            duration_minutes=payload.duration_minutes,
            mode=payload.mode,
            topics=payload.topics,
            next_steps=payload.next_steps,
            private_note=payload.private_note,
        )
    except RefusalError as error:
        body: dict[str, Any] = {
            "code": (error.error_list[0].code if not hasattr(error, "error_dict") else "invalid")
            or "refused",
            "message": " ".join(error.messages),
        }
        if hasattr(error, "error_dict"):
            body["details"] = error.message_dict
        return Status(422, {"error": body})
    return Status(201, _meeting_out(meeting, pairing, True))
