"""The word-level diff reads whole words, in Arabic as in Latin scripts, and escapes them."""

from __future__ import annotations

from momentum.toolkit.markup import paragraphs, word_diff


def test_arabic_words_are_compared_whole() -> None:
    old = "تدعم القيادة إدارة حماية الأسرة"
    new = "تدعم القيادة العليا إدارة حماية الأسرة والطفل"

    diff = str(word_diff(old, new))

    # Whole words inserted, nothing of the unchanged words marked.
    assert diff == "تدعم القيادة<ins> العليا</ins> إدارة حماية الأسرة<ins> والطفل</ins>"


def test_replaced_arabic_word_shows_deletion_and_insertion() -> None:
    diff = str(word_diff("الضباط يستمعون", "الضابطات يستمعن"))

    assert "<del>الضباط</del>" in diff
    assert "<ins>الضابطات</ins>" in diff


def test_markup_in_texts_is_escaped() -> None:
    diff = str(word_diff("a", "a <script>"))

    assert "<script>" not in diff
    assert "&lt;script&gt;" in diff


def test_paragraphs_are_the_blocks_between_blank_lines() -> None:
    assert paragraphs("One\nstill one\n\n  \nTwo") == ["One\nstill one", "Two"]
