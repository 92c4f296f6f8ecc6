"""Reads for training, scoped to what the reader may see."""

from __future__ import annotations

from django.db.models import OuterRef, QuerySet, Subquery
from django.utils import timezone

from momentum.training.models import Course


def courses(
    *, text: str = "", track: str = "", delivery: str = "", include_inactive: bool = False
) -> QuerySet[Course]:
    """Courses of the catalogue (staff may include those taken out of it), each with the first
    day of its next session open to all (``next_session_on``), in one query."""
    from momentum.training.models import Session, SessionStatus

    found = (Course.objects.all() if include_inactive else Course.objects.active()).select_related(
        "thematic_area"
    )
    next_session = (
        Session.objects.filter(course=OuterRef("pk"), starts_on__gte=timezone.localdate())
        .exclude(status__in=[SessionStatus.DRAFT, SessionStatus.CANCELLED])
        .order_by("starts_on")
        .values("starts_on")[:1]
    )
    found = found.annotate(next_session_on=Subquery(next_session))
    if text:
        found = found.search(text)
    if track:
        found = found.filter(track=track)
    if delivery:
        found = found.filter(delivery=delivery)
    return found.order_by("track", "code")


# --- nominations and selection ---
from dataclasses import dataclass  # noqa: E402
from typing import Any  # noqa: E402

from django.db.models import Count, Q  # noqa: E402
from django.http import Http404  # noqa: E402

from momentum.core.models import Country  # noqa: E402
from momentum.people.models import Profile, Role, Sex  # noqa: E402
from momentum.training.models import (  # noqa: E402
    Nomination,
    NominationStatus,
    SeatQuota,
    Session,
)


def get_session_for_nominations(user: Any, pk: int) -> Session:
    """A session the user may see (with its course and trainers), or 404."""
    session = (
        Session.objects.visible_to(user)
        .select_related("course")
        .prefetch_related("trainers")
        .filter(pk=pk)
        .first()
    )
    if session is None:
        raise Http404
    return session


def session_nominations_for(user: Any, session: Session) -> QuerySet[Nomination]:
    """A session's nominations as ``user`` may see them: staff all, a focal point their
    countries', a trainer of the session its selected participants, an officer their own."""
    nominations = Nomination.objects.filter(session=session)
    if user.is_programme_staff:
        return nominations
    visible = Q(officer__user=user)
    countries = user.countries_for(Role.FOCAL_POINT)
    if countries:
        visible |= Q(country_id__in=countries)
    if any(trainer.pk == user.pk for trainer in session.trainers.all()):
        visible |= Q(status=NominationStatus.SELECTED)
    return nominations.filter(visible)


def with_officers(nominations: QuerySet[Nomination]) -> QuerySet[Nomination]:
    """Nominations with everything shown about the officer, in two queries."""
    return nominations.select_related(
        "officer__user", "officer__agency", "country"
    ).prefetch_related("officer__areas_of_work")


def nomination_candidates(session: Session, country: Country, text: str = "") -> QuerySet[Profile]:
    """The officers of ``country`` not yet nominated for ``session``, by name."""
    candidates = (
        Profile.objects.filter(country=country)
        .exclude(nominations__session=session)
        .with_related()
        .order_by("user__family_name", "user__given_name", "pk")
    )
    return candidates.search(text) if text else candidates


@dataclass
class CountrySeats:
    """One country's line on the selection board."""

    country: Country
    seats: int
    selected: int
    women: int
    waiting: int  # nominated, not yet decided
    waitlisted: int

    @property
    def left(self) -> int:
        return self.seats - self.selected


@dataclass
class GenderBalance:
    """The share of women among a session's selected participants, against its target."""

    selected: int
    women: int
    target_percent: int

    @property
    def percent(self) -> int | None:
        return round(100 * self.women / self.selected) if self.selected else None

    @property
    def below_target(self) -> bool:
        # Compared in whole numbers: 2 women of 5 meets a 40 % target exactly.
        return bool(self.selected) and 100 * self.women < self.target_percent * self.selected


