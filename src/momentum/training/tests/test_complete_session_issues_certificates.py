from __future__ import annotations

import pytest

from momentum.training.models import Certificate, SessionStatus
from momentum.training.services.sessions import complete_session
from momentum.training.tests.factories import NominationFactory, completed_participation

pytestmark = pytest.mark.django_db


def test_completing_a_session_issues_the_certificates_that_are_due(
    staff, officer, jordan, django_capture_on_commit_callbacks
):
    done = completed_participation(officer.profile, status=SessionStatus.RUNNING)
    absent = NominationFactory(session=done.session, status=done.status)

    with django_capture_on_commit_callbacks(execute=True):
        complete_session(by=staff, session=done.session)

    assert Certificate.objects.filter(nomination=done).exists()
    # Never present: the completion rule is not met, so no certificate.
    assert not Certificate.objects.filter(nomination=absent).exists()


def test_a_post_test_taken_after_the_session_ended_issues_the_certificate(
    officer, django_capture_on_commit_callbacks
):
    from datetime import timedelta

    from django.utils import timezone

    from momentum.training.services.assessments import submit_test
    from momentum.training.tests.factories import make_question

    nomination = completed_participation(
        officer.profile, starts_on=timezone.localdate() - timedelta(days=3)
    )
    question = make_question(nomination.session.course)
    right = question.choices.get(is_correct=True)
    assert not Certificate.objects.filter(nomination=nomination).exists()

    with django_capture_on_commit_callbacks(execute=True):
        submit_test(
            nomination=nomination, kind="post", answers={question.pk: [right.pk]}, language="en"
        )

    assert Certificate.objects.filter(nomination=nomination).exists()


def test_completing_a_session_schedules_the_follow_up_survey_for_its_day(
    staff, officer, settings, django_capture_on_commit_callbacks
):
    from datetime import UTC, datetime, time

    from django_tasks import default_task_backend

    from momentum.training.services.evaluations import months_after

    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    settings.TRAINING_FOLLOW_UP_MONTHS = 3
    done = completed_participation(officer.profile, status=SessionStatus.RUNNING)
    default_task_backend.clear()

    with django_capture_on_commit_callbacks(execute=True):
        complete_session(by=staff, session=done.session)

    follow_ups = [
        result
        for result in default_task_backend.results
        if result.task.name == "send_follow_up_surveys"
    ]
    due = datetime.combine(months_after(done.session.ends_on, 3), time(6), tzinfo=UTC)
    assert [result.task.run_after for result in follow_ups] == [due]
