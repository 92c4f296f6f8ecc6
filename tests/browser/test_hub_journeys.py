"""The Knowledge Hub's journeys, end to end in Chromium.

1. An officer posts in Arabic in the champions of gender equality's space: the page is
   right-to-left and her post reads in its own direction.
2. A post with a passport number is blocked: the explanation names it (masked), the text stays
   in the form.
3. A watched word sends a reply to the moderation queue; a moderator approves it and the
   thread's readers see it.
4. A search for an Arabic word written with another hamza (and a final heh) finds it.
5. Script, event-handler and ``javascript:`` payloads posted in a title and a text never run.

Data are set up with the hub's factories and services; every step in the browser goes through
the pages. Screenshots go to ``test-output/hub-journey-*.png``.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from momentum.hub.models import JoinPolicy, Post, PostStatus, SpaceKind, WatchedTerm
from momentum.hub.services import threads as thread_services
from momentum.hub.tests.factories import SpaceFactory, hub_settings, member

from .conftest import DESKTOP, SCREENSHOTS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _shot(page: Any, name: str) -> Path:
    SCREENSHOTS.mkdir(exist_ok=True)
    path = SCREENSHOTS / f"hub-journey-{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


@pytest.fixture(autouse=True)
def _no_waiting(settings):  # type: ignore[no-untyped-def]
    """The journeys post several times in a row, quicker than a person would."""
    settings.HUB_POST_INTERVAL_SECONDS = 0


@pytest.fixture
def second_context(browser: Any) -> Iterator[Any]:
    """Another person's browser (a moderator, a reader)."""
    context = browser.new_context(viewport=DESKTOP, locale="en-GB")
    context.set_default_timeout(15_000)
    yield context
    context.close()


@pytest.fixture
def champions(officer, focal_point):  # type: ignore[no-untyped-def]
    space = SpaceFactory(
        slug="champions",
        name_en="Champions of gender equality",
        name_fr="Championnes et champions de l'égalité",
        name_ar="أبطال المساواة بين الجنسين",
        kind=SpaceKind.THEMATIC,
        join_policy=JoinPolicy.REQUEST,
        main_language="ar",
    )
    member(space, officer)
    member(space, focal_point)
    hub_settings(officer, "leilah")
    return space


@pytest.fixture
def network(officer, focal_point):  # type: ignore[no-untyped-def]
    space = SpaceFactory(slug="network", name_en="Momentum MENA network")
    member(space, officer)
    member(space, focal_point)
    return space


def _assert_rtl(page: Any) -> None:
    html = page.locator("html")
    assert (html.get_attribute("lang"), html.get_attribute("dir")) == ("ar", "rtl")
    assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"


# --- 1. an officer posts in Arabic ------------------------------------------------------------


def test_an_officer_posts_in_arabic_in_the_champions_space(
    context, page_for, server_url, officer, champions
):
    page = page_for(context, officer)
    title = "تجربتي في تدريب الضابطات الجدد"
    body = (
        "شاركت هذا الشهر في **دورة القيادة**، وأنصح بها كل الزميلات.\n\n"
        "- التفاوض\n- التحدث أمام الجمهور"
    )

    page.goto(f"{server_url}/ar/hub/spaces/{champions.pk}/")
    _assert_rtl(page)
    assert "أبطال المساواة بين الجنسين" in page.locator("h1").inner_text()
    page.goto(f"{server_url}/ar/hub/spaces/{champions.pk}/threads/new/")
    _assert_rtl(page)
    page.fill("#id_title", title)
    page.fill("#id_body", body)
    with page.expect_navigation():
        page.click("form.hub-post-form button[type=submit]")

    _assert_rtl(page)
    assert page.locator("h1").inner_text() == title
    post = page.locator(".hub-post").first
    text = post.locator(".hub-post__body")
    assert text.get_attribute("dir") == "auto"
    assert "دورة القيادة" in text.locator("strong").inner_text()
    assert text.locator("li").all_inner_texts() == ["التفاوض", "التحدث أمام الجمهور"]
    # Arabic text in its own direction: each paragraph and item is dir=auto, which the
    # browser resolves to right-to-left.
    paragraph = text.locator("p").first
    assert paragraph.get_attribute("dir") == "auto"
    assert paragraph.evaluate("element => getComputedStyle(element).direction") == "rtl"
    assert post.locator(".hub-author").first.inner_text() == "ليلى حداد"
    _shot(page, "arabic-post")
    saved = Post.objects.get(thread__title=title)
    assert saved.status == PostStatus.PUBLISHED


# --- 2. a passport number is blocked --------------------------------------------------------


def test_a_post_with_a_passport_number_is_blocked_and_the_text_kept(
    context, page_for, server_url, officer, network
):
    page = page_for(context, officer)
    body = "At the training we checked the passport A12345678 of a volunteer."

    page.goto(f"{server_url}/en/hub/spaces/{network.pk}/threads/new/")
    page.fill("#id_title", "Document checks training")
    page.fill("#id_body", body)
    with page.expect_navigation():
        page.click("form.hub-post-form button[type=submit]")

    explanation = page.locator("#guard-explanation")
    assert explanation.is_visible()
    assert "Your post was not published" in explanation.inner_text()
    item = explanation.locator("li").first.inner_text()
    assert "passport or identity-document number" in item
    assert "A12•••78" in item and "A12345678" not in item
    assert page.input_value("#id_body") == body
    assert page.input_value("#id_title") == "Document checks training"
    assert page.locator("summary", has_text="Ask a moderator to review").is_visible()
    _shot(page, "blocked")
    assert not Post.objects.filter(status=PostStatus.PUBLISHED).exists()
    assert Post.objects.get().status == PostStatus.BLOCKED


