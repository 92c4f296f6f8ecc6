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
