"""The named answers of a written procedure as a PDF, laid out by WeasyPrint with the packaged
Noto fonts (no system font, no network), so Arabic names and reasons are shaped right."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.safestring import SafeString, mark_safe


def _font_faces(language: str) -> SafeString:
    import fontpkg_noto_sans
    import fontpkg_noto_sans_arabic

    families: dict[str, list[Path]] = {
        "Noto Sans": sorted(
            path
            for path in (fontpkg_noto_sans.ROOT / "files").glob("*.ttf")
            if "Italic" not in path.name
        ),
        "Noto Sans Arabic": sorted((fontpkg_noto_sans_arabic.ROOT / "files").glob("*.ttf")),
    }
    rules = [
        f'@font-face {{ font-family: "{family}"; src: url("{path.as_uri()}"); }}'
        for family, paths in families.items()
        for path in paths
    ]
    order = (
        ("Noto Sans Arabic", "Noto Sans") if language == "ar" else ("Noto Sans", "Noto Sans Arabic")
    )
    rules.append(f'html {{ font-family: "{order[0]}", "{order[1]}"; }}')
    return mark_safe("\n".join(rules))  # built from constants and package paths


def answers_pdf(context: dict[str, Any], language: str) -> bytes:
    from weasyprint import HTML

    with translation.override(language):
        html = render_to_string(
            "governance/answers_pdf.html",
            {
                **context,
                "font_faces": _font_faces(language),
                "pdf_language": language,
                "pdf_direction": "rtl" if translation.get_language_bidi() else "ltr",
            },
        )
    return bytes(HTML(string=html).write_pdf())
