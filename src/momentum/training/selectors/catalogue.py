"""Reads of the catalogue and of sessions, scoped to what the reader may see."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import OuterRef, Prefetch, Q, QuerySet, Subquery, Sum
from django.http import Http404
from django.utils import timezone

from momentum.training.models import (
    Course,
    NominationStatus,
    SeatQuota,
    Session,
    SessionStatus,
)

"""Reads for training, scoped to what the reader may see."""


def courses(
    *, text: str = "", track: str = "", delivery: str = "", include_inactive: bool = False
) -> QuerySet[Course]:
    """Courses of the catalogue (staff may include those taken out of it), each with the first
    day of its next session open to all (``next_session_on``), in one query."""
    from momentum.training.models import Session, SessionStatus

    found = (Course.objects.all() if include_inactive else Course.objects.active()).select_related(
        "thematic_area"
    )
    next_session = (
        Session.objects.filter(course=OuterRef("pk"), starts_on__gte=timezone.localdate())
        .exclude(status__in=[SessionStatus.DRAFT, SessionStatus.CANCELLED])
        .order_by("starts_on")
        .values("starts_on")[:1]
    )
    found = found.annotate(next_session_on=Subquery(next_session))
    if text:
        found = found.search(text)
    if track:
        found = found.filter(track=track)
    if delivery:
        found = found.filter(delivery=delivery)
    return found.order_by("track", "code")


# Sessions listed with a course and in the calendar: past the draft stage, not cancelled.
_UPCOMING_EXCLUDED = (SessionStatus.DRAFT, SessionStatus.CANCELLED)


def get_course_for(user: Any, pk: int, *, write: bool = False) -> Course:
    """A course with what its page shows, or 404 (a course taken out of the catalogue is
    hidden but from staff); 403 when ``write`` is asked by someone who may not edit."""
    course = (
        Course.objects.select_related("thematic_area")
        .prefetch_related("target_areas", "prerequisites")
        .filter(pk=pk)
        .first()
    )
    if course is None:
        raise Http404
    if not course.is_active and not user.has_perm("training.manage_catalogue"):
        raise Http404
    if write and not user.has_perm("training.manage_catalogue"):
        raise PermissionDenied
    return course


def upcoming_sessions_of(user: Any, course: Course, *, limit: int = 20) -> list[Session]:
    """The course's next sessions the user may see, soonest first (one query)."""
    return list(
        Session.objects.visible_to(user)
        .filter(course=course, ends_on__gte=timezone.localdate())
        .exclude(status=SessionStatus.CANCELLED)
        .select_related("venue_city", "venue_country")
        .order_by("starts_on", "pk")[:limit]
    )


def _seats_taken() -> Subquery:
    return Subquery(
        SeatQuota.objects.filter(session=OuterRef("pk"))
        .values("session")
        .annotate(taken=Sum("selected"))
        .values("taken")[:1]
    )


def sessions_for(
    user: Any,
    *,
    status: str = "",
    course: Course | None = None,
    track: str = "",
    when: str = "",
) -> QuerySet[Session]:
    """The sessions ``user`` may see, filtered; upcoming ones soonest first, others latest
    first. Each carries ``seats_taken`` (the selected participants), in one query."""
    sessions = (
        Session.objects.visible_to(user)
        .select_related("course", "venue_city", "venue_country")
        .annotate(seats_taken=_seats_taken())
    )
    if status:
        sessions = sessions.filter(status=status)
    if course is not None:
        sessions = sessions.filter(course=course)
    if track:
        sessions = sessions.filter(course__track=track)
    today = timezone.localdate()
    if when == "upcoming":
        return sessions.filter(ends_on__gte=today).order_by("starts_on", "pk")
    if when == "past":
        sessions = sessions.filter(ends_on__lt=today)
    return sessions.order_by("-starts_on", "-pk")


def get_session_for(user: Any, pk: int, *, write: bool = False) -> Session:
    """A session with its course, venue, quotas (with countries) and trainers, or 404 when the
    user may not see it; 403 when ``write`` is asked by someone who may not manage it."""
    session = (
        Session.objects.visible_to(user)
        .select_related("course", "course__thematic_area", "venue_city", "venue_country")
        .prefetch_related(
            Prefetch(
                "quotas",
                queryset=SeatQuota.objects.select_related("country").order_by("country__code"),
            ),
            "trainers",
        )
        .filter(pk=pk)
        .first()
    )
    if session is None or not user.has_perm("training.view_session", session):
        raise Http404
    if write and not user.has_perm("training.manage_sessions"):
        raise PermissionDenied
    return session


def calendar_sessions(user: Any) -> QuerySet[Session]:
    """The sessions in a person's calendar: those they take part in (selected) or teach, but
    not cancelled ones. One query."""
    return (
        Session.objects.filter(
            Q(nominations__officer__user=user, nominations__status=NominationStatus.SELECTED)
            | Q(trainers=user)
        )
        .exclude(status=SessionStatus.CANCELLED)
        .select_related("course", "venue_city", "venue_country")
        .distinct()
        .order_by("starts_on", "pk")
    )
