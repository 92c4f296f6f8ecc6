"""Error pages speak the language of the URL, with the page's direction set."""

from __future__ import annotations

import json
import re
from unittest import mock

import pytest
from django.test import Client, RequestFactory
from django.utils import translation
from django.utils.html import escape

from momentum.core import views

pytestmark = pytest.mark.django_db

LANGUAGES = [("ar", "rtl"), ("fr", "ltr"), ("en", "ltr")]


def _html_tag(content: str) -> str:
    match = re.search(r"<html[^>]*>", content)
    assert match, "the page has no <html> element"
    return match.group(0)


def _translated(language: str, message: str) -> str:
    with translation.override(language):
        return translation.gettext(message)


def _assert_page_in(response, language: str, direction: str, title: str) -> None:  # type: ignore[no-untyped-def]
    content = response.content.decode()
    tag = _html_tag(content)
    assert f'lang="{language}"' in tag
    assert f'dir="{direction}"' in tag
    translated = _translated(language, title)
    assert f"<h1>{escape(translated)}</h1>" in content
    if language != "en":
        assert translated != title, f"{title!r} has no {language} translation"


@pytest.mark.parametrize(("language", "direction"), LANGUAGES)
def test_404_page_is_in_the_urls_language(client, language, direction):
    response = client.get(f"/{language}/no-such-page/")

    assert response.status_code == 404
    _assert_page_in(response, language, direction, "Page not found")


def test_404_page_explains_without_confirming_what_exists(client):
    response = client.get("/en/no-such-page/")

    assert "This page does not exist, or you do not have access to it." in response.content.decode()


@pytest.mark.parametrize(("language", "direction"), LANGUAGES)
def test_403_page_is_in_the_urls_language(client_for, officer, language, direction):
    response = client_for(officer).get(f"/{language}/audit/")

    assert response.status_code == 403
    _assert_page_in(response, language, direction, "Access denied")


@pytest.mark.parametrize(("language", "direction"), LANGUAGES)
def test_500_page_is_in_the_urls_language(settings, language, direction):
    settings.ROOT_URLCONF = "momentum.core.tests.failing_urls"
    client = Client(raise_request_exception=False)

    with mock.patch("django.core.handlers.exception.log_response"):
        response = client.get(f"/{language}/fail/")

    assert response.status_code == 500
    _assert_page_in(response, language, direction, "Something went wrong")
    assert "This page fails on purpose" not in response.content.decode()


def test_500_under_the_api_answers_in_the_json_error_shape(settings):
    settings.ROOT_URLCONF = "momentum.core.tests.failing_urls"
    client = Client(raise_request_exception=False)

    with mock.patch("django.core.handlers.exception.log_response"):
        response = client.get("/api/v1/fail")

    assert response.status_code == 500
    assert response["Content-Type"] == "application/json"
    assert response.json()["error"]["code"] == "server_error"
    assert "on purpose" not in response.content.decode()


@pytest.mark.parametrize(
    ("handler", "status", "code"),
    [
        (views.bad_request, 400, "bad_request"),
        (views.permission_denied, 403, "forbidden"),
        (views.page_not_found, 404, "not_found"),
        (views.csrf_failure, 403, "forbidden"),
    ],
)
def test_error_handlers_answer_api_paths_in_the_json_error_shape(rf, handler, status, code):
    response = handler(rf.get("/api/v1/anything"))

    assert response.status_code == status
    assert response["Content-Type"] == "application/json"
    assert json.loads(response.content)["error"]["code"] == code


def test_500_page_still_renders_when_the_page_context_cannot_be_built(rf):
    """A server error may come from the database; the error page must not need it."""
    request = rf.get("/fr/anything/")
    with (
        translation.override("fr"),
        mock.patch(
            "momentum.core.context_processors.menus_for", side_effect=RuntimeError("db down")
        ),
    ):
        response = views.server_error(request)

    assert response.status_code == 500
    content = response.content.decode()
    assert 'lang="fr"' in _html_tag(content)
    assert escape(_translated("fr", "Something went wrong")) in content


@pytest.mark.parametrize(("language", "direction"), LANGUAGES)
def test_csrf_failure_page_is_in_the_urls_language(language, direction):
    client = Client(enforce_csrf_checks=True)

    response = client.post(f"/{language}/accounts/login/", {"login": "a@example.org"})

    assert response.status_code == 403
    _assert_page_in(response, language, direction, "Your form expired")


@pytest.mark.parametrize(("language", "direction"), LANGUAGES)
def test_400_page_is_in_the_active_language(language, direction):
    request = RequestFactory().get(f"/{language}/")
    with translation.override(language):
        response = views.bad_request(request)

    assert response.status_code == 400
    _assert_page_in(response, language, direction, "Bad request")


def test_error_page_offers_a_way_home(client):
    content = client.get("/fr/no-such-page/").content.decode()

    assert 'href="/fr/accounts/login/"' in content
