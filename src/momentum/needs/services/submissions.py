"""Writes for country submissions: saving answers (drafts, over several sittings), submitting,
returning for revision with comments, approving (which locks). Each step audited, notified and
written to the submission's history, in one transaction."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from momentum.core import audit
from momentum.core.models import Country
from momentum.core.notifications import notify
from momentum.needs.models import (
    Answer,
    Contributor,
    Question,
    ReviewComment,
    Round,
    Section,
    Submission,
    SubmissionDocument,
    SubmissionEvent,
    SubmissionEventKind,
    SubmissionStatus,
)
from momentum.needs.services.validation import clean_answers
from momentum.people.models import Role, User


class StaleSubmission(ValidationError):
    """Someone else saved the submission since it was read: nothing was saved."""


def submission_path(submission: Submission) -> str:
    return f"/needs/submissions/{submission.pk}/"


def questions_of(submission: Submission) -> list[Question]:
    return list(
        Question.objects.filter(section__questionnaire_id=submission.questionnaire_id)
        .select_related("section")
        .order_by("section__order", "section__pk", "order", "pk")
    )


def _can_answer(user: Any, submission: Submission) -> bool:
    return submission.country_id in user.countries_for(Role.FOCAL_POINT)


def sections_answerable_by(user: Any, submission: Submission) -> set[int] | None:
    """The sections ``user`` may answer: None for every section (the country's focal point),
    the sections she was asked to answer for a colleague, an empty set for anyone else."""
    if _can_answer(user, submission):
        return None
    return set(
        Contributor.sections.through.objects.filter(
            contributor__submission_id=submission.pk, contributor__user_id=user.pk
        ).values_list("section_id", flat=True)
    )


def _focal_points(country_id: int) -> list[User]:
    return list(
        User.objects.filter(
            role_assignments__role=Role.FOCAL_POINT,
            role_assignments__country_id=country_id,
            is_active=True,
        ).distinct()
    )


def _staff() -> list[User]:
    return list(User.objects.filter(role_assignments__role=Role.STAFF, is_active=True).distinct())


def _event(submission: Submission, kind: str, by: Any, note: str = "") -> None:
    SubmissionEvent.objects.create(submission=submission, kind=kind, actor=by, note=note)


def _locked(pk: int) -> Submission:
    return Submission.objects.select_for_update().select_related("country", "round").get(pk=pk)


def _check_version(submission: Submission, version: int | None) -> None:
    if version is not None and version != submission.version:
        who = submission.last_saved_by.display_name() if submission.last_saved_by else "—"
        raise StaleSubmission(
            _(
                "%(name)s saved this questionnaire while you were answering. Nothing of yours "
                "was saved: your answers are still in the form; reload the page to see theirs, "
                "then enter yours again."
            )
            % {"name": who},
            code="stale",
        )


@transaction.atomic
def start_submission(*, by: Any, round: Round, country: Country) -> Submission:
    """The country's submission for the round, created on first use (never twice)."""
    if round.questionnaire_id is None:
        raise ValidationError(_("This round has no questionnaire yet."))
    if not (by.is_programme_staff or country.pk in by.countries_for(Role.FOCAL_POINT)):
        raise PermissionDenied
    submission, created = Submission.objects.get_or_create(
        round=round, country=country, defaults={"questionnaire_id": round.questionnaire_id}
    )
    if created:
        # A questionnaire in use is frozen: any later edit makes a new version.
        from momentum.needs.models import Questionnaire

        Questionnaire.objects.filter(pk=round.questionnaire_id).update(frozen=True)
        _event(submission, SubmissionEventKind.STARTED, by)
        audit.record(by, "needs.submission_started", submission, country=country)
    return submission


@transaction.atomic
def save_answers(
    *,
    by: Any,
    submission: Submission,
    answers: Mapping[str, Any],
    version: int | None,
    complete: bool = False,
) -> dict[str, str]:
    """Store the valid answers of a draft and return the errors of the others (by question
    name). Answers hidden by the skip logic are discarded. A save based on an older version of
    the submission is refused whole (``StaleSubmission``), naming who saved in between."""
    submission = _locked(submission.pk)
    allowed = sections_answerable_by(by, submission)
    if allowed is not None and not allowed:
        raise PermissionDenied
    if not submission.is_editable:
        raise ValidationError(
            _("This questionnaire was submitted: it can no longer be changed."), code="locked"
        )
    _check_version(submission, version)
    questions = questions_of(submission)
    if allowed is not None:
        # A colleague's answers count for her sections only; the others stay as stored.
        answers = {
            question.name: answers[question.name]
            for question in questions
            if question.section_id in allowed and question.name in answers
        }
    existing = {
        answer.question_id: answer for answer in Answer.objects.filter(submission=submission)
    }
    merged: dict[str, Any] = {
        question.name: existing[question.pk].value
        for question in questions
        if question.pk in existing
    }
    merged.update(answers)
    values, errors = clean_answers(questions, merged, complete=complete)
    now = timezone.now()
    to_create, to_update, to_delete = [], [], []
    for question in questions:
        if question.name in errors:
            continue
        value = values.get(question.name)
        answer = existing.get(question.pk)
        if value is None:
            if answer is not None:
                to_delete.append(answer.pk)
        elif answer is None:
            to_create.append(
                Answer(
                    submission=submission,
                    question=question,
                    value=value,
                    updated_by=by,
                    updated_at=now,
                )
            )
        elif answer.value != value:
            answer.value, answer.updated_by, answer.updated_at = value, by, now
            to_update.append(answer)
    Answer.objects.bulk_create(to_create)
    Answer.objects.bulk_update(to_update, ["value", "updated_by", "updated_at"])
    Answer.objects.filter(pk__in=to_delete).delete()
    submission.version += 1
    submission.last_saved_by = by
    submission.last_saved_at = now
    submission.save(update_fields=["version", "last_saved_by", "last_saved_at"])
    _event(submission, SubmissionEventKind.SAVED, by)
    audit.record(
        by,
        "needs.answers_saved",
        submission,
        country=submission.country,
        changed=len(to_create) + len(to_update) + len(to_delete),
    )
    return errors


def submit(
    *, by: Any, submission: Submission, answers: Mapping[str, Any], version: int | None
) -> dict[str, str]:
    """Save the answers and, when every shown required question is answered and every answer
    valid, submit for review: the focal point's validation of her country's answers, colleagues'
    included. Returns the errors (nothing is submitted when there are any)."""
    if not _can_answer(by, submission):
        raise PermissionDenied
    with transaction.atomic():
        errors = save_answers(
            by=by, submission=submission, answers=answers, version=version, complete=True
        )
        if errors:
            return errors
        locked = _locked(submission.pk)
        locked.status = SubmissionStatus.SUBMITTED
        locked.submitted_at = timezone.now()
        locked.version += 1
        locked.save(update_fields=["status", "submitted_at", "version"])
        _event(locked, SubmissionEventKind.SUBMITTED, by)
        audit.record(by, "needs.submission_submitted", locked, country=locked.country)
        country = locked.country
        notify(
            recipients=_staff(),
            kind="needs.submitted",
            message=lambda: (
                _("%(country)s submitted its needs-assessment questionnaire.")
                % {"country": country.name}
            ),
            url=submission_path(locked),
        )
    return {}


def _require_reviewer(by: Any) -> None:
    if not by.is_programme_staff:
        raise PermissionDenied


@transaction.atomic
def comment(
    *, by: Any, submission: Submission, text: str, question: Question | None = None
) -> ReviewComment:
    _require_reviewer(by)
    text = text.strip()
    if not text:
        raise ValidationError({"text": _("Write the comment.")})
    return ReviewComment.objects.create(
        submission=submission, question=question, author=by, text=text
    )


@transaction.atomic
def return_for_revision(
    *, by: Any, submission: Submission, note: str, comments: Mapping[str, str] | None = None
) -> Submission:
    """Send a submitted questionnaire back to the country, with a note and comments on
    questions (by name)."""
    _require_reviewer(by)
    submission = _locked(submission.pk)
    if submission.status != SubmissionStatus.SUBMITTED:
        raise ValidationError(_("Only a submitted questionnaire can be returned."), code="state")
    by_name = {question.name: question for question in questions_of(submission)}
    written = [(name, text.strip()) for name, text in (comments or {}).items() if text.strip()]
    if not note.strip() and not written:
        raise ValidationError({"note": _("Say what the country should revise.")})
    for name, text in written:
        ReviewComment.objects.create(
            submission=submission, question=by_name.get(name), author=by, text=text
        )
    if note.strip():
        ReviewComment.objects.create(submission=submission, author=by, text=note.strip())
    submission.status = SubmissionStatus.RETURNED
    submission.version += 1
    submission.save(update_fields=["status", "version"])
    _event(submission, SubmissionEventKind.RETURNED, by, note.strip())
    audit.record(by, "needs.submission_returned", submission, country=submission.country)
    round_title = submission.round
    notify(
        recipients=_focal_points(submission.country_id),
        kind="needs.returned",
        message=lambda: (
            _("Programme staff returned your questionnaire for %(round)s with comments to revise.")
            % {"round": str(round_title.title)}
        ),
        url=submission_path(submission),
        email=True,
    )
    return submission


@transaction.atomic
def accept(*, by: Any, submission: Submission) -> Submission:
    """Approve a submitted questionnaire: it is locked from then on."""
    _require_reviewer(by)
    submission = _locked(submission.pk)
    if submission.status != SubmissionStatus.SUBMITTED:
        raise ValidationError(_("Only a submitted questionnaire can be approved."), code="state")
    submission.status = SubmissionStatus.ACCEPTED
    submission.accepted_at = timezone.now()
    submission.version += 1
    submission.save(update_fields=["status", "accepted_at", "version"])
    _event(submission, SubmissionEventKind.ACCEPTED, by)
    audit.record(by, "needs.submission_accepted", submission, country=submission.country)
    round_title = submission.round
    notify(
        recipients=_focal_points(submission.country_id),
        kind="needs.accepted",
        message=lambda: (
            _("Programme staff approved your questionnaire for %(round)s.")
            % {"round": str(round_title.title)}
        ),
        url=submission_path(submission),
    )
    return submission


@transaction.atomic
def attach_document(
    *, by: Any, submission: Submission, title: str, upload: UploadedFile
) -> SubmissionDocument:
    submission = _locked(submission.pk)
    if not _can_answer(by, submission):
        raise PermissionDenied
    if not submission.is_editable:
        raise ValidationError(_("This questionnaire was submitted: it can no longer be changed."))
    document = SubmissionDocument(
        submission=submission, title=title.strip() or (upload.name or ""), uploaded_by=by
    )
    document.file.save(upload.name or "document", upload, save=True)
    _event(submission, SubmissionEventKind.ATTACHED, by, document.title)
    audit.record(by, "needs.document_attached", submission, country=submission.country)
    return document


@transaction.atomic
def invite_colleague(
    *, by: Any, submission: Submission, colleague: User, section_ids: list[int]
) -> Contributor:
    """Ask a colleague of the same country (an officer or another focal point with an account)
    to answer some sections; asking again changes her sections."""
    submission = _locked(submission.pk)
    if not _can_answer(by, submission):
        raise PermissionDenied
    if not submission.is_editable:
        raise ValidationError(_("This questionnaire was submitted: it can no longer be changed."))
    if colleague.pk == by.pk:
        raise ValidationError({"email": _("You answer every section already.")})
    countries = colleague.countries_for(Role.OFFICER) | colleague.countries_for(Role.FOCAL_POINT)
    if not colleague.is_active or submission.country_id not in countries:
        raise ValidationError(
            {
                "email": _(
                    "Only a colleague with an account in %(country)s can answer its "
                    "questionnaire: invite her to the platform first."
                )
                % {"country": submission.country.name}
            }
        )
    sections = list(
        Section.objects.filter(questionnaire_id=submission.questionnaire_id, pk__in=section_ids)
    )
    if not sections:
        raise ValidationError({"sections": _("Choose at least one section.")})
    contributor, _created = Contributor.objects.get_or_create(
        submission=submission, user=colleague, defaults={"invited_by": by}
    )
    contributor.sections.set(sections)
    names = ", ".join(str(section.title) for section in sections)
    _event(submission, SubmissionEventKind.COLLEAGUE_INVITED, by, names)
    audit.record(
        by,
        "needs.colleague_invited",
        submission,
        country=submission.country,
        colleague=colleague.pk,
        sections=[section.pk for section in sections],
    )
    country = submission.country
    notify(
        recipients=[colleague],
        kind="needs.colleague_invited",
        message=lambda: (
            _(
                "You were asked to answer parts of the needs-assessment questionnaire of "
                "%(country)s."
            )
            % {"country": country.name}
        ),
        url=submission_path(submission),
        email=True,
    )
    return contributor


@transaction.atomic
def remove_colleague(*, by: Any, contributor: Contributor) -> None:
    submission = contributor.submission
    if not _can_answer(by, submission):
        raise PermissionDenied
    audit.record(
        by,
        "needs.colleague_removed",
        submission,
        country=submission.country,
        colleague=contributor.user_id,
    )
    contributor.delete()
