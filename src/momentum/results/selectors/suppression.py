"""Small-cell suppression for people who may not see personal data (the donor, the board).

A table country by sex is shown with its row totals, column totals and grand total. A cell of
1 to 4 people shows "<5". Then, since each row, each column, the row of column totals and the
column of row totals add up to a total that is shown, a line with exactly one hidden entry
would give it away (total minus the others): the smallest other entry of that line is hidden
too (the *complementary* suppression), and so on until every line hides none or at least two.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from momentum.core.indicators import CrossTab

TOTAL = "*"
THRESHOLD = 5

Position = tuple[str, str]  # (country or TOTAL, sex or TOTAL)


@dataclass(frozen=True)
class Suppressed:
    """Which entries of a table are hidden: ``small`` (under 5) and ``complementary``."""

    small: frozenset[Position]
    complementary: frozenset[Position]

    def hides(self, country: str, sex: str) -> bool:
        return (country, sex) in self.small or (country, sex) in self.complementary

    def label(self, country: str, sex: str) -> str | None:
        if (country, sex) in self.small:
            return "<5"
        if (country, sex) in self.complementary:
            return "x"
        return None


NOTHING_HIDDEN = Suppressed(frozenset(), frozenset())


def _lines(countries: list[str], sexes: list[str]) -> Iterable[list[Position]]:
    rows = [*countries, TOTAL]
    columns = [*sexes, TOTAL]
    for row in rows:
        yield [(row, column) for column in columns]
    for column in columns:
        yield [(row, column) for row in rows]


def suppress(table: CrossTab, countries: list[str], sexes: list[str]) -> Suppressed:
    counts: dict[Position, int] = {}
    for country in countries:
        for sex in sexes:
            counts[(country, sex)] = table.count(country, sex)
        counts[(country, TOTAL)] = table.count(country=country)
    for sex in sexes:
        counts[(TOTAL, sex)] = table.count(sex=sex)
    counts[(TOTAL, TOTAL)] = sum(counts[(country, TOTAL)] for country in countries)

    small = {position for position, n in counts.items() if 0 < n < THRESHOLD}
    hidden = set(small)
    changed = True
    while changed:
        changed = False
        for line in _lines(countries, sexes):
            if sum(position in hidden for position in line) != 1:
                continue
            candidates = sorted(
                (position for position in line if position not in hidden),
                # Hide a cell rather than a total, the smallest first — but never a zero while
                # anything else is left: a zero in a line whose total is zero is known anyway
                # (nobody counts fewer than none), so hiding it protects nothing.
                key=lambda position: (
                    counts[position] == 0,
                    TOTAL in position,
                    counts[position],
                    position,
                ),
            )
            if candidates:
                hidden.add(candidates[0])
                changed = True
    return Suppressed(frozenset(small), frozenset(hidden - small))
