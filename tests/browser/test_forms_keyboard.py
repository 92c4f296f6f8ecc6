"""The sign-in form in French: a wrong password is explained in French, the e-mail address is
kept, and the whole form works with the keyboard alone."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

import pytest
from django.utils import translation

from .conftest import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _tab_to(page: Any, name: str, limit: int = 25) -> None:
    """Press Tab until the field called ``name`` has the focus."""
    for _ in range(limit):
        if page.evaluate("document.activeElement && document.activeElement.name") == name:
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"Tab never reached the field {name!r}")


def _focused(page: Any) -> str | None:
    return page.evaluate("document.activeElement && document.activeElement.name")


def test_wrong_password_is_explained_in_french_and_keyboard_completes_the_form(
    page, server_url, screenshot, focal_point
):
    from allauth.account.adapter import DefaultAccountAdapter

    message = DefaultAccountAdapter.error_messages["email_password_mismatch"]
    with translation.override("fr"):
        expected_error = str(message)
    with translation.override("en"):
        english_error = str(message)
    assert expected_error != english_error  # the French catalogue has the message

    page.goto(f"{server_url}/fr/accounts/login/")
    assert page.locator("html").get_attribute("lang") == "fr"

    _tab_to(page, "login")
    page.keyboard.type("focal.jo@example.org")
    page.keyboard.press("Tab")
    assert _focused(page) == "password"
    page.keyboard.type("not-the-password")
    with page.expect_navigation():
        page.keyboard.press("Enter")

    assert urlsplit(page.url).path == "/fr/accounts/login/"
    assert page.locator("html").get_attribute("lang") == "fr"
    main = page.locator("main").inner_text()
    assert expected_error in main
    assert english_error not in main
    assert page.locator("input[name=login]").input_value() == "focal.jo@example.org"
    assert page.locator("input[name=password]").input_value() == ""
    screenshot("login-wrong-password-fr-desktop")

    # Still keyboard only: from the top of the page to the password, then Enter.
    page.locator("body").focus()
    _tab_to(page, "password")
    page.keyboard.type(PASSWORD)
    with page.expect_navigation():
        page.keyboard.press("Enter")

    assert urlsplit(page.url).path == "/fr/"
    assert page.locator("html").get_attribute("lang") == "fr"
    assert focal_point.full_name in page.locator(".site-header .account").inner_text()
