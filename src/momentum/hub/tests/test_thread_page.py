"""A thread's page: its posts 50 at a time, each with its author as they chose to appear, the
reply form (or the locked notice), waiting posts for their author and the moderators only, and
user text rendered inert."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from momentum.hub.models import Attachment, Post, PostStatus
from momentum.hub.tests.factories import (
    SpaceFactory,
    ThreadFactory,
    hub_settings,
    member,
)
from momentum.people.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def space(officer, focal_point):  # type: ignore[no-untyped-def]
    space = SpaceFactory()
    member(space, officer)
    member(space, focal_point)
    return space


def _url(thread) -> str:  # type: ignore[no-untyped-def]
    return f"/en/hub/threads/{thread.pk}/"


def _replies(thread, count: int) -> None:  # type: ignore[no-untyped-def]
    authors: list[Any] = [UserFactory() for _ in range(5)]
    now = timezone.now()
    Post.objects.bulk_create(
        [
            Post(
                thread=thread,
                space=thread.space,
                author=authors[n % 5],
                body=f"Reply {n}",
                body_html=f"<p>Reply {n}</p>",
                status=PostStatus.PUBLISHED,
                created_at=now + timedelta(seconds=n),
                published_at=now,
            )
            for n in range(count)
        ]
    )


def test_the_thread_shows_its_opening_post_and_replies_in_order(client_for, officer, space):
    thread = ThreadFactory(space=space, author=officer, opening__body="Opening words")
    _replies(thread, 3)

    page = client_for(officer).get(_url(thread)).content.decode()

    assert page.index("Opening words") < page.index("Reply 0") < page.index("Reply 2")
    assert '<div dir="auto" class="hub-post__body">' in page
    assert "Leila Haddad" in page


def test_authors_who_chose_initials_appear_with_them(client_for, officer, focal_point, space):
    hub_settings(officer, "leila", name_display="initials")
    thread = ThreadFactory(space=space, author=officer)

    page = client_for(focal_point).get(_url(thread)).content.decode()

    assert "L. H." in page
    assert "Leila Haddad" not in page
    # Readers still see who speaks: her role and country, in their language.
    assert '<span class="hub-author__from">(Officer, Jordan)</span>' in page
    arabic = client_for(focal_point).get(_url(thread).replace("/en/", "/ar/")).content.decode()
    assert "(ضابط/ضابطة، الأردن)" in arabic


def test_queries_do_not_grow_with_a_thousand_replies(
    client_for, officer, space, django_assert_num_queries
):
    thread = ThreadFactory(space=space, author=officer)
    _replies(thread, 1000)
    small = ThreadFactory(space=space, author=officer)
    _replies(small, 3)
    client = client_for(officer)
    client.get(_url(small))  # warm the translation catalogues

    # session, user, roles, thread with its space, memberships, count, the page's posts with
    # their authors, their attachments, the authors' hub settings
    with django_assert_num_queries(9):
        response = client.get(_url(thread) + "?page=21")
    with django_assert_num_queries(9):
        client.get(_url(small))

    page = response.content.decode()
    assert page.count('class="card hub-post') == 1  # 1,001 posts: page 21 holds the last one
    response = client.get(_url(thread) + "?page=2")
    assert response.content.decode().count('class="card hub-post') == 50
    assert "Page 2 of 21" in response.content.decode()


def test_a_held_post_is_seen_by_its_author_and_moderators_only(
    client_for, officer, focal_point, moderator, space
):
    thread = ThreadFactory(space=space, author=focal_point)
    Post.objects.create(
        thread=thread,
        space=space,
        author=officer,
        body="Waiting text",
        body_html="<p>Waiting text</p>",
        status=PostStatus.HELD,
    )

    mine = client_for(officer).get(_url(thread)).content.decode()
    theirs = client_for(focal_point).get(_url(thread)).content.decode()
    moderators = client_for(moderator).get(_url(thread)).content.decode()

    assert "Waiting text" in mine and "Waiting for a moderator" in mine
    assert "Waiting text" not in theirs
    assert "Waiting text" in moderators


def test_a_locked_thread_says_so_instead_of_the_reply_form(client_for, officer, space):
    thread = ThreadFactory(space=space, author=officer, is_locked=True, is_pinned=True)

    page = client_for(officer).get(_url(thread)).content.decode()

    assert "This thread is locked" in page
    assert f'action="/en/hub/threads/{thread.pk}/reply/"' not in page
    assert "Pinned" in page and "Locked" in page


def test_members_get_the_reply_form_readers_who_are_not_members_do_not(
    client_for, officer, trainer, space
):
    thread = ThreadFactory(space=space, author=officer)

    assert f'action="/en/hub/threads/{thread.pk}/reply/"' in (
        client_for(officer).get(_url(thread)).content.decode()
    )
    page = client_for(trainer).get(_url(thread)).content.decode()
    assert f'action="/en/hub/threads/{thread.pk}/reply/"' not in page
    assert "Join the space to reply." in page


def test_script_in_title_and_body_is_inert(client_for, officer, space, settings):
    from momentum.hub.services import threads as services

    settings.HUB_POST_INTERVAL_SECONDS = 0
    payload = '<script>alert(1)</script><img src=x onerror="alert(2)">[x](javascript:alert(3))'
    submission = services.start_thread(space=space, by=officer, title=payload, body=payload)

    page = client_for(officer).get(_url(submission.post.thread)).content.decode()

    assert "<script>alert(1)" not in page
    assert not re.search(r"<img\b", page)
    assert not re.search(r"<[^>]*\bonerror=", page)
    assert not re.search(r"href=[\"']?javascript:", page)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_attachments_are_listed_with_their_names(client_for, officer, space):
    thread = ThreadFactory(space=space, author=officer)
    post = thread.posts.get()
    attachment = Attachment.objects.create(
        post=post,
        file="hub/attachments/x.pdf",
        name="تقرير.pdf",
        content_type="application/pdf",
        size=2048,
    )

    page = client_for(officer).get(_url(thread)).content.decode()

    assert f"/en/hub/attachments/{attachment.pk}/" in page
    assert '<bdi dir="auto">تقرير.pdf</bdi>' in page


def test_a_thread_of_a_private_space_is_hidden_from_outsiders(client_for, officer, outsider):
    private = SpaceFactory(join_policy="request")
    member(private, officer)
    thread = ThreadFactory(space=private, author=officer)

    assert client_for(outsider).get(_url(thread)).status_code == 404


def test_a_post_address_leads_to_its_page(client_for, officer, space):
    thread = ThreadFactory(space=space, author=officer)
    _replies(thread, 60)
    last = thread.posts.order_by("-created_at").first()

    response = client_for(officer).get(f"/en/hub/posts/{last.pk}/")

    assert response["Location"] == f"/en/hub/threads/{thread.pk}/?page=2#post-{last.pk}"


def test_readers_may_report_others_posts_but_not_their_own(client_for, officer, focal_point, space):
    thread = ThreadFactory(space=space, author=officer)
    opening = thread.posts.get()

    theirs = client_for(focal_point).get(_url(thread)).content.decode()
    mine = client_for(officer).get(_url(thread)).content.decode()

    assert f"/en/hub/posts/{opening.pk}/flag/" in theirs
    assert f"/en/hub/posts/{opening.pk}/flag/" not in mine
    assert f"/en/hub/posts/{opening.pk}/edit/" in mine
    assert f"/en/hub/posts/{opening.pk}/edit/" not in theirs
