"""A space's page: its description in the reader's language, its threads, and how to join."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from momentum.hub.models import JoinPolicy, MembershipStatus, PostStatus
from momentum.hub.tests.factories import SpaceFactory, ThreadFactory, member
from momentum.hub.views.spaces import url_or_none

pytestmark = pytest.mark.django_db


def test_description_is_shown_in_the_readers_language(client_for, officer):
    space = SpaceFactory(description_fr="Pratiques partagées", description_ar="ممارسات مشتركة")

    french = client_for(officer).get(f"/fr/hub/spaces/{space.pk}/").content.decode()
    arabic = client_for(officer).get(f"/ar/hub/spaces/{space.pk}/").content.decode()

    assert "Pratiques partagées" in french
    assert "ممارسات مشتركة" in arabic and 'dir="rtl"' in arabic


def test_published_threads_are_listed_pinned_first_with_replies_and_authors(client_for, officer):
    space = SpaceFactory()
    now = timezone.now()
    old = ThreadFactory(
        space=space, title="Old but pinned", is_pinned=True, last_posted_at=now - timedelta(days=9)
    )
    recent = ThreadFactory(
        space=space, title="Recent", reply_count=4, author=officer, last_posted_at=now
    )
    ThreadFactory(space=space, title="Held thread", status=PostStatus.HELD)

    response = client_for(officer).get(f"/en/hub/spaces/{space.pk}/")

    assert [t.pk for t in response.context["threads"]] == [old.pk, recent.pk]
    content = response.content.decode()
    assert "Held thread" not in content
    assert "4 replies" in content
    assert '<bdi dir="auto" class="hub-author">Leila Haddad</bdi>' in content
    assert 'dir="auto">Recent<' in content


def test_threads_are_paginated_by_thirty(client_for, officer):
    space = SpaceFactory()
    ThreadFactory.create_batch(31, space=space)

    first = client_for(officer).get(f"/en/hub/spaces/{space.pk}/")
    second = client_for(officer).get(f"/en/hub/spaces/{space.pk}/?page=2")

    assert len(first.context["threads"]) == 30
    assert len(second.context["threads"]) == 1


def test_members_are_offered_the_new_thread_form_and_others_are_not(client_for, officer, mentor):
    space = SpaceFactory()
    member(space, officer)

    as_member = client_for(officer).get(f"/en/hub/spaces/{space.pk}/")
    as_reader = client_for(mentor).get(f"/en/hub/spaces/{space.pk}/")

    assert as_member.context["new_thread_url"] == url_or_none("hub:thread_new", space.pk)
    assert as_reader.context["new_thread_url"] is None
    assert "Join the space" in as_reader.content.decode()
    assert "Leave the space" in as_member.content.decode()


def test_someone_who_may_only_see_a_private_space_reads_how_to_join_not_its_threads(
    client_for, mentor
):
    space = SpaceFactory(join_policy=JoinPolicy.REQUEST, description_en="Heads of units only.")
    ThreadFactory(space=space, title="Confidential practice")

    response = client_for(mentor).get(f"/en/hub/spaces/{space.pk}/")

    content = response.content.decode()
    assert "Heads of units only." in content
    assert "Ask to join" in content
    assert "Confidential practice" not in content
    assert "threads" not in response.context


def test_an_invitee_is_offered_to_accept_or_decline(client_for, mentor):
    space = SpaceFactory(join_policy=JoinPolicy.INVITATION)
    member(space, mentor, status=MembershipStatus.INVITED)

    content = client_for(mentor).get(f"/en/hub/spaces/{space.pk}/").content.decode()

    assert "Accept the invitation" in content and 'value="decline"' in content


def test_invitation_spaces_are_not_found_by_others(client_for, mentor):
    space = SpaceFactory(join_policy=JoinPolicy.INVITATION)

    assert client_for(mentor).get(f"/en/hub/spaces/{space.pk}/").status_code == 404


def test_an_unknown_space_is_not_found(client_for, officer):
    assert client_for(officer).get("/en/hub/spaces/999999/").status_code == 404


def test_the_number_of_queries_does_not_grow_with_threads(
    client_for, officer, django_assert_max_num_queries
):
    space = SpaceFactory()
    member(space, officer)
    ThreadFactory.create_batch(2, space=space)
    client = client_for(officer)
    with django_assert_max_num_queries(20) as few:
        client.get(f"/en/hub/spaces/{space.pk}/")
    ThreadFactory.create_batch(25, space=space)

    # session, user, roles, profile, space, memberships, counts, threads page (count + rows),
    # authors' settings and users
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(f"/en/hub/spaces/{space.pk}/")
    assert len(response.context["threads"]) == 27
