"""The Advisory Board's indicators for the results framework, computed from the records.

Filters: ``year`` (the calendar year of the meetings or procedures; all years by default) and
``country__code`` (the member's country, where the indicator is by country). Shares are whole
percentages, rounded half up.
"""

from __future__ import annotations

from collections import defaultdict
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from momentum.core.indicators import Breakdown, Indicator, register


def _percent(part: int, whole: int) -> int:
    if not whole:
        return 0
    return int((Decimal(100 * part) / Decimal(whole)).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def _meetings_held(**filters: Any) -> Breakdown:
    """Meetings recorded as held, per year's filter. One query."""
    from momentum.governance.models import Meeting, MeetingStatus

    meetings = Meeting.objects.filter(status=MeetingStatus.HELD)
    if "year" in filters:
        meetings = meetings.filter(starts_at__year=filters["year"])
    return Breakdown(total=meetings.count())


def _recommendations_acted_on(**filters: Any) -> Breakdown:
    """The share of recommendations accepted (fully or partly) with at least one action done
    or in progress. One query."""
    from momentum.governance.models import ActionStatus, Recommendation, Response

    recommendations = Recommendation.objects.all()
    if "year" in filters:
        recommendations = recommendations.filter(created_at__year=filters["year"])
    rows = recommendations.annotate(
        acted=Count(
            "actions",
            filter=Q(actions__status__in=[ActionStatus.DONE, ActionStatus.IN_PROGRESS]),
        )
    ).values_list("response", "acted")
    total = acted = 0
    for response, count in rows:
        total += 1
        if response in (Response.ACCEPTED, Response.PARTLY) and count:
            acted += 1
    return Breakdown(total=_percent(acted, total))


def _members(**filters: Any) -> Breakdown:
    """Current members (representatives and alternates) by sex and country. One query."""
    from momentum.governance.models import BoardMember

    members = BoardMember.objects.current(timezone.localdate())
    if "country__code" in filters:
        members = members.filter(country__code=filters["country__code"])
    rows = members.values("sex", "country__code").annotate(n=Count("pk")).order_by()
    by_sex: dict[str, int] = defaultdict(int)
    by_country: dict[str, int] = defaultdict(int)
    for row in rows:
        by_sex[row["sex"]] += row["n"]
        by_country[row["country__code"]] += row["n"]
    return Breakdown(total=sum(by_sex.values()), by_sex=dict(by_sex), by_country=dict(by_country))


def _procedure_participation(**filters: Any) -> Breakdown:
    """Of the answers the closed written procedures could have received (one per country with
    a representative at the time of counting), the share received; by country, the number of
    procedures each country answered. Two queries."""
    from momentum.governance.models import (
        BoardMember,
        ProcedureAnswer,
        ProcedureStatus,
        Seat,
        WrittenProcedure,
    )

    procedures = WrittenProcedure.objects.filter(status=ProcedureStatus.CLOSED)
    if "year" in filters:
        procedures = procedures.filter(deadline__year=filters["year"])
    countries = (
        BoardMember.objects.current()
        .filter(seat=Seat.REPRESENTATIVE)
        .values("country")
        .distinct()
        .count()
    )
    rows = (
        ProcedureAnswer.objects.filter(procedure__in=procedures)
        .values("country__code")
        .annotate(n=Count("pk"))
        .order_by()
    )
    by_country = {row["country__code"]: row["n"] for row in rows}
    possible = procedures.count() * countries
    return Breakdown(total=_percent(sum(by_country.values()), possible), by_country=by_country)


MEETINGS_HELD = register(
    Indicator(
        code="governance.meetings_held",
        name=_("Advisory Board meetings held"),
        definition=_(
            "Board meetings (ordinary, extraordinary and working groups) recorded as held; "
            "filter by year. The board meets at least twice a year."
        ),
        compute=_meetings_held,
        app="governance",
        goal=1,
    )
)
RECOMMENDATIONS_ACTED_ON = register(
    Indicator(
        code="governance.recommendations_acted_on",
        name=_("Share of the board's recommendations acted on (%)"),
        definition=_(
            "Recommendations in the register that the programme accepted, fully or partly, and "
            "on which at least one action is in progress or done, as a share of all "
            "recommendations."
        ),
        compute=_recommendations_acted_on,
        app="governance",
        goal=1,
    )
)
MEMBERS = register(
    Indicator(
        code="governance.members",
        name=_("Advisory Board members"),
        definition=_(
            "Current representatives and alternates on the board, by sex and by country: the "
            "share of women among the board's members."
        ),
        compute=_members,
        app="governance",
        goal=3,
    )
)
PROCEDURE_PARTICIPATION = register(
    Indicator(
        code="governance.procedure_participation",
        name=_("Participation in written procedures (%)"),
        definition=_(
            "Answers received to closed written procedures, as a share of one answer per "
            "represented country and procedure; by country, the procedures each answered."
        ),
        compute=_procedure_participation,
        app="governance",
        goal=1,
    )
)
