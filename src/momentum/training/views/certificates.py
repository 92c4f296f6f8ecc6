"""Certificates (issue, download, revoke, public verification), transcripts and exports."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from momentum.core import audit
from momentum.core.ratelimit import client_address
from momentum.people.http import AuthenticatedRequest
from momentum.people.models import Profile
from momentum.training import selectors
from momentum.training.exports import XLSX_CONTENT_TYPE, session_workbook
from momentum.training.forms import RevokeCertificateForm
from momentum.training.home import officer_steps
from momentum.training.models import CertificateStatus, Session
from momentum.training.rules import participation
from momentum.training.services import certificates as services

LANGUAGE_CODES = frozenset(code for code, _name in settings.LANGUAGES)

STATUS_TONES = {
    CertificateStatus.VALID: "ok",
    CertificateStatus.EXPIRED: "warn",
    CertificateStatus.REVOKED: "error",
}


def _session_url(session: Session) -> str:
    return reverse("training:session", kwargs={"pk": session.pk})


# --- issuing ---------------------------------------------------------------------------------


@login_required
@require_POST
def issue_certificates(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """Staff: check every selected participant and issue the certificates due, in the
    background; the job page shows the progress and the report."""
    session = selectors.get_session_for_evaluations(request.user, pk)
    if not request.user.has_perm("training.issue_certificates", session):
        raise PermissionDenied
    try:
        job = services.start_certificate_issue(
            session=session, by=request.user, language=request.LANGUAGE_CODE
        )
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return redirect(_session_url(session))
    return redirect("core:job", pk=job.pk)


# --- the PDF and revocation ------------------------------------------------------------------


@login_required
def certificate_pdf(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """The PDF, for its holder, staff and the holder's focal points (404 for anyone else)."""
    certificate = selectors.get_certificate_for(request.user, pk)
    if certificate.revoked_at is not None and not request.user.is_programme_staff:
        return render(
            request,
            "error.html",
            {
                "status": 410,
                "title": _("Certificate revoked"),
                "message": _("This certificate was revoked. It can no longer be downloaded."),
            },
            status=410,
        )
    language = request.GET.get("language", "")
    if language in LANGUAGE_CODES and language != certificate.language:
        # Another of the three languages, asked for by its reader: rendered on demand (the
        # stored PDF is the one in the holder's language).
        data = services.certificate_pdf_bytes(certificate, language)
        filename = f"certificate-{certificate.code}-{language}.pdf"
    else:
        if not certificate.pdf:
            # Not rendered yet (the background worker is behind): render it now, once.
            services.store_certificate_pdf(certificate=certificate)
        with certificate.pdf.open("rb") as stored:
            data = stored.read()  # a page or two: small
        filename = f"certificate-{certificate.code}.pdf"
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


