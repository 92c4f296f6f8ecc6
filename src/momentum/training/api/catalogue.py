"""The API of the catalogue and of sessions."""

from datetime import date, datetime

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from ninja import Field, Router, Schema
from ninja.pagination import PageNumberPagination, paginate

from momentum.people.models import User
from momentum.training import selectors
from momentum.training.models import Course, Delivery, SeatQuota, Session, SessionStatus, Track

"""Training's JSON API: courses, sessions, nominations, certificate verification."""


router = Router(tags=["training"])


def _column(course: Course, field: str, language: str) -> str:
    """One language's column of a translated field (modeltranslation), empty when missing."""
    return str(getattr(course, f"{field}_{language}") or "")


class CourseTitles(Schema):
    """A course's title in the caller's language (``Accept-Language``, falling back to
    English), and in each of the three languages."""

    id: int
    code: str
    title: str
    title_ar: str
    title_fr: str
    title_en: str

    @staticmethod
    def resolve_title_ar(course: Course) -> str:
        return _column(course, "title", "ar")

    @staticmethod
    def resolve_title_fr(course: Course) -> str:
        return _column(course, "title", "fr")

    @staticmethod
    def resolve_title_en(course: Course) -> str:
        return _column(course, "title", "en")


class CourseOut(CourseTitles):
    summary: str
    objectives: str
    track: Track
    track_label: str
    thematic_area: str | None = Field(None, alias="thematic_area.code")
    thematic_area_name: str | None = Field(None, alias="thematic_area.name")
    delivery: Delivery
    duration_hours: int
    target_areas: list[str]
    target_rank_levels: list[str]
    prerequisites: list[str]
    min_attendance_percent: int
    min_post_test_score: int
    certificate_validity_years: int | None
    requires_motivation: bool
    requires_endorsement: bool

    @staticmethod
    def resolve_summary(course: Course) -> str:
        return course.summary or ""

    @staticmethod
    def resolve_objectives(course: Course) -> str:
        return course.objectives or ""

    @staticmethod
    def resolve_track_label(course: Course) -> str:
        return str(course.get_track_display())

    @staticmethod
    def resolve_target_areas(course: Course) -> list[str]:
        return [area.code for area in course.target_areas.all()]

    @staticmethod
    def resolve_prerequisites(course: Course) -> list[str]:
        return [prerequisite.code for prerequisite in course.prerequisites.all()]


class CourseListOut(CourseOut):
    next_session_on: date | None = None


@router.get("/courses", response=list[CourseListOut])
@paginate(PageNumberPagination, page_size=50)
def list_courses(request: HttpRequest, q: str = "", track: Track | None = None) -> object:
    """The catalogue, searchable in any of the three languages (Arabic spelling variants and
    French accents do not matter), with the first day of each course's next session."""
    if not request.user.has_perm("training.browse_catalogue"):
        raise PermissionDenied
    return selectors.courses(text=q[:100], track=track or "").prefetch_related(
        "target_areas", "prerequisites"
    )


@router.get("/courses/{course_id}", response=CourseOut)
def get_course(request: HttpRequest, course_id: int) -> Course:
    """One course; 404 for a course taken out of the catalogue (but for staff)."""
    if not request.user.has_perm("training.browse_catalogue"):
        raise PermissionDenied
    return selectors.get_course_for(request.user, course_id)


class SessionOut(Schema):
    id: int
    course: CourseTitles
    starts_on: date
    ends_on: date
    time_zone: str
    delivery: Delivery
    venue_city: str
    venue_country: str | None = Field(None, alias="venue_country.code")
    language: str
    interpretation: list[str]
    capacity: int
    seats_taken: int
    women_target_percent: int
    nomination_deadline: datetime
    status: SessionStatus
    status_label: str

    @staticmethod
    def resolve_status_label(session: Session) -> str:
        return str(session.get_status_display())

    @staticmethod
    def resolve_venue_city(session: Session) -> str:
        """The city in the caller's language; empty for an online session."""
        return str(session.venue_city) if session.venue_city else ""

    @staticmethod
    def resolve_seats_taken(session: Session) -> int:
        taken = getattr(session, "seats_taken", None)
        if taken is None and hasattr(session, "_prefetched_objects_cache"):
            taken = sum(quota.selected for quota in session.quotas.all())
        return int(taken or 0)


class QuotaOut(Schema):
    country: str = Field(..., alias="country.code")
    country_name: str = Field(..., alias="country.name")
    seats: int
    selected: int
    seats_left: int


class TrainerOut(Schema):
    id: int
    name: str
    name_ar: str

    @staticmethod
    def resolve_name(user: User) -> str:
        return str(user.full_name or user.email)

    @staticmethod
    def resolve_name_ar(user: User) -> str:
        return str(user.full_name_ar)


class SessionDetailOut(SessionOut):
    quotas: list[QuotaOut]
    trainers: list[TrainerOut]
    cancellation_reason: str

    @staticmethod
    def resolve_quotas(session: Session) -> list[SeatQuota]:
        return list(session.quotas.all())

    @staticmethod
    def resolve_trainers(session: Session) -> list[User]:
        return list(session.trainers.all())


@router.get("/sessions", response=list[SessionOut])
@paginate(PageNumberPagination, page_size=50)
def list_sessions(
    request: HttpRequest, status: SessionStatus | None = None, course: int | None = None
) -> object:
    """The sessions the caller may see (drafts only for staff and their trainers), latest
    first, each with the seats taken."""
    if not request.user.has_perm("training.list_sessions"):
        raise PermissionDenied
    sessions = selectors.sessions_for(request.user, status=status or "")
    if course is not None:
        sessions = sessions.filter(course_id=course)
    return sessions


@router.get("/sessions/{session_id}", response=SessionDetailOut)
def get_session(request: HttpRequest, session_id: int) -> Session:
    """One session with each country's quota and seats left; 404 when the caller may not
    see it."""
    return selectors.get_session_for(request.user, session_id)
