"""Section texts as HTML: paragraphs with anchors for comments, and word-level diffs.

Rendering goes through the hub's safe Markdown renderer (raw HTML escaped, then cleaned), one
block at a time, so each paragraph can carry an anchor that comments point to. The diff compares
word tokens (difflib), so it reads the same in Arabic as in French or English: Arabic words are
runs of letters between spaces, never split into letters.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

_BLANK_LINES = re.compile(r"\n\s*\n")
_TOKENS = re.compile(r"\s+|[^\s]+")


def render_markdown(text: str) -> str:
    """The hub's safe renderer: the one place Markdown becomes HTML."""
    from momentum.hub.markdown import render

    return render(text)


def paragraphs(text: str) -> list[str]:
    """The blocks of a Markdown text, as written (separated by blank lines)."""
    return [block.strip() for block in _BLANK_LINES.split(text or "") if block.strip()]


@dataclass(frozen=True)
class Paragraph:
    number: int
    source: str
    html: SafeString


def rendered_paragraphs(text: str) -> list[Paragraph]:
    return [
        Paragraph(number, block, mark_safe(render_markdown(block)))  # cleaned by the renderer
        for number, block in enumerate(paragraphs(text), start=1)
    ]


def render_text(text: str) -> SafeString:
    return mark_safe(render_markdown(text))  # cleaned by the renderer


def _tokens(text: str) -> list[str]:
    return _TOKENS.findall(text or "")


def word_diff(old: str, new: str) -> SafeString:
    """``new`` compared with ``old`` word by word: removed words in ``<del>``, added ones in
    ``<ins>``; everything escaped."""
    before, after = _tokens(old), _tokens(new)
    matcher = difflib.SequenceMatcher(a=before, b=after, autojunk=False)
    out: list[str] = []
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            out.append(escape("".join(after[b1:b2])))
            continue
        if op in ("delete", "replace"):
            out.append(f"<del>{escape(''.join(before[a1:a2]))}</del>")
        if op in ("insert", "replace"):
            out.append(f"<ins>{escape(''.join(after[b1:b2]))}</ins>")
    return mark_safe("".join(out))  # every piece escaped above
