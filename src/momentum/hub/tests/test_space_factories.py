from __future__ import annotations

import pytest

from momentum.hub.models import MemberRole, Post, PostStatus
from momentum.hub.tests.factories import PostFactory, SpaceFactory, ThreadFactory, member

pytestmark = pytest.mark.django_db


def test_thread_factory_writes_a_published_opening_post_and_post_factory_a_reply(officer):
    space = SpaceFactory()
    membership = member(space, officer, role=MemberRole.MODERATOR)
    thread = ThreadFactory(space=space, author=officer)
    reply = PostFactory(thread=thread)

    opening = Post.objects.get(thread=thread, is_opening=True)
    assert opening.status == PostStatus.PUBLISHED
    assert reply.space == space and not reply.is_opening and reply.search_key == ""
    assert membership.is_moderator
