"""Training's JSON API: courses, sessions, nominations, certificate verification."""

from ninja import Router

router = Router(tags=["training"])

# --- catalogue ---
from datetime import date as _date  # noqa: E402
from datetime import datetime as _datetime  # noqa: E402

from django.core.exceptions import PermissionDenied as _PermissionDenied  # noqa: E402
from django.http import HttpRequest as _HttpRequest  # noqa: E402
from ninja import Field as _Field  # noqa: E402
from ninja import Schema as _Schema  # noqa: E402
from ninja.pagination import PageNumberPagination as _PageNumberPagination  # noqa: E402
from ninja.pagination import paginate as _paginate  # noqa: E402

from momentum.people.models import User as _User  # noqa: E402
from momentum.training import selectors as _catalogue_selectors  # noqa: E402
from momentum.training.models import Course as _Course  # noqa: E402
from momentum.training.models import Delivery as _Delivery  # noqa: E402
from momentum.training.models import SeatQuota as _SeatQuota  # noqa: E402
from momentum.training.models import Session as _Session  # noqa: E402
from momentum.training.models import SessionStatus as _SessionStatus  # noqa: E402
from momentum.training.models import Track as _Track  # noqa: E402


def _column(course: _Course, field: str, language: str) -> str:
    """One language's column of a translated field (modeltranslation), empty when missing."""
    return str(getattr(course, f"{field}_{language}") or "")


class CourseTitles(_Schema):
    """A course's title in the caller's language (``Accept-Language``, falling back to
    English), and in each of the three languages."""

    id: int
    code: str
    title: str
    title_ar: str
    title_fr: str
    title_en: str

    @staticmethod
    def resolve_title_ar(course: _Course) -> str:
        return _column(course, "title", "ar")

    @staticmethod
    def resolve_title_fr(course: _Course) -> str:
        return _column(course, "title", "fr")

    @staticmethod
    def resolve_title_en(course: _Course) -> str:
        return _column(course, "title", "en")


class CourseOut(CourseTitles):
    summary: str
    objectives: str
    track: _Track
    track_label: str
    thematic_area: str | None = _Field(None, alias="thematic_area.code")
    thematic_area_name: str | None = _Field(None, alias="thematic_area.name")
    delivery: _Delivery
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
    def resolve_summary(course: _Course) -> str:
        return course.summary or ""

    @staticmethod
    def resolve_objectives(course: _Course) -> str:
        return course.objectives or ""

    @staticmethod
    def resolve_track_label(course: _Course) -> str:
        return str(course.get_track_display())

    @staticmethod
    def resolve_target_areas(course: _Course) -> list[str]:
        return [area.code for area in course.target_areas.all()]

    @staticmethod
    def resolve_prerequisites(course: _Course) -> list[str]:
        return [prerequisite.code for prerequisite in course.prerequisites.all()]


class CourseListOut(CourseOut):
    next_session_on: _date | None = None


@router.get("/courses", response=list[CourseListOut])
@_paginate(_PageNumberPagination, page_size=50)
def list_courses(request: _HttpRequest, q: str = "", track: _Track | None = None) -> object:
    """The catalogue, searchable in any of the three languages (Arabic spelling variants and
    French accents do not matter), with the first day of each course's next session."""
    if not request.user.has_perm("training.browse_catalogue"):
        raise _PermissionDenied
    return _catalogue_selectors.courses(text=q[:100], track=track or "").prefetch_related(
        "target_areas", "prerequisites"
    )


@router.get("/courses/{course_id}", response=CourseOut)
def get_course(request: _HttpRequest, course_id: int) -> _Course:
    """One course; 404 for a course taken out of the catalogue (but for staff)."""
    if not request.user.has_perm("training.browse_catalogue"):
        raise _PermissionDenied
    return _catalogue_selectors.get_course_for(request.user, course_id)


