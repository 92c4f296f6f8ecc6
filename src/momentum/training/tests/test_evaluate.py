"""The end-of-session evaluation: a participant answers once, anonymously."""

from __future__ import annotations

from datetime import timedelta
from unittest import mock

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.utils import timezone

from momentum.training.models import (
    Evaluation,
    EvaluationKind,
    EvaluationReceipt,
    NominationStatus,
    SessionStatus,
)
from momentum.training.services.evaluations import submit_evaluation
from momentum.training.tests.factories import NominationFactory, SessionFactory

pytestmark = pytest.mark.django_db

RATINGS = {"relevance": 5, "content": 4, "trainers": 4, "organisation": 3}
FORM = {**{name: str(value) for name, value in RATINGS.items()}, "comments": "Very useful."}


@pytest.fixture
def participation(officer):  # type: ignore[no-untyped-def]
    session = SessionFactory(
        status=SessionStatus.COMPLETED, starts_on=timezone.localdate() - timedelta(days=5)
    )
    return NominationFactory(session=session, officer=officer.profile)


def url(session) -> str:  # type: ignore[no-untyped-def]
    return f"/en/training/sessions/{session.pk}/evaluate/"


def test_an_evaluation_names_no_person_and_no_time_of_day():
    fields = {field.name: field for field in Evaluation._meta.get_fields()}

    related = {name for name, field in fields.items() if field.is_relation}
    assert related == {"session"}
    assert fields["submitted_on"].get_internal_type() == "DateField"
    assert not any(
        field.get_internal_type() == "DateTimeField" for field in Evaluation._meta.fields
    )
    receipt_fields = {field.name for field in EvaluationReceipt._meta.fields}
    assert receipt_fields == {"id", "nomination", "kind"}


def test_participant_answers_and_the_answer_is_stored_apart_from_the_receipt(
    client_for, officer, participation
):
    response = client_for(officer).post(url(participation.session), FORM)

    assert response.status_code == 302
    evaluation = Evaluation.objects.get()
    assert (evaluation.relevance, evaluation.content, evaluation.trainers) == (5, 4, 4)
    assert evaluation.organisation == 3
    assert evaluation.comments == "Very useful."
    assert evaluation.submitted_on == timezone.localdate()
    assert EvaluationReceipt.objects.filter(
        nomination=participation, kind=EvaluationKind.END_OF_SESSION
    ).exists()
    page = client_for(officer).get(url(participation.session)).content.decode()
    assert "You have answered this survey" in page
    assert "<form" not in page.split('id="main"')[1]


def test_a_second_answer_is_refused_with_a_clear_message(client_for, officer, participation):
    client = client_for(officer)
    client.post(url(participation.session), FORM)

    response = client.post(url(participation.session), {**FORM, "relevance": "1"}, follow=True)

    assert Evaluation.objects.count() == 1
    assert Evaluation.objects.get().relevance == 5
    assert "You have already answered this survey. Each participant answers once." in (
        response.content.decode()
    )


def test_the_service_refuses_a_second_answer(participation):
    submit_evaluation(
        nomination=participation, kind=EvaluationKind.END_OF_SESSION, ratings=RATINGS, comments=""
    )

    with pytest.raises(ValidationError) as refusal:
        submit_evaluation(
            nomination=participation,
            kind=EvaluationKind.END_OF_SESSION,
            ratings=RATINGS,
            comments="",
        )

    assert refusal.value.code == "already_answered"
    assert Evaluation.objects.count() == 1


def test_two_answers_at_the_same_moment_store_one(participation):
    """The check passes for both (neither receipt exists yet); the database refuses one."""
    submit_evaluation(
        nomination=participation, kind=EvaluationKind.END_OF_SESSION, ratings=RATINGS, comments=""
    )
    with (
        mock.patch("momentum.training.services.evaluations.has_answered", return_value=False),
        pytest.raises(ValidationError) as refusal,
    ):
        submit_evaluation(
            nomination=participation,
            kind=EvaluationKind.END_OF_SESSION,
            ratings=RATINGS,
            comments="",
        )

    assert refusal.value.code == "already_answered"
    assert Evaluation.objects.count() == 1
    assert EvaluationReceipt.objects.count() == 1


