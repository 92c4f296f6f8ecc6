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
