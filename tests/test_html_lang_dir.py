"""Every page says its language and direction on <html>, and links to itself in the others."""

from __future__ import annotations

import re
from html import unescape

import pytest

pytestmark = pytest.mark.django_db

DIRECTIONS = {"ar": "rtl", "fr": "ltr", "en": "ltr"}


def _html_attributes(content: str) -> dict[str, str]:
    tag = re.search(r"<html\b([^>]*)>", content)
    assert tag, "no <html> element"
    return dict(re.findall(r'(\w+)="([^"]*)"', tag.group(1)))


def _switcher_links(content: str) -> dict[str, str]:
    nav = re.search(r'<nav class="languages"[^>]*>(.*?)</nav>', content, re.S)
    assert nav, "no language switcher"
    return {
        hreflang: unescape(href)
        for href, hreflang in re.findall(r'<a href="([^"]*)"[^>]*hreflang="(\w+)"', nav.group(1))
    }


@pytest.mark.parametrize(("language", "direction"), DIRECTIONS.items())
def test_sign_in_page_has_lang_and_dir(client, language, direction):
    response = client.get(f"/{language}/accounts/login/")

    assert response.status_code == 200
    assert _html_attributes(response.content.decode()) == {"lang": language, "dir": direction}


@pytest.mark.parametrize(("language", "direction"), DIRECTIONS.items())
@pytest.mark.parametrize("path", ["", "people/officers/", "audit/", "people/me/"])
def test_signed_in_pages_have_lang_and_dir(client_for, staff, language, direction, path):
    response = client_for(staff).get(f"/{language}/{path}")

    assert response.status_code == 200
    assert _html_attributes(response.content.decode()) == {"lang": language, "dir": direction}


def test_arabic_pages_are_right_to_left(client_for, focal_point):
    content = client_for(focal_point).get("/ar/people/officers/").content.decode()

    assert '<html lang="ar" dir="rtl">' in content


@pytest.mark.parametrize("language", DIRECTIONS)
def test_switcher_links_to_the_same_page_in_every_language(client_for, staff, language):
    content = client_for(staff).get(f"/{language}/people/officers/").content.decode()

    assert _switcher_links(content) == {
        "ar": "/ar/people/officers/",
        "fr": "/fr/people/officers/",
        "en": "/en/people/officers/",
    }


def test_switcher_keeps_the_filters_of_the_page(client_for, staff):
    content = client_for(staff).get("/ar/audit/", {"verb": "x.y", "page": "1"}).content.decode()

    links = _switcher_links(content)
    assert links["fr"] == "/fr/audit/?verb=x.y&page=1"
    assert links["en"] == "/en/audit/?verb=x.y&page=1"


def test_switcher_keeps_an_objects_page(client_for, staff, officer):
    pk = officer.profile.pk

    content = client_for(staff).get(f"/fr/people/officers/{pk}/").content.decode()

    assert _switcher_links(content)["ar"] == f"/ar/people/officers/{pk}/"


def test_switcher_marks_the_current_language(client_for, staff):
    content = client_for(staff).get("/fr/").content.decode()

    current = re.findall(r'<a href="[^"]*" lang="(\w+)"[^>]*aria-current="true"', content)
    assert current == ["fr"]


def test_switcher_names_each_language_in_itself(client):
    content = client.get("/en/accounts/login/").content.decode()

    nav = re.search(r'<nav class="languages"[^>]*>(.*?)</nav>', content, re.S)
    assert nav
    assert "العربيّة" in nav.group(1) or "العربية" in nav.group(1)
    assert "Français" in nav.group(1)
    assert "English" in nav.group(1)


def test_switcher_on_a_missing_page_still_changes_the_language(client):
    content = client.get("/ar/no-such-page/").content.decode()

    assert _switcher_links(content) == {
        "ar": "/ar/no-such-page/",
        "fr": "/fr/no-such-page/",
        "en": "/en/no-such-page/",
    }
