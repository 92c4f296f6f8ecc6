"""Readers report a post to the space's moderators, with a reason, once each."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from momentum.core.models import AuditEntry, Notification
from momentum.hub.models import Flag, FlagReason, FlagStatus, MemberRole, PostStatus
from momentum.hub.services import moderation as services
from momentum.hub.tests.factories import SpaceFactory, ThreadFactory, member
from momentum.people.models import Role
from momentum.people.tests.factories import person_with_role

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


@pytest.fixture
def post(space, officer):  # type: ignore[no-untyped-def]
    return ThreadFactory(space=space, author=officer).posts.get()


def _url(post) -> str:  # type: ignore[no-untyped-def]
    return f"/en/hub/posts/{post.pk}/flag/"


def test_a_reader_flags_a_post_with_a_reason_and_the_moderators_are_told(
    client_for, focal_point, post, space_moderator, space
):
    response = client_for(focal_point).post(
        _url(post), {"reason": FlagReason.PERSONAL_DATA, "comment": "Names a witness."}
    )

    assert response.status_code == 302
    assert response["Location"].startswith(f"/en/hub/threads/{post.thread_id}/")
    flag = Flag.objects.get()
    assert (flag.post, flag.reporter, flag.reason) == (post, focal_point, "personal_data")
    assert flag.comment == "Names a witness." and flag.status == FlagStatus.OPEN
    notification = Notification.objects.get(kind="hub.flag")
    assert notification.recipient == space_moderator
    assert notification.url == f"/hub/spaces/{space.pk}/moderation/"
    entry = AuditEntry.objects.get(verb="hub.flag.created")
    assert entry.actor == focal_point and entry.details["reason"] == "personal_data"


def test_flagging_sends_no_email_by_default(
    client_for, focal_point, post, space_moderator, mailoutbox
):
    client_for(focal_point).post(_url(post), {"reason": FlagReason.SPAM})

    assert Notification.objects.filter(kind="hub.flag").count() == 1
    assert mailoutbox == []


def test_without_space_moderators_the_hub_moderators_are_told(focal_point, post, moderator):
    services.flag_post(post=post, by=focal_point, reason=FlagReason.ABUSIVE)

    assert Notification.objects.get(kind="hub.flag").recipient == moderator


def test_a_second_flag_by_the_same_person_is_refused_with_a_message(client_for, focal_point, post):
    client = client_for(focal_point)
    client.post(_url(post), {"reason": FlagReason.SPAM})

    response = client.post(_url(post), {"reason": FlagReason.ABUSIVE}, follow=True)

    assert Flag.objects.count() == 1
    assert "You already flagged this" in response.content.decode()
    with pytest.raises(ValidationError) as error:
        services.flag_post(post=post, by=focal_point, reason=FlagReason.OTHER)
    assert error.value.code == "duplicate"


def test_two_readers_may_flag_the_same_post(focal_point, staff, post):
    services.flag_post(post=post, by=focal_point, reason=FlagReason.SPAM)
    services.flag_post(post=post, by=staff, reason=FlagReason.SPAM)

    assert Flag.objects.filter(post=post).count() == 2


def test_the_author_cannot_flag_their_own_post(client_for, officer, post):
    assert client_for(officer).post(_url(post), {"reason": "spam"}).status_code == 403
    with pytest.raises(PermissionDenied):
        services.flag_post(post=post, by=officer, reason=FlagReason.SPAM)
    assert not Flag.objects.exists()


def test_a_post_that_is_not_published_cannot_be_flagged(focal_point, post, staff):
    post.status = PostStatus.HIDDEN
    post.save()

    with pytest.raises(PermissionDenied):
        services.flag_post(post=post, by=staff, reason=FlagReason.SPAM)


def test_a_post_of_a_private_space_is_hidden_from_those_outside(client_for, outsider, officer):
    private = SpaceFactory(join_policy="invitation")
    member(private, officer)
    post = ThreadFactory(space=private, author=officer).posts.get()

    assert client_for(outsider).get(_url(post)).status_code == 404


def test_a_flag_without_a_valid_reason_is_refused(client_for, focal_point, post):
    response = client_for(focal_point).post(_url(post), {"reason": "gossip"})

    assert response.status_code == 200
    assert not Flag.objects.exists()
    assert "Select a valid choice" in response.content.decode()


def test_the_form_lists_the_reasons_and_shows_the_post(client_for, focal_point, post):
    page = client_for(focal_point).get(_url(post)).content.decode()

    for reason in FlagReason:
        assert f'value="{reason.value}"' in page
    assert "We compare the document with the database first." in page


def test_the_thread_page_links_to_the_flag_form_for_other_readers(
    client_for, focal_point, officer, post
):
    thread_url = f"/en/hub/threads/{post.thread_id}/"

    assert _url(post) in client_for(focal_point).get(thread_url).content.decode()
    assert _url(post) not in client_for(officer).get(thread_url).content.decode()
