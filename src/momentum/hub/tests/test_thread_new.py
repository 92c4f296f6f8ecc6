"""Starting a thread from its page: published, held, or blocked with the text kept, the
explanation and the way to ask a moderator to review."""

from __future__ import annotations

import pytest

from momentum.hub.models import Post, PostStatus, Thread, WatchedTerm
from momentum.hub.tests.factories import SpaceFactory, member

pytestmark = pytest.mark.django_db

PASSPORT = "He travelled with passport A12345678 last week."


@pytest.fixture
def space(officer):  # type: ignore[no-untyped-def]
    space = SpaceFactory()
    member(space, officer)
    return space


@pytest.fixture(autouse=True)
def _no_interval(settings):  # type: ignore[no-untyped-def]
    settings.HUB_POST_INTERVAL_SECONDS = 0


def _url(space) -> str:  # type: ignore[no-untyped-def]
    return f"/en/hub/spaces/{space.pk}/threads/new/"


def test_member_sees_the_form(client_for, officer, space):
    response = client_for(officer).get(_url(space))

    assert response.status_code == 200
    assert 'name="title"' in response.content.decode()
    assert 'enctype="multipart/form-data"' in response.content.decode()


def test_publishing_a_thread_leads_to_it(client_for, officer, space):
    response = client_for(officer).post(
        _url(space), {"title": "Checklists at borders", "body": "What do you use?"}
    )

    thread = Thread.objects.get()
    assert response.status_code == 302
    assert response["Location"].startswith(f"/en/hub/threads/{thread.pk}/")
    assert thread.status == PostStatus.PUBLISHED and thread.author == officer


def test_a_blocked_thread_shows_the_text_the_explanation_and_the_review_button(
    client_for, officer, space
):
    response = client_for(officer).post(_url(space), {"title": "A traveller", "body": PASSPORT})

    page = response.content.decode()
    post = Post.objects.get()
    assert response.status_code == 200
    assert post.status == PostStatus.BLOCKED
    assert PASSPORT in page  # the text is kept
    assert "this looks like a passport or identity-document number (A12•••78)" in page
    assert 'role="alert"' in page
    assert f"/en/hub/posts/{post.pk}/review/" in page
    assert "Ask a moderator to review" in page
    assert f'name="draft" value="{post.pk}"' in page


def test_asking_for_review_sends_the_blocked_post_to_the_moderators(client_for, officer, space):
    client = client_for(officer)
    client.post(_url(space), {"title": "A traveller", "body": PASSPORT})
    post = Post.objects.get()

    response = client.post(f"/en/hub/posts/{post.pk}/review/", {"message": "It is fictional."})

    post.refresh_from_db()
    assert response.status_code == 302
    assert post.status == PostStatus.REVIEW_REQUESTED
    assert post.review_message == "It is fictional."
    assert post.thread.status == PostStatus.REVIEW_REQUESTED
    page = client.get(response["Location"]).content.decode()
    assert "Waiting for a moderator" in page
    assert "A moderator will read your post" in page


def test_sending_the_corrected_text_again_publishes_the_same_draft(client_for, officer, space):
    client = client_for(officer)
    client.post(_url(space), {"title": "A traveller", "body": PASSPORT})
    draft = Post.objects.get()

    response = client.post(
        _url(space), {"title": "A traveller", "body": "No number now.", "draft": draft.pk}
    )

    assert response.status_code == 302
    assert Post.objects.get().status == PostStatus.PUBLISHED
    assert Thread.objects.count() == 1


def test_a_held_thread_tells_the_author_it_waits(client_for, officer, space):
    WatchedTerm.objects.create(phrase="raid", language="en")
    client = client_for(officer)

    response = client.post(
        _url(space), {"title": "After the raid", "body": "Lessons."}, follow=True
    )

    page = response.content.decode()
    assert "Your post is waiting for a moderator" in page
    assert "“raid” is on the list of watched words" in page
    assert Thread.objects.get().status == PostStatus.HELD


def test_a_rate_limited_post_keeps_the_text(client_for, officer, space, settings):
    settings.HUB_POST_INTERVAL_SECONDS = 60
    client = client_for(officer)
    client.post(_url(space), {"title": "First", "body": "One."})

    response = client.post(_url(space), {"title": "Second", "body": "My second question."})

    page = response.content.decode()
    assert response.status_code == 200
    assert "Please wait" in page and "My second question." in page
    assert Thread.objects.count() == 1


def test_missing_title_is_shown_beside_the_field(client_for, officer, space):
    response = client_for(officer).post(_url(space), {"title": "", "body": "Text"})

    assert response.status_code == 200
    assert "field--invalid" in response.content.decode()
    assert not Thread.objects.exists()


def test_a_reader_who_is_not_a_member_may_not_start_a_thread(client_for, focal_point, space):
    assert client_for(focal_point).get(_url(space)).status_code == 403


def test_a_private_space_is_not_revealed_to_outsiders(client_for, outsider):
    private = SpaceFactory(join_policy="invitation")

    assert client_for(outsider).get(_url(private)).status_code == 404
