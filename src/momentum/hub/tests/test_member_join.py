"""Joining a space: at once, on request (decided by a moderator), or by invitation; leaving."""

from __future__ import annotations

import pytest

from momentum.core.models import AuditEntry, Notification
from momentum.hub.models import JoinPolicy, MemberRole, Membership, MembershipStatus
from momentum.hub.tests.factories import SpaceFactory, ThreadFactory, member
from momentum.people.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _status(space, user) -> str:  # type: ignore[no-untyped-def]
    return Membership.objects.get(space=space, user=user).status


def test_joining_an_open_space_makes_an_active_member_at_once(client_for, officer):
    space = SpaceFactory()

    response = client_for(officer).post(f"/en/hub/spaces/{space.pk}/join/")

    assert response.status_code == 302
    assert _status(space, officer) == MembershipStatus.ACTIVE
    assert AuditEntry.objects.filter(verb="hub.membership.join", actor=officer).exists()


def test_asking_to_join_notifies_the_moderators_with_the_message(client_for, officer, mentor):
    space = SpaceFactory(join_policy=JoinPolicy.REQUEST)
    member(space, mentor, role=MemberRole.MODERATOR)

    client_for(officer).post(
        f"/en/hub/spaces/{space.pk}/join/", {"message": "I lead the border unit in Aqaba."}
    )

    membership = Membership.objects.get(space=space, user=officer)
    assert membership.status == MembershipStatus.REQUESTED
    assert membership.request_message == "I lead the border unit in Aqaba."
    notice = Notification.objects.get(kind="hub.join_request")
    assert notice.recipient == mentor
    assert "Leila Haddad" in notice.message["en"]
    assert notice.url == f"/hub/spaces/{space.pk}/requests/"


def test_a_moderator_sees_the_request_and_accepts_it(client_for, officer, mentor):
    space = SpaceFactory(join_policy=JoinPolicy.REQUEST)
    member(space, mentor, role=MemberRole.MODERATOR)
    request = member(space, officer, status=MembershipStatus.REQUESTED, request_message="Hello")
    client = client_for(mentor)

    listing = client.get(f"/en/hub/spaces/{space.pk}/requests/").content.decode()
    response = client.post(
        f"/en/hub/spaces/{space.pk}/requests/{request.pk}/", {"action": "approve"}
    )

    assert "Leila Haddad" in listing and "Hello" in listing
    assert response.status_code == 302
    assert _status(space, officer) == MembershipStatus.ACTIVE
    assert AuditEntry.objects.filter(verb="hub.membership.approve", actor=mentor).exists()
    assert Notification.objects.filter(recipient=officer, kind="hub.join_approved").exists()


def test_a_decline_needs_a_reason_which_the_person_reads(client_for, officer, moderator):
    space = SpaceFactory(join_policy=JoinPolicy.REQUEST)
    request = member(space, officer, status=MembershipStatus.REQUESTED)
    client = client_for(moderator)
    url = f"/en/hub/spaces/{space.pk}/requests/{request.pk}/"

    client.post(url, {"action": "decline", "reason": ""})
    assert _status(space, officer) == MembershipStatus.REQUESTED

    client.post(url, {"action": "decline", "reason": "This space is for heads of unit."})
    assert _status(space, officer) == MembershipStatus.DECLINED
    notice = Notification.objects.get(recipient=officer, kind="hub.join_declined")
    assert "heads of unit" in notice.message["en"]
    page = client_for(officer).get(f"/en/hub/spaces/{space.pk}/").content.decode()
    assert "This space is for heads of unit." in page and "Ask to join" in page


def test_a_member_may_not_decide_requests(client_for, officer, mentor):
    space = SpaceFactory(join_policy=JoinPolicy.REQUEST)
    member(space, officer)
    request = member(space, mentor, status=MembershipStatus.REQUESTED)

    response = client_for(officer).post(
        f"/en/hub/spaces/{space.pk}/requests/{request.pk}/", {"action": "approve"}
    )

    assert response.status_code == 403
    assert _status(space, mentor) == MembershipStatus.REQUESTED


