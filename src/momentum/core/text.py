"""Text normalisation for search and name matching, in Arabic, French and English.

``normalise`` folds what spelling varies without changing meaning: Arabic diacritics and
tatweel, the hamza forms of alef, alef maqsura and ya, ta marbuta and ha, Arabic-Indic and
Persian digits; Latin accents, the French ligatures œ and æ, and case. The same function
indexes and queries, so both sides always agree.
"""

from __future__ import annotations

import re
import unicodedata

_ARABIC_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]")
_TATWEEL = "\u0640"
_LETTER_FOLDS = str.maketrans(
    {
        "\u0623": "\u0627",  # أ → ا
        "\u0625": "\u0627",  # إ → ا
        "\u0622": "\u0627",  # آ → ا
        "\u0671": "\u0627",  # ٱ → ا
        "\u0649": "\u064a",  # ى → ي
        "\u0629": "\u0647",  # ة → ه
        "\u0624": "\u0648",  # ؤ → و
        "\u0626": "\u064a",  # ئ → ي
        "\u06cc": "\u064a",  # Persian ya → ي
        "\u06a9": "\u0643",  # Persian kaf → ك
        # French ligatures: "cœur" and "coeur" are both written; NFKC keeps them apart.
        "\u0153": "oe",  # œ
        "\u0152": "oe",  # Œ
        "\u00e6": "ae",  # æ
        "\u00c6": "ae",  # Æ
    }
)
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_SPACES = re.compile(r"\s+")
_ARABIC_PREFIXES = ("وال", "بال", "كال", "فال", "لل", "ال", "و", "ب")
_ARABIC_LETTER = re.compile("[\u0621-\u064a]")


def normalise(text: str) -> str:
    """Fold ``text`` to the form used for search keys and comparisons."""
    if not text:
        return ""
    text = unicodedata.normalize("NFKC", text)
    text = _ARABIC_DIACRITICS.sub("", text).replace(_TATWEEL, "")
    text = text.translate(_LETTER_FOLDS).translate(_DIGITS)
    # Strip Latin accents: decompose, drop combining marks (Arabic marks are already gone).
    decomposed = unicodedata.normalize("NFD", text)
    text = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    text = unicodedata.normalize("NFC", text).casefold()
    return _SPACES.sub(" ", text).strip()


def strip_arabic_prefix(word: str) -> str:
    """Remove one attached prefix (ال, و, ب, وال, بال…) from a normalised Arabic word.

    Keeps at least three letters, so short words such as ``بنك`` keep their first letter.
    """
    if not _ARABIC_LETTER.match(word):
        return word
    for prefix in _ARABIC_PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= 3:
            return word[len(prefix) :]
    return word


def search_terms(text: str) -> list[str]:
    """The normalised words of ``text``, with Arabic prefixes removed, for matching."""
    return [strip_arabic_prefix(word) for word in re.findall(r"\w+", normalise(text))]


def search_key(*parts: str) -> str:
    """A space-separated key of every part's terms, stored beside a record for search."""
    words: list[str] = []
    for part in parts:
        for word in re.findall(r"\w+", normalise(part)):
            words.append(word)
            stripped = strip_arabic_prefix(word)
            if stripped != word:
                words.append(stripped)
    return " ".join(words)
