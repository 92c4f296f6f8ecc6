"""The period report as a PDF (WeasyPrint), in Arabic, French or English. Fonts come from the
``fontpkg-noto-sans`` packages by ``file://`` URL, so no system font or network is needed and
HarfBuzz shapes Arabic (joined, right to left)."""

from __future__ import annotations

from typing import Any

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.safestring import mark_safe


def _font_face_css() -> str:
    import fontpkg_noto_sans
    import fontpkg_noto_sans_arabic

    rules = []
    for package, family in (
        (fontpkg_noto_sans, "Noto Sans"),
        (fontpkg_noto_sans_arabic, "Noto Sans Arabic"),
    ):
        for path in sorted((package.ROOT / "files").glob("*.ttf")):
            if "Italic" in path.name:
                continue
            weight = "bold" if "Bold" in path.name and "SemiBold" not in path.name else "normal"
            if weight == "normal" and path.stem.split("-")[-1] not in ("Regular", ""):
                continue
            rules.append(
                f'@font-face {{ font-family: "{family}"; src: url("{path.as_uri()}"); '
                f"font-weight: {weight}; }}"
            )
    return "\n".join(rules)


def render_report(context: dict[str, Any], language: str) -> bytes:
    from weasyprint import HTML

    with translation.override(language):
        html = render_to_string(
            "results/report.html",
            {
                **context,
                "font_face_css": mark_safe(_font_face_css()),  # our own CSS
                "pdf_language": language,
                "pdf_direction": "rtl" if translation.get_language_bidi() else "ltr",
            },
        )
    return bytes(HTML(string=html).write_pdf())
