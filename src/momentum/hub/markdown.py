"""Markdown for hub threads and replies: rendering, mentions, quoting and plain text.

Posts are written in CommonMark with tables and strikethrough. Raw HTML in the source is never
passed through: markdown-it escapes it, and the rendered HTML is then cleaned again by nh3 with
a short allow-list, so a post can only ever contain paragraphs, emphasis, lists, quotes, code,
tables, headings from level 3 down and ``http``, ``https`` or ``mailto`` links. Images are not
shown inline (attachments are the way to share them): ``![alt](src)`` becomes a link to ``src``.

Every block that holds user text carries ``dir="auto"``, so an Arabic paragraph in a French
thread reads right to left on its own.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

import nh3
from django.utils.translation import gettext as _
from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token

# "@handle": 3 to 30 Latin letters, digits, dots, dashes or underscores, not ending with a dot
# (so "thanks @ali." mentions "ali"). Not preceded by a letter, digit or any character of an
# e-mail address's local part, so "ali@example.org" mentions nobody; not followed by "@" either.
MENTION = re.compile(
    r"(?<![\w.+\-/=@&%!#$'*?^`{|}~])"
    r"@(?P<handle>[A-Za-z0-9._-]{2,29}[A-Za-z0-9_-])"
    r"(?![A-Za-z0-9_-]|\.[A-Za-z0-9_-]|@)"
)

# Blocks that hold user-written text get dir="auto".
_DIRECTIONAL_BLOCKS = frozenset(
    {
        "paragraph_open",
        "list_item_open",
        "blockquote_open",
        "heading_open",
        "th_open",
        "td_open",
    }
)
_DIRECTIONAL_TAGS = ("p", "li", "blockquote", "h3", "h4", "h5", "h6", "th", "td", "span")
_ALLOWED_TAGS = frozenset(
    {
        "p",
        "br",
        "strong",
        "em",
        "del",
        "code",
        "pre",
        "blockquote",
        "ul",
        "ol",
        "li",
        "a",
        "h3",
        "h4",
        "h5",
        "h6",
        "table",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
        "hr",
        "span",
    }
)

_CLEANER = nh3.Cleaner(
    tags=set(_ALLOWED_TAGS),
    clean_content_tags={"script", "style"},
    attributes={"a": {"href", "title"}, "ol": {"start"}},
    # The only value dir may take is "auto"; the only class is a mention's.
    tag_attribute_values={tag: {"dir": {"auto"}} for tag in _DIRECTIONAL_TAGS},
    allowed_classes={"span": {"mention"}},
    url_schemes={"http", "https", "mailto"},
    # Relative links would point into the application; members link with full addresses.
    url_relative="deny",
    link_rel="nofollow noopener noreferrer",
    strip_comments=True,
)


def _demote_headings_and_mark_direction(state: StateCore) -> None:
    """Map headings down by two levels (# → h3) and add dir="auto" to text blocks."""
    for token in state.tokens:
        if token.type in ("heading_open", "heading_close"):
            level = int(token.tag[1])
            token.tag = f"h{min(level + 2, 6)}"
        if token.type in ("th_open", "td_open"):
            # Column alignment would be an inline style, which the sanitiser drops anyway.
            token.attrs.pop("style", None)
        if token.type in _DIRECTIONAL_BLOCKS:
            token.attrSet("dir", "auto")


def _images_to_links_and_del(state: StateCore) -> None:
    """Show ``![alt](src)`` as a link to ``src``; render strikethrough as ``<del>``."""
    for block in state.tokens:
        if block.type != "inline" or not block.children:
            continue
        children: list[Token] = []
        for token in block.children:
            if token.type in ("s_open", "s_close"):
                token.tag = "del"
            if token.type != "image":
                children.append(token)
                continue
            link_open = Token("link_open", "a", 1)
            link_open.attrSet("href", str(token.attrGet("src") or ""))
            title = token.attrGet("title")
            if title:
                link_open.attrSet("title", str(title))
            alt = list(token.children or [])
            if not alt:
                alt = [_text_token(str(token.attrGet("src") or ""))]
            children.extend([link_open, *alt, Token("link_close", "a", -1)])
        block.children = children


def _text_token(content: str) -> Token:
    token = Token("text", "", 0)
    token.content = content
    return token


def _mentions_in_inline(children: Sequence[Token]) -> Iterator[tuple[int, re.Match[str]]]:
    """Each mention in an inline token list: (index of its text token, match).

    Code spans are separate tokens and are never searched; link text is skipped too, so a
    mention cannot hide behind a link.
    """
    link_depth = 0
    for index, token in enumerate(children):
        if token.type == "link_open":
            link_depth += 1
        elif token.type == "link_close":
            link_depth -= 1
        elif token.type == "text" and link_depth == 0:
            for match in MENTION.finditer(token.content):
                yield index, match


def _render_mentions(state: StateCore) -> None:
    known: Mapping[str, str] = state.env.get("known_handles") or {}
    if not known:
        return
    for block in state.tokens:
        if block.type != "inline" or not block.children:
            continue
        by_token: dict[int, list[re.Match[str]]] = {}
        for index, match in _mentions_in_inline(block.children):
            if match.group("handle").lower() in known:
                by_token.setdefault(index, []).append(match)
        if not by_token:
            continue
        children: list[Token] = []
        for index, token in enumerate(block.children):
            if index not in by_token:
                children.append(token)
                continue
            position = 0
            for match in by_token[index]:
                if match.start() > position:
                    children.append(_text_token(token.content[position : match.start()]))
                handle = match.group("handle").lower()
                span_open = Token("mention_open", "span", 1)
                span_open.attrSet("class", "mention")
                span_open.attrSet("dir", "auto")
                children.append(span_open)
                children.append(_text_token(known[handle] or f"@{handle}"))
                children.append(Token("mention_close", "span", -1))
                position = match.end()
            if position < len(token.content):
                children.append(_text_token(token.content[position:]))
        block.children = children


def _build_parser() -> MarkdownIt:
    # linkify is off: it needs a further library, and bare addresses in posts stay readable.
    # breaks is on: people writing in a forum expect a new line to show as one.
    md = MarkdownIt("commonmark", {"html": False, "breaks": True, "linkify": False})
    md.enable(["table", "strikethrough"])
    md.core.ruler.push("hub_blocks", _demote_headings_and_mark_direction)
    md.core.ruler.push("hub_images", _images_to_links_and_del)
    md.core.ruler.push("hub_mentions", _render_mentions)
    return md


_MD = _build_parser()


def render(text: str, *, known_handles: Mapping[str, str] | None = None) -> str:
    """The post's Markdown as safe HTML.

    ``known_handles`` maps a lowercase handle to the text shown for it; a mention of a known
    handle becomes ``<span class="mention" dir="auto">…</span>``, any other stays plain text.
    """
    env: dict[str, Any] = {
        "known_handles": {k.lower(): v for k, v in (known_handles or {}).items()}
    }
    html = _MD.render(text or "", env)
    return _CLEANER.clean(html)


def _inside_blockquote(tokens: Sequence[Token]) -> Iterator[tuple[Token, bool]]:
    depth = 0
    for token in tokens:
        if token.type == "blockquote_open":
            depth += 1
        elif token.type == "blockquote_close":
            depth -= 1
        yield token, depth > 0


def extract_mentions(text: str) -> set[str]:
    """The handles mentioned in ``text``, lowercased.

    Mentions inside code spans, code blocks and link text are ignored, and so are those inside
    quotes: quoting a post must not notify again everyone that post mentioned.
    """
    handles: set[str] = set()
    for token, quoted in _inside_blockquote(_MD.parse(text or "")):
        if token.type != "inline" or quoted or not token.children:
            continue
        for _index, match in _mentions_in_inline(token.children):
            handles.add(match.group("handle").lower())
    return handles


_MARKDOWN_PUNCTUATION = re.compile(r"([!\"#$%&'()*+,\-./:;<=>?@\[\\\]^_`{|}~])")


def _escape_markdown(text: str) -> str:
    return _MARKDOWN_PUNCTUATION.sub(r"\\\1", " ".join(text.split()))


def quote(text: str, *, author_display: str) -> str:
    """Markdown quoting ``text`` in a reply, headed by who wrote it.

    The quoted post's own quotes are left out, so quotes never nest beyond one level. The result
    ends with a blank line, ready for the reply to follow.
    """
    lines = (text or "").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    skipped: set[int] = set()
    for token in _MD.parse("\n".join(lines)):
        if token.type == "blockquote_open" and token.map:
            skipped.update(range(token.map[0], token.map[1]))
    kept: list[str] = []
    for number, line in enumerate(lines):
        if number in skipped:
            continue
        line = line.rstrip()
        if not line and (not kept or not kept[-1]):
            continue  # no leading or doubled blank lines
        kept.append(line)
    while kept and not kept[-1]:
        kept.pop()
    author = f"**{_escape_markdown(author_display)}**"
    heading = _("%(author)s wrote:") % {"author": author}
    quoted = [f"> {heading}"] + [f"> {line}" if line else ">" for line in kept]
    return "\n".join(quoted) + "\n\n"


_BLOCK_ENDS = frozenset(
    {
        "paragraph_close",
        "heading_close",
        "list_item_close",
        "blockquote_close",
        "tr_close",
        "hr",
    }
)
_SPACES = re.compile(r"[ \t]+")


def plain_text(text: str) -> str:
    """``text`` without its markup: for search keys, digests and the content guard.

    Link text, image descriptions, code and mentions are kept; one line per block.
    """
    parts: list[str] = []
    for token in _MD.parse(text or ""):
        if token.type == "inline":
            for child in token.children or []:
                if child.type in ("text", "code_inline") or child.type == "image":
                    parts.append(child.content)
                elif child.type in ("softbreak", "hardbreak"):
                    parts.append("\n")
        elif token.type in ("fence", "code_block"):
            parts.append(token.content)
            parts.append("\n")
        elif token.type in ("th_close", "td_close"):
            parts.append(" ")
        elif token.type in _BLOCK_ENDS:
            parts.append("\n")
    lines = (_SPACES.sub(" ", line).strip() for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line)