# --- sessions ---
class SessionOut(_Schema):
    id: int
    course: CourseTitles
    starts_on: _date
    ends_on: _date
    time_zone: str
    delivery: _Delivery
    venue_city: str
    venue_country: str | None = _Field(None, alias="venue_country.code")
    language: str
    interpretation: list[str]
    capacity: int
    seats_taken: int
    women_target_percent: int
    nomination_deadline: _datetime
    status: _SessionStatus
    status_label: str

    @staticmethod
    def resolve_status_label(session: _Session) -> str:
        return str(session.get_status_display())

    @staticmethod
    def resolve_seats_taken(session: _Session) -> int:
        taken = getattr(session, "seats_taken", None)
        if taken is None and hasattr(session, "_prefetched_objects_cache"):
            taken = sum(quota.selected for quota in session.quotas.all())
        return int(taken or 0)


class QuotaOut(_Schema):
    country: str = _Field(..., alias="country.code")
    country_name: str = _Field(..., alias="country.name")
    seats: int
    selected: int
    seats_left: int


class TrainerOut(_Schema):
    id: int
    name: str
    name_ar: str

    @staticmethod
    def resolve_name(user: _User) -> str:
        return str(user.full_name or user.email)

    @staticmethod
    def resolve_name_ar(user: _User) -> str:
        return str(user.full_name_ar)


class SessionDetailOut(SessionOut):
    quotas: list[QuotaOut]
    trainers: list[TrainerOut]
    cancellation_reason: str

    @staticmethod
    def resolve_quotas(session: _Session) -> list[_SeatQuota]:
        return list(session.quotas.all())

    @staticmethod
    def resolve_trainers(session: _Session) -> list[_User]:
        return list(session.trainers.all())


@router.get("/sessions", response=list[SessionOut])
@_paginate(_PageNumberPagination, page_size=50)
def list_sessions(
    request: _HttpRequest, status: _SessionStatus | None = None, course: int | None = None
) -> object:
    """The sessions the caller may see (drafts only for staff and their trainers), latest
    first, each with the seats taken."""
    if not request.user.has_perm("training.list_sessions"):
        raise _PermissionDenied
    sessions = _catalogue_selectors.sessions_for(request.user, status=status or "")
    if course is not None:
        sessions = sessions.filter(course_id=course)
    return sessions


@router.get("/sessions/{session_id}", response=SessionDetailOut)
def get_session(request: _HttpRequest, session_id: int) -> _Session:
    """One session with each country's quota and seats left; 404 when the caller may not
    see it."""
    return _catalogue_selectors.get_session_for(request.user, session_id)


# --- nominations and selection ---
from datetime import datetime  # noqa: E402
from typing import Any  # noqa: E402

from django.core.exceptions import PermissionDenied  # noqa: E402
from django.core.exceptions import ValidationError as RefusalError  # noqa: E402
from django.http import HttpRequest  # noqa: E402
from ninja import Field, Schema, Status  # noqa: E402
from ninja.pagination import PageNumberPagination, paginate  # noqa: E402

from momentum.people.models import Profile  # noqa: E402
from momentum.training import selectors as _selectors  # noqa: E402
from momentum.training.models import Nomination  # noqa: E402
from momentum.training.services import nominations as _nominations  # noqa: E402


class NominationOut(Schema):
    id: int
    session: int = Field(..., alias="session_id")
    officer: int = Field(..., alias="officer_id")
    country: str = Field(..., alias="country.code")
    given_name: str = Field(..., alias="officer.user.given_name")
    family_name: str = Field(..., alias="officer.user.family_name")
    given_name_ar: str = Field(..., alias="officer.user.given_name_ar")
    family_name_ar: str = Field(..., alias="officer.user.family_name_ar")
    sex: str = Field(..., alias="officer.sex")
    rank_level: str = Field(..., alias="officer.rank_level")
    status: str
    waitlist_position: int | None
    justification: str
    created_at: datetime


class NominationIn(Schema):
    officer: int = Field(..., description="The id of the officer's profile (see /people)")
    justification: str
    motivation: str = ""
    supervisor_name: str = ""
    supervisor_endorsement: str = ""


class RefusalDetail(Schema):
    code: str
    message: str
    details: dict[str, list[str]] | None = None


