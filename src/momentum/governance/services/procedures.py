"""Written procedures between meetings: staff put a draft or a question to the board with a
deadline; each country approves, objects (with a reason) or comments, once; reminders go out
before the deadline; the outcome is computed when it passes (the silence procedure adopts
unless someone objected)."""

from __future__ import annotations

from datetime import datetime, timedelta
from functools import partial
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from momentum.core import audit
from momentum.core.notifications import notify
from momentum.governance.models import (
    AnswerChoice,
    ApprovalRoute,
    BoardMember,
    Minutes,
    ProcedureAnswer,
    ProcedureOutcome,
    ProcedureStatus,
    Seat,
    WrittenProcedure,
)
from momentum.governance.quorum import procedure_result

REMIND_BEFORE = timedelta(days=2)


def procedure_path(procedure: WrittenProcedure | int) -> str:
    pk = procedure if isinstance(procedure, int) else procedure.pk
    return f"/governance/procedures/{pk}/"


def _board_users() -> list[Any]:
    return [member.user for member in BoardMember.objects.current().select_related("user")]


@transaction.atomic
def launch_procedure(
    *,
    title: str,
    question: str,
    deadline: datetime,
    by: Any,
    silence: bool = False,
    link: str = "",
    document: UploadedFile | None = None,
    minutes: Minutes | None = None,
    now: datetime | None = None,
) -> WrittenProcedure:
    now = now or timezone.now()
    errors: dict[str, str] = {}
    if not title.strip():
        errors["title"] = _("Give the procedure a title.")
    if not question.strip():
        errors["question"] = _("Say what the board is asked to approve.")
    if deadline <= now + timedelta(days=1):
        errors["deadline"] = _("Leave the members at least one day to answer.")
    if errors:
        raise ValidationError(errors)
    procedure = WrittenProcedure.objects.create(
        title=title.strip(),
        question=question.strip(),
        deadline=deadline,
        silence=silence,
        link=link.strip(),
        minutes=minutes,
        created_by=by,
        opened_at=now,
    )
    if document is not None:
        procedure.document.save(document.name or "document", document)
    audit.record(by, "governance.procedure_launched", procedure, silence=silence)
    notify(
        recipients=_board_users(),
        kind="governance.procedure",
        message=lambda: (
            _("A written procedure waits for your answer: %(title)s.") % {"title": procedure.title}
        ),
        url=procedure_path(procedure),
        email=True,
    )
    return procedure


def answering_country(user: Any) -> int | None:
    """The country ``user`` answers for: her current seat, representative or alternate."""
    term = (
        BoardMember.objects.current()
        .filter(user=user)
        .order_by("seat")  # "alternate" < "representative": either may answer
        .first()
    )
    return term.country_id if term else None


def answer_procedure(
    *, procedure: WrittenProcedure, by: Any, choice: str, text: str = ""
) -> ProcedureAnswer:
    """Record the country's one answer. An objection needs a reason; a second answer of the
    same country is refused, also when two arrive at once."""
    if choice not in AnswerChoice.values:
        raise ValidationError({"choice": _("Choose approve, object or comment.")})
    if choice in (AnswerChoice.OBJECT, AnswerChoice.COMMENT) and not text.strip():
        raise ValidationError(
            {
                "text": _("Give the reason for your objection.")
                if choice == AnswerChoice.OBJECT
                else _("Write your comment.")
            }
        )
    country_id = answering_country(by)
    if country_id is None:
        raise ValidationError(_("Only a current member of the board answers for a country."))
    try:
        with transaction.atomic():
            locked = WrittenProcedure.objects.select_for_update().get(pk=procedure.pk)
            if locked.status != ProcedureStatus.OPEN or locked.deadline <= timezone.now():
                raise ValidationError(_("The deadline of this written procedure has passed."))
            if ProcedureAnswer.objects.filter(procedure=locked, country_id=country_id).exists():
                raise ValidationError(_("Your country has already answered this procedure."))
            answer = ProcedureAnswer.objects.create(
                procedure=locked,
                country_id=country_id,
                choice=choice,
                text=text.strip(),
                answered_by=by,
            )
            audit.record(
                by, "governance.procedure_answered", locked, country=answer.country, choice=choice
            )
            return answer
    except IntegrityError as error:
        raise ValidationError(_("Your country has already answered this procedure.")) from error


