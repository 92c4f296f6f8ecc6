"""A space's moderation queue and the overview of the spaces a person moderates: what waits,
why, and who may see it; queries that do not grow with the queue."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from momentum.hub.models import (
    Flag,
    FlagReason,
    HoldReason,
    JoinPolicy,
    MemberRole,
    Post,
    PostStatus,
    SpaceKind,
)
from momentum.hub.tests.factories import PostFactory, SpaceFactory, ThreadFactory, member
from momentum.people.models import Role
from momentum.people.tests.factories import UserFactory, person_with_role

pytestmark = pytest.mark.django_db


@pytest.fixture
def space(officer, focal_point):  # type: ignore[no-untyped-def]
    space = SpaceFactory()
    member(space, officer)
    member(space, focal_point)
    return space


@pytest.fixture
def space_moderator(space):  # type: ignore[no-untyped-def]
    user = person_with_role(Role.TRAINER, None, email="space.moderator@example.org")
    member(space, user, role=MemberRole.MODERATOR)
    return user


def _url(space, **query) -> str:  # type: ignore[no-untyped-def]
    suffix = "&".join(f"{key}={value}" for key, value in query.items())
    return f"/en/hub/spaces/{space.pk}/moderation/" + (f"?{suffix}" if suffix else "")


def _fill(space, count: int) -> None:  # type: ignore[no-untyped-def]
    """``count`` items of each kind, by different authors: held, review requests, reported."""
    thread = ThreadFactory(space=space)
    for n in range(count):
        author = UserFactory()
        member(space, author)
        Post.objects.create(
            thread=thread,
            space=space,
            author=author,
            body=f"Held {n}",
            body_html=f"<p>Held {n}</p>",
            status=PostStatus.HELD,
            hold_reason=HoldReason.NEW_MEMBER,
        )
        Post.objects.create(
            thread=thread,
            space=space,
            author=author,
            body=f"Blocked {n}",
            body_html=f"<p>Blocked {n}</p>",
            status=PostStatus.REVIEW_REQUESTED,
            hold_reason=HoldReason.GUARD_REVIEW,
            review_message="It is a public hotline.",
            guard_findings=[{"kind": "phone", "excerpt": "+96•••67", "line": 1}],
        )
        reported = PostFactory(thread=thread, author=author)
        Flag.objects.create(post=reported, reporter=UserFactory(), reason=FlagReason.SPAM)


def test_the_queue_shows_held_posts_with_why_they_wait(client_for, space, officer, space_moderator):
    thread = ThreadFactory(space=space, author=officer)
    Post.objects.create(
        thread=thread,
        space=space,
        author=officer,
        body="Lessons from the raid.",
        body_html="<p>Lessons from the raid.</p>",
        status=PostStatus.HELD,
        hold_reason=HoldReason.WATCHED_TERM,
        guard_findings=[{"kind": "watched_term", "excerpt": "raid", "line": 1}],
    )

    page = client_for(space_moderator).get(_url(space)).content.decode()

    assert "<p>Lessons from the raid.</p>" in page
    assert "It contains a watched word or phrase" in page
    assert "watched word or phrase</li>" not in page  # the finding names its excerpt
    assert "raid</bdi>" in page
    assert thread.title in page
    assert "Leila Haddad" in page
    assert ">Approve<" in page and ">Reject<" in page


def test_the_queue_shows_review_requests_with_the_message_and_masked_findings(
    client_for, space, space_moderator
):
    _fill(space, 1)

    page = client_for(space_moderator).get(_url(space, show="review")).content.decode()

    assert "It is a public hotline." in page
    assert "+96•••67" in page
    assert "phone number" in page
    assert "Held 0" not in page


def test_the_queue_shows_reported_posts_with_reasons_and_counts(
    client_for, space, officer, focal_point, staff, space_moderator
):
    post = ThreadFactory(space=space, author=officer).posts.get()
    Flag.objects.create(post=post, reporter=focal_point, reason=FlagReason.SPAM, comment="Ads.")
    Flag.objects.create(post=post, reporter=staff, reason=FlagReason.SPAM)

    page = client_for(space_moderator).get(_url(space, show="flagged")).content.decode()

    assert "Reported 2 times" in page
    assert "Spam or advertising (2)" in page
    assert "Ads." in page
    assert ">Hide<" in page and ">Dismiss the reports<" in page


def test_the_queue_links_to_removing_the_author_from_the_space(
    client_for, space, officer, focal_point, space_moderator
):
    post = ThreadFactory(space=space, author=officer).posts.get()
    Flag.objects.create(post=post, reporter=focal_point, reason=FlagReason.ABUSIVE)
    membership = officer.hub_memberships.get(space=space)

    page = client_for(space_moderator).get(_url(space)).content.decode()

    assert f"/hub/spaces/{space.pk}/members/{membership.pk}/remove/" in page


def test_hidden_posts_are_listed_apart_to_be_restored(client_for, space, officer, space_moderator):
    thread = ThreadFactory(space=space, author=officer)
    PostFactory(thread=thread, status=PostStatus.HIDDEN, moderation_reason="Off topic.")

    waiting = client_for(space_moderator).get(_url(space)).content.decode()
    hidden = client_for(space_moderator).get(_url(space, show="hidden")).content.decode()

    assert "Nothing is waiting for a moderator." in waiting
    assert ">Restore<" in hidden and "Off topic." in hidden


def test_a_moderator_sees_their_own_waiting_post_without_the_decisions(
    client_for, space, moderator
):
    member(space, moderator, role=MemberRole.MODERATOR)
    thread = ThreadFactory(space=space, author=moderator)
    Post.objects.create(
        thread=thread, space=space, author=moderator, body="Mine", status=PostStatus.HELD
    )

    page = client_for(moderator).get(_url(space)).content.decode()

    assert "another moderator decides about it" in page
    assert 'value="approve"' not in page


def test_a_space_moderator_cannot_open_another_spaces_queue(
    client_for, space, space_moderator, officer
):
    open_space = SpaceFactory()
    private_space = SpaceFactory(join_policy=JoinPolicy.INVITATION)
    client = client_for(space_moderator)

    assert client.get(_url(space)).status_code == 200
    assert client.get(_url(open_space)).status_code == 403
    assert client.get(_url(private_space)).status_code == 404


def test_a_space_moderator_cannot_decide_about_another_spaces_post(
    client_for, space_moderator, officer
):
    other = SpaceFactory()
    member(other, officer)
    held = Post.objects.create(
        thread=ThreadFactory(space=other, author=officer),
        space=other,
        author=officer,
        body="Held",
        status=PostStatus.HELD,
    )

    response = client_for(space_moderator).post(
        f"/en/hub/posts/{held.pk}/moderate/", {"action": "approve"}
    )

    assert response.status_code == 404
    assert Post.objects.get(pk=held.pk).status == PostStatus.HELD


def test_the_hub_moderator_does_not_moderate_the_boards_space(client_for, moderator):
    board = SpaceFactory(kind=SpaceKind.BOARD, join_policy=JoinPolicy.INVITATION)

    assert client_for(moderator).get(_url(board)).status_code == 404


def test_the_queue_is_paginated(client_for, space, space_moderator):
    _fill(space, 10)  # 30 items

    first = client_for(space_moderator).get(_url(space)).content.decode()
    second = client_for(space_moderator).get(_url(space, page=2)).content.decode()

    assert first.count('class="card hub-queue-item') == 20
    assert second.count('class="card hub-queue-item') == 10
    assert "Page 1 of 2" in first


def test_the_queue_queries_do_not_grow_with_its_length(
    client_for, space, space_moderator, django_assert_max_num_queries
):
    _fill(space, 1)
    client = client_for(space_moderator)
    with CaptureQueriesContext(connection) as few:
        assert client.get(_url(space)).status_code == 200
    _fill(space, 20)  # 63 items in all

    # Session, user, roles; the space; the moderator's memberships; the page's count, posts
    # (thread and author joined) and open reports; the authors' memberships; the counts (one
    # grouped query); the authors' settings; the navigation's checks of other apps.
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(_url(space))
    assert response.content.decode().count('class="card hub-queue-item') == 20
    assert len(few.captured_queries) <= 14


# --- the overview -----------------------------------------------------------------------------


def test_the_overview_lists_moderated_spaces_with_their_pending_counts(
    client_for, space, space_moderator
):
    _fill(space, 2)
    quiet = SpaceFactory()
    member(quiet, space_moderator, role=MemberRole.MODERATOR)
    not_mine = SpaceFactory()

    page = client_for(space_moderator).get("/en/hub/moderation/").content.decode()

    row = page[page.index(f'id="moderation-space-{space.pk}"') :]
    assert '<td class="num" data-count="held">2</td>' in row[:600]
    assert '<td class="num" data-count="review">2</td>' in row[:600]
    assert '<td class="num" data-count="flagged">2</td>' in row[:600]
    assert f'id="moderation-space-{quiet.pk}"' in page
    assert f'id="moderation-space-{not_mine.pk}"' not in page
    assert "6 posts wait for a moderator" in page
    # The busiest space comes first.
    assert page.index(f"moderation-space-{space.pk}") < page.index(f"moderation-space-{quiet.pk}")


def test_the_overview_of_the_hub_moderator_lists_every_space_but_the_boards(
    client_for, space, moderator
):
    board = SpaceFactory(kind=SpaceKind.BOARD, join_policy=JoinPolicy.INVITATION)

    page = client_for(moderator).get("/en/hub/moderation/").content.decode()

    assert f'id="moderation-space-{space.pk}"' in page
    assert f'id="moderation-space-{board.pk}"' not in page


def test_the_overview_is_one_query_for_any_number_of_spaces(
    client_for, staff, django_assert_max_num_queries
):
    client = client_for(staff)
    for _ in range(2):
        _fill(SpaceFactory(), 1)
    with CaptureQueriesContext(connection) as few:
        client.get("/en/hub/moderation/")
    for _ in range(10):
        _fill(SpaceFactory(), 2)

    with django_assert_max_num_queries(len(few.captured_queries)):
        page = client.get("/en/hub/moderation/").content.decode()
    assert page.count('id="moderation-space-') == 12


def test_the_navigation_shows_moderation_to_moderators_only(
    client_for, space, space_moderator, focal_point, staff
):
    assert "/en/hub/moderation/" in client_for(space_moderator).get("/en/hub/").content.decode()
    assert "/en/hub/moderation/" in client_for(staff).get("/en/hub/").content.decode()
    assert "/en/hub/moderation/" not in client_for(focal_point).get("/en/hub/").content.decode()


@pytest.mark.parametrize("language", ["ar", "fr"])
def test_the_queue_reads_in_arabic_and_french(client_for, space, space_moderator, language):
    _fill(space, 1)

    page = (
        client_for(space_moderator)
        .get(f"/{language}/hub/spaces/{space.pk}/moderation/")
        .content.decode()
    )

    assert f'lang="{language}"' in page
    assert page.count('class="card hub-queue-item') == 3
    assert 'value="approve"' in page and 'value="hide"' in page
