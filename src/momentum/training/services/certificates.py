"""Writes for certificates: issue once per completion, render the PDF, revoke, issue in bulk.

A certificate freezes what it says when it is issued (names, the course title in the three
languages, dates, hours): later edits of the course or the person do not change a certificate
already in someone's hands. Its verification code is random and unguessable; the public
verification page reads it.
"""

from __future__ import annotations

import base64
import secrets
from datetime import date
from functools import partial
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from momentum.core import audit, ratelimit
from momentum.core import services as jobs
from momentum.core.models import Job
from momentum.people.models import User
from momentum.training.completion import FINISHED, progress_for
from momentum.training.models import Certificate, Nomination, NominationStatus, Session

# No 0/O, 1/I/L: a code read aloud or typed from paper is not mistaken. 31 symbols, 12 of
# them: about 59 bits, far beyond enumeration at the verification page's rate limit.
CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
CODE_LENGTH = 12
ISSUE_JOB_KIND = "training.issue_certificates"
LANGUAGES = ("ar", "fr", "en")


def new_code() -> str:
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
    return "-".join(raw[i : i + 4] for i in range(0, CODE_LENGTH, 4))


def normalise_code(text: str) -> str:
    """A code as someone may type it (lower case, spaces, no dashes) in its stored form;
    an empty string when it cannot be a code."""
    raw = "".join(ch for ch in text.upper() if ch.isascii() and ch.isalnum())
    if len(raw) != CODE_LENGTH or any(ch not in CODE_ALPHABET for ch in raw):
        return ""
    return "-".join(raw[i : i + 4] for i in range(0, CODE_LENGTH, 4))


def verification_url(code: str, language: str) -> str:
    """The absolute public address of a certificate's verification page."""
    with translation.override(language):
        # The short public address, /<lang>/verify/<code>/, routed by the project.
        path = reverse("verify", kwargs={"code": code})
    return f"{settings.SITE_URL}{path}"


def signed_verification_url(certificate: Certificate, language: str) -> str:
    """What the QR code holds: the verification address, then (after "#", never sent to a
    server) the signed statement a phone checks without a network."""
    from momentum.training import signing

    return f"{verification_url(certificate.code, language)}#{signing.sign(certificate)}"


# Public look-ups per client address and minute: enough for people, too few to enumerate.
VERIFY_LIMIT = 30
VERIFY_WINDOW_SECONDS = 60


def verification_lookup(*, client: str) -> ratelimit.Verdict:
    """Count one look-up of a verification code from ``client``; refused once over the limit
    until the minute's window ends. The counter lives in the shared cache, so every web
    process counts together."""
    return ratelimit.hit(
        "training:verify", client, limit=VERIFY_LIMIT, window=VERIFY_WINDOW_SECONDS
    )


def allow_verification_lookup(*, client: str) -> bool:
    return verification_lookup(client=client).allowed


