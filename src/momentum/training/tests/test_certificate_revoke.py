"""Staff revoke a certificate with a reason; the verification page then says so."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from momentum.core.models import AuditEntry
from momentum.training.models import Certificate, CertificateStatus
from momentum.training.services.certificates import revoke_certificate
from momentum.training.tests.factories import CertificateFactory, NominationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def certificate(officer):  # type: ignore[no-untyped-def]
    return CertificateFactory(nomination=NominationFactory(officer=officer.profile))


def url(certificate) -> str:  # type: ignore[no-untyped-def]
    return f"/en/training/certificates/{certificate.pk}/revoke/"


def test_staff_revoke_with_a_reason(client_for, staff, officer, certificate):
    response = client_for(staff).post(url(certificate), {"reason": "Attendance was misreported."})

    assert response.status_code == 302
    assert response["Location"] == f"/en/training/officers/{officer.profile.pk}/transcript/"
    certificate.refresh_from_db()
    assert certificate.status == CertificateStatus.REVOKED
    assert certificate.revocation_reason == "Attendance was misreported."
    entry = AuditEntry.objects.get(verb="training.certificate_revoked")
    assert entry.actor == staff
    assert entry.details == {"reason": "Attendance was misreported."}
    assert entry.country == certificate.nomination.country


def test_a_reason_is_required(client_for, staff, certificate):
    response = client_for(staff).post(url(certificate), {"reason": "  "})

    assert response.status_code == 200
    assert response.context["form"].errors["reason"]
    certificate.refresh_from_db()
    assert certificate.revoked_at is None


def test_a_certificate_is_revoked_once(staff, certificate):
    revoke_certificate(certificate=certificate, by=staff, reason="Wrong person.")

    with pytest.raises(ValidationError) as refusal:
        revoke_certificate(certificate=certificate, by=staff, reason="Again.")

    assert refusal.value.code == "already_revoked"
    assert Certificate.objects.get().revocation_reason == "Wrong person."
    assert AuditEntry.objects.filter(verb="training.certificate_revoked").count() == 1


def test_the_verification_page_then_says_revoked(client_for, staff, certificate, client):
    client_for(staff).post(url(certificate), {"reason": "Wrong person."})
    client.logout()

    page = client.get(f"/en/training/verify/{certificate.code}/").content.decode()

    assert '<span class="status status--error">Revoked</span>' in page
    assert "Wrong person." not in page
    # A revoked certificate is not "valid until" anything: the page says when it was revoked.
    assert "Valid until" not in page
    assert "No expiry" not in page
    assert "Revoked on" in page


def test_only_staff_revoke(client_for, focal_point, officer, certificate):
    for person in (focal_point, officer):
        assert client_for(person).post(url(certificate), {"reason": "x"}).status_code == 403
    certificate.refresh_from_db()
    assert certificate.revoked_at is None


def test_the_form_shows_the_certificate(client_for, staff, certificate):
    page = client_for(staff).get(url(certificate)).content.decode()

    assert certificate.code in page
    assert certificate.holder_name in page
    assert 'name="reason"' in page
