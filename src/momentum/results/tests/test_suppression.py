"""Small cells are hidden from observers, with complementary cells so that no hidden small
cell can be worked out from what is shown."""

from __future__ import annotations

from momentum.core.indicators import CrossTab
from momentum.results.selectors.dashboard import show_table
from momentum.results.selectors.logframe import Audience
from momentum.results.selectors.suppression import TOTAL, _lines, suppress

DONOR = Audience(country_codes=None, suppress=True)
STAFF = Audience(country_codes=None, suppress=False, is_staff=True)


def _table(cells: dict[tuple[str, str], int]) -> CrossTab:
    return CrossTab(n=cells)


def test_a_cell_under_five_shows_less_than_five_and_a_complementary_cell_is_hidden():
    table = _table(
        {("JO", "female"): 3, ("JO", "male"): 20, ("MA", "female"): 9, ("MA", "male"): 12}
    )

    hidden = suppress(table, ["JO", "MA"], ["female", "male"])

    assert hidden.small == {("JO", "female")}
    # Its row would give it away (JO total − men), and so would its column.
    assert hidden.hides("JO", "male") or hidden.hides("JO", TOTAL)
    assert hidden.hides("MA", "female") or hidden.hides(TOTAL, "female")


def test_no_line_of_the_table_hides_exactly_one_entry():
    table = _table(
        {
            ("DZ", "female"): 1,
            ("DZ", "male"): 7,
            ("JO", "female"): 6,
            ("JO", "male"): 2,
            ("MA", "female"): 11,
            ("MA", "male"): 30,
            ("TN", "female"): 0,
            ("TN", "male"): 4,
        }
    )
    countries, sexes = ["DZ", "JO", "MA", "TN"], ["female", "male"]

    hidden = suppress(table, countries, sexes)

    for line in _lines(countries, sexes):
        assert sum(hidden.hides(*position) for position in line) != 1


def test_brute_force_finds_more_than_one_value_for_every_hidden_small_cell():
    """Every assignment of hidden cells consistent with the shown figures is tried: each
    hidden small cell can take at least two values, so the donor cannot derive it."""
    import itertools

    cells = {("JO", "female"): 2, ("JO", "male"): 9, ("MA", "female"): 8, ("MA", "male"): 6}
    countries, sexes = ["JO", "MA"], ["female", "male"]
    table = _table(cells)
    hidden = suppress(table, countries, sexes)
    shown = show_table(table, DONOR)
    assert shown.any_hidden

    hidden_cells = [cell for cell in cells if hidden.hides(*cell)]
    known = {cell: n for cell, n in cells.items() if cell not in hidden_cells}
    row_totals = {c: sum(n for (cc, _s), n in cells.items() if cc == c) for c in countries}
    column_totals = {s: sum(n for (_c, ss), n in cells.items() if ss == s) for s in sexes}
    possible: dict[tuple[str, str], set[int]] = {cell: set() for cell in hidden_cells}
    for guess in itertools.product(range(0, 40), repeat=len(hidden_cells)):
        trial = {**known, **dict(zip(hidden_cells, guess, strict=True))}
        rows_ok = all(
            hidden.hides(c, TOTAL) or sum(trial[(c, s)] for s in sexes) == row_totals[c]
            for c in countries
        )
        columns_ok = all(
            hidden.hides(TOTAL, s) or sum(trial[(c, s)] for c in countries) == column_totals[s]
            for s in sexes
        )
        if rows_ok and columns_ok:
            for cell, value in zip(hidden_cells, guess, strict=True):
                possible[cell].add(value)
    for cell in hidden.small:
        if cell in possible:
            assert len(possible[cell]) > 1, cell


def test_staff_see_every_cell():
    table = _table({("JO", "female"): 3, ("JO", "male"): 20})

    shown = show_table(table, STAFF)

    assert [cell.text for cell in shown.rows[0].cells] == ["3", "20", "23"]
    assert not shown.any_hidden


def test_the_donor_sees_less_than_five_in_place_of_a_small_cell():
    table = _table(
        {("JO", "female"): 3, ("JO", "male"): 20, ("MA", "female"): 9, ("MA", "male"): 12}
    )

    shown = show_table(table, DONOR)

    assert shown.rows[0].cells[0].text == "<5"
    assert "3" not in [cell.text for line in [*shown.rows, shown.totals] for cell in line.cells]
