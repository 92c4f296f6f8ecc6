"""Reads for completion and the alumni: each mentee's completion criteria (a checklist for
staff) and the alumni directory (members only, scoped to the reader).

Completion criteria: her learning path completed (every assigned course completed; an empty
path is not done), at least ``Cohort.required_meetings`` meetings in her active or completed
pairing(s), and her development plan reviewed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import Count, Max, QuerySet, Sum
from django.utils.translation import gettext as _

from momentum.mentoring.models import (
    Application,
    ApplicationStatus,
    Cohort,
    Opportunity,
    OpportunityKind,
    Pairing,
    PairingStatus,
)
from momentum.mentoring.selectors.learning_path import PathProgress, progress_for_many
from momentum.people.models import Role

COUNTED_PAIRINGS = (PairingStatus.ACTIVE, PairingStatus.COMPLETED)


@dataclass
class CompletionCheck:
    application: Application
    path: PathProgress
    meetings: int
    required_meetings: int
    plan_reviewed: bool
    minutes: int = 0

    @property
    def path_done(self) -> bool:
        return self.path.is_complete

    @property
    def meetings_done(self) -> bool:
        return self.meetings >= self.required_meetings

    @property
    def missing(self) -> list[str]:
        """The criteria not met yet, as sentences."""
        reasons = []
        if not self.path_done:
            if self.path.assigned == 0:
                reasons.append(_("No course has been assigned to her learning path."))
            else:
                reasons.append(
                    _("Her learning path is not completed: %(done)s of %(total)s courses.")
                    % {"done": self.path.completed, "total": self.path.assigned}
                )
        if not self.meetings_done:
            reasons.append(
                _("She has had %(count)s of the %(required)s meetings required.")
                % {"count": self.meetings, "required": self.required_meetings}
            )
        if not self.plan_reviewed:
            reasons.append(_("Her development plan has not been reviewed."))
        return reasons

    @property
    def meets_criteria(self) -> bool:
        return not self.missing

    @property
    def is_completed(self) -> bool:
        return self.application.status == ApplicationStatus.COMPLETED

    @property
    def hours(self) -> int:
        return self.minutes // 60


def completion_checks(applications: Iterable[Application], cohort: Cohort) -> list[CompletionCheck]:
    """The criteria of each mentee of ``cohort``: three queries however many mentees."""
    applications = list(applications)
    paths = progress_for_many(applications)
    # The plan is one per pairing, so joining it does not multiply the meetings counted.
    pairs: dict[int, dict[str, Any]] = {}
    for row in (
        Pairing.objects.filter(
            mentee_id__in=[a.pk for a in applications], status__in=COUNTED_PAIRINGS
        )
        .order_by()
        .values("mentee_id")
        .annotate(
            meetings_count=Count("meetings"),
            minutes=Sum("meetings__duration_minutes"),
            reviewed=Max("plan__reviewed_at"),
        )
    ):
        pairs[row["mentee_id"]] = dict(row)
    checks = []
    for application in applications:
        found = pairs.get(application.pk, {})
        checks.append(
            CompletionCheck(
                application=application,
                path=paths[application.pk],
                meetings=found.get("meetings_count") or 0,
                required_meetings=cohort.required_meetings,
                plan_reviewed=found.get("reviewed") is not None,
                minutes=found.get("minutes") or 0,
            )
        )
    return checks


def completion_check(application: Application) -> CompletionCheck:
    return completion_checks([application], application.cohort)[0]


# --- the alumni directory ---


@dataclass
class Alumna:
    application: Application
    name: str

    @property
    def country(self) -> Any:
        return self.application.country

    @property
    def cohort(self) -> Cohort:
        return self.application.cohort

    @property
    def areas(self) -> list[Any]:
        return list(self.application.work_areas.all())


def alumni_visible_to(user: Any) -> QuerySet[Application]:
    """Staff and alumnae: every alumna; focal points: their country's; anyone else none."""
    alumni = Application.objects.filter(status=ApplicationStatus.COMPLETED)
    if not getattr(user, "is_authenticated", False):
        return alumni.none()
    if user.is_programme_staff or _is_alumna(user):
        return alumni
    countries = user.countries_for(Role.FOCAL_POINT)
    if countries:
        return alumni.filter(country_id__in=countries)
    return alumni.none()


def _is_alumna(user: Any) -> bool:
    from momentum.mentoring.rules import is_alumna

    return bool(is_alumna(user))


def _names(applications: list[Application], language: str) -> dict[int, str]:
    """How each alumna is named: as in her Knowledge Hub settings when the hub exists (her
    initials if she chose so), else her full name in the reader's script."""
    users = [application.applicant.user for application in applications]
    try:
        from momentum.hub.selectors.members import display_names
    except ImportError:  # pragma: no cover - the hub is part of the project
        return {user.pk: user.display_name(language) for user in users}
    return {pk: display.name for pk, display in display_names(users, language).items()}


# The directory shows this many alumnae a page, like every list.
ALUMNI_PER_PAGE = 25


def alumni_for(
    user: Any,
    language: str,
    *,
    country: Any = None,
    cohort: Any = None,
    page_number: Any = None,
) -> tuple[Page[Any], list[Alumna]]:
    """One page of the directory: name, country, cohort, areas; never an e-mail address (four
    queries: the count, the page's alumnae, their areas, their names)."""
    alumni = alumni_visible_to(user)
    if country is not None:
        alumni = alumni.filter(country=country)
    if cohort is not None:
        alumni = alumni.filter(cohort=cohort)
    rows = (
        alumni.select_related("applicant__user", "country", "cohort")
        .prefetch_related("work_areas")
        .order_by("country__code", "applicant__user__family_name", "pk")
    )
    page = Paginator(rows, ALUMNI_PER_PAGE).get_page(page_number)
    applications = list(page.object_list)
    names = _names(applications, language)
    return page, [
        Alumna(application=application, name=names.get(application.applicant.user_id, "?"))
        for application in applications
    ]


def field_exercises() -> list[Opportunity]:
    return list(
        Opportunity.objects.filter(kind=OpportunityKind.FIELD_EXERCISE).order_by("-starts_on")
    )


def field_exercise_shortlist() -> list[Any]:
    """The alumnae (and mentees) shortlisted or given a place for a field exercise: the
    profiles the exercise's teams are drawn from (one query)."""
    from momentum.mentoring.models import Candidacy, CandidacyStatus

    candidacies = (
        Candidacy.objects.filter(
            opportunity__kind=OpportunityKind.FIELD_EXERCISE,
            status__in=[CandidacyStatus.SHORTLISTED, CandidacyStatus.ALLOCATED],
        )
        .select_related("person__user", "person__country")
        .order_by("person__country__code", "pk")
    )
    seen: set[int] = set()
    profiles = []
    for candidacy in candidacies:
        if candidacy.person_id not in seen:
            seen.add(candidacy.person_id)
            profiles.append(candidacy.person)
    return profiles