@dataclass
class SelectionSummary:
    countries: list[CountrySeats]
    balance: GenderBalance

    @property
    def seats(self) -> int:
        return sum(line.seats for line in self.countries)

    @property
    def selected(self) -> int:
        return sum(line.selected for line in self.countries)


def selection_summary(session: Session) -> SelectionSummary:
    """Each country's seats, used and left, and the share of women: two queries whatever the
    number of nominations."""
    counts: dict[tuple[int, str, str], int] = {}
    rows = (
        Nomination.objects.filter(session=session)
        .values_list("country_id", "status", "officer__sex")
        .annotate(n=Count("pk"))
        .order_by()
    )
    for country_id, status, sex, n in rows:
        counts[(country_id, status, sex)] = n

    def count(country_id: int, status: str, sex: str | None = None) -> int:
        sexes = [sex] if sex else Sex.values
        return sum(counts.get((country_id, status, each), 0) for each in sexes)

    lines = [
        CountrySeats(
            country=quota.country,
            seats=quota.seats,
            selected=quota.selected,
            women=count(quota.country_id, NominationStatus.SELECTED, Sex.FEMALE),
            waiting=count(quota.country_id, NominationStatus.NOMINATED),
            waitlisted=count(quota.country_id, NominationStatus.WAITLISTED),
        )
        for quota in SeatQuota.objects.filter(session=session)
        .select_related("country")
        .order_by("country__code")
    ]
    selected = sum(
        n for (_c, status, _s), n in counts.items() if status == NominationStatus.SELECTED
    )
    women = sum(
        n
        for (_c, status, sex), n in counts.items()
        if status == NominationStatus.SELECTED and sex == Sex.FEMALE
    )
    return SelectionSummary(
        countries=lines,
        balance=GenderBalance(
            selected=selected, women=women, target_percent=session.women_target_percent
        ),
    )


def my_nominations(user: Any) -> QuerySet[Nomination]:
    """The user's own nominations, the latest sessions first."""
    return (
        Nomination.objects.filter(officer__user=user)
        .select_related("session__course", "country")
        .order_by("-session__starts_on", "-pk")
    )


# --- evaluations ---
import random  # noqa: E402
from decimal import Decimal  # noqa: E402

from django.db.models import F  # noqa: E402
from django.db.models.lookups import GreaterThanOrEqual  # noqa: E402

from momentum.training.models import Evaluation, EvaluationKind  # noqa: E402
from momentum.training.models.evaluations import MIN_GROUP_SIZE  # noqa: E402

_RATINGS = (1, 2, 3, 4, 5)


def get_session_for_evaluations(user: Any, pk: int) -> Session:
    """A session the user may see (with its course and trainers), or 404. Evaluations,
    certificates and exports start from it, then ask their own permission."""
    session = (
        Session.objects.visible_to(user)
        .select_related("course")
        .prefetch_related("trainers")
        .filter(pk=pk)
        .first()
    )
    if session is None:
        raise Http404
    return session


@dataclass(frozen=True)
class RatingCount:
    rating: int
    count: int
    percent: int


@dataclass(frozen=True)
class QuestionResult:
    field: str
    label: Any
    answered: int
    mean: Decimal | None
    distribution: list[RatingCount]


@dataclass(frozen=True)
class EvaluationResults:
    """A survey's results for one session. Below ``MIN_GROUP_SIZE`` answers nothing is shown
    but the count, so no answer can be traced to a person."""

    kind: str
    answers: int
    questions: list[QuestionResult]
    comments: list[str]
    satisfied_percent: int | None
    min_group_size: int = MIN_GROUP_SIZE

    @property
    def shown(self) -> bool:
        return self.answers >= self.min_group_size


