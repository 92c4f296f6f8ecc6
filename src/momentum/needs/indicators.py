"""The needs assessment's indicators for the results framework, computed from the records,
by sex and by country. Filters (``value(**filters)``) are lookups on the round
(``round__year=2026``)."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from momentum.core.indicators import Breakdown, Indicator, register


def _visit_participants(**filters: Any) -> Breakdown:
    """People met during country visits, by sex and the visit's country. One query."""
    from momentum.needs.models import VisitParticipant

    rows = (
        VisitParticipant.objects.filter(
            **{f"visit__{key}": value for key, value in filters.items()}
        )
        .values("sex", "visit__country__code")
        .annotate(n=Count("pk"))
        .order_by()
    )
    by_sex: dict[str, int] = defaultdict(int)
    by_country: dict[str, int] = defaultdict(int)
    for row in rows:
        by_sex[row["sex"]] += row["n"]
        by_country[row["visit__country__code"]] += row["n"]
    return Breakdown(total=sum(by_sex.values()), by_sex=dict(by_sex), by_country=dict(by_country))


def _countries_assessed(**filters: Any) -> Breakdown:
    """Countries whose questionnaire was approved. One query; not by sex (countries)."""
    from momentum.needs.models import Submission, SubmissionStatus

    codes = list(
        Submission.objects.filter(status=SubmissionStatus.ACCEPTED, **filters)
        .values_list("country__code", flat=True)
        .distinct()
    )
    return Breakdown(total=len(codes), by_country={code: 1 for code in codes})


def _priority_needs_addressed(**filters: Any) -> Breakdown:
    """Priority needs turned into a course or session of the training catalogue."""
    from momentum.needs.models import Priority

    rows = (
        Priority.objects.filter(course_id__isnull=False, **filters)
        .values("country__code")
        .annotate(n=Count("pk"))
        .order_by()
    )
    by_country = {row["country__code"]: row["n"] for row in rows}
    return Breakdown(total=sum(by_country.values()), by_country=by_country)


def _personnel_counted(**filters: Any) -> Breakdown:
    """Police personnel counted by sex in the approved questionnaires' headcount grids by rank
    level (summed in SQL), by sex and country."""
    from momentum.needs.models import Round
    from momentum.needs.selectors import women_by_sex_and_country

    by_sex: dict[str, int] = defaultdict(int)
    by_country: dict[str, int] = defaultdict(int)
    for round in Round.objects.filter(
        **{key.removeprefix("round__"): value for key, value in filters.items()}
    ):
        for code, counts in women_by_sex_and_country(round).items():
            for sex in ("female", "male"):
                by_sex[sex] += counts.get(sex, 0)
                by_country[code] += counts.get(sex, 0)
    return Breakdown(total=sum(by_sex.values()), by_sex=dict(by_sex), by_country=dict(by_country))


VISIT_PARTICIPANTS = register(
    Indicator(
        code="needs.visit_participants",
        name=_("People met during needs-assessment visits"),
        definition=_(
            "Participants recorded in the country visits of the needs assessment, by sex and "
            "by the visited country."
        ),
        compute=_visit_participants,
        app="needs",
        goal=2,
    )
)
COUNTRIES_ASSESSED = register(
    Indicator(
        code="needs.countries_assessed",
        name=_("Countries with an approved needs assessment"),
        definition=_("Partner countries whose needs-assessment questionnaire staff approved."),
        compute=_countries_assessed,
        app="needs",
        goal=2,
    )
)
PRIORITY_NEEDS_ADDRESSED = register(
    Indicator(
        code="needs.priority_needs_addressed",
        name=_("Priority training needs addressed"),
        definition=_(
            "Needs marked as priorities in the needs-priority matrix that became a course or "
            "session of the training catalogue, by country."
        ),
        compute=_priority_needs_addressed,
        app="needs",
        goal=2,
    )
)
PERSONNEL_COUNTED = register(
    Indicator(
        code="needs.personnel_counted",
        name=_("Police personnel counted by sex in the needs assessment"),
        definition=_(
            "Women and men counted by rank level in the approved questionnaires' headcount "
            "grids, by sex and by country."
        ),
        compute=_personnel_counted,
        app="needs",
        goal=3,
    )
)
