"""The direction of user-written text, for the PDFs: WeasyPrint does not apply ``dir="auto"``,
so the report states each block's direction as a browser would find it (the first strong
letter, as Unicode's bidirectional algorithm says)."""

from __future__ import annotations

import unicodedata

from django import template

register = template.Library()


@register.filter
def text_dir(text: object) -> str:
    for character in str(text or ""):
        kind = unicodedata.bidirectional(character)
        if kind in ("R", "AL"):
            return "rtl"
        if kind == "L":
            return "ltr"
    return "auto"
