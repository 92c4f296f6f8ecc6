"""The offline verification page checks a certificate's signature in the browser (WebCrypto
Ed25519) after the network is gone."""

from __future__ import annotations

from datetime import date

import pytest

from momentum.training.services.certificates import signed_verification_url
from momentum.training.tests.factories import CertificateFactory, NominationFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_page_tells_a_genuine_certificate_from_a_forged_one_with_no_network(
    context, page, server_url, officer
):
    certificate = CertificateFactory(
        nomination=NominationFactory(officer=officer.profile),
        holder_name="Leila Haddad",
        holder_name_ar="ليلى حداد",
        title={"en": "Open-source investigations"},
        language="en",
        starts_on=date(2025, 3, 10),
        ends_on=date(2025, 3, 14),
    )
    scanned = signed_verification_url(certificate, "en")
    page.goto(f"{server_url}/en/verify/offline/")
    page.wait_for_load_state("networkidle")
    context.set_offline(True)

    page.fill("#offline-token", scanned)
    page.click("#offline-verify button[type=submit]")
    result = page.locator("#offline-result")
    result.locator("[data-field=code]").filter(has_text=certificate.code).wait_for()
    assert result.get_attribute("data-state") == "genuine"
    assert result.locator("[data-field=name_ar]").inner_text() == "ليلى حداد"
    assert "revoked" in page.content()

    kid, body, signature = scanned.split("#")[1].split(".")
    forged = f"{kid}.{body}.{signature[:-4]}AAAA"
    page.fill("#offline-token", forged)
    page.click("#offline-verify button[type=submit]")
    page.wait_for_function("document.getElementById('offline-result').dataset.state === 'invalid'")
