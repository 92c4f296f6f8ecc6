"""The mentoring programme's indicators for the results framework, computed from the records.

A *mentee* is a woman who took a place in a cohort: her application was accepted (including
those who completed the programme or left it early). Filters (``value(**filters)``) are lookups
on the officer's profile (``country__code="JO"``), as for the other apps' indicators; the
breakdowns are by the officer's sex and her profile's country. Shares are whole percentages,
rounded half up.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.db.models import Count, Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from momentum.core.indicators import (
    Breakdown,
    CrossTab,
    Indicator,
    Unit,
    between,
    crosstab_from_rows,
    register,
)

TOOK_PART = ("accepted", "completed", "left")
SPOKE_OR_ATTENDED = ("conference", "symposium", "speaking")


def _prefixed(prefix: str, filters: dict[str, Any]) -> dict[str, Any]:
    return {f"{prefix}{lookup}": value for lookup, value in filters.items()}


def _counts(rows: Any, sex: str, country: str) -> Breakdown:
    by_sex: dict[str, int] = defaultdict(int)
    by_country: dict[str, int] = defaultdict(int)
    for row in rows:
        by_sex[row[sex]] += row["n"]
        by_country[row[country]] += row["n"]
    return Breakdown(total=sum(by_sex.values()), by_sex=dict(by_sex), by_country=dict(by_country))


def _percent(part: int, whole: int) -> int:
    if not whole:
        return 0
    share = Decimal(100 * part) / Decimal(whole)
    return int(share.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def _mentee_profiles(**filters: Any) -> Any:
    from momentum.mentoring.models import Application
    from momentum.people.models import Profile

    took_part = Application.objects.filter(applicant=OuterRef("pk"), status__in=TOOK_PART)
    return Profile.objects.filter(Exists(took_part), **filters)


def _mentees(**filters: Any) -> Breakdown:
    """Women who took a place in a cohort, each counted once. One query."""
    rows = (
        _mentee_profiles(**filters)
        .values("sex", "country__code")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return _counts(rows, "sex", "country__code")


def _completion_rate(**filters: Any) -> Breakdown:
    """Of the mentees of cohorts that have ended, the share who completed. One query."""
    from momentum.mentoring.models import Application, ApplicationStatus, CohortStatus

    rows = (
        Application.objects.filter(
            cohort__status=CohortStatus.COMPLETED,
            status__in=TOOK_PART,
            **_prefixed("applicant__", filters),
        )
        .values("applicant__sex", "applicant__country__code", "status")
        .annotate(n=Count("pk"))
        .order_by()
    )
    done: dict[str, dict[str, int]] = {"sex": defaultdict(int), "country": defaultdict(int)}
    all_: dict[str, dict[str, int]] = {"sex": defaultdict(int), "country": defaultdict(int)}
    for row in rows:
        for key, value in (
            ("sex", row["applicant__sex"]),
            ("country", row["applicant__country__code"]),
        ):
            all_[key][value] += row["n"]
            if row["status"] == ApplicationStatus.COMPLETED:
                done[key][value] += row["n"]
    total_done = sum(done["sex"].values())
    total_all = sum(all_["sex"].values())
    return Breakdown(
        total=_percent(total_done, total_all),
        by_sex={sex: _percent(done["sex"][sex], n) for sex, n in all_["sex"].items()},
        by_country={
            code: _percent(done["country"][code], n) for code, n in all_["country"].items()
        },
    )


def _with_opportunity(**filters: Any) -> Breakdown:
    """Mentees allocated a place at a conference, the symposium or a speaking slot, each
    counted once. One query."""
    from momentum.mentoring.models import Candidacy, CandidacyStatus

    allocated = Candidacy.objects.filter(
        person=OuterRef("pk"),
        status=CandidacyStatus.ALLOCATED,
        opportunity__kind__in=SPOKE_OR_ATTENDED,
    )
    rows = (
        _mentee_profiles(**filters)
        .filter(Exists(allocated))
        .values("sex", "country__code")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return _counts(rows, "sex", "country__code")


def _leadership_courses(**filters: Any) -> Breakdown:
    """Leadership courses completed by mentees: certificates (not revoked) from sessions of a
    leadership course held by a mentee. One query."""
    from momentum.mentoring.models import Application
    from momentum.training.models import Certificate, Track

    took_part = Application.objects.filter(
        applicant=OuterRef("nomination__officer"), status__in=TOOK_PART
    )
    rows = (
        Certificate.objects.filter(
            revoked_at__isnull=True,
            nomination__session__course__track=Track.LEADERSHIP,
            **_prefixed("nomination__officer__", filters),
        )
        .filter(Exists(took_part))
        .values("nomination__officer__sex", "nomination__officer__country__code")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return _counts(rows, "nomination__officer__sex", "nomination__officer__country__code")


def _at_risk_pairs(**filters: Any) -> Breakdown:
    """Active pairs at risk today (see ``selectors.health``), by the mentee's sex and country.
    One query per running cohort."""
    from momentum.mentoring.models import Cohort, CohortStatus
    from momentum.mentoring.selectors.health import at_risk_pairs

    by_sex: dict[str, int] = defaultdict(int)
    by_country: dict[str, int] = defaultdict(int)
    for cohort in Cohort.objects.filter(status=CohortStatus.RUNNING):
        pairs = at_risk_pairs(cohort).filter(**_prefixed("mentee__applicant__", filters))
        for pair in pairs:
            profile = pair.mentee.applicant
            by_sex[profile.sex] += 1
            by_country[pair.mentee.country.code] += 1
    return Breakdown(total=sum(by_sex.values()), by_sex=dict(by_sex), by_country=dict(by_country))


# --- the country by sex tables for a date range (see core/indicators.py) ---


def _profile_table(profiles: Any) -> CrossTab:
    rows = profiles.values("country__code", "sex").annotate(n=Count("pk")).order_by()
    return crosstab_from_rows(rows, country="country__code", sex="sex")


def _mentees_table(start: date | None, end: date | None) -> CrossTab:
    """Women who took a place in a cohort that started in the range. One query."""
    from momentum.mentoring.models import Application
    from momentum.people.models import Profile

    took_part = Application.objects.filter(
        applicant=OuterRef("pk"),
        status__in=TOOK_PART,
        **between("cohort__starts_on", start, end),
    )
    return _profile_table(Profile.objects.filter(Exists(took_part)))


def _completion_table(start: date | None, end: date | None) -> CrossTab:
    """Mentees of completed cohorts that ended in the range; the part: those who completed."""
    from momentum.mentoring.models import Application, ApplicationStatus, CohortStatus

    rows = (
        Application.objects.filter(
            cohort__status=CohortStatus.COMPLETED,
            status__in=TOOK_PART,
            **between("cohort__ends_on", start, end),
        )
        .values("applicant__country__code", "applicant__sex")
        .annotate(n=Count("pk"), done=Count("pk", filter=Q(status=ApplicationStatus.COMPLETED)))
        .order_by()
    )
    return crosstab_from_rows(
        rows,
        country="applicant__country__code",
        sex="applicant__sex",
        part="done",
        unit=Unit.PERCENTAGE,
    )


def _opportunity_table(start: date | None, end: date | None) -> CrossTab:
    """Mentees allocated a place at an event that started in the range. One query."""
    from momentum.mentoring.models import Candidacy, CandidacyStatus

    allocated = Candidacy.objects.filter(
        person=OuterRef("pk"),
        status=CandidacyStatus.ALLOCATED,
        opportunity__kind__in=SPOKE_OR_ATTENDED,
        **between("opportunity__starts_on", start, end),
    )
    return _profile_table(_mentee_profiles().filter(Exists(allocated)))


def _leadership_table(start: date | None, end: date | None) -> CrossTab:
    """Leadership certificates of mentees issued in the range. One query."""
    from momentum.mentoring.models import Application
    from momentum.training.models import Certificate, Track

    took_part = Application.objects.filter(
        applicant=OuterRef("nomination__officer"), status__in=TOOK_PART
    )
    rows = (
        Certificate.objects.filter(
            revoked_at__isnull=True,
            nomination__session__course__track=Track.LEADERSHIP,
            **between("issued_on", start, end),
        )
        .filter(Exists(took_part))
        .values("nomination__officer__country__code", "nomination__officer__sex")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return crosstab_from_rows(
        rows, country="nomination__officer__country__code", sex="nomination__officer__sex"
    )


def _at_risk_table(start: date | None, end: date | None) -> CrossTab:
    """Pairs at risk are a state of today: the range does not narrow them."""
    breakdown_cells: dict[tuple[str, str], int] = defaultdict(int)
    from momentum.mentoring.models import Cohort, CohortStatus
    from momentum.mentoring.selectors.health import at_risk_pairs

    for cohort in Cohort.objects.filter(status=CohortStatus.RUNNING):
        for pair in at_risk_pairs(cohort):
            cell = (pair.mentee.country.code, pair.mentee.applicant.sex)
            breakdown_cells[cell] += 1
    return CrossTab(n=dict(breakdown_cells))


def _countries_at_conference(**filters: Any) -> Breakdown:
    """Partner countries with at least one mentee allocated a place at an international
    conference or the INTERPOL Training Symposium. One query."""
    from momentum.mentoring.models import Candidacy, CandidacyStatus

    codes = set(
        Candidacy.objects.filter(
            status=CandidacyStatus.ALLOCATED,
            opportunity__kind__in=("conference", "symposium"),
            person__in=_mentee_profiles(**filters).values("pk"),
        )
        .values_list("person__country__code", flat=True)
        .distinct()
    )
    return Breakdown(total=len(codes), by_country=dict.fromkeys(sorted(codes), 1))


MENTEES = register(
    Indicator(
        code="mentoring.mentees",
        name=_("Women officers mentored"),
        definition=_(
            "Women officers who took a place in a mentoring cohort (accepted, including those "
            "who completed it or left early), each counted once. By country."
        ),
        compute=_mentees,
        app="mentoring",
        goal=3,
        table=_mentees_table,
    )
)
COMPLETION_RATE = register(
    Indicator(
        code="mentoring.completion_rate",
        name=_("Mentoring completion rate (%)"),
        definition=_(
            "Of the mentees of cohorts that have ended, the percentage who completed the "
            "programme (whole percent, rounded half up). By country: the rate among that "
            "country's mentees."
        ),
        compute=_completion_rate,
        app="mentoring",
        goal=3,
        table=_completion_table,
        unit=Unit.PERCENTAGE,
    )
)
WITH_OPPORTUNITY = register(
    Indicator(
        code="mentoring.mentees_with_opportunity",
        name=_("Mentees who attended or spoke at an international event"),
        definition=_(
            "Mentees allocated a place at an international conference, the INTERPOL Training "
            "Symposium or a speaking slot, each counted once. By country."
        ),
        compute=_with_opportunity,
        app="mentoring",
        goal=3,
        table=_opportunity_table,
    )
)
LEADERSHIP_COURSES = register(
    Indicator(
        code="mentoring.leadership_courses_completed",
        name=_("Leadership courses completed by mentees"),
        definition=_(
            "Certificates (not revoked) from sessions of leadership courses held by mentees; a "
            "mentee who completed two courses counts twice. By country."
        ),
        compute=_leadership_courses,
        app="mentoring",
        goal=3,
        table=_leadership_table,
    )
)
AT_RISK_PAIRS = register(
    Indicator(
        code="mentoring.at_risk_pairs",
        name=_("Mentoring pairs at risk"),
        definition=_(
            "Active pairs of running cohorts with no meeting for more than 45 days, or whose "
            "latest check-in gave satisfaction or progress of 2 or less out of 5. By the "
            "mentee's country."
        ),
        compute=_at_risk_pairs,
        app="mentoring",
        goal=3,
        table=_at_risk_table,
    )
)
COUNTRIES_AT_CONFERENCE = register(
    Indicator(
        code="mentoring.countries_with_mentee_at_conference",
        name=_("Countries with at least one mentee at an international conference"),
        definition=_(
            "Partner countries with at least one mentee allocated a place at an international "
            "conference or the INTERPOL Training Symposium. By country: 1 when the country has "
            "one; no breakdown by sex."
        ),
        compute=_countries_at_conference,
        app="mentoring",
        goal=3,
    )
)
