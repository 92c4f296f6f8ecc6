"""Records for the support office's tests."""

from __future__ import annotations

from typing import Any

from momentum.support.models import Category


def category(
    code: str = "travel", *, staff: Any = None, first: int = 4, resolution: int = 16
) -> Category:
    made = Category.objects.create(
        code=code,
        name_en="Travel and visas",
        name_fr="Voyages et visas",
        name_ar="السفر والتأشيرات",
        first_response_hours=first,
        resolution_hours=resolution,
    )
    if staff is not None:
        made.queue.add(staff)
    return made
