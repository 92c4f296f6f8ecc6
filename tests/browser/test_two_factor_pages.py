"""An officer sets up two-factor authentication in Arabic, by clicking from the overview, and
signs in again with it; axe-core audits each page she meets on the way (sign-in, overview,
re-authentication, set-up, the sign-in code step). Its figures are written to
``test-output/axe-ar-two-factor.json``; screenshots of the overview, the set-up page (desktop
and phone) and the sign-in code step to ``test-output/``."""

from __future__ import annotations

import json
import time
from typing import Any
from urllib.parse import urlsplit

import pytest
from allauth.mfa import app_settings as mfa_settings
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value

from .conftest import BLOCKING, DESKTOP, PASSWORD, PHONE, SCREENSHOTS, axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ARABIC_TERM = "المصادقة الثنائية"


def _code_now(secret: str) -> str:
    return format_hotp_value(hotp_value(secret, int(time.time()) // mfa_settings.TOTP_PERIOD))


def _path(page: Any) -> str:
    return urlsplit(page.url).path


def _sign_in(page: Any, server_url: str, email: str) -> None:
    page.goto(f"{server_url}/ar/accounts/login/")
    page.fill("input[name=login]", email)
    page.fill("input[name=password]", PASSWORD)
    with page.expect_navigation():
        page.click("form[action$='/accounts/login/'] button[type=submit]")


def test_an_officer_sets_up_two_factor_authentication_in_arabic(browser, server_url, officer):
    # axe is injected as a script, which the pages' Content-Security-Policy would refuse.
    context = browser.new_context(viewport=DESKTOP, locale="ar", bypass_csp=True)
    context.set_default_timeout(15_000)
    try:
        _set_up_and_sign_in_again(context, server_url, officer)
    finally:
        context.close()


def _set_up_and_sign_in_again(context: Any, server_url: str, officer: Any) -> None:
    page = context.new_page()
    figures: dict[str, list[dict[str, Any]]] = {}

    page.goto(f"{server_url}/ar/accounts/login/")
    figures["sign-in"] = axe_violations(page)
    _sign_in(page, server_url, officer.email)
    assert _path(page) == "/ar/"

    page.goto(f"{server_url}/ar/accounts/2fa/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert ARABIC_TERM in page.locator("h1").inner_text()
    figures["overview"] = axe_violations(page)
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "two-factor-overview-ar-desktop.png"), full_page=True)

    # The overview's button leads to the set-up, through the password confirmed once more.
    with page.expect_navigation():
        page.click("a[href='/ar/accounts/2fa/totp/activate/']")
    assert _path(page) == "/ar/accounts/reauthenticate/"
    figures["re-authentication (password)"] = axe_violations(page)
    page.fill("input[name=password]", PASSWORD)
    with page.expect_navigation():
        page.click("main form button[type=submit]")
    assert _path(page) == "/ar/accounts/2fa/totp/activate/"

    assert page.locator("img.qr-code").is_visible()
    assert page.locator("label[for=id_code]").is_visible()
    figures["set-up"] = axe_violations(page)
    page.screenshot(path=str(SCREENSHOTS / "two-factor-setup-ar-desktop.png"), full_page=True)
    page.set_viewport_size(PHONE)
    page.screenshot(path=str(SCREENSHOTS / "two-factor-setup-ar-phone.png"), full_page=True)
    # Right to left: on a phone the QR code starts at the right, beside the numbered steps.
    qr = page.locator("img.qr-code").bounding_box()
    card = page.locator("form.totp-setup").bounding_box()
    assert qr is not None and card is not None
    assert qr["x"] + qr["width"] > card["x"] + card["width"] / 2
    page.set_viewport_size(DESKTOP)

    # A wrong code is refused beside the field; the right one turns the app on.
    page.fill("input[name=code]", "000000")
    with page.expect_navigation():
        page.click("form.totp-setup button[type=submit]")
    assert page.locator(".error-summary").is_visible()
    assert page.locator("#id_code").get_attribute("aria-invalid") == "true"
    secret = page.locator("#authenticator_secret").inner_text().strip()
    page.fill("input[name=code]", _code_now(secret))
    with page.expect_navigation():
        page.click("form.totp-setup button[type=submit]")
    assert _path(page) == "/ar/accounts/2fa/recovery-codes/"
    assert Authenticator.objects.filter(user=officer, type=Authenticator.Type.TOTP).exists()
    figures["recovery codes"] = axe_violations(page)

    # Signing in again asks for the second step; a recovery code opens it (the app's code of
    # this half-minute has been used already).
    with page.expect_navigation():
        page.click("form[action$='/accounts/logout/'] button[type=submit]")
    _sign_in(page, server_url, officer.email)
    assert _path(page) == "/ar/accounts/2fa/authenticate/"
    assert ARABIC_TERM in page.locator("h1").inner_text()
    figures["sign-in code step"] = axe_violations(page)
    page.screenshot(
        path=str(SCREENSHOTS / "two-factor-sign-in-code-ar-desktop.png"), full_page=True
    )
    recovery = RecoveryCodes(
        Authenticator.objects.get(user=officer, type=Authenticator.Type.RECOVERY_CODES)
    ).get_unused_codes()[0]
    page.fill("input[name=code]", recovery)
    with page.expect_navigation():
        page.click("form[action$='/accounts/2fa/authenticate/'] button[type=submit]")
    assert _path(page) == "/ar/"

    page.goto(f"{server_url}/ar/accounts/2fa/reauthenticate/")
    assert page.locator("input[name=code]").is_visible()
    figures["re-authentication (code)"] = axe_violations(page)

    (SCREENSHOTS / "axe-ar-two-factor.json").write_text(
        json.dumps(figures, indent=1, ensure_ascii=False)
    )
    blocking = {
        name: [v for v in violations if v["impact"] in BLOCKING]
        for name, violations in figures.items()
    }
    assert not any(blocking.values()), json.dumps(blocking, indent=1, ensure_ascii=False)