def test_no_answer_is_kept_when_the_receipt_cannot_be_written(participation):
    with (
        mock.patch(
            "momentum.training.models.EvaluationReceipt.objects.create",
            side_effect=IntegrityError,
        ),
        pytest.raises(ValidationError),
    ):
        submit_evaluation(
            nomination=participation,
            kind=EvaluationKind.END_OF_SESSION,
            ratings=RATINGS,
            comments="",
        )

    assert not Evaluation.objects.exists()


def test_a_missing_rating_is_shown_beside_its_question(client_for, officer, participation):
    response = client_for(officer).post(url(participation.session), {**FORM, "trainers": ""})

    assert response.status_code == 200
    assert response.context["form"].errors["trainers"] == ["Choose a rating from 1 to 5."]
    assert not Evaluation.objects.exists()
    # What was typed is kept.
    assert "Very useful." in response.content.decode()


def test_a_rating_outside_one_to_five_is_refused_by_the_service(participation):
    with pytest.raises(ValidationError) as refusal:
        submit_evaluation(
            nomination=participation,
            kind=EvaluationKind.END_OF_SESSION,
            ratings={**RATINGS, "content": 6},
            comments="",
        )

    assert "content" in refusal.value.message_dict
    assert not EvaluationReceipt.objects.exists()


def test_evaluation_is_open_on_the_last_day_of_a_running_session(client_for, officer):
    session = SessionFactory(
        status=SessionStatus.RUNNING,
        starts_on=timezone.localdate() - timedelta(days=2),
        ends_on=timezone.localdate(),
    )
    NominationFactory(session=session, officer=officer.profile)

    response = client_for(officer).post(url(session), FORM)

    assert response.status_code == 302
    assert Evaluation.objects.filter(session=session).count() == 1


def test_evaluation_is_closed_before_the_last_day(client_for, officer):
    session = SessionFactory(status=SessionStatus.RUNNING, starts_on=timezone.localdate())
    NominationFactory(session=session, officer=officer.profile)

    response = client_for(officer).post(url(session), FORM)

    assert response.status_code == 200
    assert "The evaluation opens on the last day of the session" in response.content.decode()
    assert not Evaluation.objects.exists()


def test_service_refuses_an_answer_for_a_closed_session(participation):
    participation.session.status = SessionStatus.CLOSED
    participation.session.save()

    with pytest.raises(ValidationError) as refusal:
        submit_evaluation(
            nomination=participation,
            kind=EvaluationKind.END_OF_SESSION,
            ratings=RATINGS,
            comments="",
        )

    assert refusal.value.code == "closed"


def test_someone_not_selected_may_not_evaluate(client_for, officer, participation):
    participation.status = NominationStatus.WAITLISTED
    participation.save()

    response = client_for(officer).post(url(participation.session), FORM)

    assert response.status_code == 403
    assert not Evaluation.objects.exists()


def test_staff_may_not_answer_a_participants_evaluation(client_for, staff, participation):
    assert client_for(staff).get(url(participation.session)).status_code == 403


def test_the_form_says_the_answer_is_anonymous(client_for, officer, participation):
    page = client_for(officer).get(url(participation.session)).content.decode()

    assert "Your answers are anonymous" in page
    assert 'name="relevance"' in page
    assert 'name="organisation"' in page


def test_a_closed_session_says_its_evaluation_is_closed(client_for, officer, participation):
    participation.session.status = SessionStatus.CLOSED
    participation.session.save()

    page = client_for(officer).get(url(participation.session)).content.decode()

    assert "The evaluation of this session is closed." in page
    assert 'name="relevance"' not in page
