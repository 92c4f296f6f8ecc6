"""Reads for the panel and the selection board, scoped to the reader.

A panel member sees the applications of her cohort once nationally endorsed, and her own
reviews only (she scores independently). Staff see, on the selection board, every panel
member's total for each application and the aggregate score.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch

from momentum.core.models import Country
from momentum.mentoring.models import (
    Application,
    ApplicationStatus,
    Cohort,
    CohortPlace,
    Review,
    RubricCriterion,
)
from momentum.mentoring.selectors.cohorts import get_cohort_for
from momentum.mentoring.services.selection import (
    WITH_THE_PANEL,
    as_decimal,
    ranked,
    review_total,
    scoring_open,
)
from momentum.people.models import User

# The states of an application on a panel member's list.
TO_SCORE = "to_score"
SCORED = "scored"
CONFLICT = "conflict"
INCOMPLETE = "incomplete"  # scored before a criterion was added to the rubric
CLOSED = "closed"  # left the panel's hands without her review


def is_on_panel(user: Any, cohort: Cohort) -> bool:
    return bool(user.has_perm("mentoring.view_panel", cohort))


def get_cohort_for_panel(user: Any, pk: int) -> Cohort:
    """The cohort whose panel ``user`` sits on: 404 when she may not see it, 403 when she is
    not on its panel."""
    cohort = get_cohort_for(user, pk)
    if not is_on_panel(user, cohort):
        raise PermissionDenied
    return cohort


def get_cohort_for_selection(user: Any, pk: int) -> Cohort:
    """The cohort, for staff's selection board: 404 unseen, 403 for anyone but staff."""
    cohort = get_cohort_for(user, pk)
    if not user.has_perm("mentoring.select_applicants"):
        raise PermissionDenied
    return cohort


def _scores_of(review: Review) -> dict[int, int]:
    return {score.criterion_id: score.score for score in review.scores.all()}


def total_of(review: Review | None, criteria: list[RubricCriterion]) -> Decimal | None:
    """A review's total out of 100 (two decimals); None for a conflict or an incomplete one.
    Reads the review's prefetched scores."""
    if review is None or review.conflict_of_interest:
        return None
    return as_decimal(review_total(_scores_of(review), criteria))


@dataclass
class PanelRow:
    application: Application
    review: Review | None
    total: Decimal | None
    state: str
    can_score: bool


@dataclass
class PanelQueue:
    cohort: Cohort
    rows: list[PanelRow]

    @property
    def done(self) -> int:
        return sum(1 for row in self.rows if row.state in (SCORED, CONFLICT))

    @property
    def to_do(self) -> int:
        return sum(1 for row in self.rows if row.state in (TO_SCORE, INCOMPLETE))


def panel_queue(user: User, cohort: Cohort) -> PanelQueue:
    """The applications the panel member reads, by country then as they arrived, each with
    her own review only. Three queries whatever the number of applications (the
    applications, her reviews, their scores); the cohort's criteria come prefetched."""
    criteria = list(cohort.criteria.all())
    applications = (
        Application.objects.filter(cohort=cohort, status__in=WITH_THE_PANEL)
        .select_related("applicant__user", "country")
        .prefetch_related(
            Prefetch(
                "reviews",
                queryset=Review.objects.filter(panelist=user).prefetch_related("scores"),
                to_attr="own_reviews",
            )
        )
        .order_by("country__code", "created_at", "pk")
    )
    rows = []
    for application in applications:
        application.cohort = cohort  # no query for scoring_open
        own = application.own_reviews  # type: ignore[attr-defined]
        review = own[0] if own else None
        total = total_of(review, criteria)
        open_ = scoring_open(application)
        if review is None:
            state = TO_SCORE if open_ else CLOSED
        elif review.conflict_of_interest:
            state = CONFLICT
        elif total is None:
            state = INCOMPLETE if open_ else SCORED
        else:
            state = SCORED
        rows.append(PanelRow(application, review, total, state, open_))
    return PanelQueue(cohort=cohort, rows=rows)


def review_for_scoring(user: User, application: Application) -> Review | None:
    """The panel member's own review of the application, with its scores."""
    return (
        Review.objects.filter(application=application, panelist=user)
        .prefetch_related("scores")
        .first()
    )


