"""Privacy between spaces: a member of one private space never reads another's content."""

from __future__ import annotations

import pytest

from momentum.hub.models import JoinPolicy, SpaceKind
from momentum.hub.tests.factories import SpaceFactory, ThreadFactory, member

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_private_spaces(officer, mentor):  # type: ignore[no-untyped-def]
    mine = SpaceFactory(join_policy=JoinPolicy.REQUEST, name_en="Mine")
    member(mine, officer)
    theirs = SpaceFactory(
        join_policy=JoinPolicy.INVITATION,
        name_en="Theirs",
        description_en="Secret agenda of the working group.",
    )
    member(theirs, mentor)
    ThreadFactory(space=theirs, title="Their private thread")
    return mine, theirs


def test_a_member_of_one_private_space_never_sees_anothers_content(
    client_for, officer, two_private_spaces
):
    _mine, theirs = two_private_spaces
    client = client_for(officer)

    listing = client.get("/en/hub/").content.decode()
    page = client.get(f"/en/hub/spaces/{theirs.pk}/")
    members = client.get(f"/en/hub/spaces/{theirs.pk}/members/")

    assert "Theirs" not in listing and "Secret agenda" not in listing
    assert page.status_code == 404 and members.status_code == 404


def test_someone_who_may_ask_to_join_sees_the_name_and_description_only(client_for, mentor):
    space = SpaceFactory(join_policy=JoinPolicy.REQUEST, name_en="Heads of unit")
    ThreadFactory(space=space, title="Budget practice")

    client = client_for(mentor)
    page = client.get(f"/en/hub/spaces/{space.pk}/").content.decode()

    assert "Heads of unit" in page and "Budget practice" not in page
    assert client.get(f"/en/hub/spaces/{space.pk}/members/").status_code == 403


def test_donors_see_nothing_of_the_hub(client_for, donor):
    space = SpaceFactory()
    ThreadFactory(space=space)
    client = client_for(donor)

    assert client.get("/en/hub/").status_code == 403
    assert client.get(f"/en/hub/spaces/{space.pk}/").status_code == 403
    assert client.get(f"/en/hub/spaces/{space.pk}/members/").status_code == 403


def test_country_spaces_are_read_only_by_that_countrys_people(
    client_for, officer, outsider, jordan
):
    space = SpaceFactory(kind=SpaceKind.COUNTRY, country=jordan)
    ThreadFactory(space=space, title="Amman airport practice")

    assert "Amman airport practice" in (
        client_for(officer).get(f"/en/hub/spaces/{space.pk}/").content.decode()
    )
    assert client_for(outsider).get(f"/en/hub/spaces/{space.pk}/").status_code == 404
    assert client_for(outsider).post(f"/en/hub/spaces/{space.pk}/join/").status_code == 404


def test_the_board_space_is_for_board_members(client_for, board_member, officer):
    space = SpaceFactory(kind=SpaceKind.BOARD, join_policy=JoinPolicy.REQUEST, name_en="Board")

    assert client_for(officer).get(f"/en/hub/spaces/{space.pk}/").status_code == 404
    assert client_for(board_member).get(f"/en/hub/spaces/{space.pk}/").status_code == 200
