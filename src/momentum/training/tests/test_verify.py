"""The public verification page: the minimum to check a certificate, nothing more."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from momentum.training.models import Certificate
from momentum.training.tests.factories import CertificateFactory, NominationFactory, record_score

pytestmark = pytest.mark.django_db


@pytest.fixture
def certificate(officer):  # type: ignore[no-untyped-def]
    nomination = NominationFactory(officer=officer.profile)
    record_score(nomination, "post", 93)
    return CertificateFactory(
        nomination=nomination,
        code="K7PX-3MQR-9TWZ",
        title={
            "en": "Open-source investigations",
            "fr": "Enquêtes en sources ouvertes",
            "ar": "التحقيقات في المصادر المفتوحة",
        },
        starts_on=date(2025, 3, 10),
        ends_on=date(2025, 3, 14),
        hours=30,
        issued_on=date(2025, 3, 20),
        expires_on=date(2099, 3, 20),
    )


def url(code: str, language: str = "en") -> str:
    return f"/{language}/training/verify/{code}/"


def test_anyone_sees_the_holder_course_dates_and_status(client, certificate):
    response = client.get(url(certificate.code))

    assert response.status_code == 200
    page = response.content.decode()
    assert "Leila Haddad" in page
    assert "ليلى حداد" in page
    assert "Open-source investigations" in page
    assert "March 10, 2025 to March 14, 2025" in page
    assert "<dd>30</dd>" in page
    assert "March 20, 2025" in page
    assert "March 20, 2099" in page
    assert '<span class="status status--ok">Valid</span>' in page


def test_the_page_reveals_nothing_more(client, certificate, officer):
    html = client.get(url(certificate.code)).content.decode()
    # What the page says: its main part, less the code (random letters and digits).
    page = html[html.index("<main") : html.index("</main>")].replace(certificate.code, "")

    profile = officer.profile
    assert officer.email not in html
    assert "Jordan" not in page
    assert str(profile.agency.name) not in page
    assert str(profile.agency.acronym) not in page
    assert "93" not in page  # the post-test score
    assert "Inspector" not in page  # the rank
    assert "Female" not in page and "Male" not in page


def test_each_language_shows_the_course_in_it(client, certificate):
    arabic = client.get(url(certificate.code, "ar")).content.decode()
    french = client.get(url(certificate.code, "fr")).content.decode()

    assert 'lang="ar" dir="rtl"' in arabic
    assert "التحقيقات في المصادر المفتوحة" in arabic
    assert "Enquêtes en sources ouvertes" in french


def test_an_expired_certificate_says_expired(client, certificate):
    Certificate.objects.filter(pk=certificate.pk).update(
        expires_on=timezone.localdate() - timedelta(days=1)
    )

    page = client.get(url(certificate.code)).content.decode()

    assert '<span class="status status--warn">Expired</span>' in page
    assert "its validity has ended" in page


def test_a_revoked_certificate_says_revoked(client, certificate):
    Certificate.objects.filter(pk=certificate.pk).update(
        revoked_at=timezone.now(), revocation_reason="Fraud."
    )

    page = client.get(url(certificate.code)).content.decode()

    assert '<span class="status status--error">Revoked</span>' in page
    assert "Fraud." not in page


def test_an_unknown_code_says_so(client, certificate):
    response = client.get(url("AAAA-BBBB-CCCC"))

    assert response.status_code == 404
    assert "There is no certificate with the code" in response.content.decode()
    assert "Leila" not in response.content.decode()


def test_a_code_typed_in_lower_case_without_dashes_is_found(client, certificate):
    response = client.get(url("k7px3mqr9twz"))

    assert response.status_code == 200
    assert "Leila Haddad" in response.content.decode()


def test_lookups_are_limited_per_address(client, certificate):
    for n in range(30):
        assert client.get(url(f"AAAA-BBBB-{n:04d}")).status_code == 404

    refused = client.get(url(certificate.code))

    assert refused.status_code == 429
    assert "Leila" not in refused.content.decode()
    assert 1 <= int(refused["Retry-After"]) <= 60
    other = client.get(url(certificate.code), REMOTE_ADDR="203.0.113.9")
    assert other.status_code == 200


def test_the_page_costs_one_query(client, certificate):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url(certificate.code))

    assert response.status_code == 200
    # the certificate (the rate-limit counter is in the cache, not the database)
    assert len(queries) == 1, [q["sql"] for q in queries]
