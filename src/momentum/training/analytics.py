"""Computations for attendance and knowledge tests, done in SQL with a bounded number of
queries whatever the number of participants.

Attendance rate: days attended (present or late) / days of the session. Test results: pre,
post, gain (post - pre) and normalised gain ((post - pre) / (100 - pre), undefined when
pre = 100), their means by sex and by country, the distribution of scores in 10-point bins, and
each question's facility index (the share of right answers).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import (
    Avg,
    Case,
    Count,
    F,
    FilteredRelation,
    FloatField,
    IntegerField,
    Q,
    QuerySet,
    Value,
    When,
)
from django.db.models.functions import Cast, Floor, Least

from momentum.core.models import Country
from momentum.people.models import Role, Sex
from momentum.training.models import (
    Answer,
    AttendanceMark,
    Course,
    Nomination,
    NominationStatus,
    Question,
    Session,
    SessionStatus,
    TestAttempt,
    TestKind,
)
from momentum.training.rules import teaches
from momentum.training.services.assessments import gain, normalised_gain

BINS = 10
BIN_LABELS = [f"{10 * index}–{10 * index + 9}" for index in range(BINS - 1)] + ["90–100"]


def _percent(part: int, whole: int) -> Decimal | None:
    if not whole:
        return None
    return (Decimal(100 * part) / Decimal(whole)).quantize(Decimal("0.1"))


def _decimal(value: Any, places: str = "0.1") -> Decimal | None:
    if value is None:
        return None
    return Decimal(str(value)).quantize(Decimal(places))


# --- attendance ---


@dataclass(frozen=True)
class AttendanceRow:
    nomination: Nomination
    days: int
    present: int
    late: int
    absent: int
    excused: int

    @property
    def attended(self) -> int:
        return self.present + self.late

    @property
    def unmarked(self) -> int:
        return self.days - self.present - self.late - self.absent - self.excused

    @property
    def rate(self) -> Decimal | None:
        return _percent(self.attended, self.days)


def attendance_rows(session: Session) -> list[AttendanceRow]:
    """Each selected participant's marks over the session's days, counted in one query."""
    in_session = Q(attendance__day__range=(session.starts_on, session.ends_on))

    def count(mark: str) -> Count:
        return Count("attendance", filter=in_session & Q(attendance__mark=mark))

    nominations = (
        Nomination.objects.filter(session=session, status=NominationStatus.SELECTED)
        .select_related("officer__user", "officer__agency", "country")
        .annotate(
            present_days=count(AttendanceMark.PRESENT),
            late_days=count(AttendanceMark.LATE),
            absent_days=count(AttendanceMark.ABSENT),
            excused_days=count(AttendanceMark.EXCUSED),
        )
        .order_by("country__code", "officer__user__family_name", "officer__user__given_name", "pk")
    )
    days = (session.ends_on - session.starts_on).days + 1
    return [
        AttendanceRow(
            nomination=nomination,
            days=days,
            present=nomination.present_days,  # type: ignore[attr-defined]
            late=nomination.late_days,  # type: ignore[attr-defined]
            absent=nomination.absent_days,  # type: ignore[attr-defined]
            excused=nomination.excused_days,  # type: ignore[attr-defined]
        )
        for nomination in nominations
    ]


# --- test results: whose ---


def results_scope(
    user: Any, *, session: Session | None = None, course: Course | None = None
) -> QuerySet[Nomination]:
    """The participants whose results ``user`` may see: all for staff and the session's
    trainers, their own country's for a focal point, nobody for anyone else."""
    nominations = Nomination.objects.filter(status=NominationStatus.SELECTED)
    if session is not None:
        nominations = nominations.filter(session=session)
    elif course is not None:
        nominations = nominations.filter(session__course=course).exclude(
            session__status=SessionStatus.CANCELLED
        )
    if user.is_programme_staff:
        return nominations
    if session is not None and teaches(user, session):
        return nominations
    return nominations.filter(country_id__in=user.countries_for(Role.FOCAL_POINT))


def with_scores(nominations: QuerySet[Nomination]) -> QuerySet[Nomination]:
    """``pre_score`` and ``post_score`` on each nomination (None when not taken).

    Two LEFT JOINs on the attempts, one per test (a nomination has at most one of each), rather
    than correlated subqueries: on a course with hundreds of sessions, grouping by sex or
    country then stays one pass over the joined rows.
    """
    return nominations.annotate(
        pre_attempt=FilteredRelation("attempts", condition=Q(attempts__kind=TestKind.PRE)),
        post_attempt=FilteredRelation("attempts", condition=Q(attempts__kind=TestKind.POST)),
    ).annotate(pre_score=F("pre_attempt__score"), post_score=F("post_attempt__score"))


