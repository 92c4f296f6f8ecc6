"""The hub's home: the spaces a person may see, grouped by kind, with their counts."""

from __future__ import annotations

import pytest

from momentum.hub.models import JoinPolicy, MembershipStatus, PostStatus, SpaceKind
from momentum.hub.tests.factories import SpaceFactory, ThreadFactory, member
from momentum.people.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_spaces_are_grouped_by_kind_with_counts_and_my_membership(client_for, officer, jordan):
    programme = SpaceFactory(name_en="Practice exchange")
    country = SpaceFactory(kind=SpaceKind.COUNTRY, country=jordan, name_en="Jordan network")
    member(programme, officer)
    member(programme, UserFactory())
    member(programme, UserFactory(), status=MembershipStatus.LEFT)
    ThreadFactory.create_batch(2, space=programme)
    ThreadFactory(space=programme, status=PostStatus.HELD)

    response = client_for(officer).get("/en/hub/")

    groups = {group.kind: group for group in response.context["groups"]}
    assert [s.pk for s in groups[SpaceKind.PROGRAMME].spaces] == [programme.pk]
    assert [s.pk for s in groups[SpaceKind.COUNTRY].spaces] == [country.pk]
    listed = groups[SpaceKind.PROGRAMME].spaces[0]
    assert (listed.member_count, listed.thread_count) == (2, 2)
    assert listed.last_activity is not None
    content = response.content.decode()
    assert "2 members" in content and "You are a member" in content
    assert "Not a member" in content  # the country space


def test_country_spaces_are_listed_only_to_that_country(client_for, outsider, jordan):
    SpaceFactory(kind=SpaceKind.COUNTRY, country=jordan, name_en="Jordan network")

    response = client_for(outsider).get("/en/hub/")

    assert "Jordan network" not in response.content.decode()


def test_invitation_spaces_are_listed_only_to_members_and_invitees(client_for, officer, mentor):
    space = SpaceFactory(join_policy=JoinPolicy.INVITATION, name_en="Working group")
    member(space, officer, status=MembershipStatus.INVITED)

    assert "Working group" in client_for(officer).get("/en/hub/").content.decode()
    assert "Working group" not in client_for(mentor).get("/en/hub/").content.decode()


def test_donors_may_not_open_the_hub(client_for, donor):
    SpaceFactory()

    assert client_for(donor).get("/en/hub/").status_code == 403


def test_hub_is_in_the_navigation_for_hub_users_only(client_for, officer, donor):
    assert 'href="/en/hub/"' in client_for(officer).get("/en/").content.decode()
    assert 'href="/en/hub/"' not in client_for(donor).get("/en/").content.decode()


def test_arabic_page_is_right_to_left_with_arabic_space_names(client_for, officer):
    SpaceFactory(name_ar="تبادل الممارسات", name_en="Practice exchange")

    content = client_for(officer).get("/ar/hub/").content.decode()

    assert 'dir="rtl"' in content
    assert "تبادل الممارسات" in content and "Practice exchange" not in content


def test_the_number_of_queries_does_not_grow_with_spaces(
    client_for, officer, django_assert_max_num_queries
):
    client = client_for(officer)
    for _ in range(2):
        space = SpaceFactory()
        member(space, officer)
        ThreadFactory(space=space)
    with django_assert_max_num_queries(12) as few:
        client.get("/en/hub/")
    for _ in range(8):
        space = SpaceFactory(join_policy=JoinPolicy.REQUEST)
        member(space, officer)
        ThreadFactory(space=space)

    # session, user, roles, profile, memberships, spaces with counts (+ navigation's checks)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get("/en/hub/")
    assert sum(len(g.spaces) for g in response.context["groups"]) == 10
