"""The search page: what a reader may read, ranked, highlighted, in a bounded number of queries."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from momentum.hub.models import JoinPolicy, SpaceKind
from momentum.hub.services.search_index import index_post, index_resource
from momentum.hub.tests.factories import (
    PostFactory,
    ResourceFactory,
    SpaceFactory,
    ThreadFactory,
    index_as_published,
    member,
)

pytestmark = pytest.mark.django_db
URL = "/en/hub/search/"


def _thread(space, title: str, body: str, **fields):
    thread = ThreadFactory(space=space, title=title, opening__body=body, **fields)
    index_post(thread.posts.get())
    return thread


@pytest.fixture
def open_space():
    return SpaceFactory(name_en="Border practice")


@pytest.fixture
def private_space():
    return SpaceFactory(name_en="Board room", join_policy=JoinPolicy.INVITATION)


def test_results_show_title_space_and_highlighted_excerpt(client, officer, open_space):
    thread = _thread(open_space, "Checking passports", "We scan every passport at the gate.")
    client.force_login(officer)

    response = client.get(URL, {"q": "passport"})

    page = response.content.decode()
    assert response.status_code == 200
    assert f'href="/en/hub/threads/{thread.pk}/"' in page
    assert "Checking <mark>passports</mark>" in page
    assert "every <mark>passport</mark> at" in page
    assert "Border practice" in page


def test_private_space_content_is_never_shown_to_non_members(
    client, officer, open_space, private_space
):
    _thread(private_space, "Secret passport plan", "Passport details")
    hidden_thread = _thread(private_space, "Other", "nothing")
    reply = PostFactory(thread=hidden_thread, body="A passport answer from Amman")
    index_post(reply)
    index_resource(ResourceFactory(space=private_space, title_en="Passport manual"))
    visible = _thread(open_space, "Open passport talk", "Passport questions")
    client.force_login(officer)

    response = client.get(URL, {"q": "passport"})

    page = response.content.decode()
    assert "Open passport talk".replace("passport", "<mark>passport</mark>") in page
    assert "Secret" not in page
    assert "Amman" not in page
    assert "manual" not in page
    assert response.context["page"].paginator.count == 1
    assert response.context["results"][0].url.startswith(f"/en/hub/threads/{visible.pk}/")


def test_members_of_the_private_space_find_its_content(client, officer, private_space):
    member(private_space, officer)
    thread = _thread(private_space, "Secret passport plan", "details")
    reply = PostFactory(thread=thread, body="A passport reply")
    index_post(reply)
    index_resource(ResourceFactory(space=private_space, title_en="Passport manual"))
    client.force_login(officer)

    response = client.get(URL, {"q": "passport"})

    assert response.context["page"].paginator.count == 3


def test_other_countries_spaces_are_not_searched(client, outsider, jordan):
    country_space = SpaceFactory(kind=SpaceKind.COUNTRY, country=jordan)
    _thread(country_space, "Jordan passport desk", "text")
    client.force_login(outsider)

    response = client.get(URL, {"q": "passport"})

    assert response.context["page"].paginator.count == 0


def test_title_matches_rank_before_text_matches_then_newest(client, officer, open_space):
    now = timezone.now()
    in_text_new = _thread(open_space, "Weekly notes", "about visas and stamps")
    in_title_old = _thread(open_space, "Visas at the border", "text")
    both_in_title = _thread(open_space, "Visas and stamps", "text")
    index_as_published(in_title_old.posts.all(), now - timedelta(days=30))
    client.force_login(officer)

    response = client.get(URL, {"q": "visas stamps"})
    order = [r.url.split("/threads/")[1].split("/")[0] for r in response.context["results"]]

    # "stamps" is not in the older thread at all: every word must match.
    assert order == [str(both_in_title.pk), str(in_text_new.pk)]

    response = client.get(URL, {"q": "visas"})
    order = [r.url.split("/threads/")[1].split("/")[0] for r in response.context["results"]]
    assert order == [str(both_in_title.pk), str(in_title_old.pk), str(in_text_new.pk)]


def test_highlighting_escapes_html_in_titles_and_text(client, officer, open_space):
    _thread(open_space, "<script>alert(1)</script> visas", '<img src=x onerror="x()"> visas')
    client.force_login(officer)

    response = client.get(URL, {"q": "visas"})

    page = response.content.decode()
    assert "<script>alert(1)" not in page
    assert "<img src=x" not in page
    assert "&lt;script&gt;" in page
    assert "<mark>visas</mark>" in page


def test_arabic_variant_is_highlighted_in_the_original_spelling(client, officer, open_space):
    _thread(open_space, "عنوان", "دور الأُسْرة في الوقاية")
    client.force_login(officer)

    response = client.get(URL, {"q": "الاسره"})

    assert "<mark>الأُسْرة</mark>" in response.content.decode()


def test_filters_narrow_the_results(client, officer, open_space):
    other_space = SpaceFactory(main_language="fr")
    _thread(open_space, "Visas", "text")
    french = _thread(other_space, "Visas en français", "texte")
    index_resource(ResourceFactory(title_en="Visas guide"))
    client.force_login(officer)

    by_kind = client.get(URL, {"q": "visas", "kind": "resource"})
    by_space = client.get(URL, {"q": "visas", "space": other_space.pk})
    by_language = client.get(URL, {"q": "visas", "language": "fr"})

    assert [r.kind for r in by_kind.context["results"]] == ["resource"]
    assert [r.url for r in by_space.context["results"]] == [
        r.url for r in by_language.context["results"]
    ]
    assert by_space.context["results"][0].url.startswith(f"/en/hub/threads/{french.pk}/")


def test_a_reply_links_to_its_place_in_the_thread(client, officer, open_space):
    thread = _thread(open_space, "Thread", "opening")
    reply = PostFactory(thread=thread, body="the visas answer")
    index_post(reply)
    client.force_login(officer)

    response = client.get(URL, {"q": "visas"})

    url = response.context["results"][0].url
    assert url.endswith(f"#post-{reply.pk}") or url.endswith(f"/posts/{reply.pk}/")


def test_resource_title_is_shown_in_the_readers_language(client, officer):
    index_resource(ResourceFactory(title_en="Visa guide", title_fr="Guide des visas"))
    client.force_login(officer)

    response = client.get("/fr/hub/search/", {"q": "visa"})

    assert "Guide des <mark>visas</mark>" in response.content.decode()


def test_the_page_reads_a_bounded_number_of_queries(
    client, officer, open_space, django_assert_max_num_queries
):
    for number in range(30):
        thread = _thread(open_space, f"Visas {number}", "text about visas")
        index_post(PostFactory(thread=thread, body="visas again"))
    for _number in range(5):
        index_resource(ResourceFactory(title_en="Visas guide"))
    client.force_login(officer)

    # session, user, roles, profile, memberships (the page's permissions); the count; the
    # page of entries with their posts, threads, resources and spaces; the readable spaces
    # (the form's choices); the replies' places, when posts have no address of their own
    with django_assert_max_num_queries(9) as first:
        response = client.get(URL, {"q": "visas"})
    assert response.context["page"].paginator.count == 65
    assert len(response.context["results"]) == 20

    for number in range(30, 90):
        index_post(PostFactory(thread=_thread(open_space, f"Visas {number}", "x"), body="visas"))
    with django_assert_max_num_queries(len(first.captured_queries)):
        response = client.get(URL, {"q": "visas", "kind": "reply", "page": 2})
    assert len(response.context["results"]) == 20
    assert response.context["page"].paginator.count == 90


def test_donors_may_not_search(client, donor):
    client.force_login(donor)

    assert client.get(URL, {"q": "visas"}).status_code == 403


def test_an_overlong_query_is_refused_without_error(client, officer):
    client.force_login(officer)

    response = client.get(URL, {"q": "x" * 500})

    assert response.status_code == 200
    assert response.context["form"].errors


def test_a_very_common_word_ranks_titles_and_the_newest_matches(
    client, officer, open_space, monkeypatch
):
    from momentum.hub.selectors import search as selectors

    monkeypatch.setattr(selectors, "MAX_COUNTED", 3)
    now = timezone.now()
    old_title = _thread(open_space, "Visas explained", "text")
    index_as_published(old_title.posts.all(), now - timedelta(days=400))
    in_text = []
    for age in range(6):
        thread = _thread(open_space, f"Notes {age}", "about visas")
        index_as_published(thread.posts.all(), now - timedelta(days=age))
        in_text.append(thread)
    client.force_login(officer)

    response = client.get(URL, {"q": "visas"})

    urls = [result.url for result in response.context["results"]]
    expected = [old_title, *in_text[:2]]  # the title first, then the newest, 3 in all
    assert urls == [f"/en/hub/threads/{thread.pk}/" for thread in expected]
    assert "More than 3 results" in response.content.decode()
