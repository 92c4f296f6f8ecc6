"""Direction-neutral styling: logical properties only, so Arabic pages mirror by themselves."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.conf import settings

SOURCE = Path(settings.BASE_DIR)
STYLESHEETS = sorted(
    path for path in SOURCE.glob("**/static/**/*.css") if "/tests/" not in path.as_posix()
)
TEMPLATES = sorted(SOURCE.glob("**/templates/**/*.html"))

_COMMENT = re.compile(r"/\*.*?\*/", re.S)
_DECLARATION = re.compile(r"(?<![\w-])([a-z-]+)\s*:\s*([^;{}]+)", re.I)
_PHYSICAL_WORD = re.compile(r"(?<![\w-])(left|right)(?![\w-])", re.I)
# Physical names with logical twins: margin-left → margin-inline-start, border-top-left-radius →
# border-start-start-radius, left → inset-inline-start, …
_PHYSICAL_PROPERTY = re.compile(r"(^|-)(left|right)($|-)", re.I)


def physical_declarations(css: str) -> list[str]:
    """Every ``property: value`` that names a physical side (left or right)."""
    css = _COMMENT.sub("", css)
    # Drop selectors' attribute values and strings: [dir="rtl"] or content: "→ right" are text.
    css = re.sub(r"\"[^\"]*\"|'[^']*'", '""', css)
    found = []
    for match in _DECLARATION.finditer(css):
        name, value = match.group(1).strip(), match.group(2).strip()
        if _PHYSICAL_PROPERTY.search(name) or _PHYSICAL_WORD.search(value):
            found.append(f"{name}: {value}")
    return found


@pytest.mark.parametrize(
    "css",
    [
        ".a { margin-left: 1rem; }",
        ".a { padding-right: 0 }",
        ".a { text-align: left; }",
        ".a { text-align:right }",
        ".a { float: right; }",
        ".a { clear: left; }",
        ".a { position: absolute; left: 0; }",
        ".a { right: 2px; }",
        ".a { border-left: 1px solid; }",
        ".a { border-right-width: 2px; }",
        ".a { border-top-left-radius: 4px; }",
        ".a { background-position: right top; }",
        ".a { transform-origin: left; }",
        "@media (max-width: 40rem) { .a { margin-right: 0 } }",
    ],
)
def test_the_check_finds_physical_properties(css):
    assert physical_declarations(css)


@pytest.mark.parametrize(
    "css",
    [
        ".a { margin-inline-start: 1rem; padding-inline-end: 0; }",
        ".a { text-align: start; float: inline-end; }",
        ".a { inset-inline-start: 0; border-inline-start: 1px solid; }",
        ".a { border-start-start-radius: 4px; }",
        "/* margin-left is banned here */ .a { color: red; }",
        '.a::before { content: "left"; }',
        ".copyright { font-weight: 600; }",
        ".a { inline-size: 100%; }",
    ],
)
def test_the_check_accepts_logical_properties(css):
    assert physical_declarations(css) == []


def test_there_is_a_stylesheet_to_check():
    assert any(path.name == "momentum.css" for path in STYLESHEETS)


@pytest.mark.parametrize("path", STYLESHEETS, ids=lambda path: str(path.relative_to(SOURCE)))
def test_stylesheet_uses_logical_properties_only(path):
    assert physical_declarations(path.read_text(encoding="utf-8")) == []


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda path: str(path.relative_to(SOURCE)))
def test_inline_styles_in_templates_use_logical_properties_only(path):
    text = path.read_text(encoding="utf-8")
    styles = re.findall(r'\bstyle="([^"]*)"', text) + re.findall(
        r"<style\b[^>]*>(.*?)</style>", text, re.S
    )

    assert [found for style in styles for found in physical_declarations(style)] == []


def test_no_template_aligns_by_physical_side():
    """The obsolete ``align="left"`` attribute would not mirror in Arabic pages either."""
    hard_coded = [
        str(path.relative_to(SOURCE))
        for path in TEMPLATES
        if re.search(r'\balign="(left|right)"', path.read_text(encoding="utf-8"))
    ]

    assert hard_coded == []
