"""The content guard measured on the labelled corpus: recall on identifiers, false alarms.

Run with ``pytest -s`` to see the figures; ``bench/hub_guard_corpus.py`` prints them per
identifier kind as well.
"""

from __future__ import annotations

from typing import Any

import pytest

from momentum.hub.guard import IDENTIFIER_KINDS, FindingKind, Verdict, check_text
from momentum.hub.tests.guard_corpus import LANGUAGES, Sample
from momentum.hub.tests.guard_traps import ALL_SAMPLES, ALL_WATCHED_TERMS, WATCHED_EXCEPTIONS

MIN_RECALL = 0.97
# Benign posts blocked or held (a watched word in a benign sense counts too).
MAX_FALSE_ALARMS = 0.03
CORPUS = ALL_SAMPLES


def _check(text: str) -> Any:
    return check_text(text, watched_terms=ALL_WATCHED_TERMS, watched_exceptions=WATCHED_EXCEPTIONS)


def _operational(samples: list[Sample]) -> list[Sample]:
    return [sample for sample in samples if sample.expected_kinds & IDENTIFIER_KINDS]


def _benign(samples: list[Sample]) -> list[Sample]:
    return [sample for sample in samples if not sample.expected_kinds & IDENTIFIER_KINDS]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_corpus_is_large_and_mixed_enough(language: str) -> None:
    samples = [sample for sample in CORPUS if sample.language == language]
    assert len(samples) >= 60
    assert len(_operational(samples)) / len(samples) >= 0.40
    kinds = set().union(*(sample.expected_kinds for sample in samples))
    assert kinds >= IDENTIFIER_KINDS | {FindingKind.WATCHED_TERM}
    assert len({sample.text for sample in samples}) == len(samples)


@pytest.mark.parametrize("language", LANGUAGES)
def test_recall_on_identifiers_and_false_alarms_meet_the_targets(language: str) -> None:
    samples = [sample for sample in CORPUS if sample.language == language]
    operational = _operational(samples)
    benign = _benign(samples)

    missed = [
        sample
        for sample in operational
        if not sample.expected_kinds <= {finding.kind for finding in _check(sample.text).findings}
    ]
    alarms = [
        sample
        for sample in benign
        if (verdict := _check(sample.text).verdict) == Verdict.BLOCK
        or (verdict == Verdict.HOLD and not sample.expected_kinds)
    ]
    recall = 1 - len(missed) / len(operational)
    false_alarms = len(alarms) / len(benign)
    print(
        f"\n[{language}] recall on identifiers {recall:.3f} "
        f"({len(operational) - len(missed)}/{len(operational)}), "
        f"benign posts blocked or held {false_alarms:.3f} ({len(alarms)}/{len(benign)})"
    )
    assert recall >= MIN_RECALL, [sample.text for sample in missed]
    assert false_alarms <= MAX_FALSE_ALARMS, [sample.text for sample in alarms]


@pytest.mark.parametrize("language", LANGUAGES)
def test_watched_word_posts_are_held_and_no_other_benign_post_is(language: str) -> None:
    samples = _benign([sample for sample in CORPUS if sample.language == language])
    for sample in samples:
        verdict = _check(sample.text).verdict
        if sample.expected_kinds:
            assert verdict == Verdict.HOLD, sample.text
        else:
            assert verdict != Verdict.HOLD, sample.text


@pytest.mark.parametrize("language", LANGUAGES)
def test_operational_posts_are_blocked_for_the_expected_kinds_only(language: str) -> None:
    # Precision on the blocked posts: a post is not blocked for a kind it does not contain.
    for sample in _operational([sample for sample in CORPUS if sample.language == language]):
        result = _check(sample.text)
        assert result.verdict == Verdict.BLOCK, sample.text
        found = {finding.kind for finding in result.findings} & IDENTIFIER_KINDS
        assert found == sample.expected_kinds, sample.text