def test_a_space_by_invitation_cannot_be_joined_without_one(client_for, officer):
    space = SpaceFactory(join_policy=JoinPolicy.INVITATION)
    member(space, UserFactory(), status=MembershipStatus.ACTIVE)

    response = client_for(officer).post(f"/en/hub/spaces/{space.pk}/join/")

    assert response.status_code == 404
    assert not Membership.objects.filter(space=space, user=officer).exists()


def test_a_moderator_finds_people_by_name_in_arabic_script_and_invites_them(
    client_for, officer, moderator
):
    space = SpaceFactory(join_policy=JoinPolicy.INVITATION)
    # The factories name people in turn; the moderator must not be another Leila.
    moderator.given_name_ar, moderator.given_name = "رنا", "Rana"
    moderator.save()
    client = client_for(moderator)

    found = client.get(f"/en/hub/spaces/{space.pk}/invite/", {"q": "ليلى"})
    response = client.post(f"/en/hub/spaces/{space.pk}/invite/", {"user": officer.pk})

    assert [person.pk for person in found.context["found"]] == [officer.pk]
    assert response.status_code == 302
    membership = Membership.objects.get(space=space, user=officer)
    assert membership.status == MembershipStatus.INVITED and membership.invited_by == moderator
    assert Notification.objects.filter(recipient=officer, kind="hub.invitation").exists()
    assert AuditEntry.objects.filter(verb="hub.membership.invite").exists()


def test_donors_are_never_offered_for_invitation(client_for, moderator, donor):
    space = SpaceFactory(join_policy=JoinPolicy.INVITATION)

    found = client_for(moderator).get(f"/en/hub/spaces/{space.pk}/invite/", {"q": "Elena"})

    assert found.context["found"] == []


def test_an_invitee_accepts_and_reads_the_space(client_for, officer):
    space = SpaceFactory(join_policy=JoinPolicy.INVITATION)
    ThreadFactory(space=space, title="Inside the working group")
    member(space, officer, status=MembershipStatus.INVITED)
    client = client_for(officer)

    client.post(f"/en/hub/spaces/{space.pk}/invitation/", {"answer": "accept"})

    assert _status(space, officer) == MembershipStatus.ACTIVE
    page = client.get(f"/en/hub/spaces/{space.pk}/").content.decode()
    assert "Inside the working group" in page
    assert AuditEntry.objects.filter(verb="hub.membership.accept_invitation").exists()


def test_an_invitee_declines(client_for, officer):
    space = SpaceFactory(join_policy=JoinPolicy.INVITATION)
    member(space, officer, status=MembershipStatus.INVITED)

    client_for(officer).post(f"/en/hub/spaces/{space.pk}/invitation/", {"answer": "decline"})

    assert _status(space, officer) == MembershipStatus.DECLINED
    assert client_for(officer).get(f"/en/hub/spaces/{space.pk}/").status_code == 404


def test_a_member_leaves_a_private_space_and_no_longer_reads_it(client_for, officer):
    space = SpaceFactory(join_policy=JoinPolicy.REQUEST)
    ThreadFactory(space=space, title="Members only")
    member(space, officer)
    client = client_for(officer)

    client.post(f"/en/hub/spaces/{space.pk}/leave/")

    assert _status(space, officer) == MembershipStatus.LEFT
    assert "Members only" not in client.get(f"/en/hub/spaces/{space.pk}/").content.decode()
    assert AuditEntry.objects.filter(verb="hub.membership.leave").exists()


def test_joining_twice_is_refused_with_a_message(client_for, officer):
    space = SpaceFactory()
    member(space, officer)

    response = client_for(officer).post(f"/en/hub/spaces/{space.pk}/join/", follow=True)

    assert "You are already a member of this space." in response.content.decode()
    assert Membership.objects.filter(space=space, user=officer).count() == 1


def test_the_requests_list_keeps_its_query_count(
    client_for, moderator, django_assert_max_num_queries
):
    space = SpaceFactory(join_policy=JoinPolicy.REQUEST)
    member(space, UserFactory(), status=MembershipStatus.REQUESTED)
    client = client_for(moderator)
    with django_assert_max_num_queries(20) as few:
        client.get(f"/en/hub/spaces/{space.pk}/requests/")
    for _ in range(10):
        member(space, UserFactory(), status=MembershipStatus.REQUESTED)

    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(f"/en/hub/spaces/{space.pk}/requests/")
    assert len(response.context["waiting"]) == 11
