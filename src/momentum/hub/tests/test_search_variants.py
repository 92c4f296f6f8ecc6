"""Search finds a word whatever its Arabic spelling variant or French accents, on SQLite and
PostgreSQL alike (the keys are folded by ``core.text``, matched with LIKE)."""

from __future__ import annotations

import pytest

from momentum.hub.selectors.search import search
from momentum.hub.services.search_index import index_post
from momentum.hub.tests.factories import PostFactory, SpaceFactory, ThreadFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def space():  # type: ignore[no-untyped-def]
    return SpaceFactory()


def _thread_with(space, body: str, title: str = "Notes"):  # type: ignore[no-untyped-def]
    thread = ThreadFactory(space=space, title=title, opening__body=body)
    index_post(thread.posts.get())
    return thread


def _found(user, query: str) -> set[int]:  # type: ignore[no-untyped-def]
    return {entry.post.thread_id for entry in search(user, query) if entry.post}


@pytest.mark.parametrize(
    ("written", "searched"),
    [
        ("الأسرة", "الاسرة"),  # hamza on alef
        ("أسرة", "اسره"),  # hamza and ta marbuta
        ("إدارة الحدود", "اداره"),  # hamza below
        ("مكافحة الاتجار", "مكافحه"),  # ta marbuta / ha
        ("مكافحه الاتجار", "مكافحة"),  # the other way round
        ("مستوى عال", "مستوي"),  # alef maqsura / ya
        ("التدريب", "تدريب"),  # the article
        ("وبالتدريب", "تدريب"),  # prefixes inside a longer word
        ("التدريب", "وبالتدريب"),  # prefixes on the query word
        ("بالتدريب المستمر", "التدريب"),
        ("الأمــــن", "الامن"),  # tatweel
        ("الأَمْنُ", "الامن"),  # diacritics
        ("عام 2024", "٢٠٢٤"),  # Arabic-Indic digits in the query
        ("عام ٢٠٢٤", "2024"),  # … and in the text
        ("La sécurité des frontières", "securite"),  # French accents
        ("La securite des frontieres", "sécurité"),
        ("Le cœur du métier", "coeur"),  # ligature
        ("ÉCOLE de police", "école"),  # case
    ],
)
def test_a_variant_spelling_finds_the_text(officer, space, written, searched):
    thread = _thread_with(space, written)
    _thread_with(space, "Nothing related here")

    assert _found(officer, searched) == {thread.pk}


def test_every_word_of_the_query_must_match(officer, space):
    both = _thread_with(space, "تدريب حرس الحدود")
    _thread_with(space, "تدريب الشرطة")

    assert _found(officer, "تدريب الحدود") == {both.pk}


def test_a_short_word_matches_whole_words_only(officer, space):
    whole = _thread_with(space, "Le plan de formation")
    _thread_with(space, "Un dessin")

    assert _found(officer, "de") == {whole.pk}


def test_a_reply_is_found_by_its_own_words(officer, space):
    thread = _thread_with(space, "Opening words")
    reply = PostFactory(thread=thread, body="الأسرة والمجتمع")
    index_post(reply)

    entries = list(search(officer, "الاسره"))

    assert [entry.post_id for entry in entries] == [reply.pk]


def test_an_empty_or_punctuation_query_finds_nothing(officer, space):
    _thread_with(space, "Anything at all")

    assert list(search(officer, "")) == []
    assert list(search(officer, " ?! ")) == []
