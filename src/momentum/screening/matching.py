"""The transparent score of a nominal candidate: each feature's contribution is shown.

The name is compared across scripts (Arabic names are transliterated first) and spellings,
with features from maintained libraries: rapidfuzz's token-sort ratio (edit distance,
insensitive to the order of the names, so given and family names swapped still match) and
jellyfish's Metaphone codes (a phonetic key: MOHAMED, MUHAMMAD and MHAMED share MHMT), with
Jaro-Winkler between the keys. Date of birth, nationality and sex add to it or take away.

A name alone never confirms a hit: without a date of birth that agrees (exactly, with day
and month swapped, or the year alone), a candidate is at most "name only".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from itertools import combinations

import jellyfish
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from rapidfuzz import fuzz

from momentum.core.text import normalise
from momentum.screening.names import transliterate

WEIGHT_TEXT = 0.20
WEIGHT_PHONETIC = 0.25
WEIGHT_BIRTH = 0.30
WEIGHT_NATIONALITY = 0.15
WEIGHT_SEX = 0.10
PENALTY_SEX = -0.20
PENALTY_BIRTH = -0.15
THRESHOLD = 0.75  # at or above, and with a date of birth that agrees: a possible hit
NAME_THRESHOLD = 0.30  # of the name's 0.45: retrieved and shown as a name-only candidate


@dataclass(frozen=True)
class Contribution:
    feature: str
    label: str | Promise
    detail: str
    points: float


@dataclass(frozen=True)
class Score:
    total: float
    contributions: tuple[Contribution, ...]
    birth_agrees: bool
    name_points: float

    @property
    def is_possible_hit(self) -> bool:
        return self.birth_agrees and self.total >= THRESHOLD

    @property
    def is_name_only(self) -> bool:
        return not self.is_possible_hit and self.name_points >= NAME_THRESHOLD


@lru_cache(maxsize=65536)
def latin(name: str) -> str:
    """A name in Latin capitals whatever its script, words separated by spaces."""
    text = transliterate(normalise(name)) if re.search("[\u0600-\u06ff]", name) else name
    text = normalise(text).upper()
    return " ".join(re.findall(r"[A-Z]+", text))


@lru_cache(maxsize=65536)
def _phonetic_tokens(name: str) -> tuple[str, ...]:
    words = latin(name).split()
    joined: list[str] = []
    carry = ""
    for word in words:
        if word in ("AL", "EL", "ABD", "ABDEL", "ABDUL", "BEN", "BIN", "BOU", "ABOU", "ABU"):
            carry += word
            continue
        joined.append(carry + word)
        carry = ""
    if carry:
        joined.append(carry)
    return tuple(jellyfish.metaphone(word).upper() for word in joined if word)


def phonetic_tokens(name: str) -> list[str]:
    """The Metaphone code of each word; Arabic particles (AL, EL, BEN, ABD) join the next word."""
    return list(_phonetic_tokens(name))


@lru_cache(maxsize=65536)
def phonetic_key(name: str) -> str:
    return " ".join(sorted(phonetic_tokens(name)))


def _name_features(query: str, variants: list[str]) -> tuple[float, float, str, str]:
    best_text, best_phonetic, best_variant = 0.0, 0.0, ""
    query_latin = latin(query)
    query_key = phonetic_key(query)
    for variant in variants:
        text = fuzz.token_sort_ratio(query_latin, latin(variant)) / 100
        key = phonetic_key(variant)
        phonetic = jellyfish.jaro_winkler_similarity(query_key, key) if query_key and key else 0.0
        if text + phonetic > best_text + best_phonetic:
            best_text, best_phonetic, best_variant = text, phonetic, variant
    return best_text, best_phonetic, best_variant, query_key


def birth_feature(
    query: date | None, record: date | None, record_year: int | None
) -> tuple[float, str]:
    """Agreement of the dates of birth, as a share of the feature and a word for it."""
    if query is None:
        return 0.0, "unknown"
    if record is not None:
        if record == query:
            return 1.0, "exact"
        if record.year == query.year and record.month == query.day and record.day == query.month:
            return 0.8, "day_month_swapped"
        if record.year == query.year:
            return 0.4, "same_year"
        return -1.0, "different"
    if record_year is not None:
        return (0.5, "year_only") if record_year == query.year else (-1.0, "different")
    return 0.0, "unknown"


BIRTH_DETAILS: dict[str, str | Promise] = {
    "exact": _("same date"),
    "day_month_swapped": _("day and month swapped"),
    "same_year": _("same year, another day"),
    "year_only": _("the record holds the year alone, and it agrees"),
    "different": _("different"),
    "unknown": _("not known"),
}


def score(
    *,
    surname: str,
    given_names: str,
    birth_date: date | None,
    nationality: str,
    sex: str,
    record_names: list[str],
    record_birth_date: date | None,
    record_birth_year: int | None,
    record_nationality: str,
    record_sex: str,
) -> Score:
    query = f"{given_names} {surname}".strip()
    text, phonetic, variant, _key = _name_features(query, record_names)
    birth_share, birth_kind = birth_feature(birth_date, record_birth_date, record_birth_year)
    contributions = [
        Contribution("name_text", _("Name (spelling)"), variant, round(WEIGHT_TEXT * text, 3)),
        Contribution(
            "name_phonetic", _("Name (sound)"), variant, round(WEIGHT_PHONETIC * phonetic, 3)
        ),
    ]
    birth_points = (
        WEIGHT_BIRTH * birth_share
        if birth_share > 0
        else (PENALTY_BIRTH if birth_share < 0 else 0.0)
    )
    contributions.append(
        Contribution(
            "birth_date", _("Date of birth"), str(BIRTH_DETAILS[birth_kind]), round(birth_points, 3)
        )
    )
    same_nation = bool(nationality) and nationality == record_nationality
    contributions.append(
        Contribution(
            "nationality",
            _("Nationality"),
            record_nationality,
            WEIGHT_NATIONALITY if same_nation else 0.0,
        )
    )
    if sex in ("M", "F") and record_sex in ("M", "F"):
        sex_points = WEIGHT_SEX if sex == record_sex else PENALTY_SEX
    else:
        sex_points = 0.0
    contributions.append(Contribution("sex", _("Sex"), record_sex, sex_points))
    total = round(sum(c.points for c in contributions), 3)
    name_points = contributions[0].points + contributions[1].points
    return Score(total, tuple(contributions), birth_share > 0, name_points)


def _keys(tokens: list[str], birth_year: int | None) -> set[str]:
    keys = {"N:" + " ".join(sorted(tokens))}
    if birth_year is not None:
        keys.update(f"Y{birth_year}:{token}" for token in tokens)
        keys.update(f"P{birth_year}:{a} {b}" for a, b in combinations(sorted(set(tokens)), 2))
    return keys


def blocking_keys(names: list[str], birth_year: int | None) -> set[str]:
    """The keys a nominal record is found by: each word's sound and each pair of words' sounds
    (in any order) with the birth year, and the whole name's sound (so a name-only candidate
    is still shown, marked as such). A candidate sharing more keys is fetched first."""
    keys: set[str] = set()
    for name in names:
        keys |= _keys(phonetic_tokens(name), birth_year)
    return keys


def query_keys(surname: str, given_names: str, birth_date: date | None) -> set[str]:
    tokens = phonetic_tokens(f"{given_names} {surname}")
    return _keys(tokens, birth_date.year if birth_date else None)
