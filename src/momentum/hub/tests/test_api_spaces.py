"""The API of spaces: the spaces a caller may see, with their membership, scoped like the list
page; one space; bounded queries."""

from __future__ import annotations

import pytest

from momentum.hub.models import JoinPolicy, MembershipStatus, SpaceKind
from momentum.hub.tests.factories import SpaceFactory, ThreadFactory, hub_settings, member

pytestmark = pytest.mark.django_db

URL = "/api/v1/hub/spaces"


@pytest.fixture
def spaces(jordan, morocco, officer):  # type: ignore[no-untyped-def]
    network = SpaceFactory(slug="network", name_en="Network", name_ar="الشبكة")
    jordan_space = SpaceFactory(slug="jordan", kind=SpaceKind.COUNTRY, country=jordan)
    morocco_space = SpaceFactory(slug="morocco", kind=SpaceKind.COUNTRY, country=morocco)
    on_request = SpaceFactory(slug="cyber", join_policy=JoinPolicy.REQUEST)
    invitation = SpaceFactory(slug="alumni", join_policy=JoinPolicy.INVITATION)
    board = SpaceFactory(slug="board", kind=SpaceKind.BOARD, join_policy=JoinPolicy.INVITATION)
    member(network, officer)
    member(on_request, officer, status=MembershipStatus.REQUESTED)
    return {
        "network": network,
        "jordan": jordan_space,
        "morocco": morocco_space,
        "cyber": on_request,
        "alumni": invitation,
        "board": board,
    }


def _slugs(response) -> list[str]:  # type: ignore[no-untyped-def]
    return sorted(item["slug"] for item in response.json()["items"])


def test_an_officer_sees_open_spaces_of_her_country_and_spaces_she_may_ask_to_join(
    client_for, officer, spaces
):
    response = client_for(officer).get(URL)

    assert response.status_code == 200
    assert _slugs(response) == ["cyber", "jordan", "network"]
    assert response.json()["count"] == 3


def test_each_space_says_the_callers_membership_and_rights(client_for, officer, spaces):
    items = {item["slug"]: item for item in client_for(officer).get(URL).json()["items"]}

    assert items["network"]["membership"] == {"status": "active", "role": "member"}
    assert (items["network"]["can_read"], items["network"]["can_post"]) == (True, True)
    assert items["cyber"]["membership"]["status"] == "requested"
    assert (items["cyber"]["can_read"], items["cyber"]["can_post"]) == (False, False)
    assert items["jordan"]["membership"] is None
    assert (items["jordan"]["can_read"], items["jordan"]["can_post"]) == (True, False)
    assert items["cyber"]["is_private"] is True


def test_staff_see_every_space_and_members_their_private_ones(
    client_for, staff, board_member, spaces
):
    member(spaces["board"], board_member)

    assert len(client_for(staff).get(URL).json()["items"]) == 6
    assert "board" in _slugs(client_for(board_member).get(URL))


def test_donors_do_not_use_the_hub(client_for, donor, spaces):
    response = client_for(donor).get(URL)

    assert response.status_code == 403
    assert response.json()["error"]["code"] == "forbidden"


def test_names_follow_the_callers_language(client_for, officer, spaces):
    client = client_for(officer)

    arabic = client.get(URL, HTTP_ACCEPT_LANGUAGE="ar").json()["items"]
    english = client.get(URL, HTTP_ACCEPT_LANGUAGE="en").json()["items"]

    assert {item["name"] for item in arabic if item["slug"] == "network"} == {"الشبكة"}
    assert {item["name"] for item in english if item["slug"] == "network"} == {"Network"}
    assert arabic[0]["name_en"] and arabic[0]["name_fr"] and arabic[0]["name_ar"]


def test_the_kind_filter(client_for, staff, spaces):
    response = client_for(staff).get(URL, {"kind": "country"})

    assert _slugs(response) == ["jordan", "morocco"]


def test_a_bad_kind_is_refused_in_the_error_shape(client_for, staff, spaces):
    response = client_for(staff).get(URL, {"kind": "secret"})

    assert response.status_code == 422
    assert response.json()["error"]["code"] == "invalid"


@pytest.mark.parametrize("extra", [0, 30])
def test_list_queries_do_not_grow(client_for, officer, spaces, extra, django_assert_num_queries):
    for number in range(extra):
        space = SpaceFactory(slug=f"extra-{number}")
        member(space, officer)
        ThreadFactory(space=space)
    client = client_for(officer)
    client.get(URL)  # warm the translation catalogues

    # session, user, roles; the profile (countries of the open spaces); count; the page of
    # spaces with their counts; the caller's memberships
    with django_assert_num_queries(7):
        response = client.get(URL)

    assert response.json()["count"] == 3 + extra


def test_one_space_with_its_counts(client_for, officer, spaces, django_assert_max_num_queries):
    ThreadFactory(space=spaces["network"], author=officer)
    client = client_for(officer)

    with django_assert_max_num_queries(8):
        response = client.get(f"{URL}/{spaces['network'].pk}")

    body = response.json()
    assert response.status_code == 200
    assert (body["slug"], body["member_count"], body["thread_count"]) == ("network", 1, 1)
    assert body["kind"] == "programme" and body["join_policy"] == "open"


def test_a_space_the_caller_may_not_know_of_is_not_found(client_for, officer, outsider, spaces):
    for space in ("alumni", "board"):
        response = client_for(officer).get(f"{URL}/{spaces[space].pk}")
        assert response.status_code == 404
        assert response.json()["error"]["code"] == "not_found"
    assert client_for(outsider).get(f"{URL}/{spaces['jordan'].pk}").status_code == 404


def test_a_private_space_may_be_seen_to_ask_to_join(client_for, focal_point, spaces):
    hub_settings(focal_point, "focaljo")
    response = client_for(focal_point).get(f"{URL}/{spaces['cyber'].pk}")

    assert response.status_code == 200
    assert (response.json()["can_read"], response.json()["membership"]) == (False, None)


def test_the_hub_routes_are_in_the_openapi_document_with_their_schemas(client):
    document = client.get("/api/v1/openapi.json").json()

    paths = document["paths"]
    for path, method in [
        ("/api/v1/hub/spaces", "get"),
        ("/api/v1/hub/spaces/{space_id}", "get"),
        ("/api/v1/hub/spaces/{space_id}/threads", "get"),
        ("/api/v1/hub/spaces/{space_id}/threads", "post"),
        ("/api/v1/hub/threads/{thread_id}", "get"),
        ("/api/v1/hub/threads/{thread_id}/posts", "post"),
        ("/api/v1/hub/search", "get"),
    ]:
        operation = paths[path][method]
        assert operation["tags"] == ["hub"], path
        assert "$ref" in str(operation["responses"]["200" if method == "get" else "201"])
    created = paths["/api/v1/hub/spaces/{space_id}/threads"]["post"]["responses"]
    assert {"201", "202", "422", "429"} <= set(created)
    schemas = document["components"]["schemas"]
    assert {"SpaceOut", "ThreadDetailOut", "PostOut", "SubmissionOut", "SearchPageOut"} <= set(
        schemas
    )
    assert "body_html" in schemas["PostOut"]["properties"]
