"""The certificate's PDF: in the holder's language (Arabic right to left, the name in Arabic
script), with its code and a QR code of the verification address; served only to those
allowed."""

from __future__ import annotations

import base64
import shutil
import subprocess
import unicodedata

import pytest
from django.utils import timezone

from momentum.people.tests.factories import officer as make_officer
from momentum.training.models import Certificate
from momentum.training.services import certificates as services
from momentum.training.tests.factories import CourseFactory, completed_participation

pytestmark = pytest.mark.django_db

needs_pdftotext = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) is not installed"
)


def pdf_text(data: bytes, tmp_path) -> str:  # type: ignore[no-untyped-def]
    path = tmp_path / "certificate.pdf"
    path.write_bytes(data)
    text = subprocess.run(  # noqa: S603
        ["pdftotext", str(path), "-"],  # noqa: S607
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return text


def letters(text: str) -> str:
    """The letters only: extracted Arabic comes in presentation forms, with stray spaces and
    direction marks."""
    folded = unicodedata.normalize("NFKC", text)
    return "".join(ch for ch in folded if ch.isalnum())


@pytest.fixture
def certificate(officer):  # type: ignore[no-untyped-def]
    course = CourseFactory(
        title_en="Criminal intelligence analysis",
        title_fr="Analyse du renseignement criminel",
        title_ar="تحليل المعلومات الجنائية",
        certificate_validity_years=4,
    )
    nomination = completed_participation(officer.profile, course=course)
    certificate = services.issue_certificate_if_complete(nomination=nomination)
    assert certificate is not None
    return certificate


def test_an_arabic_certificate_shows_the_name_in_arabic_script(certificate, tmp_path):
    certificate.language = "ar"

    data = services.certificate_pdf_bytes(certificate)

    assert data.startswith(b"%PDF")
    if shutil.which("pdftotext"):
        text = pdf_text(data, tmp_path)
        assert letters("ليلى حداد") in letters(text)
        # (Not the title: the font draws dots apart from some letters' shapes, so poppler
        # reads back "ف" for a shaped "ن" — the PDF is right, its text extraction is not.)
        assert certificate.code in text


def test_a_french_certificate_has_the_french_title_and_the_code(certificate, tmp_path, settings):
    settings.SITE_URL = "https://momentum.example.org"
    certificate.language = "fr"

    data = services.certificate_pdf_bytes(certificate)

    assert data.startswith(b"%PDF")
    if shutil.which("pdftotext"):
        text = pdf_text(data, tmp_path)
        assert "Analyse du renseignement criminel" in text
        assert "Leila Haddad" in text
        assert certificate.code in text
        assert services.verification_url(certificate.code, "fr") in text
        assert "https://momentum.example.org/fr/" in text


def test_the_certificate_html_is_right_to_left_in_arabic(certificate):
    from django.template.loader import render_to_string
    from django.utils import translation

    url = services.verification_url(certificate.code, "ar")
    with translation.override("ar"):
        html = render_to_string(
            "training/certificates/certificate.html",
            {
                "certificate": certificate,
                "title": certificate.title_in("ar"),
                "holder_name": certificate.holder_name_ar,
                "verification_url": url,
                "qr_code": services.qr_code_data_uri(url),
                "pdf_language": "ar",
                "pdf_direction": "rtl",
            },
        )

    assert '<html lang="ar" dir="rtl">' in html
    assert "<bdi>ليلى حداد</bdi>" in html
    assert f'<bdi class="code" dir="ltr">{certificate.code}</bdi>' in html
    assert services.qr_code_data_uri(url) in html


def test_the_qr_code_is_a_vector_image_of_the_verification_address(settings):
    settings.SITE_URL = "https://momentum.example.org"
    url = services.verification_url("ABCD-EFGH-JKMN", "ar")

    data_uri = services.qr_code_data_uri(url)

    # /ar/verify/<code>/ once the project routes it, /ar/training/verify/<code>/ until then.
    assert url.startswith("https://momentum.example.org/ar/")
    assert url.endswith("/verify/ABCD-EFGH-JKMN/")
    assert data_uri.startswith("data:image/svg+xml;base64,")
    svg = base64.b64decode(data_uri.split(",", 1)[1]).decode()
    assert "<svg" in svg and "<path" in svg
    # A different address gives a different code.
    assert services.qr_code_data_uri(url + "x") != data_uri


# --- downloading ---


def url(certificate) -> str:  # type: ignore[no-untyped-def]
    return f"/en/training/certificates/{certificate.pk}/pdf/"


def test_the_holder_downloads_their_certificate(client_for, officer, certificate):
    response = client_for(officer).get(url(certificate))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    # Rendered on demand when the worker had not yet done it, and kept.
    certificate.refresh_from_db()
    assert certificate.pdf


def test_staff_and_the_holders_focal_point_download_it(client_for, staff, focal_point, certificate):
    assert client_for(staff).get(url(certificate)).status_code == 200
    assert client_for(focal_point).get(url(certificate)).status_code == 200


def test_others_are_told_nothing_exists(client_for, outsider, donor, trainer, certificate, jordan):
    colleague = make_officer(jordan)

    for person in (outsider, donor, trainer, colleague):
        assert client_for(person).get(url(certificate)).status_code == 404, person


def test_a_revoked_certificate_is_not_served_to_its_holder(client_for, officer, staff, certificate):
    Certificate.objects.filter(pk=certificate.pk).update(
        revoked_at=timezone.now(), revocation_reason="Issued by mistake."
    )

    response = client_for(officer).get(url(certificate))

    assert response.status_code == 410
    assert "This certificate was revoked." in response.content.decode()
    assert client_for(staff).get(url(certificate)).status_code == 200


def test_the_session_page_link_leads_the_participant_to_their_certificate(
    client_for, officer, certificate
):
    session = certificate.nomination.session

    response = client_for(officer).get(f"/en/training/sessions/{session.pk}/certificate/")

    assert response.status_code == 302
    assert response["Location"] == url(certificate)


def test_someone_without_a_certificate_gets_no_link(client_for, focal_point, certificate):
    session = certificate.nomination.session

    response = client_for(focal_point).get(f"/en/training/sessions/{session.pk}/certificate/")

    assert response.status_code == 404


def test_the_holder_downloads_it_in_another_of_the_three_languages(
    client_for, officer, outsider, certificate, tmp_path
):
    assert certificate.language != "fr"

    response = client_for(officer).get(url(certificate) + "?language=fr")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert f"certificate-{certificate.code}-fr.pdf" in response["Content-Disposition"]
    if shutil.which("pdftotext"):
        assert "Analyse du renseignement criminel" in pdf_text(response.content, tmp_path)
    # Still only for those who may see the certificate.
    assert client_for(outsider).get(url(certificate) + "?language=fr").status_code == 404


def test_my_training_offers_the_certificate_in_the_three_languages(
    client_for, officer, certificate
):
    page = client_for(officer).get("/en/training/my-training/").content.decode()

    for language in ("ar", "fr", "en"):
        assert f"{url(certificate)}?language={language}" in page
