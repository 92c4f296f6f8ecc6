"""Security headers on every response, safe cookies, and production-safe settings by default."""

from __future__ import annotations

import importlib.util
import os
import re
from pathlib import Path
from types import ModuleType

import pytest
from django.conf import settings as django_settings
from django.test import Client

pytestmark = pytest.mark.django_db

PAGES = ["/en/accounts/login/", "/ar/no-such-page/", "/api/v1/countries", "/healthz"]


def _csp(response) -> dict[str, list[str]]:  # type: ignore[no-untyped-def]
    policy = response["Content-Security-Policy"]
    directives: dict[str, list[str]] = {}
    for directive in policy.split(";"):
        name, *sources = directive.split()
        directives[name] = sources
    return directives


@pytest.mark.parametrize("url", PAGES)
def test_every_response_has_a_content_security_policy(client, url):
    csp = _csp(client.get(url))

    assert csp["default-src"] == ["'self'"]
    assert csp["script-src"] == ["'self'"]
    assert csp["frame-ancestors"] == ["'none'"]
    assert csp["object-src"] == ["'none'"]
    assert csp["base-uri"] == ["'self'"]


def test_policy_allows_no_inline_or_evaluated_script_and_no_other_origin(client):
    csp = _csp(client.get("/en/accounts/login/"))

    for directive, sources in csp.items():
        assert "'unsafe-inline'" not in sources, directive
        assert "'unsafe-eval'" not in sources, directive
        assert not any(source.startswith(("http:", "https:", "*")) for source in sources), directive


@pytest.mark.parametrize("url", PAGES)
def test_framing_sniffing_and_referrer_are_locked_down(client, url):
    response = client.get(url)

    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert "camera=()" in response["Permissions-Policy"]


def _assert_nothing_inline(content: str, url: str) -> None:
    scripts = re.findall(r"<script\b[^>]*>", content)
    assert scripts, url
    for tag in scripts:
        # Data for a script (type="application/json") is not run, so the policy allows it.
        assert "src=" in tag or 'type="application/json"' in tag, (url, tag)
    assert not re.search(r"\sstyle=", content), url
    assert not re.search(r"<style\b", content), url
    assert not re.search(r"\son[a-z]+=", content), url


@pytest.mark.parametrize("url", ["/en/", "/ar/audit/", "/fr/people/me/tokens/", "/en/people/me/"])
def test_pages_contain_no_inline_script_or_style_the_policy_would_block(client_for, staff, url):
    _assert_nothing_inline(client_for(staff).get(url).content.decode(), url)


@pytest.mark.parametrize("language", ["ar", "fr", "en"])
def test_sign_in_page_contains_no_inline_script_or_style(client, language):
    url = f"/{language}/accounts/login/"

    _assert_nothing_inline(client.get(url).content.decode(), url)


def test_csrf_cookie_is_http_only(client):
    response = client.get("/en/accounts/login/")

    cookie = response.cookies[django_settings.CSRF_COOKIE_NAME]
    assert cookie["httponly"]
    assert cookie["samesite"] == "Lax"


def test_session_cookie_is_http_only_and_same_site(client, officer):
    response = client.post(
        "/en/accounts/login/", {"login": officer.email, "password": "correct-horse-battery"}
    )

    assert response.status_code == 302
    cookie = response.cookies[django_settings.SESSION_COOKIE_NAME]
    assert cookie["httponly"]
    assert cookie["samesite"] == "Lax"
    assert bool(cookie["secure"]) == django_settings.SESSION_COOKIE_SECURE


def test_language_cookie_is_http_only(client):
    response = client.post("/i18n/setlang/", {"language": "fr", "next": "/fr/"})

    cookie = response.cookies[django_settings.LANGUAGE_COOKIE_NAME]
    assert cookie["httponly"]


def test_https_responses_carry_hsts_outside_demo_mode(settings):
    settings.SECURE_HSTS_SECONDS = 31_536_000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True

    response = Client().get("/healthz", secure=True)

    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"


# The settings module itself, loaded afresh with a given environment ---------------------------

SETTINGS_FILE = Path(django_settings.BASE_DIR) / "settings.py"


def _load_settings(monkeypatch, tmp_path, **environment: str) -> ModuleType:  # type: ignore[no-untyped-def]
    for name in list(os.environ):
        if name.startswith("MOMENTUM_"):
            monkeypatch.delenv(name)
    monkeypatch.setenv("MOMENTUM_VAR_DIR", str(tmp_path))
    monkeypatch.setenv("MOMENTUM_SECRET_KEY", "x" * 50)
    monkeypatch.setenv("MOMENTUM_TESTING", "false")
    for name, value in environment.items():
        monkeypatch.setenv(f"MOMENTUM_{name}", value)
    spec = importlib.util.spec_from_file_location("momentum_settings_probe", SETTINGS_FILE)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_production_defaults_use_secure_cookies_hsts_and_https(monkeypatch, tmp_path):
    production = _load_settings(monkeypatch, tmp_path)

    assert production.DEBUG is False
    assert production.SESSION_COOKIE_SECURE is True
    assert production.CSRF_COOKIE_SECURE is True
    assert production.LANGUAGE_COOKIE_SECURE is True
    assert production.SESSION_COOKIE_HTTPONLY is True
    assert production.CSRF_COOKIE_HTTPONLY is True
    assert production.SECURE_HSTS_SECONDS >= 31_536_000
    assert production.SECURE_HSTS_INCLUDE_SUBDOMAINS is True
    assert production.SECURE_SSL_REDIRECT is True
    assert production.X_FRAME_OPTIONS == "DENY"
    assert production.SECURE_CONTENT_TYPE_NOSNIFF is True
    assert production.MOMENTUM_MFA_REQUIRED is True


def test_demo_mode_relaxes_only_what_plain_http_needs(monkeypatch, tmp_path):
    demo = _load_settings(monkeypatch, tmp_path, DEMO="true")

    assert demo.SESSION_COOKIE_SECURE is False
    assert demo.CSRF_COOKIE_SECURE is False
    assert demo.SECURE_HSTS_SECONDS == 0
    assert demo.SECURE_SSL_REDIRECT is False
    # Still HttpOnly and framing denied.
    assert demo.SESSION_COOKIE_HTTPONLY is True
    assert demo.CSRF_COOKIE_HTTPONLY is True
    assert demo.X_FRAME_OPTIONS == "DENY"


def test_a_bad_boolean_in_the_environment_fails_loudly(monkeypatch, tmp_path):
    from django.core.exceptions import ImproperlyConfigured

    with pytest.raises(ImproperlyConfigured, match="MOMENTUM_DEMO"):
        _load_settings(monkeypatch, tmp_path, DEMO="maybe")
