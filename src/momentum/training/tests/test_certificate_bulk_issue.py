"""Staff issue a session's certificates in bulk: a background job with progress and a report."""

from __future__ import annotations

import pytest
from django.template.loader import render_to_string

from momentum.core.models import Job, JobStatus
from momentum.training.models import Certificate, SessionStatus
from momentum.training.services.certificates import issue_certificate_if_complete
from momentum.training.tests.factories import (
    NominationFactory,
    SessionFactory,
    completed_participation,
    mark_attendance,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def session(officer):  # type: ignore[no-untyped-def]
    """Leila completed; a colleague completed and already holds a certificate; a third was
    absent too often."""
    nomination = completed_participation(officer.profile)
    session = nomination.session
    colleague = NominationFactory(session=session)
    mark_attendance(colleague, attended=3)
    issue_certificate_if_complete(nomination=colleague)
    absent = NominationFactory(
        session=session,
        officer__user__given_name="Omar",
        officer__user__family_name="Khalil",
    )
    mark_attendance(absent, attended=1, absent=2)
    return session


def url(session) -> str:  # type: ignore[no-untyped-def]
    return f"/en/training/sessions/{session.pk}/certificates/issue/"


def test_staff_issue_the_certificates_due_and_see_the_report(
    client_for, staff, session, officer, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(staff).post(url(session))

    job = Job.objects.get(kind="training.issue_certificates")
    assert response.status_code == 302
    assert response["Location"] == f"/en/jobs/{job.pk}/"
    assert job.status == JobStatus.SUCCEEDED
    assert (job.done, job.total) == (3, 3)
    assert job.report["issued"] == 1
    assert job.report["already"] == 1
    [missing] = job.report["not_completed"]
    assert missing["name"] == "Omar Khalil"
    assert missing["reasons"] == ["The attendance rate is below 80 %."]
    assert Certificate.objects.filter(nomination__session=session).count() == 2
    assert Certificate.objects.filter(holder=officer).exists()


def test_issuing_again_issues_nothing_more(
    client_for, staff, session, django_capture_on_commit_callbacks
):
    client = client_for(staff)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url(session))
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url(session))

    last = Job.objects.filter(kind="training.issue_certificates").order_by("-pk").first()
    assert last is not None
    assert (last.report["issued"], last.report["already"]) == (0, 2)
    assert Certificate.objects.filter(nomination__session=session).count() == 2


def test_the_report_reads_as_sentences(
    client_for, staff, session, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client_for(staff).post(url(session))
    job = Job.objects.get(kind="training.issue_certificates")

    html = render_to_string("training/certificates/_job_report.html", {"job": job})

    assert "1 certificate was issued." in html
    assert "1 participant already had one." in html
    assert "Omar Khalil" in html
    assert "The attendance rate is below 80 %." in html
    assert job.parameters["report_template"] == "training/certificates/_job_report.html"


def test_certificates_wait_until_the_session_is_completed(client_for, staff, officer):
    running = SessionFactory(status=SessionStatus.RUNNING)
    NominationFactory(session=running, officer=officer.profile)

    response = client_for(staff).post(url(running), follow=True)

    assert not Job.objects.exists()
    assert "Certificates are issued once the session is completed." in response.content.decode()


def test_a_focal_point_may_not_issue_certificates(client_for, focal_point, session):
    assert client_for(focal_point).post(url(session)).status_code == 403
    assert not Job.objects.exists()


def test_issuing_is_a_post(client_for, staff, session):
    assert client_for(staff).get(url(session)).status_code == 405


def test_a_completed_session_issues_its_certificates_by_itself(session, officer):
    from momentum.training.tasks import issue_certificates_when_complete

    first = issue_certificates_when_complete.enqueue(session_id=session.pk)
    again = issue_certificates_when_complete.enqueue(session_id=session.pk)

    assert first.return_value == 1  # Leila; the colleague already had one, Omar did not complete
    assert again.return_value == 0
    assert Certificate.objects.filter(nomination__session=session).count() == 2
    assert Certificate.objects.filter(holder=officer).exists()


def test_nothing_is_issued_while_the_session_runs(officer):
    from momentum.training.tasks import issue_certificates_when_complete

    nomination = completed_participation(officer.profile, status=SessionStatus.RUNNING)

    assert (
        issue_certificates_when_complete.enqueue(session_id=nomination.session_id).return_value == 0
    )
    assert not Certificate.objects.exists()


def test_one_participant_is_checked_on_request(officer):
    from momentum.training.tasks import issue_certificate_when_complete

    nomination = completed_participation(officer.profile)

    assert issue_certificate_when_complete.enqueue(nomination_id=nomination.pk).return_value
    assert issue_certificate_when_complete.enqueue(nomination_id=nomination.pk).return_value
    assert Certificate.objects.filter(holder=officer).count() == 1
