"""Hub posts' Markdown: safe rendering, mentions, quoting and plain text."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from django.utils import translation

from momentum.hub.markdown import MENTION, extract_mentions, plain_text, quote, render

XSS_PAYLOADS = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    "<img src=x onerror=alert(1)>",
    "<svg onload=alert(1)><script>alert(1)</script></svg>",
    "<svg><a xlink:href='javascript:alert(1)'><text>x</text></a></svg>",
    "<iframe src='javascript:alert(1)'></iframe>",
    "<p style='background:url(javascript:alert(1))'>x</p>",
    "<a href='javascript:alert(1)'>x</a>",
    "<body onload=alert(1)>",
    "<details open ontoggle=alert(1)>",
    "[x](javascript:alert(1))",
    "[x](JaVaScRiPt:alert(1))",
    "[x](JaVaScRiPt&colon;alert(1))",
    "[x](javascript&#58;alert(1))",
    "[x](&#106;avascript:alert(1))",
    "[x](java\tscript:alert(1))",
    "[x](%6A%61%76%61script:alert(1))",
    "[x]( javascript:alert(1) )",
    "[x](<javascript:alert(1)>)",
    "[x](vbscript:msgbox(1))",
    "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "[x](file:///etc/passwd)",
    "<javascript:alert(1)>",
    "<vbscript:msgbox(1)>",
    "![x](javascript:alert(1))",
    "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
    '![x" onerror="alert(1)](http://example.org/a.png)',
    '[x](http://example.org "a\\" onmouseover=\\"alert(1)")',
    "[x](http://example.org 'a\" onmouseover=\"alert(1)')",
    "[x][ref]\n\n[ref]: javascript:alert(1)",
    '[x][ref]\n\n[ref]: http://example.org "x onclick=alert(1)"',
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "&#60;script&#62;alert(1)&#60;/script&#62;",
    "<<script>script>alert(1)<</script>/script>",
    "```html\n<script>alert(1)</script>\n```",
    "`<img src=x onerror=alert(1)>`",
    "<!-- <script>alert(1)</script> -->",
    "<style>body{background:red}</style>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "<form action=javascript:alert(1)><button>x</button></form>",
    "<meta http-equiv=refresh content='0;url=javascript:alert(1)'>",
    "<object data='javascript:alert(1)'></object><embed src=javascript:alert(1)>",
    "@ali<img src=x onerror=alert(1)>",
]

_ALLOWED_TAGS = {
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
_ALLOWED_ATTRIBUTES = {"href", "title", "rel", "start", "dir", "class"}


class _TagCollector(HTMLParser):
    """Every tag and attribute a browser would build from the HTML."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))


def _assert_inert(html: str) -> None:
    assert "<script" not in html.lower()
    collector = _TagCollector()
    collector.feed(html)
    collector.close()
    for tag, attrs in collector.tags:
        assert tag in _ALLOWED_TAGS, html
        for name, value in attrs:
            assert name in _ALLOWED_ATTRIBUTES, html
            assert not name.startswith("on"), html
            if name == "href":
                # The value as the browser decodes it: entities already resolved.
                assert (
                    (value or "").strip().lower().startswith(("http://", "https://", "mailto:"))
                ), html
            if name == "class":
                assert value == "mention", html
            if name == "dir":
                assert value == "auto", html


@pytest.mark.parametrize("payload", XSS_PAYLOADS)
def test_xss_payload_never_renders_executable_html(payload: str) -> None:
    _assert_inert(render(payload))
    _assert_inert(render(payload, known_handles={"ali": "<img src=x onerror=alert(1)>"}))


def test_raw_html_is_shown_as_text() -> None:
    html = render("<script>alert(1)</script>")

    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_javascript_link_is_not_a_link() -> None:
    html = render("[click](javascript:alert(1)) and [ok](https://example.org/a?b=1&c=2)")

    assert html.count("<a ") == 1
    assert 'href="https://example.org/a?b=1&amp;c=2"' in html


def test_links_get_rel_nofollow_and_no_target() -> None:
    html = render("[site](https://example.org)")

    assert 'rel="nofollow noopener noreferrer"' in html
    assert "target=" not in html


def test_relative_and_data_links_lose_their_address() -> None:
    html = render("[a](/en/hub/) [b](//evil.example/x)")

    assert "href" not in html


def test_mailto_links_are_kept() -> None:
    assert 'href="mailto:desk@example.org"' in render("<desk@example.org>")


def test_images_become_links_not_img_tags() -> None:
    html = render('![Map of the region](https://example.org/map.png "Region")')

    assert "<img" not in html
    assert '<a href="https://example.org/map.png" title="Region"' in html
    assert ">Map of the region</a>" in html


def test_headings_are_demoted_so_posts_never_have_h1_or_h2() -> None:
    html = render("# One\n\n## Two\n\n### Three\n\n#### Four\n\n##### Five\n\n###### Six\n\nT\n=")

    assert "<h1" not in html and "<h2" not in html
    assert '<h3 dir="auto">One</h3>' in html
    assert '<h4 dir="auto">Two</h4>' in html
    assert '<h5 dir="auto">Three</h5>' in html
    assert '<h6 dir="auto">Six</h6>' in html
    assert '<h3 dir="auto">T</h3>' in html


