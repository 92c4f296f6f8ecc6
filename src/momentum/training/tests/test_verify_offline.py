"""Certificates verifiable without a network: an Ed25519-signed statement in the QR code, the
public keys at a stable address, and a page that checks the signature on the device."""

from __future__ import annotations

import base64
import json
import re
from datetime import date

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from momentum.training import signing
from momentum.training.services.certificates import signed_verification_url
from momentum.training.tests.factories import CertificateFactory, NominationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def certificate(officer):  # type: ignore[no-untyped-def]
    return CertificateFactory(
        nomination=NominationFactory(officer=officer.profile),
        code="K7PX-3MQR-9TWZ",
        holder_name="Leila Haddad",
        holder_name_ar="ليلى حداد",
        title={"en": "Open-source investigations", "ar": "التحقيقات في المصادر المفتوحة"},
        language="ar",
        starts_on=date(2025, 3, 10),
        ends_on=date(2025, 3, 14),
        issued_on=date(2025, 3, 20),
        expires_on=date(2099, 3, 20),
    )


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def test_the_qr_code_carries_the_address_and_a_signed_statement(certificate, settings):
    url = signed_verification_url(certificate, "ar")

    address, token = url.split("#")
    assert address == f"{settings.SITE_URL}/ar/verify/K7PX-3MQR-9TWZ/"
    assert signing.verify(token) == {
        "v": 1,
        "code": "K7PX-3MQR-9TWZ",
        "name": "Leila Haddad",
        "name_ar": "ليلى حداد",
        "course": {"ar": "التحقيقات في المصادر المفتوحة"},
        "from": "2025-03-10",
        "to": "2025-03-14",
        "issued": "2025-03-20",
        "expires": "2099-03-20",
    }
    assert len(url) < 700  # a QR code a phone reads from paper


def test_a_changed_statement_is_not_genuine(certificate):
    kid, body, signature = signing.sign(certificate).split(".")
    statement = json.loads(_unb64(body))
    statement["name"] = "Someone Else"
    forged = base64.urlsafe_b64encode(json.dumps(statement).encode()).rstrip(b"=").decode()

    assert signing.verify(f"{kid}.{forged}.{signature}") is None
    assert signing.verify("not a token") is None


def test_the_published_key_checks_the_signature_with_any_ed25519_library(client, certificate):
    kid, body, signature = signing.sign(certificate).split(".")

    response = client.get("/.well-known/momentum-certificate-keys.json")

    assert response.status_code == 200
    [key] = response.json()["keys"]
    assert (key["kid"], key["crv"], key["kty"]) == (kid, "Ed25519", "OKP")
    Ed25519PublicKey.from_public_bytes(_unb64(key["x"])).verify(
        _unb64(signature), f"{kid}.{body}".encode()
    )


def test_rotation_signs_with_the_new_key_and_keeps_old_certificates_valid(certificate, settings):
    old_token = signing.sign(certificate)

    new_kid = signing.rotate_key()
    new_token = signing.sign(certificate)

    assert new_token.startswith(f"{new_kid}.")
    assert signing.verify(old_token) is not None
    assert signing.verify(new_token) is not None
    assert len(signing.public_keys()) == 2
    # Only the newest private key is kept on disk.
    assert [path.stem for path in settings.CERTIFICATE_KEYS_DIR.glob("*.key")] == [new_kid]


def test_the_offline_page_holds_the_keys_loads_nothing_from_elsewhere_and_warns_of_revocation(
    client, certificate
):
    signing.sign(certificate)

    response = client.get("/en/verify/offline/")

    assert response.status_code == 200
    page = response.content.decode()
    keys = json.loads(
        re.search(r'<script id="certificate-keys" type="application/json">(.*?)</script>', page)[1]  # type: ignore[index]
    )
    assert keys == client.get("/.well-known/momentum-certificate-keys.json").json()
    assert "only the online check can" in page
    assert "/static/momentum/verify-offline.js" in page
    assert not re.search(r'(src|href)="https?://', page)


def test_the_offline_page_is_in_arabic_too(client):
    response = client.get("/ar/verify/offline/")

    assert response.status_code == 200
    assert 'dir="rtl"' in response.content.decode()