def evaluation_results(session: Session, kind: str) -> EvaluationResults:
    """Means and distributions per question, the comments in random order and without dates,
    the share of satisfied participants. One query."""
    from momentum.training.services.evaluations import QUESTION_LABELS, QUESTIONS

    fields = QUESTIONS[kind]
    rows = list(
        Evaluation.objects.filter(session=session, kind=kind).values_list(*fields, "comments")
    )
    if len(rows) < MIN_GROUP_SIZE:
        return EvaluationResults(
            kind=kind, answers=len(rows), questions=[], comments=[], satisfied_percent=None
        )
    questions = []
    for index, field in enumerate(fields):
        values = [row[index] for row in rows if row[index] is not None]
        counts = {rating: values.count(rating) for rating in _RATINGS}
        questions.append(
            QuestionResult(
                field=field,
                label=QUESTION_LABELS[field],
                answered=len(values),
                mean=(Decimal(sum(values)) / len(values)).quantize(Decimal("0.1"))
                if values
                else None,
                distribution=[
                    RatingCount(rating, counts[rating], round(100 * counts[rating] / len(values)))
                    for rating in _RATINGS
                    if values
                ],
            )
        )
    comments = [row[-1].strip() for row in rows if row[-1] and row[-1].strip()]
    # Shuffled: the order of the comments must not follow the order of the answers.
    random.SystemRandom().shuffle(comments)
    satisfied = None
    if kind == EvaluationKind.END_OF_SESSION:
        satisfied = round(
            100 * sum(1 for row in rows if _is_satisfied(row[: len(fields)])) / len(rows)
        )
    return EvaluationResults(
        kind=kind,
        answers=len(rows),
        questions=questions,
        comments=comments,
        satisfied_percent=satisfied,
    )


def _is_satisfied(ratings: tuple[Any, ...]) -> bool:
    # The mean of the four ratings is at least 4, i.e. their sum at least 16.
    return None not in ratings and sum(ratings) >= 4 * len(ratings)


def satisfied_participants(sessions: QuerySet[Session] | None = None) -> tuple[int, int]:
    """``(satisfied, answered)`` over the end-of-session evaluations of ``sessions`` (all by
    default): satisfied means the mean of the four ratings is at least 4. For the indicator
    "share of satisfied participants". One query."""
    evaluations = Evaluation.objects.filter(
        kind=EvaluationKind.END_OF_SESSION,
        relevance__isnull=False,
        content__isnull=False,
        trainers__isnull=False,
        organisation__isnull=False,
    )
    if sessions is not None:
        evaluations = evaluations.filter(session__in=sessions)
    total = F("relevance") + F("content") + F("trainers") + F("organisation")
    counts = evaluations.aggregate(
        answered=Count("pk"), satisfied=Count("pk", filter=GreaterThanOrEqual(total, 16))
    )
    return counts["satisfied"], counts["answered"]


# --- certificates, transcripts and exports ---
from momentum.training.completion import Progress, progress_for  # noqa: E402
from momentum.training.models import Certificate  # noqa: E402


def get_certificate_for(user: Any, pk: int) -> Certificate:
    """A certificate the user may open (its holder, staff, the holder's focal point), or 404:
    nobody else learns that it exists."""
    certificate = (
        Certificate.objects.select_related("holder__profile", "nomination__session")
        .filter(pk=pk)
        .first()
    )
    if certificate is None or not user.has_perm("training.view_certificate", certificate):
        raise Http404
    return certificate


def certificate_by_code(code: str) -> Certificate | None:
    """The certificate a verification code names, for the public page (only what it shows)."""
    if not code:
        return None
    return (
        Certificate.objects.only(
            "code",
            "holder_name",
            "holder_name_ar",
            "title",
            "starts_on",
            "ends_on",
            "hours",
            "issued_on",
            "expires_on",
            "revoked_at",
        )
        .filter(code=code)
        .first()
    )


def get_transcript_profile_for(user: Any, pk: int) -> Profile:
    """The officer whose transcript the user may see, or 404."""
    profile = Profile.objects.select_related("user", "country", "agency").filter(pk=pk).first()
    if profile is None or not user.has_perm("training.view_transcript", profile):
        raise Http404
    return profile


@dataclass(frozen=True)
class TranscriptLine:
    nomination: Nomination
    progress: Progress

    @property
    def certificate(self) -> Certificate | None:
        return getattr(self.nomination, "certificate", None)


