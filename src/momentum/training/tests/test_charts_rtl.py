"""Charts on Arabic pages are mirrored: the first category and series on the right, the value
axis on the right, the legend read from the right in the order of the bars; and countries are
named, never given as codes."""

from __future__ import annotations

import re

from django.utils import translation

from momentum.training import charts
from momentum.training.charts import _legend_grid


def test_the_legend_reads_row_by_row_from_the_right_in_arabic():
    handles = [object() for _ in range(5)]
    labels = ["one", "two", "three", "four", "five"]

    _handles, ordered = _legend_grid(handles, labels, 4, rtl=True)

    # matplotlib fills columns from the left: leftmost column first, top to bottom
    assert ordered == ["four", "", "three", "", "two", "", "one", "five"]


def test_the_legend_reads_row_by_row_from_the_left_otherwise():
    handles = [object() for _ in range(5)]
    labels = ["one", "two", "three", "four", "five"]

    _handles, ordered = _legend_grid(handles, labels, 4, rtl=False)

    assert ordered == ["one", "five", "two", "", "three", "", "four", ""]


def _tick_x(svg: str, tick: str) -> float:
    """Where matplotlib drew a tick (``xtick_1``, ``ytick_1``…): the x of its mark."""
    group = re.search(rf'<g id="{tick}">(.{{0,600}})', svg, re.S)
    assert group is not None
    mark = re.search(r'<use [^>]*x="([\d.]+)"', group.group(1))
    assert mark is not None
    return float(mark.group(1))


def _chart(language: str) -> str:
    with translation.override(language):
        return str(
            charts.bar_chart(
                chart_id=f"chart-{language}",
                title="Scores",
                categories=["Jordan", "Morocco"],
                series=[charts.Series("Pre", [40, 50]), charts.Series("Post", [70, 80])],
                y_label="Mean",
            )
        )


def test_an_arabic_chart_puts_the_first_category_and_the_value_axis_on_the_right():
    arabic, english = _chart("ar"), _chart("en")

    assert _tick_x(arabic, "xtick_1") > _tick_x(arabic, "xtick_2")
    assert _tick_x(english, "xtick_1") < _tick_x(english, "xtick_2")
    assert _tick_x(arabic, "ytick_1") > _tick_x(arabic, "xtick_1")
    assert _tick_x(english, "ytick_1") < _tick_x(english, "xtick_1")
