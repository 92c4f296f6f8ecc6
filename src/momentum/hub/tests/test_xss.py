"""No stored cross-site scripting: script, event-handler and ``javascript:`` payloads written
into thread titles, posts, people's names, space names and attachment file names are shown as
text (escaped) on every page that renders them, and the API returns them as data.

The content goes in through the services, as a person would write it; each page is then read
as another member, a moderator or staff.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from momentum.hub.models import Attachment, Post, PostStatus, WatchedTerm
from momentum.hub.services import threads as services
from momentum.hub.tests.factories import SpaceFactory, member

pytestmark = pytest.mark.django_db

SCRIPT = "<script>alert('xss')</script>"
IMAGE = "<img src=x onerror=alert(1)>"
SVG = '<svg onload="alert(2)">'
LINK = '<a href="javascript:alert(3)">click</a>'
MARKDOWN_LINK = "[click me](javascript:alert(4))"
FILE_NAME = "<img src=x onerror=alert(5)>.txt"

# What must never reach a page as markup.
LIVE = [
    re.compile(r"<script>alert\('xss'\)</script>"),
    re.compile(r"<img[^>]*onerror", re.IGNORECASE),
    re.compile(r"<svg[^>]*onload", re.IGNORECASE),
    re.compile(r"""<a\s[^<>]*href\s*=\s*["']?\s*javascript:""", re.IGNORECASE),
    re.compile(r"<[a-z][^<>]*\son(error|load|click|mouseover)\s*=", re.IGNORECASE),
]


def _assert_inert(page: str, *escaped: str) -> None:
    for pattern in LIVE:
        assert not pattern.search(page), pattern.pattern
    for text in escaped:
        assert text in page, text


@pytest.fixture(autouse=True)
def _no_waiting(settings):  # type: ignore[no-untyped-def]
    settings.HUB_POST_INTERVAL_SECONDS = 0


@pytest.fixture
def world(officer, focal_point, staff) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    officer.given_name = IMAGE
    officer.given_name_ar = SVG
    officer.save()
    space = SpaceFactory(name_en=SCRIPT, name_fr=SCRIPT, name_ar=SCRIPT, description_en=IMAGE)
    member(space, officer)
    member(space, focal_point)
    thread_submission = services.start_thread(
        space=space,
        by=officer,
        title=f"{SCRIPT} xsstitle {IMAGE}",
        body=f"xssbody {SCRIPT}\n\n{IMAGE}\n\n{SVG}\n\n{LINK}\n\n{MARKDOWN_LINK}",
        files=[SimpleUploadedFile(FILE_NAME, b"plain notes", content_type="text/plain")],
    )
    thread = thread_submission.post.thread
    # The upload check makes file names safe; a name stored otherwise is still shown as text.
    uploaded = Attachment.objects.get()
    Attachment.objects.create(
        post=uploaded.post,
        file=uploaded.file.name,
        name=FILE_NAME,
        content_type="text/plain",
        size=uploaded.size,
    )
    reply = services.reply_to_thread(
        thread=thread, by=focal_point, body=f"xssreply {IMAGE} @leilah"
    ).post
    # Leila's reply tells the focal point: the notification names her and the title.
    services.reply_to_thread(thread=thread, by=officer, body="Thanks, xssthanks")
    WatchedTerm.objects.create(phrase="raid", language="en")
    held = services.reply_to_thread(thread=thread, by=officer, body=f"raid {SCRIPT} {IMAGE}").post
    assert held.status == PostStatus.HELD
    return {"space": space, "thread": thread, "reply": reply, "held": held}


def test_the_payloads_are_stored_as_written(world):
    opening = world["thread"].posts.get(is_opening=True)

    assert SCRIPT in world["thread"].title
    assert SCRIPT in opening.body
    names = sorted(Attachment.objects.values_list("name", flat=True))
    assert names == [FILE_NAME, "_img src=x onerror=alert(5)_.txt"]


