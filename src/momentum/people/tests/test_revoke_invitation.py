"""Withdrawing an invitation: who may, what happens to the link, and the audit entry."""

from __future__ import annotations

import pytest
from django.utils import timezone

from momentum.core.models import AuditEntry
from momentum.people.models import Invitation, Role
from momentum.people.tests.factories import InvitationFactory

pytestmark = pytest.mark.django_db


def _revoke_url(invitation: Invitation) -> str:
    return f"/en/people/invitations/{invitation.pk}/revoke/"


def test_staff_withdraws_an_invitation_and_its_link_stops_working(
    client_for, staff, jordan, client
):
    invitation = InvitationFactory(country=jordan, key_hash=Invitation.hash_key("the-key"))

    response = client_for(staff).post(_revoke_url(invitation))

    assert response.status_code == 302
    assert response["Location"] == "/en/people/invitations/"
    invitation.refresh_from_db()
    assert invitation.revoked_at is not None
    client.logout()
    page = client.get("/en/people/invitations/accept/the-key/")
    assert page.status_code == 410
    assert "This invitation cannot be used" in page.content.decode()


def test_withdrawing_is_audited(client_for, focal_point, jordan):
    invitation = InvitationFactory(country=jordan)

    client_for(focal_point).post(_revoke_url(invitation))

    entry = AuditEntry.objects.get(verb="invitation.revoked")
    assert entry.actor == focal_point
    assert (entry.target_type, entry.target_id) == ("people.invitation", str(invitation.pk))
    assert entry.country == jordan


def test_focal_point_withdraws_an_officer_invitation_of_own_country(
    client_for, focal_point, jordan
):
    invitation = InvitationFactory(country=jordan)

    client_for(focal_point).post(_revoke_url(invitation))

    invitation.refresh_from_db()
    assert invitation.revoked_at is not None


def test_another_countrys_focal_point_gets_404(client_for, outsider, jordan):
    invitation = InvitationFactory(country=jordan)

    response = client_for(outsider).post(_revoke_url(invitation))

    assert response.status_code == 404
    invitation.refresh_from_db()
    assert invitation.revoked_at is None
    assert not AuditEntry.objects.filter(verb="invitation.revoked").exists()


def test_focal_point_cannot_withdraw_a_staff_invitation_to_another_role(
    client_for, focal_point, jordan
):
    invitation = InvitationFactory(country=jordan, role=Role.BOARD_MEMBER)

    response = client_for(focal_point).post(_revoke_url(invitation))

    assert response.status_code == 404
    invitation.refresh_from_db()
    assert invitation.revoked_at is None


@pytest.mark.parametrize("persona", ["officer", "donor"])
def test_officers_and_donors_get_404(client_for, request, persona, jordan):
    invitation = InvitationFactory(country=jordan)

    response = client_for(request.getfixturevalue(persona)).post(_revoke_url(invitation))

    assert response.status_code == 404
    invitation.refresh_from_db()
    assert invitation.revoked_at is None


def test_withdrawing_needs_a_post(client_for, staff, jordan):
    invitation = InvitationFactory(country=jordan)

    response = client_for(staff).get(_revoke_url(invitation))

    assert response.status_code == 405
    invitation.refresh_from_db()
    assert invitation.revoked_at is None


def test_an_accepted_invitation_cannot_be_withdrawn(client_for, staff, jordan):
    accepted_at = timezone.now()
    invitation = InvitationFactory(country=jordan, accepted_at=accepted_at)

    response = client_for(staff).post(_revoke_url(invitation), follow=True)

    invitation.refresh_from_db()
    assert invitation.revoked_at is None
    assert invitation.accepted_at == accepted_at
    assert not AuditEntry.objects.filter(verb="invitation.revoked").exists()
    assert "This invitation was already used or withdrawn, so it cannot be withdrawn." in [
        str(message) for message in response.context["messages"]
    ]


def test_withdrawing_twice_keeps_the_first_date_and_one_audit_entry(client_for, staff, jordan):
    invitation = InvitationFactory(country=jordan)
    client = client_for(staff)
    client.post(_revoke_url(invitation))
    invitation.refresh_from_db()
    first = invitation.revoked_at

    client.post(_revoke_url(invitation))

    invitation.refresh_from_db()
    assert invitation.revoked_at == first
    assert AuditEntry.objects.filter(verb="invitation.revoked").count() == 1
