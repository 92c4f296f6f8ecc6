"""The public API of certificate verification."""

from datetime import date
from typing import Any

from django.http import Http404, HttpRequest
from ninja import Field, Router, Schema
from ninja.errors import HttpError

from momentum.training import selectors
from momentum.training.api.nominations import RefusalOut
from momentum.training.services import certificates

router = Router(tags=["training"])


class CertificateVerificationOut(Schema):
    """What the public verification page shows, and nothing more."""

    code: str
    status: str = Field(..., description="valid, expired or revoked")
    holder_name: str
    holder_name_ar: str
    course_title: dict[str, str] = Field(
        ..., alias="title", description="The course title in Arabic, French and English"
    )
    starts_on: date
    ends_on: date
    hours: int
    issued_on: date
    expires_on: date | None


@router.get(
    "/certificates/{code}",
    response={200: CertificateVerificationOut, 404: RefusalOut, 429: RefusalOut},
    auth=None,
)
def get_certificate(request: HttpRequest, code: str) -> Any:
    """Verify a certificate by its code (public, no sign-in; rate-limited per address)."""
    from momentum.core.ratelimit import client_address

    verdict = certificates.verification_lookup(client=client_address(request))
    if not verdict.allowed:
        raise HttpError(429, "Too many certificates were looked up from here. Wait a minute.")
    certificate = selectors.certificate_by_code(certificates.normalise_code(code))
    if certificate is None:
        raise Http404
    return certificate
