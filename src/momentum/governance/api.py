"""The Advisory Board's JSON API: meetings, decisions, written procedures (answered through
the same service as the page) and the register of recommendations. Only staff and board
members may call it; everyone else gets 403."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from django.core.exceptions import ValidationError as RefusalError
from django.http import HttpRequest
from ninja import Router, Schema, Status

from momentum.governance.models import Meeting, Motion, WrittenProcedure
from momentum.governance.selectors import meetings as meeting_selectors
from momentum.governance.selectors import procedures as procedure_selectors
from momentum.governance.selectors import recommendations as recommendation_selectors
from momentum.governance.services import decisions as decision_services
from momentum.governance.services import procedures as procedure_services

router = Router(tags=["governance"])


class RefusalDetail(Schema):
    code: str
    message: str
    details: dict[str, list[str]] | None = None


class RefusalOut(Schema):
    error: RefusalDetail


def _refusal(error: RefusalError) -> Status[Any]:
    body: dict[str, Any] = {"code": "refused", "message": " ".join(error.messages)}
    if hasattr(error, "error_dict"):
        body["details"] = error.message_dict
    return Status(422, {"error": body})


class AgendaItemOut(Schema):
    position: int
    title_ar: str
    title_fr: str
    title_en: str
    motion_id: int | None


class MeetingOut(Schema):
    id: int
    kind: str
    format: str
    status: str
    title_ar: str
    title_fr: str
    title_en: str
    starts_at: datetime
    ends_at: datetime
    location: str
    quorum_rule: str
    countries_present: int
    agenda: list[AgendaItemOut]


def _meeting_out(meeting: Meeting, present: int) -> dict[str, Any]:
    return {
        "id": meeting.pk,
        "kind": meeting.kind,
        "format": meeting.format,
        "status": meeting.status,
        "title_ar": meeting.title_ar,
        "title_fr": meeting.title_fr,
        "title_en": meeting.title_en,
        "starts_at": meeting.starts_at,
        "ends_at": meeting.ends_at,
        "location": meeting.location,
        "quorum_rule": meeting.quorum_rule,
        "countries_present": present,
        "agenda": [
            {
                "position": item.position,
                "title_ar": item.title_ar,
                "title_fr": item.title_fr,
                "title_en": item.title_en,
                "motion_id": getattr(getattr(item, "motion", None), "pk", None),
            }
            for item in meeting.agenda.all()
        ],
    }


@router.get("/governance/meetings", response=list[MeetingOut])
def list_board_meetings(request: HttpRequest) -> list[dict[str, Any]]:
    meetings = meeting_selectors.meetings_for(request.user).prefetch_related("agenda__motion")
    return [_meeting_out(meeting, meeting.present) for meeting in meetings]  # type: ignore[attr-defined]


@router.get("/governance/meetings/{meeting_id}", response=MeetingOut)
def get_board_meeting(request: HttpRequest, meeting_id: int) -> dict[str, Any]:
    from momentum.governance.models import PRESENT_STATUSES

    meeting = meeting_selectors.get_meeting_for(request.user, meeting_id)
    present = sum(1 for a in meeting.attendances.all() if a.status in PRESENT_STATUSES)
    return _meeting_out(meeting, present)


class VoteOut(Schema):
    country: str
    choice: str
    as_proxy: bool


class DecisionOut(Schema):
    id: int
    meeting_id: int
    text_ar: str
    text_fr: str
    text_en: str
    authoritative_language: str
    status: str
    closes_at: datetime
    outcome: str
    outcome_reason: str


def _decision_out(motion: Motion) -> dict[str, Any]:
    return {
        "id": motion.pk,
        "meeting_id": motion.agenda_item.meeting_id,
        "text_ar": motion.text_ar,
        "text_fr": motion.text_fr,
        "text_en": motion.text_en,
        "authoritative_language": motion.authoritative_language,
        "status": motion.status,
        "closes_at": motion.closes_at,
        "outcome": motion.outcome,
        "outcome_reason": motion.outcome_reason,
    }


@router.get("/governance/decisions", response=list[DecisionOut])
def list_board_decisions(request: HttpRequest) -> list[dict[str, Any]]:
    return [_decision_out(motion) for motion in meeting_selectors.decisions_for(request.user)]


class VoteIn(Schema):
    choice: str
    country: str | None = None  # ISO code, when the caller holds more than one mandate


@router.post(
    "/governance/decisions/{motion_id}/votes",
    response={201: VoteOut, 422: RefusalOut},
)
def cast_board_vote(request: HttpRequest, motion_id: int, payload: VoteIn) -> Status[Any]:
    """Cast the caller's country's vote (or the vote of the country whose proxy she holds)."""
    from momentum.core.models import Country

    motion = meeting_selectors.get_motion_for(request.user, motion_id)
    country = (
        Country.objects.filter(code=payload.country.upper()).first() if payload.country else None
    )
    try:
        vote = decision_services.cast_vote(
            motion=motion, by=request.user, choice=payload.choice, country=country
        )
    except RefusalError as error:
        return _refusal(error)
    return Status(
        201, {"country": vote.country.code, "choice": vote.choice, "as_proxy": vote.as_proxy}
    )


class AnswerOut(Schema):
    country: str
    choice: str
    text: str
    answered_by: str
    answered_at: datetime


class ProcedureOut(Schema):
    id: int
    title: str
    question: str
    link: str
    silence: bool
    deadline: datetime
    status: str
    outcome: str
    outcome_reason: str
    answers: list[AnswerOut]


def _procedure_out(procedure: WrittenProcedure) -> dict[str, Any]:
    return {
        "id": procedure.pk,
        "title": procedure.title,
        "question": procedure.question,
        "link": procedure.link,
        "silence": procedure.silence,
        "deadline": procedure.deadline,
        "status": procedure.status,
        "outcome": procedure.outcome,
        "outcome_reason": procedure.outcome_reason,
        "answers": [
            {
                "country": answer.country.code,
                "choice": answer.choice,
                "text": answer.text,
                "answered_by": answer.answered_by.display_name(),
                "answered_at": answer.answered_at,
            }
            for answer in procedure.answers.all()
        ],
    }


@router.get("/governance/procedures", response=list[ProcedureOut])
def list_written_procedures(request: HttpRequest) -> list[dict[str, Any]]:
    from django.db.models import Prefetch

    from momentum.governance.models import ProcedureAnswer

    procedures = procedure_selectors.procedures_for(request.user).prefetch_related(
        Prefetch(
            "answers", queryset=ProcedureAnswer.objects.select_related("country", "answered_by")
        )
    )
    return [_procedure_out(procedure) for procedure in procedures.order_by("-deadline")]


class AnswerIn(Schema):
    choice: str
    text: str = ""


@router.post(
    "/governance/procedures/{procedure_id}/answers",
    response={201: AnswerOut, 422: RefusalOut},
)
def answer_written_procedure(
    request: HttpRequest, procedure_id: int, payload: AnswerIn
) -> Status[Any]:
    """Answer for the caller's country: approve, object (with a reason) or comment."""
    procedure = procedure_selectors.get_procedure_for(request.user, procedure_id)
    try:
        answer = procedure_services.answer_procedure(
            procedure=procedure, by=request.user, choice=payload.choice, text=payload.text
        )
    except RefusalError as error:
        return _refusal(error)
    return Status(
        201,
        {
            "country": answer.country.code,
            "choice": answer.choice,
            "text": answer.text,
            "answered_by": answer.answered_by.display_name(),
            "answered_at": answer.answered_at,
        },
    )


class ActionOut(Schema):
    description: str
    owner: str
    due_on: date
    status: str
    progress: int
    overdue: bool


class RecommendationOut(Schema):
    id: int
    reference: str
    text: str
    source: str
    countries: list[str]
    response: str
    response_reason: str
    state: str
    reported_back_at: int | None
    actions: list[ActionOut]


@router.get("/governance/recommendations", response=list[RecommendationOut])
def list_board_recommendations(request: HttpRequest) -> list[dict[str, Any]]:
    rows = recommendation_selectors.register_for(request.user)
    return [
        {
            "id": row.pk,
            "reference": row.reference,
            "text": row.text,
            "source": row.source,
            "countries": [country.code for country in row.countries.all()],
            "response": row.response,
            "response_reason": row.response_reason,
            "state": row.state,  # type: ignore[attr-defined]
            "reported_back_at": row.reported_back_at_id,
            "actions": [
                {
                    "description": action.description,
                    "owner": action.owner,
                    "due_on": action.due_on,
                    "status": action.status,
                    "progress": action.progress,
                    "overdue": action.is_overdue,
                }
                for action in row.actions.all()
            ],
        }
        for row in rows
    ]
