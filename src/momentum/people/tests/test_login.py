"""Signing in: e-mail and password, allauth's limit on failed attempts, no open sign-up."""

from __future__ import annotations

import pytest
from django.conf import settings

from momentum.people.models import User

pytestmark = pytest.mark.django_db

LOGIN = "/en/accounts/login/"
PASSWORD = "correct-horse-battery"  # the factories' password


def _login(client, email: str, password: str, ip: str = "192.0.2.1"):  # type: ignore[no-untyped-def]
    return client.post(LOGIN, {"login": email, "password": password}, REMOTE_ADDR=ip)


def _signed_in(client) -> bool:  # type: ignore[no-untyped-def]
    return "_auth_user_id" in client.session


def test_the_rate_limit_under_test_is_the_configured_one():
    # The tests below count on five failures per five minutes, per address and per account.
    assert settings.ACCOUNT_RATE_LIMITS["login_failed"] == "5/5m/ip,5/5m/key"


def test_the_right_password_signs_in_and_leads_home(client, officer):
    response = _login(client, officer.email, PASSWORD)

    assert response.status_code == 302
    assert response["Location"] == "/en/"
    assert client.session["_auth_user_id"] == str(officer.pk)


def test_the_address_may_be_typed_in_capitals(client, officer):
    _login(client, officer.email.upper(), PASSWORD)

    assert client.session["_auth_user_id"] == str(officer.pk)


def test_a_wrong_password_is_refused_with_the_form_shown_again(client, officer):
    response = _login(client, officer.email, "not-my-password")

    assert response.status_code == 200
    assert response.context["form"].errors
    assert not _signed_in(client)


def test_after_five_failures_even_the_right_password_is_refused(client, officer):
    for _attempt in range(5):
        assert _login(client, officer.email, "not-my-password").status_code == 200

    response = _login(client, officer.email, PASSWORD)

    assert not _signed_in(client)
    assert response.status_code == 200
    assert response.context["form"].non_field_errors() == [
        "Too many failed login attempts. Try again later."
    ]


def test_four_failures_do_not_lock_the_account(client, officer):
    for _attempt in range(4):
        _login(client, officer.email, "not-my-password")

    _login(client, officer.email, PASSWORD)

    assert _signed_in(client)


def test_the_limit_follows_the_account_whatever_the_address(client, officer):
    for attempt in range(5):
        _login(client, officer.email, "not-my-password", ip=f"198.51.100.{attempt}")

    _login(client, officer.email, PASSWORD, ip="203.0.113.9")

    assert not _signed_in(client)


def test_the_limit_follows_the_address_whatever_the_account(client, officer, focal_point):
    for attempt in range(5):
        _login(client, f"guess{attempt}@example.org", "not-my-password", ip="198.51.100.7")

    _login(client, officer.email, PASSWORD, ip="198.51.100.7")

    assert not _signed_in(client)


def test_another_account_from_another_address_is_not_locked(client, officer, focal_point):
    for _attempt in range(5):
        _login(client, officer.email, "not-my-password", ip="198.51.100.7")

    _login(client, focal_point.email, PASSWORD, ip="203.0.113.9")

    assert client.session["_auth_user_id"] == str(focal_point.pk)


def test_a_deactivated_account_cannot_sign_in(client, officer):
    officer.is_active = False
    officer.save(update_fields=["is_active"])

    _login(client, officer.email, PASSWORD)

    assert not _signed_in(client)


def test_the_signup_page_does_not_create_an_account(client):
    page = client.get("/en/accounts/signup/")
    response = client.post(
        "/en/accounts/signup/",
        {
            "email": "walk.in@example.org",
            "password1": "a-long-and-quiet-river-42",
            "password2": "a-long-and-quiet-river-42",
        },
    )

    assert "account/signup_closed.html" in [template.name for template in page.templates]
    assert "password1" not in page.content.decode()
    assert "account/signup_closed.html" in [template.name for template in response.templates]
    assert not User.objects.filter(email="walk.in@example.org").exists()
    assert not _signed_in(client)
