"""Written procedures: one answer per country, an objection needs a reason, nothing after the
deadline; the outcome when the deadline passes (the silence procedure adopts unless someone
objected in time); reminders before the deadline; minutes approved by an adopted procedure."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from momentum.core.models import Notification
from momentum.governance.models import WrittenProcedure
from momentum.governance.services import procedures
from momentum.governance.tests.factories import board, staff_user
from momentum.people.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _launch(silence: bool = True, **options) -> WrittenProcedure:  # type: ignore[no-untyped-def]
    return procedures.launch_procedure(
        title="Training plan 2027",
        question="Do you approve the training plan?",
        deadline=timezone.now() + timedelta(days=5),
        silence=silence,
        by=staff_user(),
        **options,
    )


def _pass_deadline(procedure: WrittenProcedure) -> None:
    WrittenProcedure.objects.filter(pk=procedure.pk).update(
        deadline=timezone.now() - timedelta(minutes=1)
    )


def test_silence_procedure_with_no_answer_is_adopted():
    board(3)
    procedure = _launch()
    _pass_deadline(procedure)

    closed = procedures.close_procedure(procedure=procedure, by=staff_user())

    assert closed.outcome == "adopted"
    assert "nobody objected" in closed.outcome_reason


def test_silence_procedure_with_one_objection_is_not_adopted():
    reps = board(3)
    procedure = _launch()
    procedures.answer_procedure(procedure=procedure, by=reps["DZ"].user, choice="approve")
    procedures.answer_procedure(
        procedure=procedure, by=reps["EG"].user, choice="object", text="The budget is missing."
    )
    _pass_deadline(procedure)

    closed = procedures.close_procedure(procedure=procedure, by=staff_user())

    assert closed.outcome == "rejected"


def test_an_objection_after_the_deadline_is_refused_and_the_text_is_adopted():
    reps = board(3)
    procedure = _launch()
    _pass_deadline(procedure)

    with pytest.raises(ValidationError, match="deadline"):
        procedures.answer_procedure(
            procedure=procedure, by=reps["DZ"].user, choice="object", text="Too late?"
        )
    closed = procedures.close_procedure(procedure=procedure, by=staff_user())

    assert closed.outcome == "adopted"
    assert not closed.answers.exists()


def test_an_objection_needs_a_reason():
    reps = board(3)
    procedure = _launch()

    with pytest.raises(ValidationError) as refused:
        procedures.answer_procedure(procedure=procedure, by=reps["DZ"].user, choice="object")

    assert "reason" in refused.value.message_dict["text"][0]


def test_a_country_answers_once_even_through_its_alternate():
    from momentum.governance.tests.factories import member

    reps = board(3)
    alternate = member(reps["DZ"].country, seat="alternate")
    procedure = _launch()
    procedures.answer_procedure(procedure=procedure, by=reps["DZ"].user, choice="approve")

    with pytest.raises(ValidationError, match="already answered"):
        procedures.answer_procedure(
            procedure=procedure, by=alternate.user, choice="object", text="No."
        )


def test_someone_outside_the_board_cannot_answer():
    board(3)
    procedure = _launch()

    with pytest.raises(ValidationError, match="current member"):
        procedures.answer_procedure(procedure=procedure, by=UserFactory(), choice="approve")


def test_closing_before_the_deadline_is_refused():
    board(3)
    procedure = _launch()

    with pytest.raises(ValidationError, match="deadline"):
        procedures.close_procedure(procedure=procedure, by=staff_user())


def test_the_daily_run_reminds_the_silent_countries_once_and_closes_past_deadlines():
    reps = board(3)
    soon = _launch()
    WrittenProcedure.objects.filter(pk=soon.pk).update(deadline=timezone.now() + timedelta(days=1))
    procedures.answer_procedure(procedure=soon, by=reps["DZ"].user, choice="approve")
    past = _launch()
    _pass_deadline(past)
    mail.outbox.clear()

    first = procedures.run_deadlines()
    second = procedures.run_deadlines()

    assert first == {"reminded": 1, "closed": 1}
    assert second == {"reminded": 0, "closed": 0}
    reminded = set(
        Notification.objects.filter(kind="governance.procedure_reminder").values_list(
            "recipient_id", flat=True
        )
    )
    assert reminded == {reps["EG"].user_id, reps["JO"].user_id}


def test_an_adopted_procedure_approves_the_minutes_it_was_about():
    from momentum.governance.services import meetings, minutes
    from momentum.governance.tests.factories import meeting

    board(3)
    held = meeting(starts_in_days=-3, invite=False)
    meetings.mark_held(meeting=held, by=staff_user())
    record = minutes.draft_minutes(meeting=held, text="1. Opened.", by=staff_user())
    record = minutes.circulate_minutes(
        minutes=record,
        comments_due=timezone.now() + timedelta(days=2),
        by=staff_user(),
        version=record.version,
    )
    procedure = _launch(minutes=record)
    _pass_deadline(procedure)

    procedures.close_procedure(procedure=procedure, by=staff_user())
    record.refresh_from_db()

    assert record.status == "approved"
    assert record.approved_by_route == "written_procedure"
