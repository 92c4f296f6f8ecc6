"""Recall and false alarms of the Knowledge Hub's content guard on its labelled corpus.

    .venv/bin/python bench/hub_guard_corpus.py [--show-misses]

Runs ``momentum.hub.guard.check_text`` on every post of ``momentum/hub/tests/guard_corpus.py``
(Arabic, French and English; benign, watched-word and operational posts) with the corpus's
watched words, and prints, per language:

- recall on identifiers: the share of operational posts in which every expected kind was
  found (the post is blocked for the right reasons);
- false alarms: the share of benign posts (watched-word posts included) that were blocked;
- holds: the share of watched-word posts held for moderation;

then the recall per identifier kind, all languages together. ``--show-misses`` prints each post
that was missed or wrongly blocked, with what the guard found.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--show-misses", action="store_true")
    args = parser.parse_args()

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "momentum.settings")
    os.environ.setdefault("MOMENTUM_TESTING", "true")
    os.environ.setdefault("MOMENTUM_VAR_DIR", str(ROOT / "var" / "test"))
    import django

    django.setup()
    from momentum.hub.guard import IDENTIFIER_KINDS, FindingKind, Verdict, check_text
    from momentum.hub.tests.guard_corpus import LANGUAGES
    from momentum.hub.tests.guard_traps import (
        ALL_SAMPLES as CORPUS,
    )
    from momentum.hub.tests.guard_traps import (
        ALL_WATCHED_TERMS as WATCHED_TERMS,
    )
    from momentum.hub.tests.guard_traps import (
        WATCHED_EXCEPTIONS,
    )

    started = time.perf_counter()
    results = [
        (
            sample,
            check_text(
                sample.text, watched_terms=WATCHED_TERMS, watched_exceptions=WATCHED_EXCEPTIONS
            ),
        )
        for sample in CORPUS
    ]
    elapsed = time.perf_counter() - started

    print(
        f"{'language':<9}{'posts':>6}{'operational':>12}{'recall':>8}{'benign':>8}"
        f"{'false alarms':>14}{'watched':>9}{'held':>6}"
    )
    failed = False
    for language in LANGUAGES:
        rows = [(sample, result) for sample, result in results if sample.language == language]
        operational = [row for row in rows if row[0].expected_kinds & IDENTIFIER_KINDS]
        benign = [row for row in rows if not row[0].expected_kinds & IDENTIFIER_KINDS]
        watched = [row for row in benign if FindingKind.WATCHED_TERM in row[0].expected_kinds]
        found = [
            row
            for row in operational
            if row[0].expected_kinds <= {finding.kind for finding in row[1].findings}
        ]
        alarms = [row for row in benign if row[1].verdict == Verdict.BLOCK]
        held = [row for row in watched if row[1].verdict == Verdict.HOLD]
        recall = len(found) / len(operational)
        false_alarms = len(alarms) / len(benign)
        failed = failed or recall < 0.95 or false_alarms > 0.05
        print(
            f"{language:<9}{len(rows):>6}{len(operational):>12}{recall:>8.3f}{len(benign):>8}"
            f"{false_alarms:>14.3f}{len(watched):>9}{len(held):>6}"
        )
        if args.show_misses:
            for sample, result in operational:
                if (sample, result) not in found:
                    print(
                        "  MISSED ",
                        sorted(sample.expected_kinds),
                        repr(sample.text),
                        [(f.kind.value, f.excerpt) for f in result.findings],
                    )
            for sample, result in alarms:
                print(
                    "  BLOCKED",
                    repr(sample.text),
                    [(f.kind.value, f.excerpt) for f in result.findings],
                )

    print()
    print(f"{'identifier kind':<20}{'posts':>6}{'found':>7}{'recall':>8}")
    per_kind: dict[FindingKind, list[bool]] = defaultdict(list)
    for sample, result in results:
        kinds = {finding.kind for finding in result.findings}
        for kind in sample.expected_kinds & IDENTIFIER_KINDS:
            per_kind[kind].append(kind in kinds)
    for kind in FindingKind:
        if kind in per_kind:
            hits = per_kind[kind]
            print(f"{kind.value:<20}{len(hits):>6}{sum(hits):>7}{sum(hits) / len(hits):>8.3f}")
    print()
    print(f"{len(results)} posts checked in {elapsed * 1000:.0f} ms")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
