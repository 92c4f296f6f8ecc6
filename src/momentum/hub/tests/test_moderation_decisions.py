"""A moderator's decisions about posts and threads: approve, reject, hide, restore, dismiss
reports, lock and pin. Each is audited with the moderator, the space's country and the reason,
and told to the author."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from momentum.core.models import AuditEntry, Notification
from momentum.hub.models import (
    Flag,
    FlagReason,
    FlagStatus,
    HoldReason,
    MemberRole,
    Membership,
    Post,
    PostStatus,
    SearchEntry,
    SpaceKind,
    Thread,
)
from momentum.hub.services import moderation as services
from momentum.hub.services import threads as thread_services
from momentum.hub.services.search_index import index_post
from momentum.hub.tests.factories import PostFactory, SpaceFactory, ThreadFactory, member
from momentum.people.models import Role
from momentum.people.tests.factories import person_with_role

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_interval(settings):  # type: ignore[no-untyped-def]
    settings.HUB_POST_INTERVAL_SECONDS = 0


@pytest.fixture
def space(officer, focal_point, jordan):  # type: ignore[no-untyped-def]
    space = SpaceFactory(kind=SpaceKind.COUNTRY, country=jordan)
    member(space, officer)
    member(space, focal_point)
    return space


@pytest.fixture
def space_moderator(space):  # type: ignore[no-untyped-def]
    user = person_with_role(Role.TRAINER, None, email="space.moderator@example.org")
    member(space, user, role=MemberRole.MODERATOR)
    return user


@pytest.fixture
def thread(space, officer):  # type: ignore[no-untyped-def]
    return ThreadFactory(space=space, author=officer)


def _held(thread, author, **fields):  # type: ignore[no-untyped-def]
    return Post.objects.create(
        thread=thread,
        space=thread.space,
        author=author,
        body=fields.pop("body", "Lessons from the raid."),
        status=fields.pop("status", PostStatus.HELD),
        hold_reason=fields.pop("hold_reason", HoldReason.WATCHED_TERM),
        guard_findings=fields.pop(
            "guard_findings", [{"kind": "watched_term", "excerpt": "raid", "line": 1}]
        ),
        **fields,
    )


def _published_reply(thread, author):  # type: ignore[no-untyped-def]
    reply = PostFactory(thread=thread, author=author)
    Thread.objects.filter(pk=thread.pk).update(reply_count=1)
    Membership.objects.filter(space=thread.space, user=author).update(published_posts=1)
    index_post(reply)
    return reply


# --- approve ----------------------------------------------------------------------------------


def test_approving_a_held_reply_publishes_counts_and_indexes_it(
    thread, focal_point, space_moderator, jordan
):
    held = _held(thread, focal_point)

    services.approve_post(post=held, by=space_moderator)

    held.refresh_from_db()
    assert held.status == PostStatus.PUBLISHED and held.published_at is not None
    assert held.moderated_by == space_moderator
    assert "raid" in held.body_html
    assert Thread.objects.get(pk=thread.pk).reply_count == 1
    assert Membership.objects.get(space=thread.space, user=focal_point).published_posts == 1
    assert SearchEntry.objects.filter(post=held).exists()
    entry = AuditEntry.objects.get(verb="hub.moderation.approved")
    assert entry.actor == space_moderator and entry.country == jordan
    assert entry.details["hold_reason"] == "watched_term"
    assert entry.details["findings"][0]["kind"] == "watched_term"
    told = Notification.objects.get(kind="hub.moderation")
    assert told.recipient == focal_point and told.url == f"/hub/posts/{held.pk}/"


def test_the_author_cannot_approve_their_own_held_post(thread, space, moderator):
    member(space, moderator, role=MemberRole.MODERATOR)
    held = _held(thread, moderator)

    with pytest.raises(PermissionDenied):
        services.approve_post(post=held, by=moderator)

    assert Post.objects.get(pk=held.pk).status == PostStatus.HELD


def test_a_member_cannot_approve(thread, focal_point, officer):
    held = _held(thread, focal_point)

    with pytest.raises(PermissionDenied):
        services.approve_post(post=held, by=officer)


def test_a_moderator_of_another_space_cannot_decide_here(thread, focal_point, officer):
    other = SpaceFactory()
    other_moderator = person_with_role(Role.TRAINER, None, email="other.moderator@example.org")
    member(other, other_moderator, role=MemberRole.MODERATOR)
    held = _held(thread, focal_point)

    with pytest.raises(PermissionDenied):
        services.approve_post(post=held, by=other_moderator)
    with pytest.raises(PermissionDenied):
        services.set_thread_locked(thread=thread, by=other_moderator, locked=True)


def test_a_published_post_cannot_be_approved(thread, space_moderator):
    with pytest.raises(ValidationError) as error:
        services.approve_post(post=thread.posts.get(), by=space_moderator)
    assert error.value.code == "wrong_status"


# --- reject -----------------------------------------------------------------------------------


def test_rejecting_a_held_post_keeps_it_out_of_view_and_tells_the_author_why(
    thread, focal_point, space_moderator
):
    held = _held(thread, focal_point)

    services.reject_post(post=held, by=space_moderator, reason="Names an ongoing operation.")

    held.refresh_from_db()
    assert held.status == PostStatus.REJECTED
    assert held.moderation_reason == "Names an ongoing operation."
    assert not SearchEntry.objects.filter(post=held).exists()
    assert Thread.objects.get(pk=thread.pk).reply_count == 0
    told = Notification.objects.get(kind="hub.moderation")
    assert told.recipient == focal_point
    assert "Names an ongoing operation." in told.message["en"]
    entry = AuditEntry.objects.get(verb="hub.moderation.rejected")
    assert entry.details["reason"] == "Names an ongoing operation."


def test_rejecting_without_a_reason_is_refused(thread, focal_point, space_moderator):
    held = _held(thread, focal_point)

    with pytest.raises(ValidationError):
        services.reject_post(post=held, by=space_moderator, reason="  ")

    assert Post.objects.get(pk=held.pk).status == PostStatus.HELD


def test_rejecting_an_opening_post_rejects_its_thread(space, focal_point, space_moderator):
    thread = ThreadFactory(space=space, author=focal_point, status=PostStatus.HELD)
    opening = thread.posts.get()

    services.reject_post(post=opening, by=space_moderator, reason="Operational.")

    assert Thread.objects.get(pk=thread.pk).status == PostStatus.REJECTED


# --- hide and restore -------------------------------------------------------------------------


def test_hiding_a_reply_moves_the_counters_and_the_search_entry(
    thread, focal_point, space_moderator
):
    reply = _published_reply(thread, focal_point)

    services.hide_post(post=reply, by=space_moderator, reason="Personal data.")

    reply.refresh_from_db()
    assert reply.status == PostStatus.HIDDEN and reply.moderation_reason == "Personal data."
    assert Thread.objects.get(pk=thread.pk).reply_count == 0
    assert Membership.objects.get(space=thread.space, user=focal_point).published_posts == 0
    assert not SearchEntry.objects.filter(post=reply).exists()
    assert AuditEntry.objects.get(verb="hub.moderation.hidden").details["reason"] == (
        "Personal data."
    )
    assert Notification.objects.get(kind="hub.moderation").recipient == focal_point


def test_restoring_a_hidden_reply_counts_and_indexes_it_again(thread, focal_point, space_moderator):
    reply = _published_reply(thread, focal_point)
    services.hide_post(post=reply, by=space_moderator, reason="Checking.")

    services.restore_post(post=reply, by=space_moderator, reason="It was fine.")

    reply.refresh_from_db()
    assert reply.status == PostStatus.PUBLISHED
    assert Thread.objects.get(pk=thread.pk).reply_count == 1
    assert Membership.objects.get(space=thread.space, user=focal_point).published_posts == 1
    assert SearchEntry.objects.filter(post=reply).exists()
    assert AuditEntry.objects.filter(verb="hub.moderation.restored").count() == 1
    # Told of the hiding and of the restoring; nobody told of a "new" reply.
    assert Notification.objects.filter(kind="hub.moderation").count() == 2
    assert not Notification.objects.filter(kind="hub.reply").exists()


def test_hiding_an_opening_post_hides_its_thread_and_restoring_brings_it_back(
    thread, space_moderator
):
    opening = thread.posts.get()

    services.hide_post(post=opening, by=space_moderator, reason="Operational.")
    assert Thread.objects.get(pk=thread.pk).status == PostStatus.HIDDEN

    services.restore_post(post=opening, by=space_moderator)
    assert Thread.objects.get(pk=thread.pk).status == PostStatus.PUBLISHED


def test_hiding_without_a_reason_is_refused(thread, space_moderator):
    with pytest.raises(ValidationError):
        services.hide_post(post=thread.posts.get(), by=space_moderator, reason="")
    assert thread.posts.get().status == PostStatus.PUBLISHED


def test_hiding_a_post_settles_its_reports(thread, focal_point, staff, space_moderator):
    opening = thread.posts.get()
    services.flag_post(post=opening, by=focal_point, reason=FlagReason.PERSONAL_DATA)

    services.hide_post(post=opening, by=space_moderator, reason="Personal data.")

    flag = Flag.objects.get()
    assert flag.status == FlagStatus.ACTED and flag.resolved_by == space_moderator


def test_only_a_hidden_post_can_be_restored(thread, space_moderator):
    with pytest.raises(ValidationError):
        services.restore_post(post=thread.posts.get(), by=space_moderator)


# --- dismiss reports --------------------------------------------------------------------------


def test_dismissing_reports_closes_them_and_keeps_the_post(
    thread, focal_point, staff, space_moderator
):
    opening = thread.posts.get()
    services.flag_post(post=opening, by=focal_point, reason=FlagReason.SPAM)
    services.flag_post(post=opening, by=staff, reason=FlagReason.SPAM)

    assert services.dismiss_flags(post=opening, by=space_moderator, reason="Not spam.") == 2

    assert set(Flag.objects.values_list("status", flat=True)) == {FlagStatus.DISMISSED}
    assert thread.posts.get().status == PostStatus.PUBLISHED
    assert AuditEntry.objects.get(verb="hub.moderation.flags_dismissed").details["flags"] == 2


def test_dismissing_with_no_open_report_is_refused(thread, space_moderator):
    with pytest.raises(ValidationError):
        services.dismiss_flags(post=thread.posts.get(), by=space_moderator)


# --- the decision page ------------------------------------------------------------------------


def test_a_moderator_hides_a_post_from_the_queue_page(
    client_for, thread, focal_point, space_moderator
):
    reply = _published_reply(thread, focal_point)
    queue_url = f"/en/hub/spaces/{thread.space_id}/moderation/"

    response = client_for(space_moderator).post(
        f"/en/hub/posts/{reply.pk}/moderate/",
        {"action": "hide", "reason": "Personal data.", "next": queue_url},
    )

    assert response.status_code == 302 and response["Location"] == queue_url
    assert Post.objects.get(pk=reply.pk).status == PostStatus.HIDDEN


def test_a_refused_decision_is_explained(client_for, thread, focal_point, space_moderator):
    held = _held(thread, focal_point)

    response = client_for(space_moderator).post(
        f"/en/hub/posts/{held.pk}/moderate/", {"action": "reject", "reason": ""}, follow=True
    )

    assert "Say why: the author is told." in response.content.decode()
    assert Post.objects.get(pk=held.pk).status == PostStatus.HELD


def test_a_decision_never_redirects_to_another_site(
    client_for, thread, focal_point, space_moderator
):
    held = _held(thread, focal_point)

    response = client_for(space_moderator).post(
        f"/en/hub/posts/{held.pk}/moderate/",
        {"action": "approve", "next": "https://evil.example/"},
    )

    assert response["Location"] == f"/en/hub/spaces/{thread.space_id}/moderation/"


def test_the_post_page_offers_the_decisions_that_fit_its_status(
    client_for, thread, focal_point, space_moderator
):
    held = _held(thread, focal_point)
    client = client_for(space_moderator)

    held_page = client.get(f"/en/hub/posts/{held.pk}/moderate/").content.decode()
    published_page = client.get(
        f"/en/hub/posts/{thread.posts.first().pk}/moderate/"
    ).content.decode()

    assert 'value="approve"' in held_page and 'value="reject"' in held_page
    assert 'value="hide"' not in held_page
    assert 'value="hide"' in published_page and 'value="approve"' not in published_page


# --- threads ----------------------------------------------------------------------------------


def test_a_locked_thread_takes_no_more_replies_from_members(
    client_for, thread, focal_point, space_moderator, jordan
):
    client_for(space_moderator).post(f"/en/hub/threads/{thread.pk}/lock/", {"action": "lock"})

    assert Thread.objects.get(pk=thread.pk).is_locked
    with pytest.raises(ValidationError):
        thread_services.reply_to_thread(thread=thread, by=focal_point, body="One more thing.")
    entry = AuditEntry.objects.get(verb="hub.moderation.thread_locked")
    assert entry.actor == space_moderator and entry.country == jordan

    client_for(space_moderator).post(f"/en/hub/threads/{thread.pk}/lock/", {"action": "unlock"})
    assert thread_services.reply_to_thread(
        thread=thread, by=focal_point, body="One more thing."
    ).published


def test_pinning_a_thread_is_audited_and_shown(client_for, thread, space_moderator):
    client = client_for(space_moderator)

    response = client.post(f"/en/hub/threads/{thread.pk}/pin/", {"action": "pin"}, follow=True)

    assert Thread.objects.get(pk=thread.pk).is_pinned
    assert AuditEntry.objects.filter(verb="hub.moderation.thread_pinned").count() == 1
    assert "Unpin" in response.content.decode()
    client.post(f"/en/hub/threads/{thread.pk}/pin/", {"action": "unpin"})
    assert not Thread.objects.get(pk=thread.pk).is_pinned


def test_lock_and_pin_need_a_valid_action(client_for, thread, space_moderator):
    client_for(space_moderator).post(f"/en/hub/threads/{thread.pk}/lock/", {"action": "maybe"})

    assert not Thread.objects.get(pk=thread.pk).is_locked
    assert not AuditEntry.objects.filter(verb__startswith="hub.moderation").exists()


def test_the_thread_page_shows_lock_and_pin_to_moderators_only(
    client_for, thread, focal_point, space_moderator
):
    url = f"/en/hub/threads/{thread.pk}/"

    assert (
        f"/hub/threads/{thread.pk}/lock/" in client_for(space_moderator).get(url).content.decode()
    )
    assert (
        f"/hub/threads/{thread.pk}/lock/" not in client_for(focal_point).get(url).content.decode()
    )
