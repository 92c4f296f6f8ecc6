"""The regional report's charts: server-side SVG drawn by matplotlib, text kept as paths
(Arabic stays joined and right to left in pages and PDFs). Every chart has its data table
beside it in the report."""

from __future__ import annotations

import io
import os
import re
import tempfile
from collections.abc import Sequence
from functools import cache
from html import escape

from django.utils.safestring import SafeString, mark_safe

ACCENT = "#0072B2"
REFERENCE = "#D55E00"


@cache
def _setup() -> None:
    os.environ.setdefault("MPLCONFIGDIR", os.path.join(tempfile.gettempdir(), "momentum-mpl"))
    import fontpkg_noto_sans
    import fontpkg_noto_sans_arabic
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import font_manager

    for package in (fontpkg_noto_sans, fontpkg_noto_sans_arabic):
        for path in sorted((package.ROOT / "files").glob("*.ttf")):
            if "Italic" not in path.name:
                font_manager.fontManager.addfont(str(path))
    matplotlib.rcParams["font.family"] = [fontpkg_noto_sans.FAMILY, fontpkg_noto_sans_arabic.FAMILY]
    matplotlib.rcParams["svg.fonttype"] = "path"
    matplotlib.rcParams["svg.hashsalt"] = "momentum"


def _png(figure: object, title: str) -> SafeString:
    """The chart as a PNG image (150 dpi) in a data URI: for PDFs, where WeasyPrint draws an
    image many times faster than the same chart as SVG; the data table stays beside it."""
    import base64

    import matplotlib.pyplot as plt

    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=150, bbox_inches="tight")  # type: ignore[attr-defined]
    plt.close(figure)  # type: ignore[arg-type]
    data = base64.b64encode(buffer.getvalue()).decode()
    return mark_safe(
        f'<img class="chart-image" alt="{escape(title)}" src="data:image/png;base64,{data}">'
    )


def _output(figure: object, title: str, raster: bool) -> SafeString:
    return _png(figure, title) if raster else _svg(figure, title)


_METADATA = re.compile(r"<metadata>.*?</metadata>\s*", re.S)
_STYLE_ELEMENT = re.compile(r"<style\b[^>]*>.*?</style>\s*", re.S)
_STYLE_ATTRIBUTE = re.compile(r'\sstyle="([^"]*)"')
_SIZE = re.compile(r'\s(width|height)="[^"]*"')


def _presentation_attributes(match: re.Match[str]) -> str:
    """``style="fill: #fff"`` becomes ``fill="#fff"``: the pages' Content Security Policy
    refuses inline styles, not SVG's presentation attributes."""
    attributes = []
    for declaration in match.group(1).split(";"):
        name, _colon, value = declaration.partition(":")
        if name.strip() and value.strip():
            attributes.append(f' {name.strip()}="{value.strip()}"')
    return "".join(attributes)


def _svg(figure: object, title: str) -> SafeString:
    import matplotlib.pyplot as plt

    buffer = io.StringIO()
    figure.savefig(buffer, format="svg", bbox_inches="tight")  # type: ignore[attr-defined]
    plt.close(figure)  # type: ignore[arg-type]
    svg = buffer.getvalue()
    svg = svg[svg.index("<svg") :]
    svg = _METADATA.sub("", svg, count=1)
    svg = _STYLE_ELEMENT.sub("", svg)
    svg = _STYLE_ATTRIBUTE.sub(_presentation_attributes, svg)
    head, rest = svg.split(">", 1)
    svg = (
        _SIZE.sub("", head) + f' class="chart-svg" role="img" aria-label="{escape(title)}">' + rest
    )
    return mark_safe(svg)  # drawn here from our own numbers and escaped labels


def share_bar_chart(
    *,
    title: str,
    categories: Sequence[str],
    values: Sequence[float | None],
    reference: float | None,
    reference_label: str,
    y_label: str,
    rtl: bool = False,
    raster: bool = False,
) -> SafeString:
    """A bar per country (no bar where no figure exists) and the reference as a line."""
    _setup()
    import matplotlib.pyplot as plt

    labels = list(categories)
    numbers = list(values)
    if rtl:
        labels.reverse()
        numbers.reverse()
    figure, axes = plt.subplots(figsize=(7, 3.2))
    positions = range(len(labels))
    heights = [0 if value is None else value for value in numbers]
    bars = axes.bar(positions, heights, color=ACCENT)
    for bar, value in zip(bars, numbers, strict=True):
        if value is not None:
            axes.annotate(
                f"{value:g}",
                (bar.get_x() + bar.get_width() / 2, value),
                ha="center",
                va="bottom",
                fontsize=8,
            )
    if reference is not None:
        axes.axhline(
            reference, color=REFERENCE, linestyle="--", linewidth=1.5, label=reference_label
        )
        axes.legend(loc="upper right" if not rtl else "upper left", fontsize=8)
    axes.set_xticks(list(positions), labels, fontsize=8)
    axes.set_ylabel(y_label, fontsize=8)
    top = max([*heights, reference or 0, 1])
    axes.set_ylim(0, top * 1.25)
    if rtl:
        axes.yaxis.tick_right()
        axes.yaxis.set_label_position("right")
    axes.spines[["top", "left" if rtl else "right"]].set_visible(False)
    return _output(figure, title, raster)


def trend_chart(
    *, title: str, series: dict[str, list[tuple[int, float]]], y_label: str, raster: bool = False
) -> SafeString:
    """A line per country over the years it has figures for (points only where published)."""
    _setup()
    import matplotlib.pyplot as plt

    figure, axes = plt.subplots(figsize=(7, 3))
    colours = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#999999")
    markers = ("o", "s", "^", "D", "v", "P", "X")
    for index, (label, points) in enumerate(series.items()):
        years = [year for year, _value in points]
        values = [value for _year, value in points]
        axes.plot(years, values, marker=markers[index % 7], color=colours[index % 7], label=label)
    axes.set_ylabel(y_label, fontsize=8)
    axes.legend(fontsize=8)
    axes.xaxis.get_major_locator().set_params(integer=True)  # type: ignore[call-arg]
    axes.spines[["top", "right"]].set_visible(False)
    return _output(figure, title, raster)


def pyramid_chart(
    *,
    title: str,
    levels: Sequence[str],
    women: Sequence[int],
    men: Sequence[int],
    women_label: str,
    men_label: str,
    raster: bool = False,
) -> SafeString:
    """A rank pyramid: women to one side, men to the other, one bar pair per rank level."""
    _setup()
    import matplotlib.pyplot as plt

    figure, axes = plt.subplots(figsize=(6, 2.4))
    positions = range(len(levels))
    axes.barh(positions, [-value for value in women], color="#CC79A7", label=women_label)
    axes.barh(positions, list(men), color=ACCENT, hatch="//", label=men_label)
    axes.set_yticks(list(positions), list(levels), fontsize=8)
    limit = max([*women, *men, 1])
    axes.set_xlim(-limit * 1.1, limit * 1.1)
    axes.xaxis.set_major_formatter(lambda value, _pos: f"{abs(int(value))}")
    axes.legend(fontsize=8)
    axes.spines[["top", "right"]].set_visible(False)
    return _output(figure, title, raster)
