"""The API of applications: the caller's own (an officer), her country's (a focal point), the
panel's once nationally endorsed, or all (staff), each with where it stands; and an officer's
application to a cohort, through the same service as the page.

Panel scores (``score``, ``reviews_count``) are given to staff and to the members of the
cohort's panel only; the supervisor's e-mail address to staff and the applicant's focal
points only. Elsewhere they are null.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as RefusalError
from django.core.validators import validate_email
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema, Status
from ninja.pagination import PageNumberPagination, paginate

from momentum.core.models import AreaOfWork, ThematicArea
from momentum.mentoring.models import (
    Application,
    ApplicationStatus,
    Cohort,
    MentorPreference,
    MentorProfile,
)
from momentum.mentoring.selectors.applications import get_application_for
from momentum.mentoring.selectors.cohorts import get_cohort_for
from momentum.mentoring.services import applications as services
from momentum.people.models import Language, Profile, Role

router = Router(tags=["mentoring"])

# Before the national endorsement, the panel does not see an application (nor any score).
_BEFORE_THE_PANEL = (
    ApplicationStatus.SUBMITTED,
    ApplicationStatus.SUPERVISOR_ENDORSED,
    ApplicationStatus.NOT_ENDORSED,
    ApplicationStatus.WITHDRAWN,
)


class ApplicationOut(Schema):
    id: int
    cohort: int
    cohort_name: str
    country: str
    applicant: int = Field(..., description="The id of the officer's profile")
    given_name: str
    family_name: str
    given_name_ar: str
    family_name_ar: str
    status: str
    status_label: str
    proposed_by_focal_point: bool
    language: str
    motivation: str
    goals: str
    goal_areas: list[str]
    work_areas: list[str]
    languages: list[str]
    years_of_service: int
    wants_leadership: bool
    preferred_mentor_kind: str
    supervisor_name: str
    supervisor_email: str | None = Field(
        None, description="Staff and the applicant's focal points only"
    )
    supervisor_endorsed_at: datetime | None
    national_endorsed_at: datetime | None
    score: Decimal | None = Field(None, description="Staff and the cohort's panel only")
    reviews_count: int | None = Field(None, description="Staff and the cohort's panel only")
    offered_at: datetime | None
    offer_expires_at: datetime | None
    responded_at: datetime | None
    completed_at: datetime | None
    certificate_code: str | None
    created_at: datetime
    updated_at: datetime


class ApplicationIn(Schema):
    motivation: str
    goals: str
    years_of_service: int = Field(..., ge=0, le=60)
    supervisor_name: str
    supervisor_email: str
    language: str | None = Field(
        None, description="en, fr or ar; by default the language of the request"
    )
    goal_areas: list[str] = Field(default_factory=list, description="Thematic area codes")
    work_areas: list[str] | None = Field(
        None, description="Area of work codes; by default those of her profile"
    )
    languages: list[str] = Field(default_factory=list)
    wants_leadership: bool = False
    preferred_mentor_kind: str = ""
    preferred_mentors: list[int] = Field(default_factory=list, description="Mentor ids")


class RefusalDetail(Schema):
    code: str
    message: str
    details: Any = None


class RefusalOut(Schema):
    error: RefusalDetail


class _Reader:
    """What the caller may read of each application, decided without a query per row."""

    def __init__(self, user: Any) -> None:
        self.staff = bool(user.is_programme_staff)
        self.focal_countries = user.countries_for(Role.FOCAL_POINT)
        self.panel_cohorts: set[int] = (
            set()
            if self.staff
            else set(Cohort.objects.filter(panel__pk=user.pk).values_list("pk", flat=True))
        )

    def sees_scores(self, application: Application) -> bool:
        return self.staff or (
            application.cohort_id in self.panel_cohorts
            and application.status not in _BEFORE_THE_PANEL
        )

    def sees_supervisor_email(self, application: Application) -> bool:
        return self.staff or application.country_id in self.focal_countries

    def out(self, application: Application) -> dict[str, Any]:
        user = application.applicant.user
        scores = self.sees_scores(application)
        certificate = application.certificate
        return {
            "id": application.pk,
            "cohort": application.cohort_id,
            "cohort_name": str(application.cohort.name),
            "country": application.country.code,
            "applicant": application.applicant_id,
            "given_name": user.given_name,
            "family_name": user.family_name,
            "given_name_ar": user.given_name_ar,
            "family_name_ar": user.family_name_ar,
            "status": application.status,
            "status_label": str(application.get_status_display()),
            "proposed_by_focal_point": application.proposed_by_id is not None,
            "language": application.language,
            "motivation": application.motivation,
            "goals": application.goals,
            "goal_areas": sorted(area.code for area in application.goal_areas.all()),
            "work_areas": sorted(area.code for area in application.work_areas.all()),
            "languages": list(application.languages or []),
            "years_of_service": application.years_of_service,
            "wants_leadership": application.wants_leadership,
            "preferred_mentor_kind": application.preferred_mentor_kind,
            "supervisor_name": application.supervisor_name,
            "supervisor_email": (
                application.supervisor_email if self.sees_supervisor_email(application) else None
            ),
            "supervisor_endorsed_at": application.supervisor_endorsed_at,
            "national_endorsed_at": application.national_endorsed_at,
            "score": application.score if scores else None,
            "reviews_count": application.reviews_count if scores else None,
            "offered_at": application.offered_at,
            "offer_expires_at": application.offer_expires_at,
            "responded_at": application.responded_at,
            "completed_at": application.completed_at,
            "certificate_code": certificate.code if certificate is not None else None,
            "created_at": application.created_at,
            "updated_at": application.updated_at,
        }


def _with_related(queryset: QuerySet[Application]) -> QuerySet[Application]:
    return queryset.select_related(
        "cohort", "country", "applicant__user", "certificate"
    ).prefetch_related("goal_areas", "work_areas")


class _ApplicationPage:
    """The caller's applications, sliced by the paginator and read in a fixed number of
    queries (the rows, their areas, the caller's panel seats)."""

    def __init__(self, user: Any, queryset: QuerySet[Application]) -> None:
        self.user = user
        self.queryset = queryset

    def __len__(self) -> int:
        return int(self.queryset.count())

    def __getitem__(self, window: slice) -> list[dict[str, Any]]:
        applications = list(_with_related(self.queryset)[window])
        reader = _Reader(self.user)
        return [reader.out(application) for application in applications]


def _require_mentoring(user: Any) -> None:
    if not user.has_perm("mentoring.use_mentoring"):
        raise PermissionDenied


@router.get("/mentoring/applications", response=list[ApplicationOut])
@paginate(PageNumberPagination, page_size=50)
def list_mentoring_applications(
    request: HttpRequest, cohort: int | None = None, status: str | None = None
) -> Any:
    """The applications the caller may see, as on the pages: an officer her own, a focal point
    her country's, a panel member those of her cohorts once nationally endorsed, staff all.
    Filter by ``cohort`` (id) and ``status``."""
    user = request.user
    _require_mentoring(user)
    queryset = Application.objects.visible_to(user)
    if cohort is not None:
        queryset = queryset.filter(cohort_id=cohort)
    if status:
        queryset = queryset.filter(status=status)
    return _ApplicationPage(user, queryset.order_by("-created_at", "-pk"))


@router.get("/mentoring/applications/{application_id}", response=ApplicationOut)
def get_mentoring_application(request: HttpRequest, application_id: int) -> dict[str, Any]:
    user = request.user
    application = get_application_for(user, application_id)
    application = _with_related(Application.objects.filter(pk=application.pk)).get()
    return _Reader(user).out(application)


# --- applying ---

# A refusal that clashes with what exists is a conflict; the others cannot be processed.
_CONFLICTS = {"duplicate"}


def _refusal(error: RefusalError) -> Status[dict[str, Any]]:
    """A service's refusal in the API's error shape: its first code, every message (in the
    caller's language) and, per field, the messages when the service names fields."""
    if hasattr(error, "error_dict"):
        errors = [each for field in error.error_dict.values() for each in field]
        details: Any = error.message_dict
    else:
        errors = error.error_list
        details = {"reasons": error.messages} if len(error.messages) > 1 else None
    codes = [each.code or "refused" for each in errors]
    status = 409 if _CONFLICTS & set(codes) else 422
    body: dict[str, Any] = {"code": codes[0], "message": " ".join(error.messages)}
    if details is not None:
        body["details"] = details
    return Status(status, {"error": body})


def _by_codes(model: Any, codes: list[str], field: str) -> list[Any]:
    found = list(model.objects.filter(code__in=codes))
    unknown = sorted(set(codes) - {each.code for each in found})
    if unknown:
        raise RefusalError(
            {
                field: RefusalError(
                    _("Unknown codes: %(codes)s.") % {"codes": ", ".join(unknown)},
                    code="unknown",
                )
            }
        )
    return found


def _check_contact_and_languages(payload: ApplicationIn) -> None:
    errors: dict[str, RefusalError] = {}
    if payload.supervisor_email.strip():
        try:
            validate_email(payload.supervisor_email.strip())
        except RefusalError:
            errors["supervisor_email"] = RefusalError(
                _("Give a valid e-mail address."), code="invalid"
            )
    strangers = sorted(set(payload.languages) - set(Language.values))
    if strangers:
        errors["languages"] = RefusalError(
            _("Unknown languages: %(codes)s.") % {"codes": ", ".join(strangers)}, code="invalid"
        )
    if errors:
        raise RefusalError(errors)


def _language(payload: ApplicationIn) -> str:
    language = (payload.language or get_language() or "en")[:2]
    if language not in ("en", "fr", "ar"):
        raise RefusalError(
            {"language": RefusalError(_("Choose English, French or Arabic."), code="invalid")}
        )
    return language


@router.post(
    "/mentoring/cohorts/{cohort_id}/applications",
    response={201: ApplicationOut, 404: RefusalOut, 409: RefusalOut, 422: RefusalOut},
)
def create_mentoring_application(
    request: HttpRequest, cohort_id: int, payload: ApplicationIn
) -> Status[Any]:
    """An officer applies to a cohort for herself, with the same checks as the page: 403 for
    anyone who is not an officer, 422 with every reason (translated) when she is not eligible
    or the cohort is closed, 409 when she has already applied."""
    user: Any = request.user
    cohort = get_cohort_for(user, cohort_id)
    if not user.has_perm("mentoring.apply", cohort):
        raise PermissionDenied
    profile = Profile.objects.select_related("user", "country").filter(user=user).first()
    if profile is None:
        raise PermissionDenied
    try:
        if payload.preferred_mentor_kind not in MentorPreference.values:
            raise RefusalError(
                {
                    "preferred_mentor_kind": RefusalError(
                        _("Choose one of the kinds of mentor offered."), code="invalid"
                    )
                }
            )
        _check_contact_and_languages(payload)
        mentors = list(
            MentorProfile.objects.filter(pk__in=payload.preferred_mentors, user__is_active=True)
        )
        if len(mentors) != len(set(payload.preferred_mentors)):
            raise RefusalError(
                {
                    "preferred_mentors": RefusalError(
                        _("One of the chosen mentors is not available."),
                        code="mentor_unavailable",
                    )
                }
            )
        application = services.submit_application(
            cohort=cohort,
            applicant=profile,
            by=user,
            motivation=payload.motivation,
            goals=payload.goals,
            years_of_service=payload.years_of_service,
            supervisor_name=payload.supervisor_name,
            supervisor_email=payload.supervisor_email,
            language=_language(payload),
            goal_areas=_by_codes(ThematicArea, payload.goal_areas, "goal_areas"),
            work_areas=(
                None
                if payload.work_areas is None
                else _by_codes(AreaOfWork, payload.work_areas, "work_areas")
            ),
            languages=payload.languages,
            wants_leadership=payload.wants_leadership,
            preferred_mentor_kind=payload.preferred_mentor_kind,
            preferred_mentors=mentors,
        )
    except RefusalError as error:
        return _refusal(error)
    created = _with_related(Application.objects.filter(pk=application.pk)).get()
    return Status(201, _Reader(user).out(created))