def test_text_blocks_carry_dir_auto() -> None:
    html = render("Para\n\n- item\n\n> quote\n\n|a|b|\n|:-|-:|\n|c|d|")

    assert '<p dir="auto">Para</p>' in html
    assert '<li dir="auto">item</li>' in html
    assert '<blockquote dir="auto">' in html
    assert '<th dir="auto">a</th>' in html
    assert '<td dir="auto">d</td>' in html
    assert "text-align" not in html


def test_arabic_text_is_kept_as_is_in_its_own_direction() -> None:
    text = "مرحبا بكم في **المنتدى** and welcome"
    html = render(text)

    assert html == '<p dir="auto">مرحبا بكم في <strong>المنتدى</strong> and welcome</p>\n'
    assert "&#" not in html


def test_strikethrough_tables_and_ordered_list_start() -> None:
    html = render("~~old~~\n\n3. three\n4. four")

    assert "<del>old</del>" in html
    assert '<ol start="3">' in html


def test_new_lines_show_as_line_breaks() -> None:
    assert "<br>" in render("first line\nsecond line")


def test_known_mention_becomes_a_span_with_its_display_text() -> None:
    html = render("Thanks @Ali.B and @nobody", known_handles={"ali.b": "Ali Ben"})

    assert '<span class="mention" dir="auto">Ali Ben</span>' in html
    assert "@nobody" in html
    assert html.count("mention") == 1


def test_known_mention_without_display_text_shows_the_handle() -> None:
    html = render("cc @mona", known_handles={"mona": ""})

    assert '<span class="mention" dir="auto">@mona</span>' in html


def test_mention_display_text_is_escaped() -> None:
    html = render("@ali", known_handles={"ali": "<b onclick=x>Ali</b>"})

    assert "&lt;b onclick=x&gt;Ali&lt;/b&gt;" in html
    _assert_inert(html)


def test_no_mention_inside_code_emails_or_links() -> None:
    text = "`@ali` and ali@example.org and [@ali](https://example.org)\n\n```\n@ali\n```"
    html = render(text, known_handles={"ali": "Ali"})

    assert "mention" not in html


def test_extract_mentions_lowercases_and_ignores_code_and_emails() -> None:
    text = (
        "Hello @Mona, @sam_k and (@lee-r). Mail me at jo@example.org.\n\n"
        "`@coder`\n\n    @indented\n\n```\n@fenced\n```\n\n@ab is too short"
    )

    assert extract_mentions(text) == {"mona", "sam_k", "lee-r"}


def test_extract_mentions_ignores_quoted_mentions() -> None:
    assert extract_mentions("> @quoted wrote this\n\nand @fresh") == {"fresh"}


def test_mention_pattern_limits() -> None:
    assert MENTION.search("@" + "a" * 30)
    assert not MENTION.search("@" + "a" * 31)
    assert MENTION.search("@ali.") and MENTION.search("@ali.").group("handle") == "ali"  # type: ignore[union-attr]
    assert not MENTION.search("ali@mona.org")
    assert not MENTION.search("@mona@example.org")
    assert not MENTION.search("@مني")


def test_mention_after_arabic_punctuation_counts() -> None:
    assert extract_mentions("شكرا، @mona") == {"mona"}


def test_quote_heads_with_author_and_keeps_lines() -> None:
    quoted = quote("First line\nsecond line\n\nLast", author_display="Mona")

    assert quoted == "> **Mona** wrote:\n> First line\n> second line\n>\n> Last\n\n"


def test_quote_renders_as_one_blockquote() -> None:
    html = render(quote("Hello\n\n- a point", author_display="Mona") + "My answer")

    assert html.startswith('<blockquote dir="auto">\n<p dir="auto"><strong>Mona</strong> wrote:')
    assert html.count("<blockquote") == 1
    assert "<li" in html
    assert '<p dir="auto">My answer</p>' in html


def test_quote_drops_the_quoted_posts_own_quotes() -> None:
    original = quote("Old text", author_display="Sam") + "My reply\n> lazy"
    quoted = quote(original, author_display="Mona")

    assert "Old text" not in quoted
    assert "Sam" not in quoted
    assert "My reply" in quoted
    assert render(quoted).count("<blockquote") == 1


def test_quote_keeps_code_that_looks_like_a_quote() -> None:
    quoted = quote("```\n> not a quote\n```", author_display="Mona")

    assert "> > not a quote" in quoted


def test_quote_escapes_markdown_in_the_authors_name() -> None:
    quoted = quote("Hi", author_display="[x](javascript:alert(1)) *Ali*\n# h")
    html = render(quoted)

    assert "<a" not in html
    assert "<em>" not in html
    assert "[x](javascript:alert(1)) *Ali* # h" in html


def test_quote_heading_is_translated() -> None:
    with translation.override("en"):
        assert quote("Hi", author_display="Mona").startswith("> **Mona** wrote:")


def test_plain_text_drops_markup() -> None:
    text = (
        "# Title\n\n**bold** and _it_ [a link](https://example.org) `code`\n\n"
        "- one\n- two\n\n> quoted\n\n```\nfenced\n```\n\n|a|b|\n|-|-|\n|c|d|\n\n"
        "![picture](https://example.org/p.png) <b>raw</b>"
    )

    assert plain_text(text) == (
        "Title\nbold and it a link code\none\ntwo\nquoted\nfenced\na b\nc d\npicture <b>raw</b>"
    )


def test_plain_text_keeps_arabic_and_mentions() -> None:
    assert plain_text("**مرحبا** @mona") == "مرحبا @mona"


def test_empty_text() -> None:
    assert render("") == ""
    assert plain_text("") == ""
    assert extract_mentions("") == set()