def transcript(profile: Profile) -> list[TranscriptLine]:
    """Every participation of the officer, the latest first, with attendance, scores,
    completion and certificate. Five queries, whatever the number of participations."""
    nominations = list(
        Nomination.objects.filter(officer=profile)
        .select_related("session__course", "certificate")
        .order_by("-session__starts_on", "-pk")
    )
    progress = progress_for(nominations)
    return [TranscriptLine(nomination, progress[nomination.pk]) for nomination in nominations]


# --- catalogue and sessions ---
from django.core.exceptions import PermissionDenied  # noqa: E402
from django.db.models import Prefetch, Sum  # noqa: E402

from momentum.training.models import SessionStatus  # noqa: E402

# Sessions listed with a course and in the calendar: past the draft stage, not cancelled.
_UPCOMING_EXCLUDED = (SessionStatus.DRAFT, SessionStatus.CANCELLED)


def get_course_for(user: Any, pk: int, *, write: bool = False) -> Course:
    """A course with what its page shows, or 404 (a course taken out of the catalogue is
    hidden but from staff); 403 when ``write`` is asked by someone who may not edit."""
    course = (
        Course.objects.select_related("thematic_area")
        .prefetch_related("target_areas", "prerequisites")
        .filter(pk=pk)
        .first()
    )
    if course is None:
        raise Http404
    if not course.is_active and not user.has_perm("training.manage_catalogue"):
        raise Http404
    if write and not user.has_perm("training.manage_catalogue"):
        raise PermissionDenied
    return course


def upcoming_sessions_of(user: Any, course: Course, *, limit: int = 20) -> list[Session]:
    """The course's next sessions the user may see, soonest first (one query)."""
    return list(
        Session.objects.visible_to(user)
        .filter(course=course, ends_on__gte=timezone.localdate())
        .exclude(status=SessionStatus.CANCELLED)
        .select_related("venue_country")
        .order_by("starts_on", "pk")[:limit]
    )


def _seats_taken() -> Subquery:
    return Subquery(
        SeatQuota.objects.filter(session=OuterRef("pk"))
        .values("session")
        .annotate(taken=Sum("selected"))
        .values("taken")[:1]
    )


def sessions_for(
    user: Any,
    *,
    status: str = "",
    course: Course | None = None,
    track: str = "",
    when: str = "",
) -> QuerySet[Session]:
    """The sessions ``user`` may see, filtered; upcoming ones soonest first, others latest
    first. Each carries ``seats_taken`` (the selected participants), in one query."""
    sessions = (
        Session.objects.visible_to(user)
        .select_related("course", "venue_country")
        .annotate(seats_taken=_seats_taken())
    )
    if status:
        sessions = sessions.filter(status=status)
    if course is not None:
        sessions = sessions.filter(course=course)
    if track:
        sessions = sessions.filter(course__track=track)
    today = timezone.localdate()
    if when == "upcoming":
        return sessions.filter(ends_on__gte=today).order_by("starts_on", "pk")
    if when == "past":
        sessions = sessions.filter(ends_on__lt=today)
    return sessions.order_by("-starts_on", "-pk")


def get_session_for(user: Any, pk: int, *, write: bool = False) -> Session:
    """A session with its course, venue, quotas (with countries) and trainers, or 404 when the
    user may not see it; 403 when ``write`` is asked by someone who may not manage it."""
    session = (
        Session.objects.visible_to(user)
        .select_related("course", "course__thematic_area", "venue_country")
        .prefetch_related(
            Prefetch(
                "quotas",
                queryset=SeatQuota.objects.select_related("country").order_by("country__code"),
            ),
            "trainers",
        )
        .filter(pk=pk)
        .first()
    )
    if session is None or not user.has_perm("training.view_session", session):
        raise Http404
    if write and not user.has_perm("training.manage_sessions"):
        raise PermissionDenied
    return session


def calendar_sessions(user: Any) -> QuerySet[Session]:
    """The sessions in a person's calendar: those they take part in (selected) or teach, but
    not cancelled ones. One query."""
    return (
        Session.objects.filter(
            Q(nominations__officer__user=user, nominations__status=NominationStatus.SELECTED)
            | Q(trainers=user)
        )
        .exclude(status=SessionStatus.CANCELLED)
        .select_related("course", "venue_country")
        .distinct()
        .order_by("starts_on", "pk")
    )
