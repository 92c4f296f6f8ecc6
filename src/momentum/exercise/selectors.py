"""Reads of the field exercise, each scoped to the reader; fetch-and-check helpers raise 404
(nobody learns that a record exists) or PermissionDenied."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q, QuerySet
from django.http import Http404

from momentum.exercise.models import (
    Exercise,
    Inject,
    InjectStatus,
    Member,
    MemberSource,
    Objective,
    Observation,
    Report,
    Site,
)
from momentum.exercise.rules import places_of, sees_all_sites


def exercises_for(user: Any) -> QuerySet[Exercise]:
    return Exercise.objects.visible_to(user).annotate(
        n_sites=Count("sites", distinct=True), n_members=Count("members", distinct=True)
    )


def get_exercise_for(user: Any, pk: int, *, perm: str = "exercise.view_exercise") -> Exercise:
    exercise = Exercise.objects.filter(pk=pk).first()
    if exercise is None or not user.has_perm("exercise.view_exercise", exercise):
        raise Http404
    if perm != "exercise.view_exercise" and not user.has_perm(perm, exercise):
        raise PermissionDenied
    return exercise


def sites_for(user: Any, exercise: Exercise) -> QuerySet[Site]:
    """Every site for staff, controllers and the INTERPOL team; her own site for others."""
    sites = Site.objects.filter(exercise=exercise).select_related("country")
    if user.is_programme_staff or sees_all_sites(user, exercise.pk):
        return sites
    return sites.filter(pk__in=[p.site_id for p in places_of(user) if p.site_id])


def get_site_for(user: Any, pk: int) -> Site:
    site = Site.objects.select_related("exercise", "country").filter(pk=pk).first()
    if site is None or not user.has_perm("exercise.view_site", site):
        raise Http404
    return site


def get_inject_for(user: Any, pk: int) -> Inject:
    inject = Inject.objects.select_related("exercise", "site").filter(pk=pk).first()
    if inject is None or not user.has_perm("exercise.view_exercise", inject.exercise):
        raise Http404
    if not user.has_perm("exercise.control", inject.exercise):
        raise PermissionDenied
    return inject


def timeline(exercise: Exercise) -> QuerySet[Inject]:
    """The master scenario events list in time order, for the controller console."""
    return Inject.objects.filter(exercise=exercise).select_related(
        "site", "objective", "site__country"
    )


def fired_injects(site: Site) -> QuerySet[Inject]:
    """What a site's screen shows: the injects fired on it, the latest first."""
    return (
        Inject.objects.filter(site=site, status=InjectStatus.FIRED)
        .select_related("objective")
        .order_by("-fired_at", "-pk")
    )


def team_of(exercise: Exercise, site: Site | None = None) -> QuerySet[Member]:
    members = Member.objects.filter(exercise=exercise).select_related(
        "user", "user__profile__country", "site", "shift"
    )
    if site is not None:
        return members.filter(site=site)
    return members


@dataclass
class Candidate:
    profile: Any
    source: str
    placed: bool


def candidates(exercise: Exercise) -> list[Candidate]:
    """People the teams are drawn from: alumnae on the field exercise's shortlist (mentoring)
    and officers certified in the exercise's objectives' courses (training)."""
    from momentum.mentoring.selectors.alumni import field_exercise_shortlist
    from momentum.training.selectors import certified_officers

    placed = set(Member.objects.filter(exercise=exercise).values_list("user_id", flat=True))
    course_ids = list(
        Objective.courses.through.objects.filter(objective__exercise=exercise).values_list(
            "course_id", flat=True
        )
    )
    seen: set[int] = set()
    found = []
    for source, profiles in (
        (MemberSource.ALUMNA, field_exercise_shortlist()),
        (MemberSource.CERTIFIED, certified_officers(course_ids) if course_ids else []),
    ):
        for profile in profiles:
            if profile.user_id in seen:
                continue
            seen.add(profile.user_id)
            found.append(Candidate(profile, source, profile.user_id in placed))
    return found


def assigned_objectives(user: Any, exercise: Exercise) -> list[tuple[Objective, list[Site]]]:
    """The objectives an evaluator rates, each with the sites where she rates it."""
    members = list(
        Member.objects.filter(exercise=exercise, user=user, role="evaluator")
        .select_related("site")
        .prefetch_related("objectives")
    )
    all_sites = None
    result: dict[int, tuple[Objective, list[Site]]] = {}
    for member in members:
        if member.site is None and all_sites is None:
            all_sites = list(Site.objects.filter(exercise=exercise).select_related("country"))
        sites = [member.site] if member.site is not None else (all_sites or [])
        for objective in member.objectives.all():
            entry = result.setdefault(objective.pk, (objective, []))
            entry[1].extend(s for s in sites if s not in entry[1])
    return sorted(result.values(), key=lambda pair: pair[0].code)


def observations_of(exercise: Exercise, user: Any) -> QuerySet[Observation]:
    observations = Observation.objects.filter(exercise=exercise).select_related(
        "objective", "site", "evaluator"
    )
    if user.is_programme_staff or user.has_perm("exercise.control", exercise):
        return observations
    return observations.filter(evaluator=user)


@dataclass
class SiteScores:
    site: Site
    decided: int = 0
    correct: int = 0
    hits_found: int = 0
    hits_missed: int = 0
    precision: float | None = None
    recall: float | None = None


@dataclass
class ReportView:
    report: Report
    findings: list[Any] = field(default_factory=list)
    items: list[Any] = field(default_factory=list)
    scores: list[SiteScores] = field(default_factory=list)


def screening_scores(exercise: Exercise) -> list[SiteScores]:
    """Each site's screening scores from the simulator's queue, when the site has one."""
    from momentum.screening.selectors.queues import queue_scores

    rows = []
    for site in Site.objects.filter(exercise=exercise, screening_queue__isnull=False).order_by(
        "country__code", "name"
    ):
        scores = queue_scores(site.screening_queue_id or 0)
        rows.append(
            SiteScores(
                site=site,
                decided=scores.decided,
                correct=scores.correct,
                hits_found=scores.true_positives,
                hits_missed=scores.false_negatives,
                precision=scores.precision,
                recall=scores.recall,
            )
        )
    return rows


def report_view(report: Report) -> ReportView:
    return ReportView(
        report=report,
        findings=list(report.findings.select_related("objective")),
        items=list(report.items.select_related("objective")),
        scores=screening_scores(report.exercise),
    )


def performed_by_site(exercise: Exercise) -> list[dict[str, Any]]:
    """For each site, how many observations rated P or S out of all."""
    return [
        dict(row)
        for row in Observation.objects.filter(exercise=exercise)
        .values("site__name")
        .annotate(n=Count("pk"), performed=Count("pk", filter=Q(rating__in=["P", "S"])))
        .order_by("site__name")
    ]


def screening_board(exercise: Exercise) -> list[tuple[Site, Any]]:
    """Each site's live screening figures (checked, hits, pending decisions) from the
    simulator's queues: three queries whatever the number of sites."""
    from momentum.screening.selectors.queues import queue_boards

    sites = list(
        Site.objects.filter(exercise=exercise, screening_queue__isnull=False)
        .select_related("country")
        .order_by("country__code", "name")
    )
    boards = queue_boards([site.screening_queue_id or 0 for site in sites])
    return [(site, boards[site.screening_queue_id or 0]) for site in sites]