# --- 3. a watched word, then a moderator ------------------------------------------------------


def test_a_watched_word_sends_a_reply_to_the_queue_and_a_moderator_approves_it(
    context, second_context, page_for, server_url, officer, focal_point, moderator, network
):
    WatchedTerm.objects.create(phrase="raid", language="en")
    thread = thread_services.start_thread(
        space=network, by=focal_point, title="Lessons from joint exercises", body="Share yours."
    ).post.thread
    text = "In the exercise scenario a raid was simulated with a mixed team."
    page = page_for(context, officer)

    page.goto(f"{server_url}/en/hub/threads/{thread.pk}/")
    page.fill("#id_body", text)
    with page.expect_navigation():
        page.click("form[action$='/reply/'] button[type=submit]")
    assert (
        "waiting for a moderator"
        in page.locator(".messages, [role=status], main").first.inner_text()
    )
    reply = Post.objects.get(body=text)
    assert (reply.status, reply.hold_reason) == (PostStatus.HELD, "watched_term")

    desk = page_for(second_context, moderator)
    desk.goto(f"{server_url}/en/hub/spaces/{network.pk}/moderation/")
    item = desk.locator("#moderation-queue .hub-queue-item", has_text="raid was simulated")
    assert item.count() == 1
    _shot(desk, "moderation-queue")
    with desk.expect_navigation():
        item.locator("button.hub-action-approve").click()

    reply.refresh_from_db()
    assert reply.status == PostStatus.PUBLISHED
    # The thread's readers see it now.
    second_context.clear_cookies()
    reader = page_for(second_context, focal_point)
    reader.goto(f"{server_url}/en/hub/threads/{thread.pk}/")
    assert reader.locator(f"#post-{reply.pk} .hub-post__body").inner_text() == text


# --- 4. Arabic search with another hamza --------------------------------------------------------


def test_a_search_for_an_arabic_word_with_another_hamza_finds_it(
    context, page_for, server_url, officer, focal_point, champions
):
    thread = thread_services.start_thread(
        space=champions,
        by=focal_point,
        title="إدارة شبكة الشرطيات",
        body="نحتاج إلى فريق صغير لإدارة الشبكة وتنظيم لقاءاتها.",
    ).post.thread
    page = page_for(context, officer)

    page.goto(f"{server_url}/ar/hub/search/")
    _assert_rtl(page)
    page.fill("input[name=q]", "اداره")
    page.locator("form[role=search] button[type=submit]").click()
    result = page.locator(".search-result").first
    result.wait_for()

    link = result.locator("h2 a")
    assert link.get_attribute("href") == f"/ar/hub/threads/{thread.pk}/"
    assert link.locator("mark").first.inner_text() == "إدارة"
    assert "اداره" in page.url or "%D8%A7" in page.url  # the query is in the address (htmx)
    _shot(page, "arabic-search")
    with page.expect_navigation():
        link.click()
    assert page.locator("h1").inner_text() == "إدارة شبكة الشرطيات"


# --- 5. no payload ever runs --------------------------------------------------------------------


def test_script_payloads_in_a_title_and_a_post_never_run(
    context, second_context, page_for, server_url, officer, focal_point, network
):
    dialogs: list[str] = []
    title = "<img src=x onerror=alert(1)> <script>alert(2)</script>"
    body = (
        "<script>alert(3)</script>\n\n"
        "<img src=x onerror=alert(4)>\n\n"
        '<svg onload="alert(5)"></svg>\n\n'
        '<a href="javascript:alert(6)">a link</a>\n\n'
        "[another link](javascript:alert(7))"
    )
    page = page_for(context, officer)
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))

    page.goto(f"{server_url}/en/hub/spaces/{network.pk}/threads/new/")
    page.fill("#id_title", title)
    page.fill("#id_body", body)
    with page.expect_navigation():
        page.click("form.hub-post-form button[type=submit]")
    page.wait_for_load_state("load")

    assert page.locator("h1").inner_text() == title  # shown as text
    opening = page.locator(".hub-post__body").first
    assert "<script>alert(3)</script>" in opening.inner_text()
    assert opening.locator("script, img, svg, a[href^='javascript']").count() == 0
    # Clicking what looks like a link does nothing either.
    for link in opening.locator("a").all():
        link.click()
    # Everywhere the title appears: the space's page, search results, another reader's view.
    page.goto(f"{server_url}/en/hub/spaces/{network.pk}/")
    page.goto(f"{server_url}/en/hub/search/?q=link")
    reader = page_for(second_context, focal_point)
    reader.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    thread = Post.objects.get(is_opening=True).thread
    reader.goto(f"{server_url}/en/hub/threads/{thread.pk}/")
    reader.goto(f"{server_url}/en/notifications/")
    page.wait_for_timeout(300)

    assert dialogs == []
    _shot(reader, "xss")