def _years_later(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def _holder_language(user: User) -> str:
    language = user.preferred_language
    return language if language in LANGUAGES else settings.LANGUAGE_CODE


def _certificate_fields(nomination: Nomination) -> dict[str, Any]:
    user = nomination.officer.user
    session = nomination.session
    course = session.course
    issued_on = timezone.localdate()
    years = course.certificate_validity_years
    return {
        "holder": user,
        "nomination": nomination,
        # Never the e-mail address: the name is shown on the public verification page. A
        # holder known by their Arabic name only has it once, as the name.
        "holder_name": user.full_name or user.full_name_ar,
        "holder_name_ar": user.full_name_ar if user.full_name else "",
        "title": {
            language: getattr(course, f"title_{language}", "") or course.title
            for language in LANGUAGES
        },
        "starts_on": session.starts_on,
        "ends_on": session.ends_on,
        "hours": course.duration_hours,
        "language": _holder_language(user),
        "issued_on": issued_on,
        "expires_on": _years_later(issued_on, years) if years else None,
    }


def _existing_certificate(nomination: Nomination) -> Certificate | None:
    return Certificate.objects.filter(nomination=nomination).first()


def issue_certificate_if_complete(
    *, nomination: Nomination, by: User | None = None
) -> Certificate | None:
    """The participant's certificate: issued now if they completed and have none yet, the
    existing one if already issued, None if they have not completed. Never two: the database
    refuses a second certificate for one nomination, so two workers at once get the same one.
    The PDF is rendered in the background once the certificate is saved."""
    existing = _existing_certificate(nomination)
    if existing is not None:
        return existing
    nomination = Nomination.objects.select_related("officer__user", "session__course").get(
        pk=nomination.pk
    )
    if not progress_for([nomination])[nomination.pk].completed:
        return None
    fields = _certificate_fields(nomination)
    for _attempt in range(5):
        try:
            with transaction.atomic():
                certificate = Certificate.objects.create(code=new_code(), **fields)
                audit.record(
                    by,
                    "training.certificate_issued",
                    certificate,
                    country=nomination.country,
                    session=nomination.session_id,
                )
        except IntegrityError:
            # Either someone issued it a moment ago (return theirs), or — vanishingly rare —
            # the random code was taken (draw another).
            existing = Certificate.objects.filter(nomination=nomination).first()
            if existing is not None:
                return existing
            continue
        transaction.on_commit(partial(_queue_pdf, certificate.pk))
        return certificate
    raise IntegrityError("No free verification code after five draws.")  # pragma: no cover


def issue_programme_certificate(
    *,
    holder: User,
    title: dict[str, str],
    starts_on: date,
    ends_on: date,
    hours: int,
    by: User | None = None,
    country: Any = None,
) -> Certificate:
    """A certificate that no training nomination stands behind (e.g. completing the mentoring
    programme): the same codes, PDF and public verification page as a course's. The caller
    decides that it is due; the PDF is rendered in the background once saved."""
    fields = {
        "holder": holder,
        "nomination": None,
        "holder_name": holder.full_name or holder.full_name_ar,
        "holder_name_ar": holder.full_name_ar if holder.full_name else "",
        "title": {language: title.get(language) or title.get("en", "") for language in LANGUAGES},
        "starts_on": starts_on,
        "ends_on": ends_on,
        "hours": hours,
        "language": _holder_language(holder),
        "issued_on": timezone.localdate(),
        "expires_on": None,
    }
    for _attempt in range(5):
        try:
            with transaction.atomic():
                certificate = Certificate.objects.create(code=new_code(), **fields)
                audit.record(by, "training.certificate_issued", certificate, country=country)
        except IntegrityError:  # the random code was taken: draw another
            continue
        transaction.on_commit(partial(_queue_pdf, certificate.pk))
        return certificate
    raise IntegrityError("No free verification code after five draws.")  # pragma: no cover


def _queue_pdf(certificate_id: int) -> None:
    from momentum.training.tasks import render_certificate_pdf

    render_certificate_pdf.enqueue(certificate_id=certificate_id)


def qr_code_data_uri(url: str) -> str:
    """A QR code of ``url`` as an SVG data URI (vector: sharp at any print size)."""
    import qrcode
    import qrcode.image.svg

    image = qrcode.make(
        url,
        image_factory=qrcode.image.svg.SvgPathImage,
        error_correction=qrcode.constants.ERROR_CORRECT_M,
        border=2,
    )
    svg = image.to_string()
    return "data:image/svg+xml;base64," + base64.b64encode(svg).decode("ascii")


def programme_name(language: str) -> str:
    from momentum.core.models import Programme

    programme = Programme.objects.order_by("pk").first()
    if programme is None:
        return "Momentum"
    return str(getattr(programme, f"name_{language}", "") or programme.name)


def certificate_pdf_bytes(certificate: Certificate, language: str | None = None) -> bytes:
    """The certificate as a PDF, in ``language`` (by default the holder's language, the one
    kept with the certificate)."""
    from momentum.training.pdf import render_pdf

    if language not in LANGUAGES:
        language = certificate.language if certificate.language in LANGUAGES else "en"
    url = verification_url(certificate.code, language)
    context = {
        "programme_name": programme_name(language),
        "certificate": certificate,
        "title": certificate.title_in(language),
        "holder_name": (
            certificate.holder_name_ar
            if language == "ar" and certificate.holder_name_ar
            else certificate.holder_name
        ),
        "other_name": (
            certificate.holder_name
            if language == "ar" and certificate.holder_name_ar
            else certificate.holder_name_ar
        ),
        "verification_url": url,
        # The address, and after "#" the signed statement the offline page checks.
        "qr_code": qr_code_data_uri(signed_verification_url(certificate, language)),
    }
    return render_pdf("training/certificates/certificate.html", context, language)


def store_certificate_pdf(*, certificate: Certificate) -> Certificate:
    """Render the certificate's PDF and keep it with the certificate."""
    data = certificate_pdf_bytes(certificate)
    if certificate.pdf:
        certificate.pdf.delete(save=False)
    certificate.pdf.save(f"certificate-{certificate.code}.pdf", ContentFile(data), save=False)
    Certificate.objects.filter(pk=certificate.pk).update(pdf=certificate.pdf.name)
    return certificate


def revoke_certificate(*, certificate: Certificate, by: User, reason: str) -> Certificate:
    """Withdraw a certificate: the verification page then says "revoked"."""
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": _("Say why the certificate is revoked.")})
    with transaction.atomic():
        # The row is locked, so two staff revoking at once give one revocation, one audit entry.
        locked = Certificate.objects.select_for_update().get(pk=certificate.pk)
        if locked.revoked_at is not None:
            raise ValidationError(
                _("This certificate was already revoked on %(date)s.")
                % {"date": timezone.localdate(locked.revoked_at).isoformat()},
                code="already_revoked",
            )
        locked.revoked_at = timezone.now()
        locked.revocation_reason = reason
        locked.save(update_fields=["revoked_at", "revocation_reason"])
        country = locked.nomination.country if locked.nomination is not None else None
        audit.record(by, "training.certificate_revoked", locked, country=country, reason=reason)
    certificate.revoked_at = locked.revoked_at
    certificate.revocation_reason = locked.revocation_reason
    return certificate


# --- issuing a session's certificates in bulk, with visible progress -------------------------


def issue_due_certificates(*, session: Session) -> int:
    """Issue the certificates due to a finished session's participants (no job, no report):
    what the background task runs when a session is completed. Returns how many were new."""
    if session.status not in FINISHED:
        return 0
    participants = list(
        Nomination.objects.filter(session=session, status=NominationStatus.SELECTED)
        .exclude(certificate__isnull=False)
        .select_related("session__course")
    )
    progress = progress_for(participants)
    issued = 0
    for nomination in participants:
        if progress[nomination.pk].completed and issue_certificate_if_complete(
            nomination=nomination
        ):
            issued += 1
    return issued


def start_certificate_issue(*, session: Session, by: User, language: str) -> Job:
    """Check every selected participant of the session in the background and issue the
    certificates due; the returned job shows the progress and, at the end, a report."""
    from momentum.training.tasks import issue_session_certificates

    if session.status not in FINISHED:
        raise ValidationError(
            _("Certificates are issued once the session is completed."), code="not_completed"
        )
    with transaction.atomic():
        job = jobs.create_job(
            kind=ISSUE_JOB_KIND,
            by=by,
            session=session.pk,
            language=language,
            report_template="training/certificates/_job_report.html",
        )
        audit.record(by, "training.certificates_requested", session, job=job.pk)
        transaction.on_commit(lambda: issue_session_certificates.enqueue(job_id=job.pk))
    return job


def run_certificate_issue(job: Job) -> dict[str, Any]:
    """The bulk issue itself: one participant at a time, the job advanced after each."""
    session = Session.objects.select_related("course").get(pk=job.parameters["session"])
    participants = list(
        Nomination.objects.filter(session=session, status=NominationStatus.SELECTED)
        .select_related("officer__user", "session__course", "country")
        .order_by("country__code", "officer__user__family_name", "pk")
    )
    jobs.start_job(job, total=len(participants))
    # Participants a previous run finished (its worker vanished mid-way) keep their outcome:
    # nobody is issued twice, and the report counts what that run issued.
    done = jobs.done_steps(job)
    progress = progress_for([n for n in participants if str(n.pk) not in done])
    with_certificate = set(
        Certificate.objects.filter(nomination__in=participants).values_list(
            "nomination_id", flat=True
        )
    )
    issued = already = 0
    not_completed: list[dict[str, Any]] = []
    with translation.override(job.parameters.get("language", "en")):
        for nomination in participants:

            def one(nomination: Nomination = nomination) -> dict[str, Any]:
                if nomination.pk in with_certificate:
                    return {"outcome": "already"}
                if progress[nomination.pk].completed and issue_certificate_if_complete(
                    nomination=nomination, by=job.created_by
                ):
                    return {"outcome": "issued"}
                return {
                    "outcome": "not_completed",
                    "name": nomination.officer.user.full_name,
                    "name_ar": nomination.officer.user.full_name_ar,
                    "country": nomination.country.code,
                    "reasons": progress[nomination.pk].shortfalls(),
                }

            outcome = dict(jobs.run_step(job, str(nomination.pk), one, done=done))
            kind = outcome.pop("outcome")
            if kind == "already":
                already += 1
            elif kind == "issued":
                issued += 1
            else:
                not_completed.append(outcome)
    report = {
        "participants": len(participants),
        "issued": issued,
        "already": already,
        "not_completed": not_completed,
    }
    jobs.finish_job(job, report=report)
    return report
