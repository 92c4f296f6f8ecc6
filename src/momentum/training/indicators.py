"""Training's indicators for the results framework, computed from the records.

Each one is a few grouped SQL queries (``values().annotate()``) whatever the number of rows.
As for ``people.officers_registered``, the filters an indicator takes (``value(**filters)``) are
lookups on the officer's profile — ``country__code="JO"``, ``sex="female"``, ``agency=…`` — and
the breakdowns are by the officer's sex and their profile's country.

``Breakdown`` holds whole numbers: counts are counts; shares are whole percentages and means are
whole points, rounded half up (each definition says which). Officers trained are also counted
per track, one indicator per track, since a breakdown has no track dimension. The share of
satisfied participants has no breakdown at all: evaluations are anonymous.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.db.models import Count, Exists, F, OuterRef, Q, Sum
from django.utils.translation import gettext_lazy as _

from momentum.core.indicators import (
    Breakdown,
    CrossTab,
    Indicator,
    TableFunction,
    Unit,
    between,
    crosstab_from_rows,
    register,
)


def _officer_filters(prefix: str, filters: dict[str, Any]) -> dict[str, Any]:
    """The profile lookups ``filters`` as seen from a model that reaches the profile by
    ``prefix`` (``officer__`` from a nomination)."""
    return {f"{prefix}{lookup}": value for lookup, value in filters.items()}


def _whole(value: Decimal) -> int:
    return int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def _percent(part: int, whole: int) -> int:
    return _whole(Decimal(100 * part) / Decimal(whole)) if whole else 0


def _counts(rows: Any, sex: str, country: str) -> Breakdown:
    """A breakdown of counts from rows grouped by sex and country, each with ``n``."""
    by_sex: dict[str, int] = defaultdict(int)
    by_country: dict[str, int] = defaultdict(int)
    for row in rows:
        by_sex[row[sex]] += row["n"]
        by_country[row[country]] += row["n"]
    return Breakdown(total=sum(by_sex.values()), by_sex=dict(by_sex), by_country=dict(by_country))


# --- officers trained ---


def _officers_trained(track: str | None = None, **filters: Any) -> Breakdown:
    """Officers who hold a certificate (not revoked) from a training session, each counted
    once however many they hold. One query."""
    from momentum.people.models import Profile
    from momentum.training.models import Certificate

    certificates = Certificate.objects.filter(
        nomination__officer=OuterRef("pk"), revoked_at__isnull=True
    )
    if track is not None:
        certificates = certificates.filter(nomination__session__course__track=track)
    rows = (
        Profile.objects.filter(**filters)
        .filter(Exists(certificates))
        .values("sex", "country__code")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return _counts(rows, "sex", "country__code")


def _officers_trained_table(track: str | None = None) -> TableFunction:
    """Officers with a certificate (not revoked) issued in the range, each counted once."""

    def table(start: date | None, end: date | None) -> CrossTab:
        from momentum.people.models import Profile
        from momentum.training.models import Certificate

        certificates = Certificate.objects.filter(
            nomination__officer=OuterRef("pk"),
            revoked_at__isnull=True,
            **between("issued_on", start, end),
        )
        if track is not None:
            certificates = certificates.filter(nomination__session__course__track=track)
        rows = (
            Profile.objects.filter(Exists(certificates))
            .values("country__code", "sex")
            .annotate(n=Count("pk"))
            .order_by()
        )
        return crosstab_from_rows(rows, country="country__code", sex="sex")

    return table


def _officers_trained_records(start: date | None, end: date | None) -> Any:
    from momentum.people.models import Profile
    from momentum.training.models import Certificate

    certificates = Certificate.objects.filter(
        nomination__officer=OuterRef("pk"),
        revoked_at__isnull=True,
        **between("issued_on", start, end),
    )
    return Profile.objects.filter(Exists(certificates))


OFFICERS_TRAINED = register(
    Indicator(
        code="training.officers_trained",
        name=_("Officers trained"),
        definition=_(
            "Officers who completed at least one training session, that is who hold a "
            "certificate from a session that has not been revoked; each officer is counted once "
            "however many sessions they completed. By sex and by country (of the officer's "
            "profile). The same count per track is given by the indicators "
            "training.officers_trained.<track>."
        ),
        compute=_officers_trained,
        app="training",
        goal=2,
        table=_officers_trained_table(),
        records=_officers_trained_records,
    )
)


def _trained_in(track: str) -> Callable[..., Breakdown]:
    def compute(**filters: Any) -> Breakdown:
        return _officers_trained(track, **filters)

    return compute


# One indicator per track (crime_specific, interpol_capabilities, leadership,
# gender_sensitive), each under the goal its courses serve.
_TRACK_INDICATORS = (
    (
        "crime_specific",
        _("Officers trained in crime-specific courses"),
        _(
            "Officers who hold a certificate (not revoked) from a session of a crime-specific "
            "course, each counted once. By sex and by country."
        ),
        2,
    ),
    (
        "interpol_capabilities",
        _("Officers trained in INTERPOL policing capabilities"),
        _(
            "Officers who hold a certificate (not revoked) from a session of a course on "
            "INTERPOL's policing capabilities, each counted once. By sex and by country."
        ),
        1,
    ),
    (
        "leadership",
        _("Officers trained in leadership"),
        _(
            "Officers who hold a certificate (not revoked) from a session of a leadership "
            "programme, each counted once. By sex and by country."
        ),
        2,
    ),
    (
        "gender_sensitive",
        _("Officers trained in gender-sensitive policing"),
        _(
            "Officers who hold a certificate (not revoked) from a session of a course on "
            "gender-sensitive policing, each counted once. By sex and by country."
        ),
        4,
    ),
)
OFFICERS_TRAINED_BY_TRACK = {
    track: register(
        Indicator(
            code=f"training.officers_trained.{track}",
            name=name,
            definition=definition,
            compute=_trained_in(track),
            app="training",
            goal=goal,
            table=_officers_trained_table(track),
        )
    )
    for track, name, definition, goal in _TRACK_INDICATORS
}


# --- share of women among participants ---


def _women_among_participants(track: str | None = None, **filters: Any) -> Breakdown:
    """One query: selected participations grouped by country, with the women among them."""
    from momentum.people.models import Sex
    from momentum.training.models import Nomination, NominationStatus, SessionStatus

    places = Nomination.objects.filter(status=NominationStatus.SELECTED)
    if track is not None:
        places = places.filter(session__course__track=track)
    rows = (
        places.exclude(session__status=SessionStatus.CANCELLED)
        .filter(**_officer_filters("officer__", filters))
        .values("officer__country__code")
        .annotate(n=Count("pk"), women=Count("pk", filter=Q(officer__sex=Sex.FEMALE)))
        .order_by()
    )
    participants = women = 0
    by_country = {}
    for row in rows:
        participants += row["n"]
        women += row["women"]
        by_country[row["officer__country__code"]] = _percent(row["women"], row["n"])
    return Breakdown(total=_percent(women, participants), by_country=by_country)


def _participants_table(track: str | None = None) -> TableFunction:
    """Places of selected participants in sessions (not cancelled) whose first day is in the
    range, with the women among them as the part. One query."""

    def table(start: date | None, end: date | None) -> CrossTab:
        from momentum.people.models import Sex
        from momentum.training.models import Nomination, NominationStatus, SessionStatus

        places = Nomination.objects.filter(
            status=NominationStatus.SELECTED, **between("session__starts_on", start, end)
        ).exclude(session__status=SessionStatus.CANCELLED)
        if track is not None:
            places = places.filter(session__course__track=track)
        rows = (
            places.values("officer__country__code", "officer__sex")
            .annotate(n=Count("pk"), women=Count("pk", filter=Q(officer__sex=Sex.FEMALE)))
            .order_by()
        )
        return crosstab_from_rows(
            rows,
            country="officer__country__code",
            sex="officer__sex",
            part="women",
            unit=Unit.PERCENTAGE,
        )

    return table


WOMEN_AMONG_PARTICIPANTS = register(
    Indicator(
        code="training.women_among_participants",
        name=_("Share of women among participants"),
        definition=_(
            "Of the places given to selected participants in training sessions (not "
            "cancelled), the share taken by women, in whole percent; an officer who took part in "
            "two sessions counts twice. Overall and by country; 0 when there is no participant."
        ),
        compute=_women_among_participants,
        app="training",
        goal=3,
        unit=Unit.PERCENTAGE,
        table=_participants_table(),
    )
)


# --- knowledge gain ---


def _knowledge_gain(**filters: Any) -> Breakdown:
    """One query: each post-test joined to the same participant's pre-test, the gains summed
    per sex and country; the means are taken from those sums."""
    from momentum.training.models import NominationStatus, TestAttempt, TestKind

    rows = (
        TestAttempt.objects.filter(
            kind=TestKind.POST,
            nomination__status=NominationStatus.SELECTED,
            nomination__attempts__kind=TestKind.PRE,
        )
        .filter(**_officer_filters("nomination__officer__", filters))
        .values("nomination__officer__sex", "nomination__officer__country__code")
        # The pre-test is the row of the join filtered just above (one per participant).
        .annotate(n=Count("pk"), gain=Sum(F("score") - F("nomination__attempts__score")))
        .order_by()
    )
    sums: dict[str, dict[str, list[Decimal]]] = {"sex": {}, "country": {}}
    total = [Decimal(0), Decimal(0)]
    for row in rows:
        gain, count = Decimal(row["gain"]), Decimal(row["n"])
        for group, key in (
            ("sex", row["nomination__officer__sex"]),
            ("country", row["nomination__officer__country__code"]),
        ):
            cell = sums[group].setdefault(key, [Decimal(0), Decimal(0)])
            cell[0] += gain
            cell[1] += count
        total[0] += gain
        total[1] += count

    def mean(cell: list[Decimal]) -> int:
        return _whole(cell[0] / cell[1]) if cell[1] else 0

    return Breakdown(
        total=mean(total),
        by_sex={key: mean(cell) for key, cell in sums["sex"].items()},
        by_country={key: mean(cell) for key, cell in sums["country"].items()},
    )


def _knowledge_gain_table(start: date | None, end: date | None) -> CrossTab:
    """Participants whose post-test was submitted in the range (and who took the pre-test),
    with the sum of their gains as the part. One query."""
    from momentum.training.models import NominationStatus, TestAttempt, TestKind

    rows = (
        TestAttempt.objects.filter(
            kind=TestKind.POST,
            nomination__status=NominationStatus.SELECTED,
            nomination__attempts__kind=TestKind.PRE,
            **between("submitted_at", start, end, is_datetime=True),
        )
        .values("nomination__officer__country__code", "nomination__officer__sex")
        .annotate(n=Count("pk"), gain=Sum(F("score") - F("nomination__attempts__score")))
        .order_by()
    )
    return crosstab_from_rows(
        rows,
        country="nomination__officer__country__code",
        sex="nomination__officer__sex",
        part="gain",
        unit=Unit.MEAN,
    )


KNOWLEDGE_GAIN = register(
    Indicator(
        code="training.knowledge_gain",
        name=_("Mean knowledge gain"),
        definition=_(
            "The mean, over selected participants who took both tests of a session, of the "
            "post-test score minus the pre-test score (scores from 0 to 100), in whole points. "
            "Overall, by sex and by country; 0 when no participant took both tests."
        ),
        compute=_knowledge_gain,
        app="training",
        goal=2,
        unit=Unit.MEAN,
        table=_knowledge_gain_table,
    )
)


# --- satisfied participants ---


def _satisfied_participants(**filters: Any) -> Breakdown:
    if filters:
        raise ValueError(
            "The share of satisfied participants cannot be narrowed to officers: "
            "evaluations are anonymous."
        )
    from momentum.training.selectors import satisfied_participants

    satisfied, answered = satisfied_participants()
    return Breakdown(total=_percent(satisfied, answered))


SATISFIED_PARTICIPANTS = register(
    Indicator(
        code="training.satisfied_participants",
        name=_("Share of satisfied participants"),
        definition=_(
            "Of the end-of-session evaluations answered in full, the share whose four ratings "
            "(relevance, content, trainers, organisation, from 1 to 5) have a mean of at least "
            "4, in whole percent; 0 when there is none. Evaluations are anonymous, so this "
            "indicator has no breakdown by sex or by country and cannot be narrowed to a group "
            "of officers."
        ),
        compute=_satisfied_participants,
        app="training",
        goal=2,
        unit=Unit.PERCENTAGE,
    )
)


# --- certificates issued ---


def _certificates_issued(**filters: Any) -> Breakdown:
    """One query: training certificates not revoked, grouped by their holder's sex and country."""
    from momentum.training.models import Certificate

    rows = (
        Certificate.objects.filter(nomination__isnull=False, revoked_at__isnull=True)
        .filter(**_officer_filters("nomination__officer__", filters))
        .values("nomination__officer__sex", "nomination__officer__country__code")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return _counts(rows, "nomination__officer__sex", "nomination__officer__country__code")


def _certificates_table(start: date | None, end: date | None) -> CrossTab:
    """Training certificates (not revoked) issued in the range. One query."""
    from momentum.training.models import Certificate

    rows = (
        Certificate.objects.filter(
            nomination__isnull=False, revoked_at__isnull=True, **between("issued_on", start, end)
        )
        .values("nomination__officer__country__code", "nomination__officer__sex")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return crosstab_from_rows(
        rows, country="nomination__officer__country__code", sex="nomination__officer__sex"
    )


CERTIFICATES_ISSUED = register(
    Indicator(
        code="training.certificates_issued",
        name=_("Certificates issued"),
        definition=_(
            "Certificates issued to participants of training sessions and not revoked (expired "
            "ones included: they were issued); an officer who completed two sessions counts "
            "twice. By sex and by country of the holder."
        ),
        compute=_certificates_issued,
        app="training",
        goal=2,
        table=_certificates_table,
    )
)


# --- women among leadership-course participants (the brochure's leadership programmes for
# women and men) ---


def _women_among_leadership_participants(**filters: Any) -> Breakdown:
    return _women_among_participants(track="leadership", **filters)


WOMEN_AMONG_LEADERSHIP_PARTICIPANTS = register(
    Indicator(
        code="training.women_among_leadership_participants",
        name=_("Share of women among leadership-course participants"),
        definition=_(
            "Of the places given to selected participants in sessions (not cancelled) of "
            "leadership courses, the share taken by women, in percent; for a period, sessions "
            "whose first day falls in it. Overall and by country."
        ),
        compute=_women_among_leadership_participants,
        app="training",
        goal=3,
        unit=Unit.PERCENTAGE,
        table=_participants_table("leadership"),
    )
)
