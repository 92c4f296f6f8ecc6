"""Complementary suppression holds for any table, not only the hand-made ones: for random
tables of two to seven countries by sex, no small cell hidden from an observer can be worked
out from what is shown — the row, column and grand totals and the cells left visible.

Each hidden small cell's smallest and largest values consistent with what is shown are found by
linear programming (SciPy). The constraints are those of a transportation table (each hidden
cell in one row and one column), whose vertices are whole numbers; so when the smallest and the
largest differ, at least two whole numbers fit, and the cell cannot be derived."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.optimize import linprog

from momentum.core.indicators import CrossTab
from momentum.results.selectors.suppression import TOTAL, Suppressed, suppress

COUNTRIES = ["DZ", "EG", "JO", "LB", "MA", "PS", "TN"]
SEXES = ["female", "male"]


@st.composite
def tables(draw: st.DrawFn) -> tuple[list[str], dict[tuple[str, str], int]]:
    countries = COUNTRIES[: draw(st.integers(min_value=2, max_value=7))]
    # Small counts are likely, zeros too: that is where derivations hide.
    count = st.one_of(st.integers(0, 6), st.integers(0, 40))
    cells = {(country, sex): draw(count) for country in countries for sex in SEXES}
    return countries, cells


def _range(
    target: tuple[str, str],
    cells: dict[tuple[str, str], int],
    hidden: Suppressed,
    countries: list[str],
) -> tuple[float, float]:
    """The smallest and largest value of ``target`` that agree with everything shown."""
    unknown = sorted(cell for cell in cells if hidden.hides(*cell))
    index = {cell: i for i, cell in enumerate(unknown)}
    rows: list[list[float]] = []
    right: list[float] = []

    def equation(line: list[tuple[str, str]], total: int) -> None:
        coefficients = [0.0] * len(unknown)
        known = 0
        for cell in line:
            if cell in index:
                coefficients[index[cell]] = 1.0
            else:
                known += cells[cell]
        rows.append(coefficients)
        right.append(total - known)

    for country in countries:
        if not hidden.hides(country, TOTAL):
            equation([(country, sex) for sex in SEXES], sum(cells[(country, s)] for s in SEXES))
    for sex in SEXES:
        if not hidden.hides(TOTAL, sex):
            equation(
                [(country, sex) for country in countries], sum(cells[(c, sex)] for c in countries)
            )
    if not hidden.hides(TOTAL, TOTAL):
        equation(list(cells), sum(cells.values()))
    objective = [0.0] * len(unknown)
    objective[index[target]] = 1.0
    bounds = [(0, None)] * len(unknown)
    low = linprog(objective, A_eq=rows or None, b_eq=right or None, bounds=bounds)
    high = linprog([-x for x in objective], A_eq=rows or None, b_eq=right or None, bounds=bounds)
    assert low.success
    if high.status == 3:  # unbounded: nothing shown limits it from above
        return low.fun, float("inf")
    assert high.success
    return low.fun, -high.fun


@settings(max_examples=300)
@given(tables())
def test_no_hidden_small_cell_can_be_worked_out_from_what_is_shown(table):
    countries, cells = table
    hidden = suppress(CrossTab(n=cells), countries, SEXES)

    for cell in hidden.small:
        if cell not in cells:  # a small total: its cells are hidden with it
            continue
        low, high = _range(cell, cells, hidden, countries)
        assert high - low >= 1 - 1e-9, (cell, cells, hidden, low, high)
