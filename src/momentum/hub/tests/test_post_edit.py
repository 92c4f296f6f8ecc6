"""Editing one's post: the earlier text is kept as history (readable by the post's readers), the
opening post's edit changes the title too, a stale form and a blocked text are refused."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from momentum.core.models import AuditEntry
from momentum.hub.models import Post, PostRevision, PostStatus, SearchEntry, Thread, WatchedTerm
from momentum.hub.services import threads as services
from momentum.hub.tests.factories import SpaceFactory, member

pytestmark = pytest.mark.django_db


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
def opening(space, officer) -> Post:  # type: ignore[no-untyped-def]
    return services.start_thread(
        space=space, by=officer, title="Border checks", body="First text."
    ).post


def test_editing_keeps_the_earlier_text_as_a_revision(client_for, officer, opening):
    response = client_for(officer).post(
        f"/en/hub/posts/{opening.pk}/edit/",
        {"title": "Border checks in 2025", "body": "Second text.", "version": 1},
    )

    opening.refresh_from_db()
    assert response.status_code == 302
    assert opening.body == "Second text." and opening.version == 2
    assert opening.edited_at is not None
    assert "Second text." in opening.body_html
    assert Thread.objects.get(pk=opening.thread_id).title == "Border checks in 2025"
    revision = PostRevision.objects.get(post=opening)
    assert (revision.number, revision.title, revision.body) == (1, "Border checks", "First text.")
    entry = SearchEntry.objects.get(post=opening)
    assert " second " in entry.words_key


def test_the_history_page_shows_every_version_to_readers(client_for, officer, trainer, opening):
    services.edit_post(
        post=opening, by=officer, body="Second text.", title="Border checks", version=1
    )

    page = client_for(trainer).get(f"/en/hub/posts/{opening.pk}/history/").content.decode()

    assert "Second text." in page and "First text." in page
    assert "Version 1" in page


def test_the_thread_page_marks_an_edited_post_with_a_link_to_its_history(
    client_for, officer, opening
):
    services.edit_post(
        post=opening, by=officer, body="Second text.", title="Border checks", version=1
    )

    page = client_for(officer).get(f"/en/hub/threads/{opening.thread_id}/").content.decode()

    assert f'href="/en/hub/posts/{opening.pk}/history/">edited</a>' in page


def test_a_stale_edit_is_refused_and_the_text_kept(client_for, officer, opening):
    services.edit_post(
        post=opening, by=officer, body="Edited elsewhere.", title="Border checks", version=1
    )

    response = client_for(officer).post(
        f"/en/hub/posts/{opening.pk}/edit/",
        {"title": "Border checks", "body": "My older form's text.", "version": 1},
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert "This post was changed since you opened it" in page
    assert "My older form&#x27;s text." in page
    assert Post.objects.get(pk=opening.pk).body == "Edited elsewhere."


def test_the_service_refuses_a_stale_version(officer, opening):
    with pytest.raises(ValidationError) as refusal:
        services.edit_post(post=opening, by=officer, body="x", title="Border checks", version=7)

    assert refusal.value.code == "stale"


def test_a_blocked_edit_keeps_the_published_text(client_for, officer, opening):
    response = client_for(officer).post(
        f"/en/hub/posts/{opening.pk}/edit/",
        {"title": "Border checks", "body": "Passport A12345678 here.", "version": 1},
    )

    opening.refresh_from_db()
    page = response.content.decode()
    assert response.status_code == 200
    assert "Your changes were not saved" in page and "Passport A12345678 here." in page
    assert opening.body == "First text." and opening.status == PostStatus.PUBLISHED
    assert not PostRevision.objects.exists()
    assert AuditEntry.objects.get(verb="hub.guard.block").details["edit"] is True


def test_an_edit_with_a_watched_word_holds_the_post_again(officer, opening):
    WatchedTerm.objects.create(phrase="raid", language="en")

    submission = services.edit_post(
        post=opening, by=officer, body="About the raid.", title="Border checks", version=1
    )

    assert submission.held
    assert Thread.objects.get(pk=opening.thread_id).status == PostStatus.HELD
    assert not SearchEntry.objects.filter(post=opening).exists()


def test_only_the_author_may_edit(client_for, focal_point, opening):
    assert client_for(focal_point).get(f"/en/hub/posts/{opening.pk}/edit/").status_code == 403
    with pytest.raises(PermissionDenied):
        services.edit_post(post=opening, by=focal_point, body="Mine now", title="x", version=1)


def test_a_reply_edit_has_no_title_field(client_for, officer, focal_point, opening):
    reply = services.reply_to_thread(thread=opening.thread, by=focal_point, body="Answer.").post

    page = client_for(focal_point).get(f"/en/hub/posts/{reply.pk}/edit/").content.decode()

    assert 'name="title"' not in page and "Answer." in page


def test_history_of_a_private_post_is_hidden_from_outsiders(client_for, officer, outsider):
    private = SpaceFactory(join_policy="request")
    member(private, officer)
    post = services.start_thread(space=private, by=officer, title="Private", body="Text").post

    assert client_for(outsider).get(f"/en/hub/posts/{post.pk}/history/").status_code == 404
