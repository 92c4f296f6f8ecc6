"""Replying to a thread: the reply is published and counted, a quote prefills the form, a
locked thread takes no replies, a blocked reply comes back with its text."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from momentum.hub.models import MemberRole, Post, PostStatus, Thread
from momentum.hub.services import threads as services
from momentum.hub.tests.factories import SpaceFactory, ThreadFactory, member

pytestmark = pytest.mark.django_db


@pytest.fixture
def space(officer, focal_point):  # type: ignore[no-untyped-def]
    space = SpaceFactory()
    member(space, officer)
    member(space, focal_point)
    return space


@pytest.fixture
def thread(space, officer):  # type: ignore[no-untyped-def]
    return ThreadFactory(space=space, author=officer, opening__body="Use a **checklist**.")


def _url(thread) -> str:  # type: ignore[no-untyped-def]
    return f"/en/hub/threads/{thread.pk}/reply/"


def test_a_reply_is_published_and_counted(client_for, focal_point, thread):
    response = client_for(focal_point).post(_url(thread), {"body": "We do the same."})

    reply = Post.objects.get(is_opening=False)
    assert response.status_code == 302
    assert response["Location"] == f"/en/hub/threads/{thread.pk}/#post-{reply.pk}"
    assert reply.status == PostStatus.PUBLISHED and reply.author == focal_point
    assert Thread.objects.get(pk=thread.pk).reply_count == 1


def test_quoting_prefills_the_reply_and_links_the_quoted_post(client_for, focal_point, thread):
    opening = thread.posts.get()
    client = client_for(focal_point)

    page = client.get(_url(thread) + f"?quote={opening.pk}").content.decode()

    assert "&gt; **Leila Haddad** wrote:" in page
    assert "&gt; Use a **checklist**." in page
    assert f'name="quote_of" value="{opening.pk}"' in page
    client.post(_url(thread), {"body": "> quoted\n\nAgreed.", "quote_of": opening.pk})
    assert Post.objects.get(is_opening=False).quote_of == opening


def test_a_quote_of_another_threads_post_is_ignored(client_for, focal_point, thread, space):
    other = ThreadFactory(space=space).posts.get()

    client_for(focal_point).post(_url(thread), {"body": "Agreed.", "quote_of": other.pk})

    assert Post.objects.get(thread=thread, is_opening=False).quote_of is None


def test_a_locked_thread_refuses_replies(client_for, focal_point, thread):
    Thread.objects.filter(pk=thread.pk).update(is_locked=True)

    response = client_for(focal_point).post(_url(thread), {"body": "Late answer."}, follow=True)

    assert "This thread is locked" in response.content.decode()
    assert not Post.objects.filter(is_opening=False).exists()


def test_the_reply_service_refuses_a_locked_thread(focal_point, thread):
    Thread.objects.filter(pk=thread.pk).update(is_locked=True)

    with pytest.raises(ValidationError) as refusal:
        services.reply_to_thread(thread=thread, by=focal_point, body="Late answer.")

    assert refusal.value.code == "locked"


def test_moderators_may_still_reply_to_a_locked_thread(moderator, thread, space):
    member(space, moderator, role=MemberRole.MODERATOR)
    Thread.objects.filter(pk=thread.pk).update(is_locked=True)
    thread.refresh_from_db()

    submission = services.reply_to_thread(thread=thread, by=moderator, body="Closing note.")

    assert submission.published


def test_a_blocked_reply_comes_back_with_its_text_and_explanation(client_for, focal_point, thread):
    body = "Send it to leila.private@gmail.com please."

    response = client_for(focal_point).post(_url(thread), {"body": body})

    page = response.content.decode()
    assert response.status_code == 200
    assert body in page
    assert "personal e-mail address" in page
    assert Post.objects.get(is_opening=False).status == PostStatus.BLOCKED
    assert Thread.objects.get(pk=thread.pk).reply_count == 0


def test_a_reader_who_is_not_a_member_may_not_reply(client_for, trainer, thread):
    assert client_for(trainer).post(_url(thread), {"body": "Hello"}).status_code == 403
    with pytest.raises(PermissionDenied):
        services.reply_to_thread(thread=thread, by=trainer, body="Hello")
    assert not Post.objects.filter(is_opening=False).exists()
