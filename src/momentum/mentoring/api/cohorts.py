"""The API of cohorts: those the caller may see, each with its places per country and, for the
countries whose applications the caller may list, the applications counted by status."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.http import HttpRequest
from ninja import Router, Schema
from ninja.pagination import PageNumberPagination, paginate

from momentum.mentoring.models import Application, Cohort
from momentum.mentoring.selectors.cohorts import cohorts_for, get_cohort_for
from momentum.people.models import Role

router = Router(tags=["mentoring"])


class PlaceOut(Schema):
    """A country's places in the cohort; ``applications`` (by status) and
    ``applications_total`` are given for the countries whose applications the caller may list
    (staff: every country; a focal point: theirs), otherwise null."""

    country: str
    country_name: str
    places: int
    applications: dict[str, int] | None = None
    applications_total: int | None = None


class CriterionOut(Schema):
    id: int
    name: str
    guidance: str
    weight: int
    max_score: int


class CohortOut(Schema):
    id: int
    code: str
    name: str
    name_en: str
    name_fr: str
    name_ar: str
    status: str
    status_label: str
    starts_on: date
    ends_on: date
    applications_open_at: datetime
    applications_close_at: datetime
    accepts_applications: bool
    min_years_of_service: int
    eligible_areas: list[str]
    required_meetings: int
    places: list[PlaceOut]


class CohortDetailOut(CohortOut):
    description: str
    rubric: list[CriterionOut]


def _countries_listed(user: Any) -> set[int] | None:
    """The countries whose application counts the caller reads: None for every country."""
    if user.is_programme_staff:
        return None
    return user.countries_for(Role.FOCAL_POINT)


def _counts(cohort_ids: list[int]) -> dict[tuple[int, int], dict[str, int]]:
    """(cohort, country) → {status: count}: one aggregation query for the page of cohorts."""
    counts: dict[tuple[int, int], dict[str, int]] = defaultdict(dict)
    rows = (
        Application.objects.filter(cohort_id__in=cohort_ids)
        .values_list("cohort_id", "country_id", "status")
        .annotate(n=Count("pk"))
        .order_by()
    )
    for cohort_id, country_id, status, n in rows:
        counts[(cohort_id, country_id)][status] = n
    return counts


def _out(
    cohort: Cohort, counts: dict[tuple[int, int], dict[str, int]], listed: set[int] | None
) -> dict[str, Any]:
    places = []
    for place in sorted(cohort.places.all(), key=lambda each: each.country.code):
        row: dict[str, Any] = {
            "country": place.country.code,
            "country_name": str(place.country.name),
            "places": place.places,
        }
        if listed is None or place.country_id in listed:
            by_status = counts.get((cohort.pk, place.country_id), {})
            row["applications"] = dict(sorted(by_status.items()))
            row["applications_total"] = sum(by_status.values())
        places.append(row)
    return {
        "id": cohort.pk,
        "code": cohort.code,
        "name": str(cohort.name or ""),
        "name_en": str(getattr(cohort, "name_en", "") or ""),
        "name_fr": str(getattr(cohort, "name_fr", "") or ""),
        "name_ar": str(getattr(cohort, "name_ar", "") or ""),
        "status": cohort.status,
        "status_label": str(cohort.get_status_display()),
        "starts_on": cohort.starts_on,
        "ends_on": cohort.ends_on,
        "applications_open_at": cohort.applications_open_at,
        "applications_close_at": cohort.applications_close_at,
        "accepts_applications": cohort.accepts_applications,
        "min_years_of_service": cohort.min_years_of_service,
        "eligible_areas": sorted(area.code for area in cohort.eligible_areas.all()),
        "required_meetings": cohort.required_meetings,
        "places": places,
    }


def _require_mentoring(user: Any) -> None:
    if not user.has_perm("mentoring.use_mentoring"):
        raise PermissionDenied


@router.get("/mentoring/cohorts", response=list[CohortOut])
@paginate(PageNumberPagination, page_size=50)
def list_mentoring_cohorts(request: HttpRequest) -> Any:
    """The cohorts the caller may see (staff: drafts too), newest first, with places per
    country; application counts for the countries the caller may list."""
    user = request.user
    _require_mentoring(user)
    return _CohortPage(user)


class _CohortPage:
    """A lazily sliced list of cohorts: the paginator counts and slices it, and the slice is
    read with its places, areas and counts in a fixed number of queries."""

    def __init__(self, user: Any) -> None:
        self.user = user
        self.queryset = cohorts_for(user)

    def count(self) -> int:
        return int(self.queryset.count())

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, window: slice) -> list[dict[str, Any]]:
        cohorts = list(self.queryset.prefetch_related("places__country", "eligible_areas")[window])
        counts = _counts([cohort.pk for cohort in cohorts])
        listed = _countries_listed(self.user)
        return [_out(cohort, counts, listed) for cohort in cohorts]


@router.get("/mentoring/cohorts/{cohort_id}", response=CohortDetailOut)
def get_mentoring_cohort(request: HttpRequest, cohort_id: int) -> dict[str, Any]:
    """One cohort with its places, application counts (as in the list) and scoring rubric."""
    user = request.user
    cohort = get_cohort_for(user, cohort_id)
    body = _out(cohort, _counts([cohort.pk]), _countries_listed(user))
    body["description"] = str(cohort.description or "")
    body["rubric"] = [
        {
            "id": criterion.pk,
            "name": str(criterion.name),
            "guidance": str(criterion.guidance or ""),
            "weight": criterion.weight,
            "max_score": criterion.max_score,
        }
        for criterion in cohort.criteria.all()
    ]
    return body
