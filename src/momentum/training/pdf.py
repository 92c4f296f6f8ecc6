"""Shared PDF helpers for training (attendance sheets, certificates, transcripts).

PDFs are rendered by WeasyPrint from a Django template. Fonts come from the
``fontpkg-noto-sans`` and ``fontpkg-noto-sans-arabic`` packages through ``@font-face`` rules
with ``file://`` URLs: no system font and no network are needed, so a PDF looks the same on
every machine, and HarfBuzz shapes Arabic (letters joined, right to left).

Usage::

    from momentum.training.pdf import render_pdf

    pdf = render_pdf("training/attendance/sheet.html", {"session": session}, "ar")

The template receives, besides ``context``:

- ``font_face_css``: the ``@font-face`` rules and the base font stack (already safe); put it in
  a ``<style>`` element: ``<style>{{ font_face_css }}</style>``;
- ``pdf_language`` (``"ar"``, ``"fr"`` or ``"en"``) and ``pdf_direction`` (``"rtl"`` or
  ``"ltr"``), for ``<html lang="…" dir="…">``.

It is rendered with ``language`` active, so ``{% translate %}`` and dates follow it. In Arabic,
wrap codes and numbers in ``<bdi>``. WeasyPrint does not support ``unicode-bidi`` in margin
boxes: give a page counter ``direction: ltr`` instead.

Testing: Noto Sans Arabic draws many letters as a base shape plus separate dots, so text
*extracted* from the PDF (``pdftotext``) reads garbled in Arabic although the page is right.
Check Arabic text in the laid-out document instead (``render_html`` then
``weasyprint.HTML(string=…).render()``), and look at the page (``pdftoppm -png``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.safestring import SafeString, mark_safe

# The font families the PDFs use, named as their packages name them.
LATIN_FAMILY = "Noto Sans"
ARABIC_FAMILY = "Noto Sans Arabic"


def _font_files() -> dict[str, list[Path]]:
    import fontpkg_noto_sans
    import fontpkg_noto_sans_arabic

    return {
        LATIN_FAMILY: sorted(
            path
            for path in (fontpkg_noto_sans.ROOT / "files").glob("*.ttf")
            if "Italic" not in path.name
        ),
        ARABIC_FAMILY: sorted((fontpkg_noto_sans_arabic.ROOT / "files").glob("*.ttf")),
    }


def font_face_css(language: str = "en") -> SafeString:
    """``@font-face`` rules for the packaged Noto fonts and a base ``font-family`` for the page.

    Arabic pages put the Arabic family first (its Latin letters are fine for codes); others put
    the Latin family first and fall back to the Arabic one for names in Arabic script.
    """
    rules = []
    for family, paths in _font_files().items():
        for path in paths:
            # Variable fonts: one file covers every weight (WeasyPrint picks the instance).
            rules.append(f'@font-face {{ font-family: "{family}"; src: url("{path.as_uri()}"); }}')
    first, second = (
        (ARABIC_FAMILY, LATIN_FAMILY) if language == "ar" else (LATIN_FAMILY, ARABIC_FAMILY)
    )
    rules.append(f'html {{ font-family: "{first}", "{second}"; }}')
    return mark_safe("\n".join(rules))  # built from constants and paths


def render_html(template: str, context: dict[str, Any], language: str) -> str:
    """The HTML that ``render_pdf`` lays out (for tests, or a preview in the browser)."""
    with translation.override(language):
        return render_to_string(
            template,
            {
                **context,
                "font_face_css": font_face_css(language),
                "pdf_language": language,
                "pdf_direction": "rtl" if translation.get_language_bidi() else "ltr",
            },
        )


def render_pdf(template: str, context: dict[str, Any], language: str) -> bytes:
    """Render ``template`` with ``context`` in ``language`` and return the PDF's bytes."""
    from weasyprint import HTML
    from weasyprint.text.fonts import FontConfiguration

    font_config = FontConfiguration()
    document = HTML(
        string=render_html(template, context, language), base_url=str(settings.BASE_DIR)
    )
    return bytes(document.write_pdf(font_config=font_config))
