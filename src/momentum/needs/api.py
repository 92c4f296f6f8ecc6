"""The needs assessment's JSON API: rounds, questionnaires, submissions (answered and
submitted through the same services as the pages) and published figures, scoped like them."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Router, Schema
from ninja.errors import HttpError
from ninja.pagination import PageNumberPagination, paginate

from momentum.needs import selectors
from momentum.needs.models import Figure, FigureStatus, Questionnaire, Round
from momentum.needs.services import submissions as services

router = Router(tags=["needs"])


class RoundOut(Schema):
    id: int
    year: int
    title: str
    status: str
    answer_by: date | None
    questionnaire_id: int | None


class QuestionOut(Schema):
    name: str
    section: str
    kind: str
    label_en: str
    label_fr: str
    label_ar: str
    required: bool
    choices: list[dict[str, Any]]
    unit: str
    min_value: float | None
    max_value: float | None
    grid_rows: str
    show_if: str | None
    show_operator: str
    show_value: str


class QuestionnaireOut(Schema):
    id: int
    code: str
    version: int
    title: str
    frozen: bool
    questions: list[QuestionOut]


class SubmissionOut(Schema):
    id: int
    round_id: int
    country: str
    status: str
    version: int
    answers: dict[str, Any] | None = None


class AnswersIn(Schema):
    version: int
    answers: dict[str, Any]


class SaveOut(Schema):
    status: str
    version: int
    errors: dict[str, str]


class FigureOut(Schema):
    country: str | None
    indicator: str
    category: str
    year: int | None
    value: float | None
    percent: bool
    qualifier: str
    source: str
    source_url: str
    source_kind: str
    note: str


def _user(request: HttpRequest) -> Any:
    return request.auth  # type: ignore[attr-defined]


@router.get("/needs/rounds", response=list[RoundOut], url_name="needs_rounds")
@paginate(PageNumberPagination, page_size=50)
def list_rounds(request: HttpRequest) -> Any:
    if not _user(request).has_perm("needs.see_rounds"):
        raise PermissionDenied
    return Round.objects.order_by("-year")


@router.get("/needs/questionnaires/{pk}", response=QuestionnaireOut, url_name="needs_questionnaire")
def get_questionnaire(request: HttpRequest, pk: int) -> Any:
    user = _user(request)
    questionnaire = get_object_or_404(Questionnaire, pk=pk)
    # Staff, and focal points of a country answering it, may read it.
    if (
        not user.has_perm("needs.manage")
        and not selectors.submissions_visible_to(user).filter(questionnaire=questionnaire).exists()
    ):
        raise Http404
    questions = selectors.questions_for(questionnaire.pk)
    names = {question.pk: question.name for question in questions}
    return {
        "id": questionnaire.pk,
        "code": questionnaire.code,
        "version": questionnaire.version,
        "title": questionnaire.title,
        "frozen": questionnaire.frozen,
        "questions": [
            {
                "name": question.name,
                "section": question.section.name,
                "kind": question.kind,
                "label_en": question.label_en,  # type: ignore[attr-defined]
                "label_fr": question.label_fr,  # type: ignore[attr-defined]
                "label_ar": question.label_ar,  # type: ignore[attr-defined]
                "required": question.required,
                "choices": question.choices,
                "unit": question.unit,
                "min_value": None if question.min_value is None else float(question.min_value),
                "max_value": None if question.max_value is None else float(question.max_value),
                "grid_rows": question.grid_rows,
                "show_if": names.get(question.show_if_id) if question.show_if_id else None,
                "show_operator": question.show_operator,
                "show_value": question.show_value,
            }
            for question in questions
        ],
    }


def _submission_out(submission: Any, answers: dict[str, Any] | None = None) -> dict[str, Any]:
    return {
        "id": submission.pk,
        "round_id": submission.round_id,
        "country": submission.country.code,
        "status": submission.status,
        "version": submission.version,
        "answers": answers,
    }


@router.get("/needs/submissions", response=list[SubmissionOut], url_name="needs_submissions")
@paginate(PageNumberPagination, page_size=50)
def list_submissions(request: HttpRequest) -> Any:
    return [
        _submission_out(submission)
        for submission in selectors.submissions_visible_to(_user(request)).order_by(
            "round", "country"
        )
    ]


@router.get("/needs/submissions/{pk}", response=SubmissionOut, url_name="needs_submission")
def get_submission(request: HttpRequest, pk: int) -> Any:
    submission = selectors.get_submission_for(_user(request), pk)
    return _submission_out(submission, selectors.answers_by_name(submission))


def _save(request: HttpRequest, pk: int, payload: AnswersIn, *, submit: bool) -> dict[str, Any]:
    user = _user(request)
    submission = selectors.get_submission_for(user, pk, write=True)
    try:
        if submit:
            errors = services.submit(
                by=user, submission=submission, answers=payload.answers, version=payload.version
            )
        else:
            errors = services.save_answers(
                by=user, submission=submission, answers=payload.answers, version=payload.version
            )
    except services.StaleSubmission as error:
        raise HttpError(409, error.messages[0]) from error
    except ValidationError as error:
        raise HttpError(409, " ".join(error.messages)) from error
    submission.refresh_from_db()
    return {"status": submission.status, "version": submission.version, "errors": errors}


@router.put(
    "/needs/submissions/{pk}/answers", response=SaveOut, url_name="needs_submission_answers"
)
def save_answers(request: HttpRequest, pk: int, payload: AnswersIn) -> Any:
    """Save answers (by question name) to a draft; invalid ones are returned, not stored."""
    return _save(request, pk, payload, submit=False)


@router.post("/needs/submissions/{pk}/submit", response=SaveOut, url_name="needs_submission_submit")
def submit_submission(request: HttpRequest, pk: int, payload: AnswersIn) -> Any:
    """Save the answers and submit for review when all are valid and complete."""
    return _save(request, pk, payload, submit=True)


@router.get("/needs/figures", response=list[FigureOut], url_name="needs_figures")
@paginate(PageNumberPagination, page_size=100)
def list_figures(request: HttpRequest) -> Any:
    """Published figures on women in law enforcement, each with its source; a figure with no
    value means none was published."""
    if not _user(request).has_perm("needs.view_figures"):
        raise PermissionDenied
    return [
        {
            "country": figure.country.code if figure.country else None,
            "indicator": figure.indicator,
            "category": figure.category,
            "year": figure.year,
            "value": None if figure.value is None else float(figure.value),
            "percent": figure.is_percent,
            "qualifier": figure.qualifier,
            "source": figure.source_citation,
            "source_url": figure.source_url,
            "source_kind": figure.source_kind,
            "note": figure.note,
        }
        for figure in Figure.objects.filter(status=FigureStatus.PUBLISHED)
        .select_related("country")
        .order_by("country__code", "indicator", "-year", "pk")
    ]
