"""Writes for the course catalogue: staff create and edit courses."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _

from momentum.core import audit
from momentum.core.models import AreaOfWork, ThematicArea
from momentum.core.text import search_key
from momentum.people.models import RankLevel
from momentum.training.models import Course, Delivery, Track

LANGUAGES = ("ar", "fr", "en")
# Fields compared before and after an edit, so the audit entry names what changed.
_AUDITED_FIELDS = (
    "code",
    *(
        f"{name}_{language}"
        for name in ("title", "summary", "objectives")
        for language in LANGUAGES
    ),
    "track",
    "thematic_area_id",
    "target_rank_levels",
    "delivery",
    "duration_hours",
    "min_attendance_percent",
    "min_post_test_score",
    "min_practical_score",
    "certificate_validity_years",
    "requires_motivation",
    "requires_endorsement",
    "is_active",
)


def course_search_key(course: Course) -> str:
    """The folded words officers may search a course by: its code, titles and summaries in
    the three languages (see ``core.text``)."""
    return search_key(
        course.code,
        *(getattr(course, f"title_{language}") or "" for language in LANGUAGES),
        *(getattr(course, f"summary_{language}") or "" for language in LANGUAGES),
    )


def refresh_search_key(course: Course) -> None:
    """Recompute and store ``course.search_key`` (for courses written outside ``save_course``,
    e.g. by the admin or a fixture)."""
    course.search_key = course_search_key(course)
    Course.objects.filter(pk=course.pk).update(search_key=course.search_key)


def _validate(
    *,
    course: Course | None,
    code: str,
    titles: dict[str, str],
    track: str,
    delivery: str,
    target_rank_levels: list[str],
    duration_hours: int,
    min_attendance_percent: int,
    min_post_test_score: int,
    min_practical_score: int | None,
    certificate_validity_years: int | None,
    prerequisites: list[Course],
) -> None:
    errors: dict[str, list[str]] = {}

    def refuse(field: str, message: str) -> None:
        errors.setdefault(field, []).append(message)

    if not code:
        refuse("code", _("Give the course a code."))
    else:
        clash = Course.objects.filter(code=code)
        if course is not None:
            clash = clash.exclude(pk=course.pk)
        if clash.exists():
            refuse("code", _("Another course already has the code %(code)s.") % {"code": code})
    for language, title in titles.items():
        if not title.strip():
            refuse(
                f"title_{language}", _("Give the course a title in each of the three languages.")
            )
    if track not in Track.values:
        refuse("track", _("Choose one of the tracks."))
    if delivery not in Delivery.values:
        refuse("delivery", _("Choose how the course is delivered."))
    unknown_levels = set(target_rank_levels) - set(RankLevel.values)
    if unknown_levels:
        refuse("target_rank_levels", _("Choose rank levels from the list."))
    if duration_hours < 1:
        refuse("duration_hours", _("A course lasts at least one hour."))
    for field, value in (
        ("min_attendance_percent", min_attendance_percent),
        ("min_post_test_score", min_post_test_score),
    ):
        if not 0 <= value <= 100:
            refuse(field, _("Give a percentage between 0 and 100."))
    if min_practical_score is not None and not 0 <= min_practical_score <= 100:
        message = _("Give a percentage between 0 and 100, or leave it empty for none.")
        refuse("min_practical_score", message)
    if certificate_validity_years is not None and not 1 <= certificate_validity_years <= 20:
        refuse(
            "certificate_validity_years",
            _("Give a validity between 1 and 20 years, or leave it empty for no expiry."),
        )
    if course is not None and any(prerequisite.pk == course.pk for prerequisite in prerequisites):
        refuse("prerequisites", _("A course cannot be its own prerequisite."))
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def save_course(
    *,
    by: Any,
    course: Course | None = None,
    code: str,
    title_ar: str,
    title_fr: str,
    title_en: str,
    summary_ar: str = "",
    summary_fr: str = "",
    summary_en: str = "",
    objectives_ar: str = "",
    objectives_fr: str = "",
    objectives_en: str = "",
    track: str,
    thematic_area: ThematicArea | None = None,
    target_areas: Iterable[AreaOfWork] = (),
    target_rank_levels: Iterable[str] = (),
    delivery: str,
    duration_hours: int,
    prerequisites: Iterable[Course] = (),
    min_attendance_percent: int = 80,
    min_post_test_score: int = 70,
    min_practical_score: int | None = None,
    certificate_validity_years: int | None = None,
    requires_motivation: bool = False,
    requires_endorsement: bool = False,
    is_active: bool = True,
) -> Course:
    """Create a course (``course`` is None) or change one, refresh its search key and audit it.

    Refusals are a ``ValidationError`` naming the fields concerned; nothing is saved then.
    """
    if not by.has_perm("training.manage_catalogue"):
        raise PermissionDenied(_("Only programme staff may change the catalogue."))
    code = code.strip().lower()
    levels = [level for level in RankLevel.values if level in set(target_rank_levels)]
    prerequisite_list = list(prerequisites)
    _validate(
        course=course,
        code=code,
        titles={"ar": title_ar, "fr": title_fr, "en": title_en},
        track=track,
        delivery=delivery,
        target_rank_levels=list(target_rank_levels),
        duration_hours=duration_hours,
        min_attendance_percent=min_attendance_percent,
        min_post_test_score=min_post_test_score,
        min_practical_score=min_practical_score,
        certificate_validity_years=certificate_validity_years,
        prerequisites=prerequisite_list,
    )
    creating = course is None
    if course is None:
        course = Course()
        before: dict[str, Any] = {}
    else:
        course = Course.objects.select_for_update().get(pk=course.pk)
        before = {field: getattr(course, field) for field in _AUDITED_FIELDS}
    values: dict[str, Any] = {
        "code": code,
        "title_ar": title_ar.strip(),
        "title_fr": title_fr.strip(),
        "title_en": title_en.strip(),
        "summary_ar": summary_ar.strip(),
        "summary_fr": summary_fr.strip(),
        "summary_en": summary_en.strip(),
        "objectives_ar": objectives_ar.strip(),
        "objectives_fr": objectives_fr.strip(),
        "objectives_en": objectives_en.strip(),
        "track": track,
        "thematic_area": thematic_area,
        "target_rank_levels": levels,
        "delivery": delivery,
        "duration_hours": duration_hours,
        "min_attendance_percent": min_attendance_percent,
        "min_post_test_score": min_post_test_score,
        "min_practical_score": min_practical_score,
        "certificate_validity_years": certificate_validity_years,
        "requires_motivation": requires_motivation,
        "requires_endorsement": requires_endorsement,
        "is_active": is_active,
    }
    # In the default language, so the untranslated ``title`` column holds the English text
    # whatever language the editor reads (modeltranslation fills it from the active one).
    with translation.override(settings.MODELTRANSLATION_DEFAULT_LANGUAGE):
        for field, value in values.items():
            setattr(course, field, value)
        course.search_key = course_search_key(course)
        course.save()
    course.target_areas.set(list(target_areas))
    course.prerequisites.set(prerequisite_list)
    if creating:
        audit.record(by, "course.created", course, code=course.code)
    else:
        changed = sorted(
            field for field in _AUDITED_FIELDS if before.get(field) != getattr(course, field)
        )
        audit.record(by, "course.changed", course, code=course.code, changed=changed)
    return course
