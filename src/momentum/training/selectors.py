"""Reads for training, scoped to what the reader may see."""

from __future__ import annotations

from django.db.models import QuerySet

from momentum.training.models import Course


def courses(*, text: str = "", track: str = "", delivery: str = "") -> QuerySet[Course]:
    found = Course.objects.active().select_related("thematic_area")
    if text:
        found = found.search(text)
    if track:
        found = found.filter(track=track)
    if delivery:
        found = found.filter(delivery=delivery)
    return found.order_by("track", "code")
