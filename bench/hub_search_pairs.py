"""Precision and recall of the Knowledge Hub's word search on its labelled pairs.

    .venv/bin/python bench/hub_search_pairs.py [--show-wrong]

Scores ``momentum/hub/tests/search_pairs.py`` (a query, a text, whether the text should be
found; Arabic, French and English) with the tokens the database compares (``core.text``;
``test_search_words.py`` checks that the database answers the same on SQLite and PostgreSQL).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--show-wrong", action="store_true", help="print each wrong answer")
    args = parser.parse_args()

    from momentum.hub.tests.search_pairs import LANGUAGES, PAIRS, score

    print("language  pairs  should match  must not match  precision  recall")
    for language in LANGUAGES:
        result = score(language)
        mine = [pair for pair in PAIRS if pair.language == language]
        matching = sum(1 for pair in mine if pair.match)
        print(
            f"{language:<8}  {result.pairs:>5}  {matching:>12}  {len(mine) - matching:>14}  "
            f"{result.precision:>9.3f}  {result.recall:>6.3f}"
        )
        if args.show_wrong:
            for pair in result.wrong:
                verdict = "missed" if pair.match else "found, should not be"
                print(f"    {verdict}: {pair.query!r} in {pair.text!r}")


if __name__ == "__main__":
    main()
