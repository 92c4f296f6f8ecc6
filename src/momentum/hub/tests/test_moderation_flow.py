"""From a post to a moderator's decision, through the pages and the publishing service: a
watched word holds a post until a moderator approves it; a post the guard blocked is published
once its author asked for a review and a moderator approved it; a new member's first post
waits."""

from __future__ import annotations

import pytest

from momentum.core.models import AuditEntry, Notification
from momentum.hub.models import (
    HoldReason,
    MemberRole,
    Post,
    PostStatus,
    SearchEntry,
    Thread,
)
from momentum.hub.tests.factories import SpaceFactory, ThreadFactory, member
from momentum.people.models import Role
from momentum.people.tests.factories import person_with_role

pytestmark = pytest.mark.django_db

HOTLINE = "Call the hotline on +962 6 500 0000 for the training schedule."


@pytest.fixture(autouse=True)
def _no_interval(settings):  # type: ignore[no-untyped-def]
    settings.HUB_POST_INTERVAL_SECONDS = 0


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


def _queue(space, show: str = "waiting") -> str:  # type: ignore[no-untyped-def]
    return f"/en/hub/spaces/{space.pk}/moderation/?show={show}"


def test_a_watched_word_in_a_reply_waits_in_the_queue_until_approved(
    client_for, staff, space, officer, focal_point, space_moderator
):
    client_for(staff).post(
        "/en/hub/watched-terms/", {"phrase": "Raid", "language": "en", "note": "Operations"}
    )
    thread = ThreadFactory(space=space, author=officer)

    client_for(focal_point).post(
        f"/en/hub/threads/{thread.pk}/reply/", {"body": "What we learnt from the raids."}
    )

    post = Post.objects.get(thread=thread, is_opening=False)
    assert post.status == PostStatus.HELD and post.hold_reason == HoldReason.WATCHED_TERM
    queue = client_for(space_moderator).get(_queue(space)).content.decode()
    assert "What we learnt from the raids." in queue
    assert "raids</bdi>" in queue
    thread_page = f"/en/hub/threads/{thread.pk}/"
    assert "What we learnt" not in client_for(officer).get(thread_page).content.decode()

    client_for(space_moderator).post(
        f"/en/hub/posts/{post.pk}/moderate/", {"action": "approve", "next": _queue(space)}
    )

    post.refresh_from_db()
    assert post.status == PostStatus.PUBLISHED
    assert SearchEntry.objects.filter(post=post).exists()
    assert Thread.objects.get(pk=thread.pk).reply_count == 1
    assert "What we learnt" in client_for(officer).get(thread_page).content.decode()
    # The thread's author hears of the reply once it is published.
    assert Notification.objects.filter(kind="hub.reply", recipient=officer).exists()
    assert Notification.objects.filter(kind="hub.moderation", recipient=focal_point).exists()
    assert "Nothing is waiting" in client_for(space_moderator).get(_queue(space)).content.decode()


def test_a_blocked_thread_sent_for_review_is_published_when_a_moderator_approves(
    client_for, space, focal_point, space_moderator
):
    author = client_for(focal_point)
    author.post(
        f"/en/hub/spaces/{space.pk}/threads/new/",
        {"title": "Training schedule", "body": HOTLINE},
    )
    post = Post.objects.get(author=focal_point)
    assert post.status == PostStatus.BLOCKED
    assert AuditEntry.objects.filter(verb="hub.guard.block").count() == 1

    author.post(f"/en/hub/posts/{post.pk}/review/", {"message": "This is the public hotline."})

    post.refresh_from_db()
    assert post.status == PostStatus.REVIEW_REQUESTED
    queue = client_for(space_moderator).get(_queue(space, "review")).content.decode()
    assert "This is the public hotline." in queue
    assert "phone number" in queue
    assert "500 0000" not in queue.replace(HOTLINE, "")  # only the masked excerpt besides

    client_for(space_moderator).post(f"/en/hub/posts/{post.pk}/moderate/", {"action": "approve"})

    post.refresh_from_db()
    assert post.status == PostStatus.PUBLISHED
    assert Thread.objects.get(pk=post.thread_id).status == PostStatus.PUBLISHED
    assert SearchEntry.objects.filter(post=post).exists()
    entry = AuditEntry.objects.get(verb="hub.moderation.approved")
    assert entry.actor == space_moderator
    assert entry.details["previous_status"] == "review_requested"
    assert [finding["kind"] for finding in entry.details["findings"]] == ["phone"]
    assert "500 0000" not in str(entry.details)


def test_a_blocked_post_not_sent_for_review_is_not_in_the_queue(
    client_for, space, focal_point, space_moderator
):
    client_for(focal_point).post(
        f"/en/hub/spaces/{space.pk}/threads/new/", {"title": "Schedule", "body": HOTLINE}
    )
    post = Post.objects.get(author=focal_point)

    response = client_for(space_moderator).post(
        f"/en/hub/posts/{post.pk}/moderate/", {"action": "approve"}
    )

    assert response.status_code == 302
    assert Post.objects.get(pk=post.pk).status == PostStatus.BLOCKED
    assert "Nothing is waiting" in client_for(space_moderator).get(_queue(space)).content.decode()


def test_a_new_members_first_post_waits_and_is_approved(
    client_for, space, officer, space_moderator
):
    space.hold_first_posts = 1
    space.save()
    newcomer = person_with_role(Role.MENTOR, None, email="newcomer@example.org")
    member(space, newcomer)

    client_for(newcomer).post(
        f"/en/hub/spaces/{space.pk}/threads/new/",
        {"title": "Hello", "body": "I train customs officers."},
    )

    post = Post.objects.get(author=newcomer)
    assert post.status == PostStatus.HELD and post.hold_reason == HoldReason.NEW_MEMBER
    queue = client_for(space_moderator).get(_queue(space, "held")).content.decode()
    assert "The first posts of new members are reviewed" in queue
    assert "The first post of each new member waits for a moderator." in queue

    client_for(space_moderator).post(f"/en/hub/posts/{post.pk}/moderate/", {"action": "approve"})

    assert Post.objects.get(pk=post.pk).status == PostStatus.PUBLISHED
    assert Thread.objects.get(pk=post.thread_id).status == PostStatus.PUBLISHED
