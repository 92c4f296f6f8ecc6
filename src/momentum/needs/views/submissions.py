"""A country's submission: answering (its focal points, over several sittings), attaching
documents, submitting; reviewing question by question, returning and approving (staff);
reading (the Advisory Board, once approved)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse, QueryDict
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from momentum.needs import selectors
from momentum.needs.forms import DocumentForm, ReturnForm
from momentum.needs.models import Question, QuestionKind, Submission, SubmissionStatus
from momentum.needs.services import submissions as services
from momentum.needs.services.validation import SEXES, grid_row_values, is_shown
from momentum.people.http import AuthenticatedRequest

# Kinds answered with several inputs: a fieldset with a legend rather than one labelled field.
_GROUPED = frozenset(
    {
        QuestionKind.SINGLE,
        QuestionKind.MULTIPLE,
        QuestionKind.YES_NO,
        QuestionKind.SCALE,
        QuestionKind.HEADCOUNT,
    }
)


def raw_answers(data: QueryDict, questions: list[Question]) -> dict[str, Any]:
    """The answers as the form sent them, by question name (checked by the service)."""
    raw: dict[str, Any] = {}
    for question in questions:
        key = f"q-{question.name}"
        if question.kind == QuestionKind.MULTIPLE:
            raw[question.name] = data.getlist(key)
        elif question.kind == QuestionKind.HEADCOUNT:
            raw[question.name] = {
                "total": data.get(f"{key}-total", ""),
                "cells": {
                    row: {sex: data.get(f"{key}-{row}-{sex}", "") for sex in SEXES}
                    for row, _label in grid_row_values(question)
                },
            }
        else:
            raw[question.name] = data.get(key, "")
    return raw


def _sections(
    questions: list[Question],
    values: dict[str, Any],
    errors: dict[str, str],
    comments: dict[int, list[Any]],
    editable: set[int] | None,
) -> list[dict[str, Any]]:
    """The questions by section; ``editable`` names the sections the reader may answer (None:
    every one)."""
    by_pk = {question.pk: question for question in questions}
    sections: list[dict[str, Any]] = []
    for question in questions:
        if not sections or sections[-1]["section"].pk != question.section_id:
            sections.append(
                {
                    "section": question.section,
                    "items": [],
                    "editable": editable is None or question.section_id in editable,
                }
            )
        value = values.get(question.name)
        grid = None
        if question.kind == QuestionKind.HEADCOUNT:
            cells = (value or {}).get("cells", {}) if isinstance(value, dict) else {}
            grid = {
                "total": (value or {}).get("total") if isinstance(value, dict) else None,
                "rows": [
                    {
                        "value": row,
                        "label": label,
                        "cells": [(sex, (cells.get(row) or {}).get(sex, "")) for sex in SEXES],
                    }
                    for row, label in grid_row_values(question)
                ],
            }
        sections[-1]["items"].append(
            {
                "question": question,
                "value": value,
                "selected": value
                if isinstance(value, list)
                else [str(value)]
                if value not in (None, "")
                else [],
                "grid": grid,
                "error": errors.get(question.name),
                "shown": is_shown(question, values, by_pk),
                "trigger": by_pk[question.show_if_id].name if question.show_if_id else "",
                "comments": comments.get(question.pk, []),
                "choices": question.localized_choices(),
                "grouped": question.kind in _GROUPED,
            }
        )
    return sections


def _render(
    request: AuthenticatedRequest,
    submission: Submission,
    *,
    values: dict[str, Any] | None = None,
    errors: dict[str, str] | None = None,
    stale: str = "",
    status: int = 200,
) -> HttpResponse:
    questions = selectors.questions_for(submission.questionnaire_id)
    stored = selectors.answers_by_name(submission)
    comments: dict[int, list[Any]] = {}
    general = []
    for comment in submission.comments.select_related("author"):
        if comment.question_id:
            comments.setdefault(comment.question_id, []).append(comment)
        else:
            general.append(comment)
    can_answer = request.user.has_perm("needs.answer_submission", submission)
    editable: set[int] | None = set()
    if can_answer:
        editable = services.sections_answerable_by(request.user, submission)
    can_review = (
        request.user.has_perm("needs.review_submission")
        and submission.status == SubmissionStatus.SUBMITTED
    )
    return render(
        request,
        "needs/submissions/detail.html",
        {
            "submission": submission,
            "sections": _sections(
                questions,
                values if values is not None else stored,
                errors or {},
                comments,
                editable,
            ),
            "errors": errors or {},
            "stale": stale,
            "general_comments": general,
            "events": list(submission.events.select_related("actor")),
            "documents": list(submission.documents.all()),
            "can_answer": can_answer,
            "can_validate": request.user.has_perm("needs.validate_submission", submission),
            "can_attach": can_answer and editable is None,
            "see_colleagues": request.user.has_perm("needs.see_colleagues", submission),
            "see_round": request.user.has_perm("needs.see_rounds"),
            "can_review": can_review,
            "return_form": ReturnForm(),
            "document_form": DocumentForm(),
            "sexes": SEXES,
            # Translated once for the page, not once per question.
            "labels": {
                "required": _("required"),
                "yes": _("Yes"),
                "no": _("No"),
                "not_answered": _("Not answered"),
                "comment": _("Comment on this answer"),
            },
        },
        status=status,
    )


@login_required
def submission_detail(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    submission = selectors.get_submission_for(request.user, pk)
    if request.method != "POST":
        return _render(request, submission)
    if not request.user.has_perm("needs.answer_submission", submission):
        raise PermissionDenied
    questions = selectors.questions_for(submission.questionnaire_id)
    raw = raw_answers(request.POST, questions)
    try:
        version = int(request.POST.get("version", ""))
    except ValueError:
        version = None
    try:
        if request.POST.get("action") == "submit":
            errors = services.submit(
                by=request.user, submission=submission, answers=raw, version=version
            )
        else:
            errors = services.save_answers(
                by=request.user, submission=submission, answers=raw, version=version
            )
    except services.StaleSubmission as error:
        return _render(request, submission, values=raw, stale=error.messages[0], status=409)
    except ValidationError as error:
        messages.error(request, error.messages[0])
        return redirect("needs:submission", pk=submission.pk)
    submission.refresh_from_db()
    if errors:
        # The valid answers are saved; the others stay in the form as typed, beside their error.
        merged = {**selectors.answers_by_name(submission), **{name: raw[name] for name in errors}}
        return _render(request, submission, values=merged, errors=errors, status=422)
    if submission.status == SubmissionStatus.SUBMITTED:
        messages.success(request, _("Your questionnaire was submitted for review."))
    else:
        messages.success(
            request, _("Your answers were saved. You can come back to them at any time.")
        )
    return redirect("needs:submission", pk=submission.pk)


@login_required
@require_POST
def submission_review(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    submission = selectors.get_submission_for(request.user, pk)
    if not request.user.has_perm("needs.review_submission"):
        raise PermissionDenied
    try:
        if request.POST.get("action") == "accept":
            services.accept(by=request.user, submission=submission)
            messages.success(request, _("The questionnaire is approved and locked."))
        else:
            questions = selectors.questions_for(submission.questionnaire_id)
            comments = {
                question.name: request.POST.get(f"comment-{question.name}", "")
                for question in questions
            }
            services.return_for_revision(
                by=request.user,
                submission=submission,
                note=request.POST.get("note", ""),
                comments=comments,
            )
            messages.success(
                request, _("The questionnaire was returned to the country for revision.")
            )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("needs:submission", pk=submission.pk)


@login_required
@require_POST
def submission_document(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    submission = selectors.get_submission_for(request.user, pk, write=True)
    form = DocumentForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.attach_document(
                by=request.user,
                submission=submission,
                title=form.cleaned_data["title"],
                upload=form.cleaned_data["file"],
            )
            messages.success(request, _("The document is attached."))
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
    else:
        messages.error(request, _("Choose a file to attach."))
    return redirect("needs:submission", pk=submission.pk)


@login_required
def submission_file(request: AuthenticatedRequest, pk: int) -> HttpResponseBase:
    from django.http import FileResponse
    from django.shortcuts import get_object_or_404

    from momentum.needs.models import SubmissionDocument

    document = get_object_or_404(SubmissionDocument.objects.select_related("submission"), pk=pk)
    selectors.get_submission_for(request.user, document.submission_id)
    name = (document.file.name or "document").rsplit("/", 1)[-1]
    return FileResponse(document.file.open("rb"), as_attachment=True, filename=name)
