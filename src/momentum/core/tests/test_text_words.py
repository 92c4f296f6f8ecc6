"""Word search in core.text: words match words (never pieces of unrelated longer words),
their inflected forms through the Snowball stems, Arabic articles and clitics, and hamza seats.
The labelled pairs that score it per language are in ``hub/tests/search_pairs.py``."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from momentum.core.text import (
    STEM_MARK,
    index_tokens,
    matches,
    normalise,
    query_word,
    query_words,
    stem,
    word_key,
)


def _found(query: str, text: str, language: str = "") -> bool:
    tokens = index_tokens(text, language)
    return all(word.tokens & tokens for word in query_words(query))


def _exact(query: str, text: str) -> bool:
    tokens = index_tokens(text)
    return all(word.exact & tokens for word in query_words(query))


@pytest.mark.parametrize(
    ("query", "text"),
    [
        ("سر", "أسرة"),
        ("نار", "سيناريو"),
        ("lieu", "milieu"),
        ("port", "rapport"),
        ("arme", "gendarme"),
        ("age", "passage"),
        ("ريد", "بريد"),
        ("جمع", "المجتمع"),
    ],
)
def test_a_word_is_not_found_inside_an_unrelated_longer_word(query, text):
    assert not _found(query, text)


@pytest.mark.parametrize(
    ("query", "text"),
    [
        ("مساواة", "المساواة"),
        ("مساواة", "والمساواة"),
        ("مساواة", "بالمساواة"),
        ("المساواة", "ومساواة"),
        ("مسؤول", "مسئول"),
        ("مسئولية", "المسؤولية"),
        ("تدريب", "وبالتدريب"),
    ],
)
def test_arabic_articles_clitics_and_hamza_seats_match_as_the_same_word(query, text):
    assert _exact(query, text)


@pytest.mark.parametrize(
    ("query", "text", "language"),
    [
        ("formation", "formations", "fr"),
        ("formations", "la formation", "fr"),
        ("train", "training", "en"),
        ("مساواة", "مساواتهم", "ar"),
        ("برنامج", "برنامجا", "ar"),
    ],
)
def test_inflected_forms_match_through_their_stem_only(query, text, language):
    assert _found(query, text, language)
    assert not _exact(query, text)


def test_the_hamza_on_its_seat_folds_to_one_letter():
    assert normalise("مسؤول") == normalise("مسئول") == normalise("مسءول")


@pytest.mark.parametrize(
    ("word", "expected"),
    [("برنامجا", "برنامج"), ("بريد", "بريد"), ("وثيقة", "وثيق"), ("وزارة", "وزار")],
)
def test_the_arabic_stem_never_loses_a_leading_letter(word, expected):
    assert stem(normalise(word), "ar") == expected


def test_the_index_never_holds_a_word_cut_at_the_front():
    tokens = index_tokens("برنامجا وثيقة وزارة بريد")
    assert not {"رنامجا", "ثيقه", "زاره", "ريد"} & {t.lstrip(STEM_MARK) for t in tokens}


def test_a_query_word_never_loses_a_root_letter():
    for word in ("وثيقه", "وزاره", "بريد"):
        assert all(word in token for token in query_word(word).exact)


def test_a_short_word_is_not_expanded_with_clitics():
    # "رد" with و would be "ورد" (roses): a clitic is tried only on words of four letters.
    assert query_word("رد").exact == {"رد"}


def test_stop_words_are_left_out_of_a_query_with_other_words():
    assert [word.word for word in query_words("la formation de la police")] == [
        "formation",
        "police",
    ]
    assert [word.word for word in query_words("de la")] == ["de", "la"]


def test_the_word_key_is_sorted_and_padded():
    assert word_key("Ports", language="en") == " ports ~port "
    assert word_key("") == ""


def test_matches_tells_which_query_word_a_written_word_matches():
    query = query_words("formation sécurité")
    assert matches("Formations", query) is query[0]
    assert matches("insécurité", query) is None


@settings(database=None, max_examples=200)
@given(st.text(max_size=30))
def test_every_word_of_a_text_is_found_in_its_own_tokens(text):
    tokens = index_tokens(text)
    assert all(word.exact & tokens for word in query_words(text, limit=100))
