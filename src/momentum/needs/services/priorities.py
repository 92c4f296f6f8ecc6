"""Writes for the needs-priority matrix: marking a need as a priority, and turning it into a
draft course of the training catalogue (through training's own service), keeping the link."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from momentum.core import audit
from momentum.core.models import AreaOfWork, Country
from momentum.needs.models import Priority, Round


def _require_staff(by: Any) -> None:
    if not by.is_programme_staff:
        raise PermissionDenied


@transaction.atomic
def mark_priority(
    *, by: Any, round: Round, country: Country, area_of_work: AreaOfWork, score: Decimal
) -> Priority:
    _require_staff(by)
    priority, created = Priority.objects.get_or_create(
        round=round,
        country=country,
        area_of_work=area_of_work,
        defaults={"score": score, "marked_by": by},
    )
    if created:
        audit.record(by, "needs.priority_marked", priority, country=country)
    return priority


@transaction.atomic
def make_draft_course(*, by: Any, priority: Priority) -> int:
    """A draft (inactive) course for the priority's area of work; returns its id, kept on
    the priority so the results framework counts the need as addressed. Twice is refused."""
    from momentum.training.models import Delivery, Track
    from momentum.training.services.catalogue import save_course

    _require_staff(by)
    priority = (
        Priority.objects.select_for_update()
        .select_related("country", "area_of_work", "round")
        .get(pk=priority.pk)
    )
    if priority.course_id:
        raise ValidationError(_("This priority already has its course."), code="exists")
    area = priority.area_of_work
    country = priority.country
    code = f"need-{priority.round.year}-{country.code.lower()}-{area.code}"[:30]
    course = save_course(
        by=by,
        code=code,
        title_en=f"{area.name_en} — {country.name_en}",  # type: ignore[attr-defined]
        title_fr=f"{area.name_fr} — {country.name_fr}",  # type: ignore[attr-defined]
        title_ar=f"{area.name_ar} — {country.name_ar}",  # type: ignore[attr-defined]
        track=Track.CRIME_SPECIFIC,
        target_areas=[area],
        delivery=Delivery.IN_PERSON,
        duration_hours=24,
        is_active=False,
    )
    priority.course_id = course.pk
    priority.save(update_fields=["course_id"])
    audit.record(by, "needs.priority_course", priority, country=country, course=course.pk)
    return course.pk
