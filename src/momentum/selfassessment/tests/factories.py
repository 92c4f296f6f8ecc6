"""Records of the gender self-assessment for tests, made through the services."""

from __future__ import annotations

from typing import Any

from momentum.core.models import Agency
from momentum.core.tests.factories import AgencyFactory
from momentum.selfassessment import services
from momentum.selfassessment.framework import load_framework
from momentum.selfassessment.models import Cycle, Dimension, Question, Theme


def framework() -> list[Dimension]:
    """The framework (a transactional test may have flushed the migration's copy)."""
    load_framework(Theme, Dimension, Question)
    return list(Dimension.objects.order_by("order"))


def agency_of(country: Any, acronym: str = "PSD") -> Agency:
    return AgencyFactory(country=country, acronym=acronym, name=f"Agency {acronym}")


def cycle_for(lead: Any, *, by: Any, members: tuple[Any, ...] = (), year: int = 2026) -> Cycle:
    framework()
    country = lead.profile.country
    agency = Agency.objects.filter(country=country).first() or agency_of(country)
    return services.invite_working_group(
        agency=agency, year=year, lead=lead, members=list(members), by=by
    )


def rate_all(cycle: Cycle, by: Any, score: int = 3) -> None:
    for dimension in Dimension.objects.all():
        services.rate_dimension(
            cycle=cycle, dimension=dimension, score=score, justification="Seen.", by=by
        )
