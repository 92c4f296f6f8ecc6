"""The trend chart: an indicator's value over the closed periods, drawn as inline SVG by hand
(a few lines and labels, no library), with the target as a dashed line. Labels are numbers and
period names; in a right-to-left page the time axis runs from right to left. The page and the
PDF show the same figures in a table beside the chart."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from html import escape

from django.utils.safestring import SafeString, mark_safe

WIDTH, HEIGHT = 360, 180
PAD_X, PAD_TOP, PAD_BOTTOM = 44, 16, 30


def _label(value: Decimal) -> str:
    return f"{int(value)}" if value == value.to_integral_value() else f"{value:.1f}"


def trend_svg(
    *,
    title: str,
    points: Sequence[tuple[str, Decimal | None]],
    target: Decimal | None = None,
    rtl: bool = False,
) -> SafeString:
    """An accessible SVG line chart (``role="img"`` with a ``<title>``)."""
    known = [value for _name, value in points if value is not None]
    top = max([*known, target or Decimal(0), Decimal(1)])
    top = top * Decimal("1.1")
    inner_w = WIDTH - 2 * PAD_X
    inner_h = HEIGHT - PAD_TOP - PAD_BOTTOM
    count = max(len(points), 1)

    def x(index: int) -> float:
        step = inner_w / max(count - 1, 1)
        position = PAD_X + (index * step if count > 1 else inner_w / 2)
        return WIDTH - position if rtl else position

    def y(value: Decimal) -> float:
        return PAD_TOP + inner_h - float(value / top) * inner_h

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'width="{WIDTH}" height="{HEIGHT}" role="img" class="trend-chart">',
        f"<title>{escape(title)}</title>",
        f'<line x1="{PAD_X}" y1="{PAD_TOP + inner_h}" x2="{WIDTH - PAD_X}" '
        f'y2="{PAD_TOP + inner_h}" stroke="#666" stroke-width="1"/>',
        f'<text x="{WIDTH - PAD_X + 4 if rtl else 4}" y="{PAD_TOP + 4}" font-size="10" '
        f'fill="#444" direction="ltr">{escape(_label(top))}</text>',
    ]
    if target is not None:
        parts.append(
            f'<line x1="{PAD_X}" y1="{y(target):.1f}" x2="{WIDTH - PAD_X}" y2="{y(target):.1f}" '
            'stroke="#D55E00" stroke-width="1.5" stroke-dasharray="5 4"/>'
        )
    line = [
        f"{x(index):.1f},{y(value):.1f}"
        for index, (_name, value) in enumerate(points)
        if value is not None
    ]
    if len(line) > 1:
        parts.append(
            f'<polyline points="{" ".join(line)}" fill="none" stroke="#0072B2" stroke-width="2"/>'
        )
    for index, (name, value) in enumerate(points):
        parts.append(
            f'<text x="{x(index):.1f}" y="{HEIGHT - 8}" font-size="10" text-anchor="middle" '
            f'fill="#444" direction="ltr">{escape(name)}</text>'
        )
        if value is not None:
            parts.append(
                f'<circle cx="{x(index):.1f}" cy="{y(value):.1f}" r="3.5" fill="#0072B2"/>'
                f'<text x="{x(index):.1f}" y="{y(value) - 7:.1f}" font-size="10" '
                f'text-anchor="middle" fill="#222" direction="ltr">{escape(_label(value))}</text>'
            )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # built here from numbers and escaped names
