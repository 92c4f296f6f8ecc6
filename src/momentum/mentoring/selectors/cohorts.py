"""Reads for cohorts, scoped to the reader."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import Http404

from momentum.core.models import Country
from momentum.mentoring.models import (
    Application,
    ApplicationStatus,
    Cohort,
)
from momentum.people.models import Role

# The columns of the cohort page's table of applications per country, in the journey's order.
SUMMARY_STATUSES = (
    ApplicationStatus.SUBMITTED,
    ApplicationStatus.SUPERVISOR_ENDORSED,
    ApplicationStatus.ENDORSED,
    ApplicationStatus.NOT_ENDORSED,
    ApplicationStatus.OFFERED,
    ApplicationStatus.ACCEPTED,
)


def cohorts_for(user: Any) -> Any:
    """The cohorts ``user`` may see, newest first."""
    return Cohort.objects.visible_to(user).order_by("-starts_on", "-pk")


def get_cohort_for(user: Any, pk: int, *, write: bool = False) -> Cohort:
    """The cohort, or 404 when the reader may not see it, 403 when they may not change it."""
    cohort = (
        cohorts_for(user)
        .prefetch_related("eligible_areas", "places__country", "criteria")
        .filter(pk=pk)
        .first()
    )
    if cohort is None or not user.has_perm("mentoring.view_cohort", cohort):
        raise Http404
    if write and not user.has_perm("mentoring.manage_cohorts"):
        raise PermissionDenied
    return cohort


@dataclass
class PlaceRow:
    """A country's places in a cohort, and its applications counted by status."""

    country: Country
    places: int
    counts: dict[str, int] = field(default_factory=dict)
    total: int = 0

    def count(self, status: str) -> int:
        return self.counts.get(status, 0)

    @property
    def columns(self) -> list[tuple[str, int]]:
        """(label of the status, count) in the table's order."""
        return [(str(status.label), self.counts.get(status, 0)) for status in SUMMARY_STATUSES]


def place_summary(cohort: Cohort) -> list[PlaceRow]:
    """Each country's places and its applications counted by status: one aggregation query
    whatever the number of countries and applications (and the places, when not prefetched)."""
    # The places are usually prefetched with the cohort (``get_cohort_for``).
    places = sorted(cohort.places.all(), key=lambda place: place.country.code)
    rows = {
        place.country_id: PlaceRow(country=place.country, places=place.places) for place in places
    }
    counts = (
        Application.objects.filter(cohort=cohort)
        .values("country_id")
        .annotate(
            total=Count("pk"),
            **{
                f"n_{status}": Count("pk", filter=Q(status=status))
                for status in ApplicationStatus.values
            },
        )
        .order_by()
    )
    entry: dict[str, Any]
    for entry in counts:  # type: ignore[assignment]
        row = rows.get(entry["country_id"])
        if row is None:  # applications from a country whose places were removed since
            continue
        row.total = entry["total"]
        row.counts = {status: entry[f"n_{status}"] for status in ApplicationStatus.values}
    return list(rows.values())


def countries_for_applications(user: Any, cohort: Cohort) -> list[Country]:
    """The countries whose applications ``user`` may list on the cohort page: staff, each with
    places; a focal point, their own."""
    places = [place.country for place in cohort.places.all()]
    if user.is_programme_staff:
        return places
    mine = user.countries_for(Role.FOCAL_POINT)
    return [country for country in places if country.pk in mine]
