"""GET /api/v1/certificates/{code}: public verification, the same minimum as the page."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from momentum.training.models import Certificate
from momentum.training.tests.factories import CertificateFactory, NominationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def certificate(officer):  # type: ignore[no-untyped-def]
    return CertificateFactory(nomination=NominationFactory(officer=officer.profile), hours=30)


def test_anyone_verifies_a_certificate_without_signing_in(client, certificate):
    response = client.get(f"/api/v1/certificates/{certificate.code}")

    assert response.status_code == 200
    body = response.json()
    assert set(body) == {
        "code",
        "status",
        "holder_name",
        "holder_name_ar",
        "course_title",
        "starts_on",
        "ends_on",
        "hours",
        "issued_on",
        "expires_on",
    }
    assert body["status"] == "valid"
    assert body["holder_name"] == "Leila Haddad"
    assert body["holder_name_ar"] == "ليلى حداد"
    assert set(body["course_title"]) == {"ar", "fr", "en"}
    assert body["hours"] == 30
    assert body["issued_on"] == timezone.localdate().isoformat()


def test_a_revoked_certificate_is_reported_revoked(client, certificate):
    Certificate.objects.filter(pk=certificate.pk).update(revoked_at=timezone.now())

    assert client.get(f"/api/v1/certificates/{certificate.code}").json()["status"] == "revoked"


def test_a_code_is_read_as_typed(client, certificate):
    typed = certificate.code.replace("-", "").lower()

    assert client.get(f"/api/v1/certificates/{typed}").status_code == 200


def test_an_unknown_code_is_a_404_in_the_error_shape(client, certificate):
    response = client.get("/api/v1/certificates/AAAA-BBBB-CCCC")

    assert response.status_code == 404
    assert response.json() == {"error": {"code": "not_found", "message": "Not found."}}


def test_lookups_are_rate_limited(client, certificate):
    for _ in range(30):
        client.get("/api/v1/certificates/AAAA-BBBB-CCCC")

    response = client.get(f"/api/v1/certificates/{certificate.code}")

    assert response.status_code == 429
    assert response.json()["error"]["code"] == "rate_limited"


def test_the_page_and_the_api_share_the_limit(client, certificate):
    for _ in range(30):
        client.get("/en/training/verify/AAAA-BBBB-CCCC/")

    assert client.get(f"/api/v1/certificates/{certificate.code}").status_code == 429


def test_the_route_is_in_the_openapi_document_without_authentication(client):
    schema = client.get("/api/v1/openapi.json").json()

    operation = schema["paths"]["/api/v1/certificates/{code}"]["get"]
    assert "security" not in operation or operation["security"] == []
    assert "CertificateVerificationOut" in schema["components"]["schemas"]


def test_one_query(client, certificate):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(f"/api/v1/certificates/{certificate.code}").status_code == 200

    # the certificate
    assert len(queries) == 1, [q["sql"] for q in queries]
