"""Who may do what in a field exercise. Pages, the API and the menu ask these.

Staff plan and run everything. Controllers and the INTERPOL team see every site of their
exercise; other participants see their own site. Evaluators rate the objectives assigned to
them. The donor sees the indicators only (in the results framework), never these pages.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import rules

from momentum.core import memberships


@dataclass(frozen=True)
class Place:
    exercise_id: int
    site_id: int | None
    role: str
    member_id: int


def _signed_in(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False))


def places_of(user: Any) -> list[Place]:
    """The user's places on exercises, asked once per request (one query)."""
    if not _signed_in(user):
        return []
    if not hasattr(user, "_exercise_places"):
        from momentum.exercise.models import Member

        user._exercise_places = [
            Place(exercise_id=e, site_id=s, role=r, member_id=m)
            for e, s, r, m in Member.objects.filter(user=user).values_list(
                "exercise_id", "site_id", "role", "pk"
            )
        ]
    return list(user._exercise_places)


def _exercise_id(obj: Any) -> int | None:
    if obj is None:
        return None
    return getattr(obj, "exercise_id", None) or obj.pk


def sees_all_sites(user: Any, exercise_id: int) -> bool:
    from momentum.exercise.models import TeamRole

    return any(
        p.exercise_id == exercise_id and (p.role == TeamRole.CONTROLLER or p.site_id is None)
        for p in places_of(user)
    )


@rules.predicate
def is_staff(user: Any) -> bool:
    return _signed_in(user) and bool(user.is_programme_staff)


@rules.predicate
def is_on_an_exercise(user: Any) -> bool:
    if hasattr(user, "_exercise_places"):
        return bool(user._exercise_places)
    return memberships.holds(user, "exercise")


@rules.predicate
def is_member_of(user: Any, obj: Any) -> bool:
    exercise_id = _exercise_id(obj)
    return any(p.exercise_id == exercise_id for p in places_of(user))


@rules.predicate
def is_controller_of(user: Any, obj: Any) -> bool:
    from momentum.exercise.models import TeamRole

    exercise_id = _exercise_id(obj)
    return any(
        p.exercise_id == exercise_id and p.role == TeamRole.CONTROLLER for p in places_of(user)
    )


@rules.predicate
def is_evaluator_of(user: Any, obj: Any) -> bool:
    from momentum.exercise.models import TeamRole

    exercise_id = _exercise_id(obj)
    return any(
        p.exercise_id == exercise_id and p.role == TeamRole.EVALUATOR for p in places_of(user)
    )


@rules.predicate
def sees_site(user: Any, site: Any) -> bool:
    if site is None:
        return False
    return sees_all_sites(user, site.exercise_id) or any(
        p.site_id == site.pk for p in places_of(user)
    )


@rules.predicate
def report_is_published(user: Any, exercise: Any) -> bool:
    from momentum.exercise.models import ReportStatus

    report = getattr(exercise, "report", None) if exercise is not None else None
    return report is not None and report.status == ReportStatus.PUBLISHED


rules.add_perm("exercise.see_in_menu", is_staff | is_on_an_exercise)
rules.add_perm("exercise.plan", is_staff)
rules.add_perm("exercise.view_exercise", is_staff | is_member_of)
rules.add_perm("exercise.view_site", is_staff | sees_site)
# The controller console: fire, move, add and cancel injects.
rules.add_perm("exercise.control", is_staff | is_controller_of)
rules.add_perm("exercise.observe", is_evaluator_of)
rules.add_perm("exercise.edit_report", is_staff)
rules.add_perm(
    "exercise.view_report",
    is_staff | is_controller_of | (is_member_of & report_is_published),
)
