"""The list of invitations: who sees which, their status in words, and a bounded query count."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from momentum.people.models import Role
from momentum.people.tests.factories import InvitationFactory

pytestmark = pytest.mark.django_db

URL = "/en/people/invitations/"


def _emails(response) -> set[str]:  # type: ignore[no-untyped-def]
    return {invitation.email for invitation in response.context["page"]}


def test_staff_sees_every_invitation(client_for, staff, jordan, morocco):
    InvitationFactory(email="jo@example.org", country=jordan)
    InvitationFactory(email="ma@example.org", country=morocco)
    InvitationFactory(email="donor@example.net", role=Role.DONOR, country=None)

    response = client_for(staff).get(URL)

    assert _emails(response) == {"jo@example.org", "ma@example.org", "donor@example.net"}


def test_focal_point_sees_only_officer_invitations_of_own_country(
    client_for, focal_point, jordan, morocco
):
    InvitationFactory(email="jo@example.org", country=jordan)
    InvitationFactory(email="ma@example.org", country=morocco)
    InvitationFactory(email="board.jo@example.net", role=Role.BOARD_MEMBER, country=jordan)

    response = client_for(focal_point).get(URL)

    assert _emails(response) == {"jo@example.org"}
    assert "ma@example.org" not in response.content.decode()


def test_another_countrys_focal_point_does_not_see_jordans_invitations(
    client_for, outsider, jordan
):
    InvitationFactory(email="jo@example.org", country=jordan)

    response = client_for(outsider).get(URL)

    assert _emails(response) == set()
    assert "jo@example.org" not in response.content.decode()


@pytest.mark.parametrize("persona", ["officer", "donor"])
def test_officers_and_donors_may_not_see_invitations(client_for, request, persona, jordan):
    InvitationFactory(email="jo@example.org", country=jordan)

    response = client_for(request.getfixturevalue(persona)).get(URL)

    assert response.status_code == 403
    assert b"jo@example.org" not in response.content


def test_each_status_is_shown_in_words_and_only_waiting_ones_can_be_withdrawn(
    client_for, staff, jordan
):
    now = timezone.now()
    waiting = InvitationFactory(email="waiting@example.org", country=jordan)
    accepted = InvitationFactory(email="accepted@example.org", country=jordan, accepted_at=now)
    withdrawn = InvitationFactory(email="withdrawn@example.org", country=jordan, revoked_at=now)
    expired = InvitationFactory(
        email="expired@example.org", country=jordan, expires_at=now - timedelta(days=1)
    )

    html = client_for(staff).get(URL).content.decode()

    rows = {
        invitation: html.split(f"<bdi>{invitation.email}</bdi>")[1].split("</tr>")[0]
        for invitation in (waiting, accepted, withdrawn, expired)
    }
    assert "Waiting" in rows[waiting]
    assert "Accepted" in rows[accepted]
    assert "Withdrawn" in rows[withdrawn]
    assert "Expired" in rows[expired]
    assert f"/people/invitations/{waiting.pk}/revoke/" in rows[waiting]
    for used in (accepted, withdrawn, expired):
        assert "/revoke/" not in rows[used]


@pytest.mark.parametrize("rows", [5, 50])
def test_invitation_list_queries_do_not_grow_with_rows(client_for, staff, jordan, morocco, rows):
    for number in range(rows):
        InvitationFactory(country=jordan if number % 2 else morocco)
    client = client_for(staff)

    with CaptureQueriesContext(connection) as queries:
        response = client.get(URL)

    assert len(response.context["page"]) == min(rows, 25)  # one page
    # session, user, the user's roles, count of invitations, the page of invitations with
    # their country and inviter
    assert len(queries) == 5, [query["sql"] for query in queries]
