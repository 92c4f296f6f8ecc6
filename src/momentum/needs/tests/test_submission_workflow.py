"""A country's submission: drafts over several sittings, submitting, returning with comments,
approving (which locks), and two people saving at once."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from momentum.core.models import AuditEntry, Notification
from momentum.needs.models import Answer, SubmissionEventKind, SubmissionStatus
from momentum.needs.selectors import answers_by_name
from momentum.needs.services import submissions as services
from momentum.needs.tests import factories
from momentum.people.models import Role
from momentum.people.tests.factories import person_with_role

pytestmark = pytest.mark.django_db


@pytest.fixture
def submission(jordan, focal_point):  # type: ignore[no-untyped-def]
    round = factories.assessment_round()
    return services.start_submission(by=focal_point, round=round, country=jordan)


def test_starting_a_submission_freezes_its_questionnaire(submission):
    submission.questionnaire.refresh_from_db()

    assert submission.questionnaire.frozen
    assert submission.status == SubmissionStatus.DRAFT


def test_a_draft_keeps_valid_answers_and_reports_the_others(submission, focal_point):
    errors = services.save_answers(
        by=focal_point,
        submission=submission,
        answers={"has_unit": "yes", "unit_size": "9000", "notes": "first sitting"},
        version=submission.version,
    )

    assert errors == {"unit_size": "Between 1 and 500 officers."}
    assert answers_by_name(submission) == {"has_unit": "yes", "notes": "first sitting"}


def test_a_second_sitting_adds_to_the_first(submission, focal_point):
    services.save_answers(
        by=focal_point, submission=submission, answers={"notes": "a"}, version=None
    )
    services.save_answers(
        by=focal_point, submission=submission, answers={"since": "2020-01-01"}, version=None
    )

    assert answers_by_name(submission) == {"notes": "a", "since": "2020-01-01"}


def test_a_save_based_on_an_older_version_is_refused_with_the_other_persons_name(
    submission, focal_point, jordan
):
    colleague = person_with_role(Role.FOCAL_POINT, jordan, given_name="Rania", family_name="Saleh")
    read_at = submission.version
    services.save_answers(
        by=colleague, submission=submission, answers={"notes": "hers"}, version=read_at
    )

    with pytest.raises(services.StaleSubmission) as refused:
        services.save_answers(
            by=focal_point, submission=submission, answers={"notes": "mine"}, version=read_at
        )

    assert (
        "Rania Saleh saved this questionnaire while you were answering" in refused.value.messages[0]
    )
    assert answers_by_name(submission) == {"notes": "hers"}


def test_submitting_with_a_missing_required_answer_submits_nothing(submission, focal_point):
    answers = {**factories.VALID_ANSWERS, "personnel": None}

    errors = services.submit(by=focal_point, submission=submission, answers=answers, version=None)

    submission.refresh_from_db()
    assert errors == {"personnel": "This question needs an answer."}
    assert submission.status == SubmissionStatus.DRAFT
    assert answers_by_name(submission)["unit_size"] == 12  # the rest is saved


def test_return_correct_and_approve_locks_the_submission(submission, focal_point, staff):
    services.submit(
        by=focal_point, submission=submission, answers=factories.VALID_ANSWERS, version=None
    )
    with pytest.raises(ValidationError):  # submitted: no longer editable
        services.save_answers(
            by=focal_point, submission=submission, answers={"notes": "x"}, version=None
        )

    services.return_for_revision(
        by=staff,
        submission=submission,
        note="Check the grid.",
        comments={"personnel": "Senior looks low."},
    )
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.RETURNED
    assert Notification.objects.filter(recipient=focal_point, kind="needs.returned").exists()
    assert submission.comments.filter(question__name="personnel", text="Senior looks low.").exists()

    corrected = {
        **factories.VALID_ANSWERS,
        "personnel": factories.grid(100, junior=(10, 60), senior=(3, 4)),
    }
    assert (
        services.submit(by=focal_point, submission=submission, answers=corrected, version=None)
        == {}
    )
    services.accept(by=staff, submission=submission)

    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.ACCEPTED
    with pytest.raises(ValidationError):
        services.save_answers(
            by=focal_point, submission=submission, answers={"notes": "late"}, version=None
        )
    assert list(submission.events.values_list("kind", flat=True)) == [
        SubmissionEventKind.STARTED,
        SubmissionEventKind.SAVED,
        SubmissionEventKind.SUBMITTED,
        SubmissionEventKind.RETURNED,
        SubmissionEventKind.SAVED,
        SubmissionEventKind.SUBMITTED,
        SubmissionEventKind.ACCEPTED,
    ]
    verbs = set(AuditEntry.objects.values_list("verb", flat=True))
    assert {
        "needs.submission_submitted",
        "needs.submission_returned",
        "needs.submission_accepted",
    } <= verbs


def test_only_a_submitted_questionnaire_can_be_approved(submission, staff):
    with pytest.raises(ValidationError):
        services.accept(by=staff, submission=submission)


def test_another_countrys_focal_point_cannot_answer(submission, outsider):
    with pytest.raises(PermissionDenied):
        services.save_answers(
            by=outsider, submission=submission, answers={"notes": "x"}, version=None
        )


def test_a_focal_point_cannot_approve_her_own_submission(submission, focal_point):
    services.submit(
        by=focal_point, submission=submission, answers=factories.VALID_ANSWERS, version=None
    )

    with pytest.raises(PermissionDenied):
        services.accept(by=focal_point, submission=submission)


def test_hidden_answers_already_stored_are_removed_when_the_trigger_changes(
    submission, focal_point
):
    services.save_answers(
        by=focal_point,
        submission=submission,
        answers={"has_unit": "yes", "unit_size": "5"},
        version=None,
    )

    services.save_answers(
        by=focal_point, submission=submission, answers={"has_unit": "no"}, version=None
    )

    assert not Answer.objects.filter(submission=submission, question__name="unit_size").exists()