@login_required
def my_certificate(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """The signed-in participant's certificate for a session (the session page links here)."""
    session = selectors.get_session_for_evaluations(request.user, pk)
    if not request.user.has_perm("training.download_own_certificate", session):
        raise Http404
    nomination = participation(request.user, session)
    return redirect("training:certificate_pdf", pk=nomination.certificate.pk)


@login_required
def revoke_certificate(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    if not request.user.has_perm("training.revoke_certificate"):
        raise PermissionDenied
    certificate = selectors.get_certificate_for(request.user, pk)
    form = RevokeCertificateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.revoke_certificate(
                certificate=certificate, by=request.user, reason=form.cleaned_data["reason"]
            )
        except ValidationError as error:
            if hasattr(error, "error_dict"):
                for field, field_messages in error.message_dict.items():
                    for message in field_messages:
                        form.add_error(field if field in form.fields else None, message)
            else:
                form.add_error(None, error)
        else:
            messages.success(
                request,
                _("The certificate %(code)s was revoked.") % {"code": certificate.code},
            )
            profile = getattr(certificate.holder, "profile", None)
            if profile is not None:
                return redirect("training:transcript", pk=profile.pk)
            return redirect("training:verify", code=certificate.code)
    return render(
        request,
        "training/certificates/revoke.html",
        {
            "form": form,
            "certificate": certificate,
            "title": certificate.title_in(request.LANGUAGE_CODE),
            "status_tone": STATUS_TONES[certificate.status],
        },
    )


# --- public verification ---------------------------------------------------------------------


def _rate_limited(request: HttpRequest, retry_after: int) -> HttpResponse:
    response = render(
        request,
        "error.html",
        {
            "status": 429,
            "title": _("Too many requests"),
            "message": _(
                "Too many certificates were looked up from here. Wait a minute and try again."
            ),
        },
        status=429,
    )
    response["Retry-After"] = str(retry_after)
    return response


@never_cache
@require_GET
def verify(request: HttpRequest, code: str) -> HttpResponse:
    """Public: anyone holding a code checks the certificate. Shows the minimum, nothing more."""
    verdict = services.verification_lookup(client=client_address(request))
    if not verdict.allowed:
        return _rate_limited(request, verdict.retry_after)
    certificate = selectors.certificate_by_code(services.normalise_code(code))
    if certificate is None:
        return render(
            request, "training/certificates/verify_unknown.html", {"code": code}, status=404
        )
    language = request.LANGUAGE_CODE
    return render(
        request,
        "training/certificates/verify.html",
        {
            "certificate": certificate,
            "title": certificate.title_in(language),
            "status_tone": STATUS_TONES[certificate.status],
            "today": timezone.localdate(),
        },
    )


# --- transcripts -----------------------------------------------------------------------------


def _transcript_context(profile: Profile) -> dict[str, object]:
    return {
        "profile": profile,
        "lines": selectors.transcript(profile),
        "status_tones": STATUS_TONES,
        "today": timezone.localdate(),
    }


def _transcript_page_context(request: AuthenticatedRequest, profile: Profile) -> dict[str, object]:
    """The page shows 25 participations at a time, the latest first (the PDF has them all)."""
    page = selectors.transcript_page(profile, request.GET.get("page"))
    return {
        "profile": profile,
        "lines": page.object_list,
        "page": page,
        "status_tones": STATUS_TONES,
        "today": timezone.localdate(),
    }


@login_required
def transcript(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    profile = selectors.get_transcript_profile_for(request.user, pk)
    return render(
        request, "training/transcripts/transcript.html", _transcript_page_context(request, profile)
    )


@login_required
def my_training(request: AuthenticatedRequest) -> HttpResponse:
    """The signed-in officer's own transcript."""
    if not request.user.has_perm("training.view_own_transcript"):
        raise PermissionDenied
    profile = (
        Profile.objects.select_related("user", "country", "agency")
        .filter(user=request.user)
        .first()
    )
    if profile is None:
        raise Http404
    context = _transcript_page_context(request, profile)
    context["own"] = True
    # The same actions as on the home page: the tests to take, the evaluations, the certificates.
    context["next_steps"] = officer_steps(request.user)
    return render(request, "training/transcripts/transcript.html", context)


@login_required
def transcript_pdf(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    from momentum.training.pdf import render_pdf

    profile = selectors.get_transcript_profile_for(request.user, pk)
    language = request.LANGUAGE_CODE
    context = {**_transcript_context(profile), "programme_name": services.programme_name(language)}
    data = render_pdf("training/transcripts/transcript_pdf.html", context, language)
    # An officer's record leaving the platform: written to the audit log, like every export.
    audit.record(
        request.user,
        "training.transcript_exported",
        profile,
        country=profile.country,
        language=language,
    )
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="transcript-{profile.pk}.pdf"'
    return response


# --- exports ---------------------------------------------------------------------------------


@login_required
def session_export(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """The participant list and results as XLSX: staff every country, a focal point theirs."""
    session = selectors.get_session_for_evaluations(request.user, pk)
    if not request.user.has_perm("training.export_session", session):
        raise PermissionDenied
    data = session_workbook(user=request.user, session=session, language=request.LANGUAGE_CODE)
    response = HttpResponse(data, content_type=XLSX_CONTENT_TYPE)
    filename = f"{session.course.code}-{session.starts_on:%Y%m%d}-participants.xlsx"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


# --- verification without a network ----------------------------------------------------------

KEYS_PATH = "/.well-known/momentum-certificate-keys.json"


def _published_keys() -> dict[str, object]:
    from momentum.training import signing

    return {"keys": [key.as_jwk() for key in signing.public_keys()]}


@require_GET
def certificate_keys(request: HttpRequest) -> JsonResponse:
    """Public, at a stable address: every key that ever signed a certificate (rotation keeps
    the old ones, so certificates signed before stay verifiable)."""
    response = JsonResponse(_published_keys())
    response["Cache-Control"] = "public, max-age=3600"
    response["Access-Control-Allow-Origin"] = "*"
    return response


@require_GET
def verify_offline(request: HttpRequest) -> HttpResponse:
    """Public: checks a QR code's signature on the device, with the keys written in."""
    return render(
        request,
        "training/certificates/verify_offline.html",
        {"keys": _published_keys(), "keys_url": f"{settings.SITE_URL}{KEYS_PATH}"},
    )