# --- test results: per participant ---


@dataclass(frozen=True)
class ParticipantResult:
    nomination: Nomination
    pre: Decimal | None
    post: Decimal | None

    @property
    def gain(self) -> Decimal | None:
        return gain(self.pre, self.post)

    @property
    def normalised_gain(self) -> Decimal | None:
        return normalised_gain(self.pre, self.post)


def participant_results(nominations: Iterable[Nomination]) -> list[ParticipantResult]:
    """Rows of ``with_scores(…)`` as results (no query of its own)."""
    return [
        ParticipantResult(
            nomination,
            nomination.pre_score,  # type: ignore[attr-defined]
            nomination.post_score,  # type: ignore[attr-defined]
        )
        for nomination in nominations
    ]


# --- test results: groups ---


@dataclass(frozen=True)
class GroupMeans:
    key: str
    label: str
    participants: int
    pre_count: int
    post_count: int
    both_count: int
    pre_mean: Decimal | None
    post_mean: Decimal | None
    gain_mean: Decimal | None
    normalised_gain_mean: Decimal | None


def _mean_aggregates() -> dict[str, Any]:
    both = Q(pre_score__isnull=False, post_score__isnull=False)
    difference = Cast(F("post_score") - F("pre_score"), FloatField())
    return {
        "participants": Count("pk"),
        "pre_count": Count("pre_score"),
        "post_count": Count("post_score"),
        "both_count": Count("pk", filter=both),
        "pre_mean": Avg(Cast("pre_score", FloatField())),
        "post_mean": Avg(Cast("post_score", FloatField())),
        "gain_mean": Avg(difference),
        "normalised_gain_mean": Avg(
            Case(
                When(
                    pre_score__lt=100,
                    then=difference / Cast(Value(100) - F("pre_score"), FloatField()),
                ),
                output_field=FloatField(),
            )
        ),
    }


def _group(key: str, label: str, row: Mapping[str, Any]) -> GroupMeans:
    return GroupMeans(
        key=key,
        label=label,
        participants=row["participants"],
        pre_count=row["pre_count"],
        post_count=row["post_count"],
        both_count=row["both_count"],
        pre_mean=_decimal(row["pre_mean"]),
        post_mean=_decimal(row["post_mean"]),
        gain_mean=_decimal(row["gain_mean"]),
        normalised_gain_mean=_decimal(row["normalised_gain_mean"], "0.01"),
    )


def overall_means(nominations: QuerySet[Nomination]) -> GroupMeans:
    row = with_scores(nominations).aggregate(**_mean_aggregates())
    return _group("all", "", row)


def means_by_sex(nominations: QuerySet[Nomination]) -> list[GroupMeans]:
    rows = (
        with_scores(nominations)
        .order_by()
        .values("officer__sex")
        .annotate(**_mean_aggregates())
        .order_by("officer__sex")
    )
    labels = dict(Sex.choices)
    return [
        _group(row["officer__sex"], str(labels.get(row["officer__sex"], "")), row) for row in rows
    ]


def means_by_country(
    nominations: QuerySet[Nomination], countries: dict[str, Country]
) -> list[GroupMeans]:
    rows = (
        with_scores(nominations)
        .order_by()
        .values("country__code")
        .annotate(**_mean_aggregates())
        .order_by("country__code")
    )
    return [
        _group(row["country__code"], _country_name(countries, row["country__code"]), row)
        for row in rows
    ]


def _country_name(countries: dict[str, Country], code: str) -> str:
    country = countries.get(code)
    return country.name if country is not None else code


def countries_of(nominations: QuerySet[Nomination]) -> dict[str, Country]:
    """The countries of the participants, by code (one query)."""
    return {
        country.code: country
        for country in Country.objects.filter(
            pk__in=nominations.order_by().values("country_id")
        ).order_by("code")
    }


# --- test results: distributions ---


@dataclass
class Distribution:
    """Counts of scores per 10-point bin (the last, 90 to 100, includes 100), per group."""

    by_sex: dict[str, dict[str, list[int]]] = field(default_factory=dict)  # kind → sex → bins
    by_country: dict[str, dict[str, list[int]]] = field(default_factory=dict)

    def for_kind(self, grouping: str, kind: str) -> dict[str, list[int]]:
        groups = self.by_sex if grouping == "sex" else self.by_country
        return groups.get(kind, {})


