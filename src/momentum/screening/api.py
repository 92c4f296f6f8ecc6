"""The screening simulator's API: parse an MRZ, screen a traveller, decide a check, scores.

The same services and rules as the pages: a trainee decides her own checks only, once; the
ground truth of a check is returned only after the decision.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError as RefusalError
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Router, Schema, Status
from ninja.errors import HttpError

from momentum.screening import mrz
from momentum.screening.models import Check, World
from momentum.screening.selectors import queues as queue_selectors
from momentum.screening.selectors.screen import Identity, identity_from, screen
from momentum.screening.services import queues as services

router = Router(tags=["screening"])


class ParseIn(Schema):
    mrz: str
    correct: bool = False


class FieldErrorOut(Schema):
    field: str
    message: str


class CorrectionOut(Schema):
    field: str
    line: int
    position: int
    before: str
    after: str
    reason: str


class ParsedOut(Schema):
    kind: str
    valid: bool
    expired: bool
    document_code: str
    issuing_state: str
    surname: str
    given_names: str
    document_number: str
    nationality: str
    birth_date: date | None
    sex: str
    expiry_date: date | None
    lines: list[str]
    errors: list[FieldErrorOut]
    corrections: list[CorrectionOut]


def _parsed_out(parsed: mrz.ParsedMRZ) -> dict[str, Any]:
    return {
        "kind": parsed.kind,
        "valid": parsed.is_valid,
        "expired": parsed.is_expired,
        "document_code": parsed.document_code,
        "issuing_state": parsed.issuing_state,
        "surname": parsed.surname,
        "given_names": parsed.given_names,
        "document_number": parsed.document_number,
        "nationality": parsed.nationality,
        "birth_date": parsed.birth_date,
        "sex": parsed.sex,
        "expiry_date": parsed.expiry_date,
        "lines": parsed.lines,
        "errors": [{"field": e.field, "message": str(e.message)} for e in parsed.errors],
        "corrections": [
            {
                "field": c.field,
                "line": c.line,
                "position": c.position,
                "before": c.before,
                "after": c.after,
                "reason": str(c.reason),
            }
            for c in parsed.corrections
        ],
    }


def _require(request: HttpRequest, permission: str, target: Any = None) -> None:
    if not request.user.has_perm(permission, target):
        raise HttpError(403, "You may not do this.")


@router.post("/screening/parse", response=ParsedOut, summary="Parse and validate an MRZ")
def parse_mrz(request: HttpRequest, payload: ParseIn) -> dict[str, Any]:
    _require(request, "screening.use_console")
    return _parsed_out(mrz.parse(payload.mrz, correct=payload.correct))


class ScreenIn(Schema):
    world: int
    mrz: str = ""
    correct: bool = False
    surname: str = ""
    given_names: str = ""
    birth_date: date | None = None
    nationality: str = ""
    sex: str = ""
    document_number: str = ""
    issuing_state: str = ""


class LostOut(Schema):
    number: str
    issuing_state: str
    status: str
    exact: bool


class ContributionOut(Schema):
    feature: str
    detail: str
    points: float


class CandidateOut(Schema):
    reference: str
    surname: str
    given_names: str
    total: float
    possible_hit: bool
    name_only: bool
    contributions: list[ContributionOut]


class ScreenOut(Schema):
    parsed: ParsedOut | None
    lost: list[LostOut]
    candidates: list[CandidateOut]


@router.post("/screening/screen", response=ScreenOut, summary="Screen one traveller")
def screen_traveller(request: HttpRequest, payload: ScreenIn) -> dict[str, Any]:
    _require(request, "screening.use_console")
    world = get_object_or_404(World, pk=payload.world)
    parsed = None
    if payload.mrz.strip():
        parsed = mrz.parse(payload.mrz, correct=payload.correct)
        identity = identity_from(parsed)
    else:
        identity = Identity(
            surname=payload.surname.upper(),
            given_names=payload.given_names.upper(),
            birth_date=payload.birth_date,
            nationality=payload.nationality.upper(),
            sex=payload.sex.upper(),
            document_number=payload.document_number.upper(),
            issuing_state=payload.issuing_state.upper(),
        )
    result = screen(world, identity)
    return {
        "parsed": _parsed_out(parsed) if parsed else None,
        "lost": [
            {
                "number": m.record.number,
                "issuing_state": m.record.issuing_state,
                "status": m.record.status,
                "exact": m.exact,
            }
            for m in result.lost
        ],
        "candidates": [
            {
                "reference": c.record.reference,
                "surname": c.record.surname,
                "given_names": c.record.given_names,
                "total": c.score.total,
                "possible_hit": c.score.is_possible_hit,
                "name_only": c.score.is_name_only,
                "contributions": [
                    {"feature": p.feature, "detail": p.detail, "points": p.points}
                    for p in c.score.contributions
                ],
            }
            for c in result.candidates
        ],
    }


class DecideIn(Schema):
    decision: str
    note: str = ""


class DecisionOut(Schema):
    check: int
    decision: str
    seconds: float | None
    expected: str
    case_kind: str


class RefusalDetail(Schema):
    code: str
    message: str


class RefusalOut(Schema):
    error: RefusalDetail


@router.post(
    "/screening/checks/{check_id}/decide",
    response={200: DecisionOut, 409: RefusalOut},
    summary="Decide a check: hit, no hit or refer",
)
def decide_check(request: HttpRequest, check_id: int, payload: DecideIn) -> Any:
    check = get_object_or_404(
        Check.objects.select_related("play", "item__presentation"), pk=check_id
    )
    _require(request, "screening.play", check.play)
    try:
        decided = services.decide(
            check=check, decision=payload.decision, note=payload.note, by=request.user
        )
    except RefusalError as error:
        return Status(409, {"error": {"code": "conflict", "message": " ".join(error.messages)}})
    presentation = check.item.presentation
    return {
        "check": decided.pk,
        "decision": decided.decision,
        "seconds": decided.seconds,
        "expected": presentation.expected,
        "case_kind": presentation.case_kind,
    }


class ScoresOut(Schema):
    play: int
    trainee: int
    decided: int
    correct: int
    precision: float | None
    recall: float | None
    mean_seconds: float | None
    missed_by_kind: dict[str, int]


@router.get("/screening/plays/{play_id}/scores", response=ScoresOut, summary="Scores of a play")
def play_scores(request: HttpRequest, play_id: int) -> dict[str, Any]:
    play = queue_selectors.get_play_for(request.user, play_id, scores=True)
    scores = queue_selectors.scores_of(queue_selectors.checks_of([play]))
    return {
        "play": play.pk,
        "trainee": play.trainee_id,
        "decided": scores.decided,
        "correct": scores.correct,
        "precision": scores.precision,
        "recall": scores.recall,
        "mean_seconds": scores.mean_seconds,
        "missed_by_kind": scores.missed_by_kind,
    }
