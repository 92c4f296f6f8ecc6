"""The publishing pipeline: what the content guard, the new-member hold and the rate limit
decide for a new thread or reply, and what publishing does (counters, search, mentions,
notifications)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from momentum.core.models import AuditEntry, Notification
from momentum.hub.models import (
    HoldReason,
    JoinPolicy,
    Membership,
    Mention,
    Post,
    PostStatus,
    SearchEntry,
    Thread,
    WatchedTerm,
)
from momentum.hub.services import publishing
from momentum.hub.services import threads as services
from momentum.hub.tests.factories import SpaceFactory, hub_settings, member

pytestmark = pytest.mark.django_db

PASSPORT = "The traveller showed passport A12345678 at the crossing."


@pytest.fixture
def space(officer, focal_point):  # type: ignore[no-untyped-def]
    space = SpaceFactory()
    member(space, officer)
    member(space, focal_point)
    return space


@pytest.fixture(autouse=True)
def _no_interval(settings):  # type: ignore[no-untyped-def]
    settings.HUB_POST_INTERVAL_SECONDS = 0


def _start(space, user, body="How do you train new border officers?", **options):  # type: ignore[no-untyped-def]
    return services.start_thread(
        space=space,
        by=user,
        title=options.pop("title", "Training at borders"),
        body=body,
        **options,
    )


def test_an_allowed_thread_is_published_rendered_indexed_and_counted(space, officer):
    submission = _start(space, officer, body="We use **checklists**.")

    post = Post.objects.get(pk=submission.post.pk)
    thread = Thread.objects.get(pk=post.thread_id)
    assert submission.published
    assert post.status == PostStatus.PUBLISHED and post.published_at is not None
    assert thread.status == PostStatus.PUBLISHED
    assert "<strong>checklists</strong>" in post.body_html
    assert SearchEntry.objects.filter(post=post).exists()
    assert Membership.objects.get(space=space, user=officer).published_posts == 1
    assert not AuditEntry.objects.filter(verb__startswith="hub.guard").exists()


def test_a_blocked_thread_is_kept_for_its_author_with_the_explanation(space, officer):
    submission = _start(space, officer, body=PASSPORT)

    post = Post.objects.get(pk=submission.post.pk)
    assert submission.blocked and not submission.published
    assert post.status == PostStatus.BLOCKED
    assert post.thread.status == PostStatus.BLOCKED
    assert post.body == PASSPORT  # the text is kept for the author to edit
    assert post.published_at is None
    assert not SearchEntry.objects.filter(post=post).exists()
    assert Membership.objects.get(space=space, user=officer).published_posts == 0
    assert any("passport" in message for message in submission.messages())
    assert post.guard_findings[0]["kind"] == "travel_document"
    assert "A12345678" not in str(post.guard_findings)
    entry = AuditEntry.objects.get(verb="hub.guard.block")
    assert entry.actor == officer and entry.target_id == str(post.pk)
    assert "A12345678" not in str(entry.details)


def test_a_blocked_title_blocks_the_thread_too(space, officer):
    submission = _start(space, officer, title="Call +962 79 123 4567 now")

    assert submission.blocked
    assert submission.post.status == PostStatus.BLOCKED


def test_a_watched_word_holds_the_post_and_is_audited(space, officer):
    WatchedTerm.objects.create(phrase="raid", language="en")

    submission = _start(space, officer, body="Lessons from the raid last year.")

    post = Post.objects.get(pk=submission.post.pk)
    assert submission.held
    assert post.status == PostStatus.HELD
    assert post.hold_reason == HoldReason.WATCHED_TERM
    assert post.thread.status == PostStatus.HELD
    assert any("raid" in message for message in submission.messages())
    assert AuditEntry.objects.get(verb="hub.guard.hold").details["reason"] == "watched_term"
    assert not SearchEntry.objects.filter(post=post).exists()


def test_an_inactive_watched_word_does_not_hold(space, officer):
    WatchedTerm.objects.create(phrase="raid", language="en", is_active=False)

    assert _start(space, officer, body="Lessons from the raid last year.").published


def test_a_new_members_first_posts_are_held_then_published(space, officer):
    space.hold_first_posts = 1
    space.save()

    first = _start(space, officer)
    assert first.held and first.post.hold_reason == HoldReason.NEW_MEMBER

    publishing.publish_held(first.post, by=None)
    second = _start(space, officer, title="Another question")

    assert second.published
    assert Membership.objects.get(space=space, user=officer).published_posts == 2


def test_moderators_are_not_held_as_new_members(space, moderator):
    space.hold_first_posts = 3
    space.save()
    member(space, moderator)

    assert _start(space, moderator).published


def test_a_post_too_soon_after_the_last_is_refused(space, officer, settings):
    settings.HUB_POST_INTERVAL_SECONDS = 20
    _start(space, officer)

    with pytest.raises(ValidationError) as refusal:
        _start(space, officer, title="Second")

    assert refusal.value.code == "rate_limited"
    assert "Please wait" in refusal.value.messages[0]
    assert Thread.objects.count() == 1


def test_the_hourly_allowance_is_enforced(space, officer, settings):
    settings.HUB_POSTS_PER_HOUR = 2
    _start(space, officer)
    _start(space, officer, title="Second")

    with pytest.raises(ValidationError) as refusal:
        _start(space, officer, title="Third")

    assert "2 posts in the last hour" in refusal.value.messages[0]


def test_posts_older_than_an_hour_and_blocked_attempts_do_not_count(space, officer, settings):
    settings.HUB_POSTS_PER_HOUR = 1
    old = _start(space, officer)
    Post.objects.filter(pk=old.post.pk).update(created_at=timezone.now() - timedelta(hours=2))
    _start(space, officer, body=PASSPORT)

    assert _start(space, officer, title="Now").published


def test_a_blocked_post_sent_again_replaces_its_draft(space, officer):
    blocked = _start(space, officer, body=PASSPORT)

    again = _start(space, officer, body="Fixed: no number.", draft=blocked.post)

    assert again.published
    assert again.post.pk == blocked.post.pk
    assert Thread.objects.count() == 1 and Post.objects.count() == 1


def test_someone_elses_draft_is_never_replaced(space, officer, focal_point):
    blocked = _start(space, officer, body=PASSPORT)

    mine = _start(space, focal_point, body="A question.", draft=blocked.post)

    assert mine.post.pk != blocked.post.pk
    assert Post.objects.get(pk=blocked.post.pk).body == PASSPORT


def test_a_non_member_of_a_private_space_cannot_post(officer):
    private = SpaceFactory(join_policy=JoinPolicy.REQUEST)

    with pytest.raises(PermissionDenied):
        _start(private, officer)


def test_empty_title_and_message_are_refused(space, officer):
    with pytest.raises(ValidationError) as refusal:
        services.start_thread(space=space, by=officer, title="  ", body=" ")

    assert set(refusal.value.message_dict) == {"title", "body"}


def test_mentions_notify_only_members_who_may_read_the_space(officer, focal_point, outsider):
    private = SpaceFactory(join_policy=JoinPolicy.REQUEST)
    member(private, officer)
    member(private, focal_point)
    hub_settings(focal_point, "samir")
    hub_settings(outsider, "youssef")

    submission = _start(private, officer, body="@samir and @youssef, what do you think?")

    post = submission.post
    assert list(Mention.objects.filter(post=post).values_list("user", flat=True)) == [
        focal_point.pk
    ]
    notified = Notification.objects.filter(kind="hub.mention")
    assert [n.recipient_id for n in notified] == [focal_point.pk]
    assert notified[0].url == f"/hub/threads/{post.thread_id}/#post-{post.pk}"
    assert "Leila Haddad" in notified[0].message["en"]
    assert '<span class="mention" dir="auto">@samir</span>' in post.body_html
    assert (
        "@youssef" in post.body_html and "mention" not in post.body_html.split("@youssef")[0][-30:]
    )


def test_a_held_post_notifies_nobody_until_it_is_published(space, officer, focal_point):
    hub_settings(focal_point, "samir")
    WatchedTerm.objects.create(phrase="raid", language="en")

    submission = _start(space, officer, body="@samir about the raid")
    assert not Notification.objects.exists()

    publishing.publish_held(submission.post, by=focal_point)

    assert Notification.objects.filter(kind="hub.mention", recipient=focal_point).count() == 1
    assert Post.objects.get(pk=submission.post.pk).moderated_by == focal_point


def test_replies_notify_the_threads_participants_but_not_the_poster(
    space, officer, focal_point, staff
):
    member(space, staff)
    thread = _start(space, officer).post.thread
    services.reply_to_thread(thread=thread, by=focal_point, body="First answer.")
    Notification.objects.all().delete()

    services.reply_to_thread(thread=thread, by=staff, body="Second answer.")

    recipients = set(
        Notification.objects.filter(kind="hub.reply").values_list("recipient", flat=True)
    )
    assert recipients == {officer.pk, focal_point.pk}
    assert Thread.objects.get(pk=thread.pk).reply_count == 2


def test_reply_emails_follow_each_members_choice(
    space, officer, focal_point, mailoutbox, django_capture_on_commit_callbacks
):
    hub_settings(officer, "leila", email_on_reply=True)
    hub_settings(focal_point, "samir", email_on_reply=False)
    thread = _start(space, officer).post.thread
    services.reply_to_thread(thread=thread, by=focal_point, body="First answer.")
    Notification.objects.all().delete()

    with django_capture_on_commit_callbacks(execute=True):
        services.reply_to_thread(thread=thread, by=officer, body="Thanks.")
        services.reply_to_thread(thread=thread, by=focal_point, body="You are welcome.")

    assert [message.to for message in mailoutbox] == [[officer.email]]


def test_a_member_removed_from_a_private_space_is_not_told_of_replies(officer, focal_point, staff):
    private = SpaceFactory(join_policy=JoinPolicy.REQUEST)
    member(private, officer)
    left = member(private, focal_point)
    thread = _start(private, officer).post.thread
    services.reply_to_thread(thread=thread, by=focal_point, body="Answer.")
    left.status = "removed"
    left.save()
    Notification.objects.all().delete()

    services.reply_to_thread(thread=thread, by=staff, body="Answer from staff.")

    assert list(Notification.objects.values_list("recipient", flat=True)) == [officer.pk]


def test_unpublish_moves_the_counters_back_and_removes_the_search_entry(
    space, officer, focal_point
):
    thread = _start(space, officer).post.thread
    reply = services.reply_to_thread(thread=thread, by=focal_point, body="Answer.").post

    assert publishing.unpublish(reply) is True
    assert publishing.unpublish(reply) is False  # twice is harmless

    assert Thread.objects.get(pk=thread.pk).reply_count == 0
    assert Post.objects.get(pk=reply.pk).status == PostStatus.HIDDEN
    assert not SearchEntry.objects.filter(post=reply).exists()
    assert Membership.objects.get(space=space, user=focal_point).published_posts == 0


def test_restoring_a_hidden_post_counts_it_again_without_new_notifications(
    space, officer, focal_point
):
    thread = _start(space, officer).post.thread
    reply = services.reply_to_thread(thread=thread, by=focal_point, body="Answer.").post
    publishing.unpublish(reply)
    Notification.objects.all().delete()

    publishing.publish_held(reply, by=officer)

    assert Thread.objects.get(pk=thread.pk).reply_count == 1
    assert SearchEntry.objects.filter(post=reply).exists()
    assert not Notification.objects.exists()


def test_hiding_an_opening_post_hides_its_thread(space, officer):
    post = _start(space, officer).post

    publishing.unpublish(post)

    assert Thread.objects.get(pk=post.thread_id).status == PostStatus.HIDDEN


def test_attachment_text_goes_through_the_guard(space, officer):
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("notes.txt", b"Contact: +962 79 123 4567\n", "text/plain")

    submission = _start(space, officer, files=[upload])

    assert submission.blocked
    assert submission.post.attachments.count() == 1  # kept with the blocked post, for review