def distribution(nominations: QuerySet[Nomination]) -> Distribution:
    """One query: attempts counted by test, sex, country and bin; summed here per grouping."""
    rows = (
        TestAttempt.objects.filter(nomination__in=nominations.order_by().values("pk"))
        .annotate(
            bin=Least(Cast(Floor(F("score") / 10), IntegerField()), Value(BINS - 1)),
        )
        .values("kind", "nomination__officer__sex", "nomination__country__code", "bin")
        .annotate(n=Count("pk"))
        .order_by()
    )
    by_sex: dict[str, dict[str, list[int]]] = defaultdict(dict)
    by_country: dict[str, dict[str, list[int]]] = defaultdict(dict)
    for row in rows:
        index = max(0, min(BINS - 1, int(row["bin"])))
        for groups, key in (
            (by_sex, row["nomination__officer__sex"]),
            (by_country, row["nomination__country__code"]),
        ):
            bins = groups[row["kind"]].setdefault(key, [0] * BINS)
            bins[index] += row["n"]
    return Distribution(
        by_sex={kind: dict(sorted(groups.items())) for kind, groups in by_sex.items()},
        by_country={kind: dict(sorted(groups.items())) for kind, groups in by_country.items()},
    )


# --- test results: questions ---


@dataclass(frozen=True)
class QuestionFacility:
    number: int
    question: Question
    pre_answers: int
    pre_right: int
    post_answers: int
    post_right: int

    @property
    def pre_facility(self) -> Decimal | None:
        return _percent(self.pre_right, self.pre_answers)

    @property
    def post_facility(self) -> Decimal | None:
        return _percent(self.post_right, self.post_answers)


def facility(nominations: QuerySet[Nomination], course: Course) -> list[QuestionFacility]:
    """Each question's share of right answers on the pre- and the post-test (two queries).

    Questions in use are listed even when nobody answered them yet; questions taken out of
    use are listed when they were answered.
    """
    counts: dict[int, dict[str, tuple[int, int]]] = defaultdict(dict)
    rows = (
        Answer.objects.filter(attempt__nomination__in=nominations.order_by().values("pk"))
        .values("question_id", "attempt__kind")
        .annotate(n=Count("pk"), right=Count("pk", filter=Q(is_correct=True)))
        .order_by()
    )
    for row in rows:
        counts[row["question_id"]][row["attempt__kind"]] = (row["n"], row["right"])
    questions = Question.objects.filter(course=course).filter(
        Q(is_active=True) | Q(pk__in=list(counts))
    )
    result = []
    for number, question in enumerate(questions.order_by("order", "pk"), start=1):
        pre = counts[question.pk].get(TestKind.PRE, (0, 0))
        post = counts[question.pk].get(TestKind.POST, (0, 0))
        result.append(QuestionFacility(number, question, pre[0], pre[1], post[0], post[1]))
    return result


# --- test results: every figure of a results page, cached ---


@dataclass(frozen=True)
class ResultFigures:
    countries: dict[str, Country]
    overall: GroupMeans
    by_sex: list[GroupMeans]
    by_country: list[GroupMeans]
    distribution: Distribution
    facility: list[QuestionFacility]


def result_figures(nominations: QuerySet[Nomination], course: Course) -> ResultFigures:
    """The figures of a results page (seven grouped queries over every participation and answer
    of a course), cached until a nomination, test, answer, question, session or profile changes
    (training.signals). The key is the participants' query — it holds the reader's scope — and
    the language, in which the groups' labels are written."""
    from django.core.exceptions import EmptyResultSet
    from django.utils.translation import get_language

    from momentum.core import counting
    from momentum.training.signals import RESULTS

    def compute() -> ResultFigures:
        countries = countries_of(nominations)
        return ResultFigures(
            countries=countries,
            overall=overall_means(nominations),
            by_sex=means_by_sex(nominations),
            by_country=means_by_country(nominations, countries),
            distribution=distribution(nominations),
            facility=facility(nominations, course),
        )

    try:
        key = counting.query_key(RESULTS, "figures", nominations, course.pk, get_language())
    except EmptyResultSet:  # nobody in the reader's scope: nothing worth caching
        return compute()
    return counting.cached(RESULTS, key, compute)
