"""The API of search: the same matching and scope as the page, highlighted, bounded queries."""

from __future__ import annotations

import pytest

from momentum.hub.models import JoinPolicy
from momentum.hub.services.search_index import index_post, index_resource
from momentum.hub.tests.factories import (
    PostFactory,
    ResourceFactory,
    SpaceFactory,
    ThreadFactory,
    member,
)

pytestmark = pytest.mark.django_db

URL = "/api/v1/hub/search"


def _thread(space, title: str, body: str):  # type: ignore[no-untyped-def]
    thread = ThreadFactory(space=space, title=title, opening__body=body)
    index_post(thread.posts.get())
    return thread


@pytest.fixture
def open_space():  # type: ignore[no-untyped-def]
    return SpaceFactory(name_en="Champions", name_ar="الأبطال")


def test_an_arabic_word_is_found_whatever_its_hamza(client_for, officer, open_space):
    thread = _thread(open_space, "إدارة الحدود", "تجربتنا في إدارة الحدود مع الزميلات")

    response = client_for(officer).get(URL, {"q": "اداره"}, HTTP_ACCEPT_LANGUAGE="ar")

    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 1
    item = body["items"][0]
    assert item["kind"] == "thread"
    assert item["title"] == "إدارة الحدود"
    assert "<mark>إدارة</mark>" in item["title_html"]
    assert item["url"] == f"/ar/hub/threads/{thread.pk}/"
    assert item["space"] == {"id": open_space.pk, "name": "الأبطال"}


def test_french_accents_do_not_matter_and_resources_are_found(client_for, officer, open_space):
    resource = ResourceFactory(title_fr="Sécurité des frontières", title_en="Border security")
    index_resource(resource)

    items = (
        client_for(officer).get(URL, {"q": "securite"}, HTTP_ACCEPT_LANGUAGE="fr").json()["items"]
    )

    assert [(item["kind"], item["title"]) for item in items] == [
        ("resource", "Sécurité des frontières")
    ]
    assert items[0]["space"] is None


def test_a_private_spaces_content_is_never_found_by_outsiders(client_for, officer, staff):
    private = SpaceFactory(join_policy=JoinPolicy.INVITATION)
    _thread(private, "Passport workshop", "Passport checks in the private room")

    assert client_for(officer).get(URL, {"q": "passport"}).json()["count"] == 0
    member(private, officer)
    assert client_for(officer).get(URL, {"q": "passport"}).json()["count"] == 1
    assert client_for(staff).get(URL, {"q": "passport"}).json()["count"] == 1


def test_a_space_filter_outside_the_callers_scope_is_not_found(client_for, officer):
    private = SpaceFactory(join_policy=JoinPolicy.INVITATION)

    response = client_for(officer).get(URL, {"q": "passport", "space": private.pk})

    assert response.status_code == 404


def test_the_kind_filter_and_the_script_in_a_title_stays_escaped(client_for, officer, open_space):
    thread = _thread(open_space, "<script>alert(1)</script> passport", "passport checks")
    reply = PostFactory(thread=thread, body="another passport story")
    index_post(reply)

    items = client_for(officer).get(URL, {"q": "passport", "kind": "reply"}).json()["items"]

    assert [item["kind"] for item in items] == ["reply"]
    assert "<script>" not in items[0]["title_html"]
    assert "&lt;script&gt;" in items[0]["title_html"]
    assert items[0]["url"] == f"/en/hub/posts/{reply.pk}/"


def test_an_empty_query_finds_nothing(client_for, officer, open_space):
    _thread(open_space, "Passport", "text")

    assert client_for(officer).get(URL, {"q": "  "}).json() == {
        "count": 0,
        "page": 1,
        "pages": 1,
        "items": [],
    }


def test_donors_may_not_search(client_for, donor):
    assert client_for(donor).get(URL, {"q": "passport"}).status_code == 403


@pytest.mark.parametrize("rows", [3, 30])
def test_search_queries_do_not_grow(
    client_for, officer, open_space, rows, django_assert_max_num_queries
):
    for number in range(rows):
        thread = _thread(open_space, f"Passport checks {number}", "passport")
        index_post(PostFactory(thread=thread, body=f"passport reply {number}"))
    client = client_for(officer)
    client.get(URL, {"q": "passport"})  # warm the translation catalogues

    # session, user, roles; the profile and memberships (readable spaces); count; the page
    # of entries with their posts, threads and spaces; where the replies are
    with django_assert_max_num_queries(9):
        response = client.get(URL, {"q": "passport"})

    assert response.json()["count"] == 2 * rows
    assert len(response.json()["items"]) == min(20, 2 * rows)
