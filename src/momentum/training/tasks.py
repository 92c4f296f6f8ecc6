"""Training's background tasks. Shared by every subject: append yours in its own section."""

from __future__ import annotations

from django_tasks import task


# --- nominations and selection ---
@task()
def send_seat_offered_emails(nomination_id: int) -> None:
    """Tell an officer promoted from the waiting list, and their focal points."""
    from momentum.training.services.nominations import send_seat_offered_emails as send

    send(nomination_id)


# --- sessions ---
@task()
def send_session_confirmations(session_id: int) -> int:
    """Send each selected participant their confirmation with a calendar invitation."""
    from momentum.training.services.sessions import send_confirmation_emails

    return send_confirmation_emails(session_id)


@task()
def send_session_cancellations(session_id: int) -> int:
    """Tell everyone concerned that a session is cancelled."""
    from momentum.training.services.sessions import send_cancellation_emails

    return send_cancellation_emails(session_id)


# --- evaluations ---
@task()
def send_follow_up_surveys() -> int:
    """E-mail the follow-up survey to the participants whose sessions ended the configured
    number of months ago (``TRAINING_FOLLOW_UP_MONTHS``); safe to run every day."""
    from momentum.training.services.evaluations import send_follow_up_surveys as send

    return send()


# --- certificates, transcripts and exports ---
@task()
def render_certificate_pdf(certificate_id: int) -> None:
    """Render an issued certificate's PDF and keep it with the certificate."""
    from momentum.training.models import Certificate
    from momentum.training.services.certificates import store_certificate_pdf

    certificate = Certificate.objects.filter(pk=certificate_id).first()
    if certificate is not None:
        store_certificate_pdf(certificate=certificate)


@task()
def issue_certificates_when_complete(session_id: int) -> int:
    """Issue, without anyone asking, the certificates due to a session's participants: queued
    when a session is completed (and safe to queue again: nobody gets one twice)."""
    from momentum.training.models import Session
    from momentum.training.services.certificates import issue_due_certificates

    session = Session.objects.filter(pk=session_id).first()
    return issue_due_certificates(session=session) if session is not None else 0


@task()
def issue_certificate_when_complete(nomination_id: int) -> bool:
    """Issue one participant's certificate if they have completed (e.g. queued when a
    post-test is submitted after the session ended). True when they hold one."""
    from momentum.training.models import Nomination
    from momentum.training.services.certificates import issue_certificate_if_complete

    nomination = Nomination.objects.filter(pk=nomination_id).first()
    if nomination is None:
        return False
    return issue_certificate_if_complete(nomination=nomination) is not None


@task()
def issue_session_certificates(job_id: int) -> dict[str, object]:
    """Check every selected participant of a session and issue the certificates due,
    advancing the job's progress row by row."""
    from django.utils import translation
    from django.utils.translation import gettext as _

    from momentum.core.models import Job
    from momentum.core.services import fail_job
    from momentum.training.services.certificates import run_certificate_issue

    job = Job.objects.select_related("created_by").get(pk=job_id)
    try:
        return run_certificate_issue(job)
    except Exception:
        # The person sees a plain sentence in their language; the details go to the log.
        with translation.override(job.parameters.get("language", "en")):
            fail_job(
                job,
                error=_(
                    "The work stopped because of an unexpected error. Try again "
                    "later, or tell the programme's support office."
                ),
            )
        raise
