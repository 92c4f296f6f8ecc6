"""Momentum runs on a closed network: nothing it serves asks for another origin."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.conf import settings

SOURCE = Path(settings.BASE_DIR)

# src="…", href="…", action="…", poster="…", srcset="…", and CSS url(…) / @import "…"
_ATTRIBUTE = re.compile(
    r"""\b(?:src|href|action|poster|srcset|data)\s*=\s*["']?\s*((?:https?:)?//[^"'\s>]+)""", re.I
)
_CSS_URL = re.compile(r"""url\(\s*["']?\s*((?:https?:)?//[^"')\s]+)""", re.I)
_CSS_IMPORT = re.compile(r"""@import\s+["']\s*((?:https?:)?//[^"']+)""", re.I)
# In JavaScript: fetch("https://…"), import "https://…", a script element given a remote src…
_JS_STRING_URL = re.compile(r"""["'`]((?:https?:)?//[^"'`\s]+)""", re.I)


def external_references(text: str, *, javascript: bool = False) -> list[str]:
    found = [*_ATTRIBUTE.findall(text), *_CSS_URL.findall(text), *_CSS_IMPORT.findall(text)]
    if javascript:
        found += _JS_STRING_URL.findall(text)
    return found


def _files(*patterns: str) -> list[Path]:
    files = sorted({path for pattern in patterns for path in SOURCE.glob(pattern)})
    return [path for path in files if "/tests/" not in path.as_posix()]


TEMPLATES = _files("**/templates/**/*.html", "**/templates/**/*.txt")
STYLESHEETS = _files("static/**/*.css", "**/static/**/*.css")
SCRIPTS = _files("static/**/*.js", "**/static/**/*.js")


@pytest.mark.parametrize(
    "text",
    [
        '<script src="https://cdn.example.com/htmx.js"></script>',
        "<link rel=stylesheet href=http://fonts.example.com/x.css>",
        '<img src="//cdn.example.com/logo.png">',
        ".x { background: url('https://cdn.example.com/a.png'); }",
        '@import "https://fonts.example.com/css";',
        '<form action="https://elsewhere.example.com/collect">',
    ],
)
def test_the_scanner_finds_external_references(text):
    assert external_references(text)


def test_the_scanner_finds_urls_in_javascript():
    assert external_references('fetch("https://api.example.com/x")', javascript=True)


@pytest.mark.parametrize(
    "text",
    [
        "<script src=\"{% static 'momentum/momentum.js' %}\"></script>",
        '<a href="/en/people/">x</a>',
        '<a href="{{ url }}">{{ url }}</a>',
        ".x { background: url('../img/a.png'); }",
    ],
)
def test_the_scanner_accepts_same_origin_references(text):
    assert external_references(text) == []


def test_there_are_templates_stylesheets_and_scripts_to_check():
    assert len(TEMPLATES) >= 10
    assert STYLESHEETS
    assert SCRIPTS


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda path: str(path.relative_to(SOURCE)))
def test_no_template_refers_to_another_origin(path):
    assert external_references(path.read_text(encoding="utf-8")) == []


@pytest.mark.parametrize(
    "path", STYLESHEETS + SCRIPTS, ids=lambda path: str(path.relative_to(SOURCE))
)
def test_no_stylesheet_or_script_refers_to_another_origin(path):
    text = path.read_text(encoding="utf-8")

    assert external_references(text, javascript=path.suffix == ".js") == []


def _served_references(content: str) -> list[str]:
    return re.findall(r"""\b(?:src|href)\s*=\s*["']?(https?://[^"'\s>]+)""", content, re.I)


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["ar", "fr", "en"])
def test_sign_in_page_loads_nothing_from_another_origin(client, language):
    response = client.get(f"/{language}/accounts/login/")

    assert response.status_code == 200
    assert _served_references(response.content.decode()) == []
    assert external_references(response.content.decode()) == []


@pytest.mark.django_db
@pytest.mark.parametrize("persona", ["staff", "focal_point", "officer", "donor"])
def test_home_page_loads_nothing_from_another_origin(client_for, persona, request):
    user = request.getfixturevalue(persona)

    response = client_for(user).get("/ar/")

    assert response.status_code == 200
    content = response.content.decode()
    assert "<script" in content  # the page does load scripts: they must be ours
    assert _served_references(content) == []
    assert external_references(content) == []


@pytest.mark.django_db
def test_api_docs_load_nothing_from_another_origin(client):
    content = client.get("/api/v1/docs").content.decode()

    assert _served_references(content) == []
    assert external_references(content) == []
