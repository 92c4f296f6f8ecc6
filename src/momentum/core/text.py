"""Text folding, words and stems, in Arabic, French and English: one place for every search.

Folding — ``normalise`` folds what spelling varies without changing meaning: Arabic
diacritics and tatweel, the hamza forms of alef (أ إ آ ٱ) to the bare alef, the hamza on its
seat (ؤ ئ) to ء (so مسؤول and مسئول are one word), alef maqsura and ya, ta marbuta and ha,
Arabic-Indic and Persian digits; Latin accents, the French ligatures œ and æ, and case. The
same function folds what is stored and what is typed, so both sides always agree.

Two ways to match, for two kinds of text:

- **Names and codes** (people, courses): ``search_key`` / ``search_terms`` give folded words
  that callers match as pieces of text (``LIKE '%term%'``), so "Had" finds "Haddad".
- **Running text** (the hub's posts and resources): ``word_key`` / ``query_word`` match whole
  words. A stored text becomes a set of tokens: each folded word, the word without its Arabic
  article (ال, وال, بال, لل…), and its stem, marked with ``STEM_MARK`` (Snowball's Arabic,
  French and English stemmers, through PyStemmer). A query word matches an entry when one of
  its ``exact`` tokens (the word itself, or the word with a conjunction or preposition such as
  و or ب attached) or one of its ``stems`` is among the entry's tokens. So "formation" finds
  "formations", "مساواة" finds "والمساواة", but "port" never finds "rapport" and "سر" never
  finds "أسرة".

Root letters are never cut: a leading و, ف, ب, ك or ل is only taken for a clitic when it comes
with the article (وال, بال…), or, at query time, when the rest is the very word the reader typed
(at least ``CLITIC_MIN_LETTERS`` letters long). Snowball's Arabic stemmer removes such letters
on its own (بريد → ريد); ``stem`` keeps only what it removes at the end of a word.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import Stemmer

__all__ = [
    "ARTICLE_MIN_LETTERS",
    "CLITIC_MIN_LETTERS",
    "STEM_MARK",
    "STOP_WORDS",
    "QueryWord",
    "index_tokens",
    "is_arabic",
    "matches",
    "normalise",
    "query_word",
    "query_words",
    "search_key",
    "search_terms",
    "stem",
    "strip_arabic_prefix",
    "word_key",
    "words",
]

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
        # The hamza on its seat varies from writer to writer (مسؤول, مسئول): one letter.
        "\u0624": "\u0621",  # ؤ → ء
        "\u0626": "\u0621",  # ئ → ء
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
# Letters and digits; an underscore or any punctuation separates words.
_WORD = re.compile(r"[^\W_]+")
_ARABIC_LETTER = re.compile("[\u0621-\u064a]")

# The article with what may come before it (folded): و/ف, then ب/ك/ل, then ال; ل + ال is لل.
_ARTICLES = tuple(
    sorted(
        {
            f"{first}{second}{article}"
            for first in ("", "و", "ف")
            for second, article in (("", "ال"), ("ب", "ال"), ("ك", "ال"), ("", "لل"))
        },
        key=len,
        reverse=True,
    )
)
# Conjunctions and prepositions written attached to the next word, without the article.
_CLITICS = ("و", "ف", "ب", "ك", "ل", "وب", "وك", "ول", "فب", "فك", "فل")
# Fewest letters left after a prefix for it to count as one.
ARTICLE_MIN_LETTERS = 3
CLITIC_MIN_LETTERS = 4

STEM_MARK = "~"

# Words so common they narrow nothing (folded). A query leaves them out when it has other
# words; they get no stem in the index.
STOP_WORDS = frozenset(
    "في من على الى ان عن مع هذا هذه التي الذي او ما لا ثم قد "  # noqa: SIM905
    "le la les de des du et en un une pour avec sur dans au aux par est "
    "the of and to in for with on a an is are by at or".split()
)

_LATIN_LANGUAGES = ("en", "fr")
_STEMMERS = {"ar": "arabic", "fr": "french", "en": "english"}


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


def words(text: str) -> list[str]:
    """The folded words of ``text``, in order (letters and digits; anything else separates)."""
    return _WORD.findall(normalise(text))


def is_arabic(word: str) -> bool:
    return bool(_ARABIC_LETTER.match(word))


def strip_arabic_prefix(word: str) -> str:
    """A folded Arabic word without its article and what is attached before it (ال, وال, بال,
    كال, فال, لل…), when at least three letters remain; any other word unchanged.

    A lone و, ف, ب, ك or ل is never removed here: it is as often the word's first root letter
    (وثيقة, وزارة, بريد, برنامج) as a clitic, and only a dictionary could tell."""
    if not is_arabic(word):
        return word
    for prefix in _ARTICLES:
        if word.startswith(prefix) and len(word) - len(prefix) >= ARTICLE_MIN_LETTERS:
            return word[len(prefix) :]
    return word


@lru_cache(maxsize=8)
def _stemmer(language: str) -> Stemmer.Stemmer:
    return Stemmer.Stemmer(_STEMMERS[language])


@lru_cache(maxsize=200_000)
def stem(word: str, language: str = "en") -> str:
    """The Snowball stem of a folded ``word``: Arabic words by the Arabic stemmer (whatever
    ``language`` says), other words by ``language``'s ("en" or "fr").

    For Arabic, only what the stemmer removes at the end of the word is removed: the letters it
    takes off the front (a و, ب or ل that may be a root letter) are put back, so
    ``stem("برنامجا") == "برنامج"``, not "رنامج". Digits and short words are their own stem."""
    if len(word) < 3 or any(ch.isdigit() for ch in word):
        return word
    if not is_arabic(word):
        return _stemmer(language if language in _LATIN_LANGUAGES else "en").stemWord(word)
    # Snowball tells ta marbuta from ha; the folded word has ha (ه) at the end for both. The
    # feminine plural ات is read as the singular's ة (Snowball leaves "تحقيقا" of "تحقيقات").
    if word.endswith("\u0647"):
        written = word[:-1] + "\u0629"
    elif word.endswith("\u0627\u062a") and len(word) >= 5:
        written = word[:-2] + "\u0629"
    else:
        written = word
    stemmed = _stemmer("ar").stemWord(written)
    start = written.find(stemmed) if stemmed else -1
    if start < 0:
        return word  # the stemmer rewrote letters: keep the word whole
    return (written[:start] + stemmed).translate(_LETTER_FOLDS)


def _stem_languages(language: str) -> tuple[str, ...]:
    return (language,) if language in _LATIN_LANGUAGES else _LATIN_LANGUAGES


def index_tokens(text: str, language: str = "") -> set[str]:
    """The tokens that stand for ``text`` in a word index: each folded word, the word without
    its Arabic article, and their stems (``STEM_MARK`` + stem). Latin words are stemmed in
    ``language`` ("en" or "fr"), or in both when it is another or none."""
    tokens: set[str] = set()
    latin = _stem_languages(language)
    for word in set(words(text)):
        tokens.add(word)
        if word in STOP_WORDS:
            continue
        if is_arabic(word):
            bare = strip_arabic_prefix(word)
            tokens.add(bare)
            tokens.add(STEM_MARK + stem(bare, "ar"))
        else:
            tokens.update(STEM_MARK + stem(word, code) for code in latin)
    return tokens


def word_key(*texts: str, language: str = "") -> str:
    """The tokens of ``texts`` (``index_tokens``) as one string, sorted, with a space at each
    end, so that ``LIKE '% token %'`` finds one anywhere."""
    tokens: set[str] = set()
    for text in texts:
        tokens |= index_tokens(text, language)
    return f" {' '.join(sorted(tokens))} " if tokens else ""


@dataclass(frozen=True)
class QueryWord:
    """One word of a query, and the tokens that find it in a ``word_key``.

    ``exact``: the word as a whole (also without its Arabic article, and with a clitic such as
    و or ب attached); ``stems``: the same words stemmed. A match on ``exact`` ranks above a
    match on ``stems`` only."""

    word: str
    exact: frozenset[str]
    stems: frozenset[str]

    @property
    def tokens(self) -> frozenset[str]:
        return self.exact | self.stems


@lru_cache(maxsize=20_000)
def query_word(word: str) -> QueryWord:
    """The tokens that find the folded ``word`` in a ``word_key``."""
    if not is_arabic(word):
        if word in STOP_WORDS:
            return QueryWord(word, frozenset({word}), frozenset())
        stems = {STEM_MARK + stem(word, code) for code in _LATIN_LANGUAGES}
        return QueryWord(word, frozenset({word}), frozenset(stems))
    bare = strip_arabic_prefix(word)
    exact = {word, bare}
    stems = {STEM_MARK + stem(bare, "ar")}
    if len(bare) >= CLITIC_MIN_LETTERS and word not in STOP_WORDS:
        # The reader typed the word: the same word with و, ب… attached is that word.
        exact.update(clitic + bare for clitic in _CLITICS)
        stems.update(STEM_MARK + stem(clitic + bare, "ar") for clitic in _CLITICS)
    return QueryWord(word, frozenset(exact), frozenset(stems))


def query_words(text: str, *, limit: int = 8) -> list[QueryWord]:
    """The words of a typed query, without repeats, stop words left out when others remain."""
    folded: list[str] = []
    for word in words(text):
        if word not in folded:
            folded.append(word)
    meaningful = [word for word in folded if word not in STOP_WORDS]
    return [query_word(word) for word in (meaningful or folded)[:limit]]


def matches(word: str, query: Iterable[QueryWord], language: str = "") -> QueryWord | None:
    """The first of ``query`` that the folded text ``word`` matches, if any (for highlighting
    a word of a result as the index would have matched it)."""
    tokens = index_tokens(word, language)
    for item in query:
        if tokens & item.tokens:
            return item
    return None


# --- names and codes: pieces of text -----------------------------------------------------------


def search_terms(text: str) -> list[str]:
    """The normalised words of ``text``, without their Arabic article, for matching as pieces
    of a ``search_key``."""
    return [strip_arabic_prefix(word) for word in words(text)]


def search_key(*parts: str) -> str:
    """A space-separated key of every part's words (and each without its Arabic article),
    stored beside a record so that ``search_terms`` find it as pieces of text."""
    found: list[str] = []
    for part in parts:
        for word in words(part):
            found.append(word)
            stripped = strip_arabic_prefix(word)
            if stripped != word:
                found.append(stripped)
    return " ".join(found)
