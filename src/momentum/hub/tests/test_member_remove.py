"""A moderator removes a member, saying why: audited, the person told, the space closed to them."""

from __future__ import annotations

import pytest

from momentum.core.models import AuditEntry, Notification
from momentum.hub.models import JoinPolicy, MemberRole, Membership, MembershipStatus
from momentum.hub.tests.factories import SpaceFactory, ThreadFactory, member

pytestmark = pytest.mark.django_db


def test_a_moderator_removes_a_member_with_a_reason(client_for, officer, mentor):
    space = SpaceFactory(join_policy=JoinPolicy.REQUEST)
    ThreadFactory(space=space, title="Members only")
    member(space, mentor, role=MemberRole.MODERATOR)
    target = member(space, officer)
    url = f"/en/hub/spaces/{space.pk}/members/{target.pk}/remove/"

    form = client_for(mentor).get(url)
    response = client_for(mentor).post(url, {"reason": "Shared operational details twice."})

    assert "Leila Haddad" in form.content.decode()
    assert response.status_code == 302
    target.refresh_from_db()
    assert target.status == MembershipStatus.REMOVED
    assert target.reason == "Shared operational details twice." and target.decided_by == mentor
    entry = AuditEntry.objects.get(verb="hub.membership.remove")
    assert entry.actor == mentor and entry.details["user"] == officer.pk
    assert Notification.objects.filter(recipient=officer, kind="hub.member_removed").exists()
    page = client_for(officer).get(f"/en/hub/spaces/{space.pk}/").content.decode()
    assert "Members only" not in page and "A moderator removed you" in page


def test_a_removal_needs_a_reason(client_for, officer, moderator):
    space = SpaceFactory()
    target = member(space, officer)

    response = client_for(moderator).post(
        f"/en/hub/spaces/{space.pk}/members/{target.pk}/remove/", {"reason": ""}
    )

    assert response.status_code == 200
    assert response.context["form"].errors["reason"]
    assert Membership.objects.get(pk=target.pk).status == MembershipStatus.ACTIVE


def test_a_removed_member_cannot_join_again(client_for, officer):
    space = SpaceFactory()
    member(space, officer, status=MembershipStatus.REMOVED)

    response = client_for(officer).post(f"/en/hub/spaces/{space.pk}/join/", follow=True)

    assert "you may not join it again" in response.content.decode()
    assert Membership.objects.get(space=space, user=officer).status == MembershipStatus.REMOVED


def test_a_member_may_not_remove_another(client_for, officer, mentor):
    space = SpaceFactory()
    member(space, officer)
    target = member(space, mentor)

    response = client_for(officer).post(
        f"/en/hub/spaces/{space.pk}/members/{target.pk}/remove/", {"reason": "No."}
    )

    assert response.status_code == 403
    assert Membership.objects.get(pk=target.pk).status == MembershipStatus.ACTIVE