class RefusalOut(Schema):
    error: RefusalDetail


# Refusals that clash with what already exists; the others are bad requests.
_CONFLICTS = {"duplicate", "overlap"}


def _refusal(error: RefusalError) -> Status[dict[str, Any]]:
    """A service's refusal in the API's error shape: its first code, every message."""
    if hasattr(error, "error_dict"):
        errors = [each for field in error.error_dict.values() for each in field]
        details: dict[str, list[str]] | None = error.message_dict
    else:
        errors, details = error.error_list, None
    codes = [each.code or "refused" for each in errors]
    status = 409 if _CONFLICTS & set(codes) else 400
    body: dict[str, Any] = {"code": codes[0], "message": " ".join(error.messages)}
    if details is not None:
        body["details"] = details
    return Status(status, {"error": body})


@router.get("/sessions/{session_id}/nominations", response=list[NominationOut])
@paginate(PageNumberPagination, page_size=50)
def list_session_nominations(request: HttpRequest, session_id: int) -> Any:
    """A session's nominations: staff see all, a focal point their country's, a trainer of the
    session its selected participants."""
    user = request.user
    session = _selectors.get_session_for_nominations(user, session_id)
    if not user.has_perm("training.view_nominations", session):
        raise PermissionDenied
    nominations = _selectors.session_nominations_for(user, session)
    return _selectors.with_officers(nominations).order_by("country__code", "created_at", "pk")


@router.post(
    "/sessions/{session_id}/nominations",
    response={201: NominationOut, 400: RefusalOut, 404: RefusalOut, 409: RefusalOut},
)
def create_session_nomination(
    request: HttpRequest, session_id: int, payload: NominationIn
) -> Status[Any]:
    """Nominate an officer, with the same checks as the page: 403 for an officer of another
    country, 400 or 409 (with a code) when the nomination is refused."""
    user = request.user
    session = _selectors.get_session_for_nominations(user, session_id)
    if not user.has_perm("training.nominate", session):
        raise PermissionDenied
    officer = Profile.objects.select_related("user", "country").filter(pk=payload.officer).first()
    if officer is None:
        message = "No officer has this id."
        return Status(404, {"error": {"code": "not_found", "message": message}})
    try:
        nomination = _nominations.nominate_officer(
            session=session,
            officer=officer,
            by=user,  # type: ignore[arg-type]
            justification=payload.justification,
            motivation=payload.motivation,
            supervisor_name=payload.supervisor_name,
            supervisor_endorsement=payload.supervisor_endorsement,
        )
    except RefusalError as error:
        return _refusal(error)
    created = _selectors.with_officers(Nomination.objects.filter(pk=nomination.pk)).get()
    return Status(201, created)


# --- certificates ---
from datetime import date  # noqa: E402

from django.http import Http404  # noqa: E402
from ninja.errors import HttpError  # noqa: E402

from momentum.training.services import certificates as _certificates  # noqa: E402


class CertificateVerificationOut(Schema):
    """What the public verification page shows, and nothing more."""

    code: str
    status: str = Field(..., description="valid, expired or revoked")
    holder_name: str
    holder_name_ar: str
    course_title: dict[str, str] = Field(
        ..., alias="title", description="The course title in Arabic, French and English"
    )
    starts_on: date
    ends_on: date
    hours: int
    issued_on: date
    expires_on: date | None


@router.get(
    "/certificates/{code}",
    response={200: CertificateVerificationOut, 404: RefusalOut, 429: RefusalOut},
    auth=None,
)
def get_certificate(request: HttpRequest, code: str) -> Any:
    """Verify a certificate by its code (public, no sign-in; rate-limited per address)."""
    from momentum.training.views.certificates import client_address

    if not _certificates.allow_verification_lookup(client=client_address(request)):
        raise HttpError(429, "Too many certificates were looked up from here. Wait a minute.")
    certificate = _selectors.certificate_by_code(_certificates.normalise_code(code))
    if certificate is None:
        raise Http404
    return certificate
