"""The narrow table a search matches on (``SearchWord``): one row per token of an entry, with
the entry's space and date, written and removed with the entry; and what a search reads from
it: every word of a query, the newest matches across all the tokens of a word."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from momentum.hub.models import SearchEntry, SearchWord
from momentum.hub.selectors.search import search
from momentum.hub.services.search_index import (
    index_post,
    index_resource,
    rebuild_words,
    reindex_all,
    unindex_post,
)
from momentum.hub.tests.factories import (
    PostFactory,
    ResourceFactory,
    SpaceFactory,
    ThreadFactory,
    index_as_published,
)

pytestmark = pytest.mark.django_db


def _rows(entry: SearchEntry) -> dict[str, tuple[bool, int]]:
    return {
        word.token: (word.in_title, word.space_key)
        for word in SearchWord.objects.filter(entry=entry)
    }


def _all_rows() -> set[tuple[int, str, bool, int, object]]:
    return set(
        SearchWord.objects.values_list("entry_id", "token", "in_title", "space_key", "published_at")
    )


def test_publishing_writes_a_row_per_token_marked_in_the_title():
    space = SpaceFactory(main_language="fr")
    thread = ThreadFactory(space=space, title="Formation", opening__body="Une formation utile")

    entry = index_post(thread.posts.get())

    assert entry is not None
    assert set(_rows(entry)) == set(entry.words_key.split())
    assert _rows(entry)["formation"] == (True, space.pk)
    assert _rows(entry)["utile"] == (False, space.pk)
    dates = set(SearchWord.objects.filter(entry=entry).values_list("published_at", flat=True))
    assert dates == {entry.published_at}


def test_a_token_too_long_for_an_index_gets_no_row():
    reply = PostFactory(body=f"checks {'x' * 300}")

    entry = index_post(reply)

    assert entry is not None
    assert set(_rows(entry)) == {"checks", "~check"}
    assert rebuild_words() == 2


def test_a_resource_open_to_everyone_has_space_zero():
    entry = index_resource(ResourceFactory(title_en="Visa guide", space=None))

    assert entry is not None
    assert {space for _title, space in _rows(entry).values()} == {0}


def test_editing_replaces_the_rows():
    reply = PostFactory(body="first words")
    index_post(reply)
    reply.body = "second"

    entry = index_post(reply)

    assert entry is not None
    assert set(_rows(entry)) == {"second", "~second"}


def test_unindexing_hiding_and_deleting_remove_the_rows():
    kept = PostFactory(body="kept")
    index_post(kept)
    hidden = PostFactory(body="hidden")
    index_post(hidden)
    deleted = PostFactory(body="deleted")
    index_post(deleted)

    unindex_post(hidden)
    deleted.delete()

    assert set(SearchWord.objects.values_list("token", flat=True)) == {"kept", "~kept"}


def test_rebuilding_writes_the_rows_the_services_write():
    space = SpaceFactory(main_language="ar")
    thread = ThreadFactory(space=space, title="أمن الحدود", opening__body="وبالتدريب")
    reply = PostFactory(thread=thread, body="Border checks, 2024")
    for post in (thread.posts.get(is_opening=True), reply):
        index_post(post)
    index_resource(ResourceFactory(title_en="Guide", title_fr="Guide"))
    written = _all_rows()
    assert written

    assert rebuild_words() == len(written)
    assert _all_rows() == written
    reindex_all()
    assert {row[1:] for row in _all_rows()} == {row[1:] for row in written}


def test_every_word_of_a_query_must_be_found_whichever_is_read_first(officer):
    space = SpaceFactory()
    both = ThreadFactory(space=space, title="Notes", opening__body="visa checks at the port")
    opening = both.posts.get()
    index_post(opening)
    for _ in range(3):
        index_post(PostFactory(thread=both, body="visa only"))
    index_post(PostFactory(thread=both, body="checks only"))

    for query in ("visa checks", "checks visa", "visas check"):
        assert [entry.post_id for entry in search(officer, query)] == [opening.pk]


def test_the_newest_matches_are_taken_across_all_the_tokens_of_a_word(officer, monkeypatch):
    from momentum.hub.selectors import search as selectors

    monkeypatch.setattr(selectors, "MAX_COUNTED", 2)
    space = SpaceFactory(main_language="ar")
    now = timezone.now()
    posts = {}
    # Each text holds the word under another token (alone, or with a clitic attached).
    for days, body in enumerate(["ومساواة", "بمساواة", "مساواة", "لمساواة"]):
        thread = ThreadFactory(space=space, title="ملاحظات", opening__body=body)
        post = thread.posts.get()
        index_as_published(post, now - timedelta(days=days))
        posts[body] = post.pk

    found = search(officer, "مساواة")

    assert found.capped
    # Whole words first (all four are), then the newest: the two newest, whatever token found them.
    assert [entry.post_id for entry in found[0:2]] == [posts["ومساواة"], posts["بمساواة"]]


def test_a_search_reads_the_token_counts_then_its_matches_whatever_the_number_of_words(
    officer, django_assert_num_queries
):
    space = SpaceFactory()
    for number in range(25):
        thread = ThreadFactory(space=space, title=f"Visas {number}", opening__body="stamps")
        index_post(thread.posts.get())

    # The reader's roles and readable spaces; the counts of the word's tokens; the newest
    # matches (the count)
    with django_assert_num_queries(4):
        assert search(officer, "visas").count() == 25
    # The readable spaces (the roles are known by now); the counts of both words' tokens (no
    # query per word to find the rarer); the newest matches; then the page (its ranking inside)
    with django_assert_num_queries(4):
        found = search(officer, "visas stamps")
        assert found.count() == 25
        assert len(found[0:20]) == 20