def _countries() -> int:
    return (
        BoardMember.objects.current()
        .filter(seat=Seat.REPRESENTATIVE)
        .values("country")
        .distinct()
        .count()
    )


@transaction.atomic
def close_procedure(
    *, procedure: WrittenProcedure, by: Any = None, now: datetime | None = None
) -> WrittenProcedure:
    """Compute and record the outcome once the deadline has passed; approves the minutes the
    procedure was about when it is adopted."""
    from momentum.governance.services.minutes import approve_minutes

    now = now or timezone.now()
    procedure = WrittenProcedure.objects.select_for_update().get(pk=procedure.pk)
    if procedure.status != ProcedureStatus.OPEN:
        raise ValidationError(_("This written procedure is already closed."))
    if procedure.deadline > now:
        raise ValidationError(_("The procedure closes at its deadline, not before."))
    answers = list(procedure.answers.values_list("choice", flat=True))
    result = procedure_result(answers=answers, countries=_countries(), silence=procedure.silence)
    procedure.status = ProcedureStatus.CLOSED
    procedure.outcome = result.outcome
    procedure.outcome_reason = result.reason
    procedure.closed_at = now
    procedure.save(update_fields=["status", "outcome", "outcome_reason", "closed_at"])
    audit.record(by or "system", "governance.procedure_closed", procedure, outcome=result.outcome)
    if (
        result.outcome == ProcedureOutcome.ADOPTED
        and procedure.minutes is not None
        and not procedure.minutes.is_frozen
    ):
        approve_minutes(
            minutes=procedure.minutes,
            by=by or procedure.created_by,
            route=ApprovalRoute.WRITTEN_PROCEDURE,
        )
    notify(
        recipients=[*_board_users(), procedure.created_by],
        kind="governance.procedure_closed",
        message=lambda: (
            _("The written procedure %(title)s is closed: %(outcome)s")
            % {"title": procedure.title, "outcome": procedure.get_outcome_display()}
        ),
        url=procedure_path(procedure),
    )
    return procedure


def _reminder_text(title: str) -> str:
    return _(
        "Reminder: the written procedure %(title)s closes soon and your country has not "
        "answered yet."
    ) % {"title": title}


def run_deadlines(*, now: datetime | None = None) -> dict[str, int]:
    """Remind the countries that have not answered, two days before the deadline, and close
    the procedures whose deadline has passed. A second run changes nothing."""
    now = now or timezone.now()
    reminded = closed = 0
    for procedure in WrittenProcedure.objects.filter(
        status=ProcedureStatus.OPEN,
        reminder_sent_at__isnull=True,
        deadline__gt=now,
        deadline__lte=now + REMIND_BEFORE,
    ):
        with transaction.atomic():
            claimed = WrittenProcedure.objects.filter(
                pk=procedure.pk, reminder_sent_at__isnull=True
            ).update(reminder_sent_at=now)
            if not claimed:
                continue
            answered = set(procedure.answers.values_list("country_id", flat=True))
            waiting = [
                member.user
                for member in BoardMember.objects.current().select_related("user")
                if member.country_id not in answered
            ]
            notify(
                recipients=waiting,
                kind="governance.procedure_reminder",
                message=partial(_reminder_text, procedure.title),
                url=procedure_path(procedure),
                email=True,
            )
            reminded += 1
    for procedure in WrittenProcedure.objects.filter(
        status=ProcedureStatus.OPEN, deadline__lte=now
    ):
        try:
            close_procedure(procedure=procedure, now=now)
            closed += 1
        except ValidationError:
            continue
    return {"reminded": reminded, "closed": closed}