def test_the_markdown_renderer_keeps_no_live_markup(world):
    for post in Post.objects.all():
        _assert_inert(post.body_html)
    opening = world["thread"].posts.get(is_opening=True)
    assert "&lt;script&gt;" in opening.body_html
    assert "&lt;a href=" in opening.body_html  # the raw link is text
    assert "<a " not in opening.body_html  # and the Markdown link to javascript: is no link


def test_the_space_page(client_for, focal_point, world):
    page = client_for(focal_point).get(f"/en/hub/spaces/{world['space'].pk}/").content.decode()

    _assert_inert(page, "&lt;script&gt;alert(&#x27;xss&#x27;)&lt;/script&gt; xsstitle")
    assert "&lt;img src=x onerror=alert(1)&gt;" in page  # the space's description and title


def test_the_spaces_list(client_for, focal_point, world):
    page = client_for(focal_point).get("/en/hub/").content.decode()

    _assert_inert(page, "&lt;script&gt;alert(&#x27;xss&#x27;)&lt;/script&gt;")


def test_the_thread_page(client_for, focal_point, world):
    page = client_for(focal_point).get(f"/en/hub/threads/{world['thread'].pk}/").content.decode()

    _assert_inert(
        page,
        "&lt;script&gt;alert(&#x27;xss&#x27;)&lt;/script&gt; xsstitle",  # the title
        "&lt;img src=x onerror=alert(1)&gt;",  # the author's name, and the text
        "&lt;img src=x onerror=alert(5)&gt;.txt",  # the attachment's name
    )
    assert "xssbody" in page and "xssreply" in page


def test_the_thread_page_in_arabic_shows_the_arabic_name_escaped(client_for, focal_point, world):
    page = client_for(focal_point).get(f"/ar/hub/threads/{world['thread'].pk}/").content.decode()

    _assert_inert(page, "&lt;svg onload=&quot;alert(2)&quot;&gt;")


def test_search_results(client_for, focal_point, world):
    for query in ("xsstitle", "xssbody", "xssreply"):
        response = client_for(focal_point).get("/en/hub/search/", {"q": query})
        page = response.content.decode()
        _assert_inert(page)
        assert "<mark>" in page, query
    page = client_for(focal_point).get("/en/hub/search/", {"q": "xsstitle"}).content.decode()
    assert "&lt;script&gt;alert(&#x27;xss&#x27;)&lt;/script&gt; <mark>xsstitle</mark>" in page


def test_search_for_the_payload_itself(client_for, focal_point, world):
    response = client_for(focal_point).get("/en/hub/search/", {"q": SCRIPT})

    _assert_inert(response.content.decode())


def test_the_notifications_list(client_for, focal_point, world):
    page = client_for(focal_point).get("/en/notifications/").content.decode()

    assert "xsstitle" in page  # the reply notification names the thread
    _assert_inert(page, "&lt;img src=x onerror=alert(1)&gt;")


def test_the_moderation_queue(client_for, staff, world):
    page = client_for(staff).get(f"/en/hub/spaces/{world['space'].pk}/moderation/").content.decode()

    assert "raid" in page
    _assert_inert(page, "&lt;img src=x onerror=alert(1)&gt;")


def test_the_api_returns_the_payloads_as_data(client_for, focal_point, world):
    client = client_for(focal_point)

    thread = client.get(f"/api/v1/hub/threads/{world['thread'].pk}").json()
    spaces = client.get("/api/v1/hub/spaces").json()
    found = client.get("/api/v1/hub/search", {"q": "xsstitle"}).json()

    assert thread["title"] == f"{SCRIPT} xsstitle {IMAGE}"  # the text as written, as data
    assert thread["author"]["name"].startswith(IMAGE)
    opening = thread["posts"]["items"][0]
    _assert_inert(opening["body_html"])
    assert {each["name"] for each in opening["attachments"]} >= {FILE_NAME}
    assert any(space["name"] == SCRIPT for space in spaces["items"])
    _assert_inert(found["items"][0]["title_html"], "&lt;script&gt;")
    _assert_inert(found["items"][0]["excerpt_html"])
    response = client.get(f"/api/v1/hub/threads/{world['thread'].pk}")
    assert response["Content-Type"].startswith("application/json")
