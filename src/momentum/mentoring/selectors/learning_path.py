"""Reads for the learning path: which courses a mentee was assigned and how far she got.

Progress comes from the training records, never from anything the mentee or her mentor says:
a course is *enrolled* when she has a selected nomination in a session of it, *completed* when
such a nomination has a certificate that was not revoked. ``progress_for_many`` answers for a
whole cohort in two queries (the assigned courses, then her nominations in them).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from momentum.mentoring.models import (
    Application,
    ApplicationStatus,
    LearningPathItem,
    PairingStatus,
)
from momentum.people.models import Role
from momentum.training.models import (
    Certificate,
    Course,
    Delivery,
    Nomination,
    NominationStatus,
    Track,
)

NOT_STARTED = "not_started"
ENROLLED = "enrolled"
COMPLETED = "completed"
STATE_LABELS = {
    NOT_STARTED: _("Not started"),
    ENROLLED: _("Enrolled"),
    COMPLETED: _("Completed"),
}
# Whose learning path exists: a mentee taking part, or an alumna (read only).
MENTEE_STATUSES = (ApplicationStatus.ACCEPTED, ApplicationStatus.COMPLETED)


@dataclass
class PathCourse:
    item: LearningPathItem
    state: str

    @property
    def course(self) -> Course:
        return self.item.course

    @property
    def state_label(self) -> str:
        return str(STATE_LABELS[self.state])

    @property
    def is_leadership(self) -> bool:
        return self.course.track == Track.LEADERSHIP

    @property
    def is_online(self) -> bool:
        return self.course.delivery == Delivery.ONLINE


@dataclass
class PathProgress:
    """A mentee's learning path: each course with its state, and the totals."""

    courses: list[PathCourse] = field(default_factory=list)

    @property
    def assigned(self) -> int:
        return len(self.courses)

    @property
    def completed(self) -> int:
        return sum(1 for course in self.courses if course.state == COMPLETED)

    @property
    def enrolled(self) -> int:
        return sum(1 for course in self.courses if course.state == ENROLLED)

    @property
    def not_started(self) -> int:
        return sum(1 for course in self.courses if course.state == NOT_STARTED)

    @property
    def is_complete(self) -> bool:
        """Every assigned course completed. An empty path is not a completed one."""
        return self.assigned > 0 and self.completed == self.assigned

    @property
    def percent(self) -> int:
        return round(100 * self.completed / self.assigned) if self.assigned else 0


def _states(profile_courses: set[tuple[int, int]]) -> dict[tuple[int, int], str]:
    """(profile id, course id) → state, from the officers' nominations in those courses."""
    if not profile_courses:
        return {}
    profiles = {profile for profile, _course in profile_courses}
    courses = {course for _profile, course in profile_courses}
    valid_certificate = Certificate.objects.filter(
        nomination=OuterRef("pk"), revoked_at__isnull=True
    )
    rows = (
        Nomination.objects.filter(officer_id__in=profiles, session__course_id__in=courses)
        .filter(Q(status=NominationStatus.SELECTED) | Q(certificate__isnull=False))
        .annotate(certified=Exists(valid_certificate))
        .values_list("officer_id", "session__course_id", "status", "certified")
    )
    states: dict[tuple[int, int], str] = {}
    for profile, course, status, certified in rows:
        key = (profile, course)
        if certified:
            states[key] = COMPLETED
        elif status == NominationStatus.SELECTED and states.get(key) != COMPLETED:
            states[key] = ENROLLED
    return states


def progress_for_many(applications: Iterable[Application]) -> dict[int, PathProgress]:
    """Each application's learning path progress, by application id: two queries in all."""
    by_pk = {application.pk: application for application in applications}
    progress = {pk: PathProgress() for pk in by_pk}
    if not by_pk:
        return progress
    items = list(
        LearningPathItem.objects.filter(mentee_id__in=by_pk)
        .select_related("course")
        .order_by("mentee_id", "order", "pk")
    )
    wanted = {(by_pk[item.mentee_id].applicant_id, item.course_id) for item in items}
    states = _states(wanted)
    for item in items:
        key = (by_pk[item.mentee_id].applicant_id, item.course_id)
        progress[item.mentee_id].courses.append(
            PathCourse(item=item, state=states.get(key, NOT_STARTED))
        )
    return progress


def progress_for(application: Application) -> PathProgress:
    """One mentee's learning path (two queries): per course not started / enrolled /
    completed, with ``assigned`` and ``completed`` counts for the progress bar."""
    return progress_for_many([application])[application.pk]


# --- who sees which mentee's path ---


def mentees_visible_to(user: Any) -> QuerySet[Application]:
    """The mentees (taking part or alumnae) whose learning path the reader may see: staff,
    all; the mentee, herself; her country's focal points; her mentors (a published pair)."""
    mentees = Application.objects.filter(status__in=MENTEE_STATUSES)
    if not getattr(user, "is_authenticated", False):
        return mentees.none()
    if user.is_programme_staff:
        return mentees
    visible = Q(applicant__user=user) | Q(
        pairings__mentor__user=user,
        pairings__status__in=[
            PairingStatus.ACTIVE,
            PairingStatus.COMPLETED,
            PairingStatus.ENDED_EARLY,
        ],
    )
    countries = user.countries_for(Role.FOCAL_POINT)
    if countries:
        visible |= Q(country_id__in=countries)
    return mentees.filter(visible).distinct()


def get_mentee_for(user: Any, pk: int) -> Application:
    """The mentee's application with her person and cohort, or 404 outside the reader's
    scope."""
    application = (
        mentees_visible_to(user)
        .select_related("applicant__user", "cohort", "country")
        .filter(pk=pk)
        .first()
    )
    if application is None:
        raise Http404
    return application


def get_path_item_for(user: Any, pk: int) -> LearningPathItem:
    item = (
        LearningPathItem.objects.filter(pk=pk, mentee__in=mentees_visible_to(user))
        .select_related("course", "mentee__applicant__user", "mentee__cohort", "mentee__country")
        .first()
    )
    if item is None:
        raise Http404
    return item


def assignable_courses(application: Application) -> list[Course]:
    """The catalogue's active courses not yet on her path: leadership courses first, then
    online trainings, then the others (one query)."""
    courses = list(
        Course.objects.active()
        .exclude(pk__in=LearningPathItem.objects.filter(mentee=application).values("course"))
        .order_by("code")
    )

    def rank(course: Course) -> int:
        if course.track == Track.LEADERSHIP:
            return 0
        return 1 if course.delivery == Delivery.ONLINE else 2

    return sorted(courses, key=rank)


def cohort_mentees(cohort: Any) -> list[Application]:
    """A cohort's mentees (taking part or alumnae), with their people (one query)."""
    return list(
        Application.objects.filter(cohort=cohort, status__in=MENTEE_STATUSES)
        .select_related("applicant__user", "country", "certificate")
        .order_by("country__code", "applicant__user__family_name", "pk")
    )
