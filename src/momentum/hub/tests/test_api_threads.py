"""The API of threads and posts: scoped like the pages, authors shown as they chose, and
submissions through the publishing pipeline (published 201, held 202, blocked 422)."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from momentum.core.models import AuditEntry
from momentum.hub.models import (
    JoinPolicy,
    MemberRole,
    NameDisplay,
    Post,
    PostStatus,
    SearchEntry,
    SpaceKind,
    Thread,
    WatchedTerm,
)
from momentum.hub.tests.factories import (
    SpaceFactory,
    ThreadFactory,
    hub_settings,
    member,
)
from momentum.people.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_waiting(settings):  # type: ignore[no-untyped-def]
    settings.HUB_POST_INTERVAL_SECONDS = 0


@pytest.fixture
def space(officer, focal_point):  # type: ignore[no-untyped-def]
    space = SpaceFactory(name_en="Network")
    member(space, officer)
    member(space, focal_point)
    return space


def _threads_url(space) -> str:  # type: ignore[no-untyped-def]
    return f"/api/v1/hub/spaces/{space.pk}/threads"


def _thread_url(thread) -> str:  # type: ignore[no-untyped-def]
    return f"/api/v1/hub/threads/{thread.pk}"


def _post(client, url: str, language: str = "en", **body: Any):  # type: ignore[no-untyped-def]
    return client.post(url, body, content_type="application/json", HTTP_ACCEPT_LANGUAGE=language)


def _replies(thread, count: int) -> None:  # type: ignore[no-untyped-def]
    authors = [UserFactory() for _ in range(4)]
    now = timezone.now()
    Post.objects.bulk_create(
        [
            Post(
                thread=thread,
                space=thread.space,
                author=authors[n % 4],
                body=f"Reply {n}",
                body_html=f"<p>Reply {n}</p>",
                status=PostStatus.PUBLISHED,
                created_at=now + timedelta(seconds=n),
                published_at=now,
            )
            for n in range(count)
        ]
    )


# --- reading ----------------------------------------------------------------------------------


def test_a_spaces_threads_pinned_first(client_for, officer, space):
    older = ThreadFactory(space=space, title="Older", is_pinned=True)
    newer = ThreadFactory(space=space, title="Newer")
    ThreadFactory(space=space, title="Held", status=PostStatus.HELD)

    response = client_for(officer).get(_threads_url(space))

    assert response.status_code == 200
    assert [item["id"] for item in response.json()["items"]] == [older.pk, newer.pk]
    assert response.json()["count"] == 2


def test_authors_appear_as_they_chose(client_for, officer, focal_point, space):
    hub_settings(focal_point, "focaljo", name_display=NameDisplay.INITIALS)
    focal_point.given_name, focal_point.family_name = "Rania", "Khalil"
    focal_point.given_name_ar, focal_point.family_name_ar = "رانيا", "خليل"
    focal_point.save()
    thread = ThreadFactory(space=space, author=focal_point)
    ThreadFactory(space=space, author=officer)

    english = client_for(officer).get(_threads_url(space), HTTP_ACCEPT_LANGUAGE="en").json()
    arabic = client_for(officer).get(_thread_url(thread), HTTP_ACCEPT_LANGUAGE="ar").json()

    names = {item["id"]: item["author"]["name"] for item in english["items"]}
    assert names[thread.pk] == "R. K."
    assert "Leila Haddad" in names.values()
    assert arabic["author"] == {"name": "ر. خ.", "photo_url": None}
    assert "email" not in str(english) and focal_point.email not in str(english)


@pytest.mark.parametrize("extra", [2, 40])
def test_thread_list_queries_do_not_grow(
    client_for, officer, space, extra, django_assert_num_queries
):
    for _ in range(extra):
        ThreadFactory(space=space)
    client = client_for(officer)
    client.get(_threads_url(space))  # warm the translation catalogues

    # session, user, roles; the space; the caller's memberships; count; the page of threads
    # with their authors; the authors' hub settings
    with django_assert_num_queries(8):
        response = client.get(_threads_url(space))

    assert response.json()["count"] == extra


def test_a_thread_with_its_posts_page_by_page(
    client_for, officer, space, django_assert_num_queries
):
    thread = ThreadFactory(space=space, author=officer, opening__body="**Welcome** all")
    _replies(thread, 120)
    small = ThreadFactory(space=space, author=officer)
    _replies(small, 3)
    client = client_for(officer)
    client.get(_thread_url(small))  # warm the translation catalogues

    # session, user, roles; the thread with its space; memberships; count; the page of posts
    # with their authors; their attachments; the authors' hub settings
    with django_assert_num_queries(9):
        first = client.get(_thread_url(thread)).json()
    with django_assert_num_queries(9):
        last = client.get(_thread_url(thread), {"page": 3}).json()

    assert (first["posts"]["count"], first["posts"]["pages"]) == (121, 3)
    opening = first["posts"]["items"][0]
    assert opening["is_opening"] and opening["body"] == "**Welcome** all"
    assert opening["body_html"] == "<p>**Welcome** all</p>"  # as stored by the publishing
    assert len(first["posts"]["items"]) == 50
    assert [item["body"] for item in last["posts"]["items"]][-1] == "Reply 119"
    assert first["can_reply"] is True


def test_waiting_posts_are_shown_to_their_author_only(client_for, officer, focal_point, space):
    thread = ThreadFactory(space=space, author=officer)
    Post.objects.create(
        thread=thread,
        space=space,
        author=officer,
        body="Raid tomorrow",
        status=PostStatus.HELD,
        guard_findings=[{"kind": "watched_term", "excerpt": "Raid", "line": 1}],
    )

    mine = client_for(officer).get(_thread_url(thread)).json()["posts"]["items"]
    theirs = client_for(focal_point).get(_thread_url(thread)).json()["posts"]["items"]

    assert [item["status"] for item in mine] == ["published", "held"]
    assert "“Raid” is on the list of watched words" in mine[1]["messages"][0]
    assert [item["status"] for item in theirs] == ["published"]


def test_a_private_spaces_threads_are_hidden(client_for, officer, outsider, staff):
    private = SpaceFactory(join_policy=JoinPolicy.INVITATION)
    on_request = SpaceFactory(join_policy=JoinPolicy.REQUEST)
    thread = ThreadFactory(space=private)
    ThreadFactory(space=on_request)

    assert client_for(officer).get(_thread_url(thread)).status_code == 404
    assert client_for(officer).get(_threads_url(private)).status_code == 404
    # May see the space to ask to join, not read its threads.
    refused = client_for(officer).get(_threads_url(on_request))
    assert refused.status_code == 403 and set(refused.json()) == {"error"}
    assert client_for(staff).get(_thread_url(thread)).status_code == 200


def test_another_countrys_space_is_not_found(client_for, outsider, jordan):
    space = SpaceFactory(kind=SpaceKind.COUNTRY, country=jordan)
    thread = ThreadFactory(space=space)

    assert client_for(outsider).get(_thread_url(thread)).status_code == 404


# --- writing ----------------------------------------------------------------------------------


def test_a_member_starts_a_thread_published_and_indexed(client_for, officer, space):
    response = _post(
        client_for(officer),
        _threads_url(space),
        title="Women's networks",
        body="- one\n- two\n\n<script>alert(1)</script>",
    )

    assert response.status_code == 201
    body = response.json()
    thread = Thread.objects.get(pk=body["thread"])
    assert (thread.title, thread.status, body["status"]) == (
        "Women's networks",
        "published",
        "published",
    )
    assert '<li dir="auto">one</li>' in body["post"]["body_html"]
    assert "<script" not in body["post"]["body_html"]
    assert body["post"]["author"]["name"] == "Leila Haddad"
    assert SearchEntry.objects.filter(post_id=body["post"]["id"]).exists()


def test_a_watched_word_holds_the_post_202(client_for, officer, space):
    WatchedTerm.objects.create(phrase="raid", language="en")

    response = _post(
        client_for(officer), _threads_url(space), title="Planning", body="About the raid"
    )

    assert response.status_code == 202
    body = response.json()
    assert body["status"] == "held"
    assert body["post"]["hold_reason"] == "watched_term"
    assert "“raid” is on the list of watched words" in body["messages"][0]


def test_a_new_members_first_post_is_held_202(client_for, officer):
    space = SpaceFactory(hold_first_posts=1)
    member(space, officer)

    response = _post(client_for(officer), _threads_url(space), title="Hello", body="Hi all")

    assert response.status_code == 202
    assert response.json()["post"]["hold_reason"] == "new_member"
    assert response.json()["messages"] == ["The first posts of new members are reviewed"]


def test_a_passport_number_is_blocked_422_in_the_callers_language(client_for, officer, space):
    response = _post(
        client_for(officer),
        _threads_url(space),
        language="fr",
        title="Contrôle",
        body="Le passeport A12345678 était faux.",
    )

    assert response.status_code == 422
    error = response.json()["error"]
    assert error["code"] == "blocked"
    finding = error["details"]["findings"][0]
    # The title is checked too: it is line 1.
    assert (finding["kind"], finding["excerpt"], finding["line"]) == (
        "travel_document",
        "A12•••78",
        2,
    )
    assert "A12345678" not in str(error)
    assert finding["message"].startswith("Ligne 2")  # in French, as the caller asked
    assert "passeport" in finding["message"]
    assert finding["message"] in error["message"]
    draft = Post.objects.get(pk=error["details"]["draft"])
    assert draft.status == PostStatus.BLOCKED
    assert AuditEntry.objects.filter(verb="hub.guard.block").exists()
    assert not SearchEntry.objects.exists()


def test_a_blocked_draft_sent_again_corrected_is_published(client_for, officer, space):
    client = client_for(officer)
    blocked = _post(
        client, _threads_url(space), title="Check", body="Passport A12345678 was forged."
    ).json()

    response = _post(
        client,
        _threads_url(space),
        title="Check",
        body="The passport was forged.",
        draft=blocked["error"]["details"]["draft"],
    )

    assert response.status_code == 201
    assert response.json()["post"]["id"] == blocked["error"]["details"]["draft"]
    assert Post.objects.count() == 1


def test_a_reply_quoting_a_post(client_for, officer, focal_point, space):
    thread = ThreadFactory(space=space, author=focal_point)
    opening = thread.posts.get()

    response = _post(
        client_for(officer),
        f"{_thread_url(thread)}/posts",
        body="> Quoted\n\nI agree.",
        quote_of=opening.pk,
    )

    assert response.status_code == 201
    body = response.json()
    assert (body["post"]["quote_of"], body["post"]["is_opening"]) == (opening.pk, False)
    thread.refresh_from_db()
    assert thread.reply_count == 1


def test_posting_too_soon_is_refused_429(client_for, officer, space, settings):
    settings.HUB_POST_INTERVAL_SECONDS = 60
    client = client_for(officer)
    assert _post(client, _threads_url(space), title="One", body="First").status_code == 201

    response = _post(client, _threads_url(space), title="Two", body="Second")

    assert response.status_code == 429
    assert response.json()["error"]["code"] == "rate_limited"


def test_an_empty_title_is_refused_400(client_for, officer, space):
    response = _post(client_for(officer), _threads_url(space), title="  ", body="Text")

    assert response.status_code == 400
    assert response.json()["error"]["code"] == "required"
    assert "title" in response.json()["error"]["details"]


def test_a_locked_thread_takes_no_reply(client_for, officer, space):
    thread = ThreadFactory(space=space, is_locked=True)

    response = _post(client_for(officer), f"{_thread_url(thread)}/posts", body="Late")

    assert response.status_code == 400
    assert response.json()["error"]["code"] == "locked"


def test_readers_who_are_not_members_may_not_post(client_for, outsider, trainer, space):
    thread = ThreadFactory(space=space)

    assert _post(client_for(trainer), _threads_url(space), title="T", body="B").status_code == 403
    response = _post(client_for(trainer), f"{_thread_url(thread)}/posts", body="B")
    assert response.status_code == 403
    assert not Post.objects.filter(author=trainer).exists()


def test_a_space_moderator_sees_held_posts(client_for, officer, focal_point, space):
    space.memberships.filter(user=focal_point).update(role=MemberRole.MODERATOR)
    thread = ThreadFactory(space=space, author=officer)
    Post.objects.create(thread=thread, space=space, author=officer, body="x", status="held")

    items = client_for(focal_point).get(_thread_url(thread)).json()["posts"]["items"]

    assert [item["status"] for item in items] == ["published", "held"]
    assert items[1]["messages"] == []  # the explanations are the author's


def test_without_a_language_asked_the_explanation_is_in_the_persons_language(
    client_for, officer, space
):
    officer.preferred_language = "ar"
    officer.save()

    response = client_for(officer).post(
        f"/api/v1/hub/spaces/{space.pk}/threads",
        {"title": "Check", "body": "Passport A12345678"},
        content_type="application/json",
    )

    message = response.json()["error"]["details"]["findings"][0]["message"]
    assert re.search(r"[\u0621-\u064a]", message), message