# --- the selection board ---


@dataclass
class PanelistCell:
    """One panel member's review of one application, as staff read it on the board."""

    panelist: User
    reviewed: bool
    conflict: bool
    total: Decimal | None
    comment: str = ""
    conflict_note: str = ""


@dataclass
class BoardRow:
    application: Application
    rank: int | None
    cells: list[PanelistCell]

    @property
    def has_comments(self) -> bool:
        return any(cell.comment or cell.conflict_note for cell in self.cells)


@dataclass
class CountryBoard:
    country: Country
    places: int
    candidates: list[BoardRow] = field(default_factory=list)
    decided: list[BoardRow] = field(default_factory=list)

    def _count(self, status: str) -> int:
        return sum(1 for row in self.decided if row.application.status == status)

    @property
    def offered(self) -> int:
        return self._count(ApplicationStatus.OFFERED)

    @property
    def accepted(self) -> int:
        return self._count(ApplicationStatus.ACCEPTED)

    @property
    def free(self) -> int:
        return max(self.places - self.offered - self.accepted, 0)


@dataclass
class PanelProgress:
    panelist: User
    reviewed: int
    conflicts: int
    to_review: int


@dataclass
class SelectionBoard:
    cohort: Cohort
    criteria: list[RubricCriterion]
    panel: list[User]
    countries: list[CountryBoard]
    progress: list[PanelProgress]

    @property
    def candidates(self) -> int:
        return sum(len(country.candidates) for country in self.countries)


def selection_board(cohort: Cohort) -> SelectionBoard:
    """Per country: its places, the offers made and accepted, then the applications with the
    panel ranked by score (ties: more reviews, then the earliest) with every panel member's
    total. Five queries whatever the number of countries, applications and reviews (places,
    panel, applications, reviews, scores); the criteria come prefetched with the cohort."""
    criteria = list(cohort.criteria.all())
    panel = list(cohort.panel.order_by("family_name", "given_name", "pk"))
    boards = {
        place.country_id: CountryBoard(country=place.country, places=place.places)
        for place in CohortPlace.objects.filter(cohort=cohort)
        .select_related("country")
        .order_by("country__code")
    }
    applications = ranked(
        Application.objects.filter(cohort=cohort, status__in=WITH_THE_PANEL)
        .select_related("applicant__user", "country")
        .prefetch_related(Prefetch("reviews", queryset=Review.objects.prefetch_related("scores")))
    )
    reviewed: dict[int, int] = {panelist.pk: 0 for panelist in panel}
    conflicts: dict[int, int] = {panelist.pk: 0 for panelist in panel}
    open_count = 0
    for application in applications:
        board = boards.get(application.country_id)
        if board is None:
            # Applications of a country whose places were withdrawn still show.
            board = boards[application.country_id] = CountryBoard(
                country=application.country, places=0
            )
        reviews = {review.panelist_id: review for review in application.reviews.all()}
        cells = []
        for panelist in panel:
            review = reviews.get(panelist.pk)
            cells.append(
                PanelistCell(
                    panelist=panelist,
                    reviewed=review is not None,
                    conflict=bool(review and review.conflict_of_interest),
                    total=total_of(review, criteria),
                    comment=review.comment if review else "",
                    conflict_note=review.conflict_note if review else "",
                )
            )
        if application.status == ApplicationStatus.ENDORSED:
            open_count += 1
            for panelist_id, review in reviews.items():
                if panelist_id in reviewed:
                    reviewed[panelist_id] += 1
                    conflicts[panelist_id] += int(review.conflict_of_interest)
            board.candidates.append(BoardRow(application, len(board.candidates) + 1, cells))
        else:
            board.decided.append(BoardRow(application, None, cells))
    progress = [
        PanelProgress(
            panelist=panelist,
            reviewed=reviewed[panelist.pk],
            conflicts=conflicts[panelist.pk],
            to_review=open_count - reviewed[panelist.pk],
        )
        for panelist in panel
    ]
    return SelectionBoard(
        cohort=cohort,
        criteria=criteria,
        panel=panel,
        countries=sorted(boards.values(), key=lambda board: board.country.code),
        progress=progress,
    )
