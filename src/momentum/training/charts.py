"""Server-side SVG charts for training's analytics pages (and PDFs).

matplotlib (Agg, no display) draws bar charts and saves them as SVG with text turned into
paths (``svg.fonttype = "path"``): the page needs no font and no script, and Arabic labels,
shaped by matplotlib's text layout (libraqm), stay joined and right to left wherever the SVG is
shown. Fonts come from the ``fontpkg-noto-sans`` packages. Each chart is inlined in the page
with ``role="img"`` and a ``<title>``; the page shows its data table beside it.

Drawing takes tens of milliseconds a chart, so each SVG is kept in Django's cache (the database
cache in production, shared by every process and host) under a hash of everything it is drawn
from: new data make a new key, so nothing is ever stale and nothing needs invalidating.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import re
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from html import escape
from typing import Any

from django.core.cache import cache as chart_cache
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language, get_language_bidi

# Okabe–Ito colours (distinguishable with colour-blindness) and a hatch per series, so that no
# series is told from another by colour alone.
COLOURS = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#999999")
HATCHES = ("", "//", "..", "xx", "\\\\", "--", "++")


@dataclass(frozen=True)
class Series:
    label: str
    values: Sequence[float | int | None]


@cache
def _fonts() -> list[str]:
    """Register the packaged Noto fonts with matplotlib once per process; their family names."""
    os.environ.setdefault("MPLCONFIGDIR", os.path.join(tempfile.gettempdir(), "momentum-mpl"))
    import fontpkg_noto_sans
    import fontpkg_noto_sans_arabic
    from matplotlib import font_manager

    for package in (fontpkg_noto_sans, fontpkg_noto_sans_arabic):
        for path in sorted((package.ROOT / "files").glob("*.ttf")):
            if "Italic" not in path.name:
                font_manager.fontManager.addfont(str(path))
    return [fontpkg_noto_sans.FAMILY, fontpkg_noto_sans_arabic.FAMILY]


def bar_chart(
    *,
    chart_id: str,
    title: str,
    categories: Sequence[str],
    series: Sequence[Series],
    y_label: str,
    y_max: float | None = 100,
    stacked: bool = False,
    value_labels: bool = True,
) -> SafeString:
    """A bar chart (grouped, or stacked) as an inline ``<svg>`` element.

    ``chart_id`` must be unique in the page (it names the title and salts the SVG's ids).
    ``None`` values are drawn as no bar.
    """
    key = _cache_key(chart_id, title, categories, series, y_label, y_max, stacked, value_labels)
    cached = chart_cache.get(key)
    if cached is not None:
        return mark_safe(cached)  # our own SVG, stored by this function
    svg = _draw_bar_chart(
        chart_id=chart_id,
        title=title,
        categories=categories,
        series=series,
        y_label=y_label,
        y_max=y_max,
        stacked=stacked,
        value_labels=value_labels,
    )
    chart_cache.set(key, str(svg), CACHE_SECONDS)
    return svg


CACHE_SECONDS = 30 * 24 * 3600
_CHART_VERSION = "2"  # bump when the drawing changes, so old pictures are not served


def _cache_key(
    chart_id: str,
    title: str,
    categories: Sequence[str],
    series: Sequence[Series],
    *options: object,
) -> str:
    # Every text as text (lazy translations included), every number as written.
    material = json.dumps(
        [
            _CHART_VERSION,
            get_language(),
            str(chart_id),
            str(title),
            [str(category) for category in categories],
            [
                [str(one.label), [None if v is None else float(v) for v in one.values]]
                for one in series
            ],
            [str(option) for option in options],
        ],
        ensure_ascii=False,
    )
    return "training:chart:" + hashlib.sha256(material.encode()).hexdigest()


def _draw_bar_chart(
    *,
    chart_id: str,
    title: str,
    categories: Sequence[str],
    series: Sequence[Series],
    y_label: str,
    y_max: float | None,
    stacked: bool,
    value_labels: bool,
) -> SafeString:
    families = _fonts()
    # Right to left (Arabic): the first category and the first series on the right, the value
    # axis on the right, and the legend read from the right, in the order of the bars.
    rtl = get_language_bidi()
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator, MultipleLocator

    with matplotlib.rc_context(
        {
            "svg.fonttype": "path",
            "svg.hashsalt": chart_id,
            "font.family": families,
            "font.size": 12,
            "axes.spines.top": False,
            "axes.spines.right": rtl,
            "axes.spines.left": not rtl,
            "hatch.color": "#ffffff",
            "hatch.linewidth": 1.0,
        }
    ):
        # One size for most charts, so that their text reads the same size on the page.
        width = min(9.6, max(6.4, 0.45 * len(categories) * max(1, len(series) / 2)))
        # Fixed margins: a constrained layout would draw every chart twice (slow).
        figure = Figure(figsize=(width, 3.4))
        wide, narrow = 0.75 / width, 0.15 / width
        figure.subplots_adjust(
            left=narrow if rtl else wide,
            right=1 - (wide if rtl else narrow),
            bottom=0.14,
            # room for the legend's rows (four entries a row) above the bars
            top=0.95 if len(series) < 2 else 0.84 - 0.07 * ((len(series) - 1) // 4),
        )
        axes = figure.subplots()
        positions = list(range(len(categories)))
        bar_width = 0.8 if stacked else 0.8 / max(1, len(series))
        bottoms = [0.0] * len(categories)
        for index, item in enumerate(series):
            values = [float(value) if value is not None else 0.0 for value in item.values]
            if stacked:
                xs: list[float] = [float(position) for position in positions]
            else:
                offset = (index - (len(series) - 1) / 2) * bar_width
                xs = [position + offset for position in positions]
            bars = axes.bar(
                xs,
                values,
                bar_width,
                bottom=bottoms if stacked else None,
                label=item.label,
                color=COLOURS[index % len(COLOURS)],
                hatch=HATCHES[index % len(HATCHES)],
                edgecolor="#ffffff",
                linewidth=0.5,
            )
            if value_labels and not stacked:
                labels = ["" if value is None else f"{float(value):.0f}" for value in item.values]
                axes.bar_label(bars, labels=labels, padding=2, fontsize=10, color="#1d2430")
            if stacked:
                bottoms = [bottom + value for bottom, value in zip(bottoms, values, strict=True)]
        axes.set_xticks(positions, list(categories))
        axes.set_ylabel(y_label)
        if y_max is not None:
            axes.set_ylim(0, y_max * (1.12 if value_labels and not stacked else 1))
        elif stacked and any(bottoms):
            axes.set_ylim(0, max(bottoms) * 1.1)
        axes.yaxis.set_major_locator(
            MultipleLocator(20) if y_max == 100 else MaxNLocator(integer=True)
        )
        if len(categories) > 6:
            axes.tick_params(axis="x", labelsize=9)
        axes.grid(axis="y", color="#e3e7ec", linewidth=0.8)
        axes.set_axisbelow(True)
        if rtl:
            axes.invert_xaxis()
            axes.yaxis.tick_right()
            axes.yaxis.set_label_position("right")
        if len(series) > 1:
            columns = min(len(series), 4)
            handles, labels = _legend_grid(*axes.get_legend_handles_labels(), columns, rtl=rtl)
            figure.legend(
                handles,
                labels,
                loc="upper center",
                ncols=columns,
                frameon=False,
                fontsize=11,
                markerfirst=not rtl,
            )
        buffer = io.StringIO()
        figure.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None})
    return _accessible(buffer.getvalue(), chart_id, title)


def _legend_grid(
    handles: list[Any], labels: list[str], columns: int, *, rtl: bool
) -> tuple[list[Any], list[str]]:
    """The legend's entries in the order of the bars, row by row — from the right in a right-
    to-left chart. matplotlib fills a legend column by column, from the left, giving the first
    columns any extra entry; so the grid is built here, row-major, padded with invisible
    entries, and handed over column by column."""
    from matplotlib.patches import Rectangle

    rows = -(-len(handles) // columns)
    grid: list[list[tuple[Any, str] | None]] = [[None] * columns for _ in range(rows)]
    for index, entry in enumerate(zip(handles, labels, strict=True)):
        row, column = divmod(index, columns)
        grid[row][columns - 1 - column if rtl else column] = entry
    blank = (Rectangle((0, 0), 0, 0, visible=False), "")
    ordered = [grid[row][column] or blank for column in range(columns) for row in range(rows)]
    return [handle for handle, _label in ordered], [label for _handle, label in ordered]


_PROLOGUE = re.compile(r"^.*?(?=<svg\b)", re.S)
_METADATA = re.compile(r"<metadata>.*?</metadata>\s*", re.S)
_STYLE_ELEMENT = re.compile(r"<style\b[^>]*>.*?</style>\s*", re.S)
_STYLE_ATTRIBUTE = re.compile(r'\sstyle="([^"]*)"')
_SIZE = re.compile(r'\s(width|height)="[^"]*"')


def _presentation_attributes(match: re.Match[str]) -> str:
    """``style="fill: #fff; stroke: none"`` → ``fill="#fff" stroke="none"``: the pages' Content
    Security Policy refuses inline styles, not SVG's presentation attributes."""
    attributes = []
    for declaration in match.group(1).split(";"):
        name, _colon, value = declaration.partition(":")
        if name.strip() and value.strip():
            attributes.append(f' {name.strip()}="{value.strip()}"')
    return "".join(attributes)


def _accessible(svg: str, chart_id: str, title: str) -> SafeString:
    """Inline-ready SVG: no XML prologue, metadata or inline style (the Content Security Policy
    forbids it), scalable, an image with a title."""
    svg = _PROLOGUE.sub("", svg, count=1)
    svg = _METADATA.sub("", svg, count=1)
    svg = _STYLE_ELEMENT.sub("", svg)
    svg = _STYLE_ATTRIBUTE.sub(_presentation_attributes, svg)
    head, rest = svg.split(">", 1)
    head = _SIZE.sub("", head)
    title_id = f"{chart_id}-title"
    head += (
        f' class="chart__image" role="img" aria-labelledby="{escape(title_id)}"'
        f' id="{escape(chart_id)}"'
    )
    return mark_safe(  # matplotlib's SVG and an escaped title
        f'{head}><title id="{escape(title_id)}">{escape(title)}</title>{rest}'
    )
