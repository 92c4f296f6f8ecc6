"""Reads of nominations and selection."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db.models import Case, Count, OuterRef, Q, QuerySet, Subquery, When
from django.http import Http404

from momentum.core.models import Country
from momentum.people.models import Profile, Role, Sex
from momentum.training.models import (
    Nomination,
    NominationStatus,
    SeatQuota,
    Session,
    SessionStatus,
)


def get_session_for_nominations(user: Any, pk: int) -> Session:
    """A session the user may see (with its course and trainers), or 404."""
    session = (
        Session.objects.visible_to(user)
        .select_related("course", "venue_city")
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


def board_nominations(
    session: Session, *, country: str = "", status: str = ""
) -> QuerySet[Nomination]:
    """A session's nominations as the selection board lists them: by country, those awaiting a
    decision first, then in the order they came; narrowed to a country code or a status."""
    nominations = Nomination.objects.filter(session=session)
    if country:
        nominations = nominations.filter(country__code=country.upper())
    if status in NominationStatus.values:
        nominations = nominations.filter(status=status)
    pending_first = Case(When(status=NominationStatus.NOMINATED, then=0), default=1)
    return nominations.order_by("country__code", pending_first, "created_at", "pk")


def with_officers(nominations: QuerySet[Nomination]) -> QuerySet[Nomination]:
    """Nominations with everything shown about the officer, in two queries."""
    return nominations.select_related(
        "officer__user", "officer__agency", "officer__rank", "country"
    ).prefetch_related("officer__areas_of_work")


def with_officers_in_order(page: Iterable[Nomination]) -> list[Nomination]:
    """The nominations of ``page`` again, with everything shown about each officer (as
    ``with_officers``), in the page's order.

    A page sorted over a whole session needs only the nominations' own columns and their
    country's code: joined to the officers' profiles, users, agencies and ranks for all of a
    session's 500 nominations, PostgreSQL read every profile of the programme (100,000) to
    show 25. The page is chosen first, then only its rows are read with their officers."""
    order = [nomination.pk for nomination in page]
    loaded = with_officers(Nomination.objects.filter(pk__in=order)).in_bulk()
    return [loaded[pk] for pk in order if pk in loaded]


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
    # Each nomination's officer's sex is read by its primary key: joined instead, PostgreSQL
    # hashes every profile of the programme (100,000) to count a session's 500 nominations.
    sex = Subquery(Profile.objects.filter(pk=OuterRef("officer_id")).values("sex")[:1])
    rows = (
        Nomination.objects.filter(session=session)
        .annotate(sex=sex)
        .values_list("country_id", "status", "sex")
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
        .select_related("session__course", "session__venue_city", "country")
        .order_by("-session__starts_on", "-pk")
    )


def officers_taught_by(user: Any) -> QuerySet[Profile]:
    """The officers a user teaches: those selected for a session she trains (staff: every
    officer). Other activities that let a trainer work with her trainees start from here."""
    if user.is_programme_staff:
        return Profile.objects.all()
    taught = Nomination.objects.filter(
        session__trainers=user, status=NominationStatus.SELECTED
    ).values("officer_id")
    return Profile.objects.filter(pk__in=taught)


def practical_sessions_for(user: Any) -> QuerySet[Session]:
    """Sessions whose course asks for a practical assessment that the user may assess: the
    sessions she trains (staff: all), not cancelled, the latest first."""
    sessions = Session.objects.filter(course__min_practical_score__isnull=False).exclude(
        status=SessionStatus.CANCELLED
    )
    if not user.is_programme_staff:
        sessions = sessions.filter(trainers=user)
    return sessions.select_related("course").order_by("-starts_on", "pk")


def participation_of(session_id: int, user: Any) -> Nomination | None:
    """The user's selected nomination for the session, if she takes part in it."""
    return (
        Nomination.objects.taking_part()
        .filter(session_id=session_id, officer__user=user)
        .select_related("session")
        .first()
    )
