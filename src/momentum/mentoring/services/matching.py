"""Matching, from the models to the engine and back: propose the best assignment for a cohort,
adjust a pair by hand, publish, end a pair early and re-match the mentee.

The engine (``mentoring.matching``) knows nothing of models. Here mentees are the cohort's
accepted applications without a current pair, mentors the available mentor profiles, each with
her places left (capacity less her active and proposed pairs in every cohort), and the
weights are the cohort's.

A pair's breakdown is stored as numbers and keys only (``score_parts``: criterion, weight,
similarity, points, and the facts behind the explanation), so that :func:`explain_part` writes
the explanation in the reader's language when the page is shown.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count, Prefetch, Q, QuerySet
from django.urls import NoReverseMatch, reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from momentum.core import audit
from momentum.core.notifications import notify
from momentum.mentoring import matching as engine
from momentum.mentoring.models import (
    Application,
    ApplicationStatus,
    Cohort,
    CohortStatus,
    DevelopmentPlan,
    MentorProfile,
    Pairing,
    PairingStatus,
)
from momentum.mentoring.selectors.mentors import CURRENT_PAIR_STATUSES
from momentum.people.models import User

# The cohort stages in which staff match: before the programme runs, and while it runs (a
# mentee whose pair ended early is re-matched).
MATCHING_STATUSES = (CohortStatus.MATCHING, CohortStatus.RUNNING)


# --- from the models to the engine ---


def cohort_weights(cohort: Cohort) -> engine.Weights:
    return engine.Weights(
        goals=cohort.weight_goals,
        area_of_work=cohort.weight_area_of_work,
        leadership=cohort.weight_leadership,
        preferences=cohort.weight_preferences,
    )


def mentee_applications(cohort: Cohort) -> QuerySet[Application]:
    """The cohort's accepted applications, with what the engine and the pages read."""
    return (
        Application.objects.filter(cohort=cohort, status=ApplicationStatus.ACCEPTED)
        .select_related("applicant__user", "applicant__agency", "country")
        .prefetch_related(
            Prefetch("goal_areas"), Prefetch("work_areas"), Prefetch("preferred_mentors")
        )
        .order_by("country__code", "applicant__user__family_name", "pk")
    )


def mentee_profile(application: Application) -> engine.MenteeProfile:
    """The engine's view of a mentee (reads the prefetched areas and preferences)."""
    return engine.MenteeProfile(
        key=application.pk,
        languages=frozenset(application.languages),
        agency_id=application.applicant.agency_id,
        goal_areas=frozenset(area.pk for area in application.goal_areas.all()),
        work_areas=frozenset(area.pk for area in application.work_areas.all()),
        wants_leadership=application.wants_leadership,
        preferred_mentor_keys=frozenset(
            mentor.pk for mentor in application.preferred_mentors.all()
        ),
        preferred_mentor_kind=application.preferred_mentor_kind or None,
    )


def _matching_mentor_filter(include: Iterable[int] = ()) -> Q:
    today = timezone.localdate()
    available = Q(is_available=True) & (
        Q(available_until__isnull=True) | Q(available_until__gte=today)
    )
    return available | Q(pk__in=list(include))


def matching_mentors(*, include: Iterable[int] = ()) -> QuerySet[MentorProfile]:
    """The available mentors (and those in ``include``, e.g. pinned by hand), each with
    ``current_pairs``: her active and proposed pairs across all cohorts."""
    return (
        MentorProfile.objects.filter(_matching_mentor_filter(include))
        .annotate(
            current_pairs=Count("pairings", filter=Q(pairings__status__in=CURRENT_PAIR_STATUSES))
        )
        .select_related("user", "agency")
        .prefetch_related(Prefetch("expertise"), Prefetch("work_areas"))
        .order_by("user__family_name", "user__given_name", "pk")
    )


def mentor_profile(mentor: MentorProfile, *, capacity_left: int) -> engine.MentorProfile:
    return engine.MentorProfile(
        key=mentor.pk,
        languages=frozenset(mentor.languages),
        agency_id=mentor.agency_id,
        expertise_areas=frozenset(area.pk for area in mentor.expertise.all()),
        work_areas=frozenset(area.pk for area in mentor.work_areas.all()),
        leads_leadership=mentor.leads_leadership,
        kind=mentor.kind,
        capacity_left=max(capacity_left, 0),
    )


# --- the breakdown, stored as numbers, explained in the reader's language ---


def _facts(
    criterion: str, mentee: engine.MenteeProfile, mentor: engine.MentorProfile
) -> dict[str, Any]:
    """What the explanation of one criterion needs, as plain numbers and keys."""
    if criterion == engine.Criterion.GOALS:
        return {
            "count": len(mentee.goal_areas),
            "matched": len(mentee.goal_areas & mentor.expertise_areas),
        }
    if criterion == engine.Criterion.AREA_OF_WORK:
        return {
            "count": len(mentee.work_areas),
            "matched": len(mentee.work_areas & mentor.work_areas),
        }
    if criterion == engine.Criterion.LEADERSHIP:
        if not mentee.wants_leadership:
            return {"reason": "not_asked"}
        return {"reason": "leads" if mentor.leads_leadership else "does_not_lead"}
    if mentor.key in mentee.preferred_mentor_keys:
        return {"reason": "asked_for"}
    if mentee.preferred_mentor_kind is not None and mentee.preferred_mentor_kind == mentor.kind:
        return {"reason": "kind"}
    if mentee.preferred_mentor_keys or mentee.preferred_mentor_kind is not None:
        return {"reason": "neither"}
    return {"reason": "none"}


def score_parts(
    pair: engine.PairScore, mentee: engine.MenteeProfile, mentor: engine.MentorProfile
) -> list[dict[str, Any]]:
    """The pair's breakdown as stored on ``Pairing.score_parts``."""
    return [
        {
            "criterion": part.criterion,
            "weight": part.weight,
            "similarity": round(part.similarity, 4),
            "points": round(part.points, 2),
            **_facts(part.criterion, mentee, mentor),
        }
        for part in pair.parts
    ]


def explain_part(part: dict[str, Any]) -> str:
    """The stored part's explanation, in the active language (the engine's own sentences)."""
    criterion = part.get("criterion")
    count, matched = int(part.get("count", 0)), int(part.get("matched", 0))
    reason = part.get("reason", "")
    if criterion == engine.Criterion.GOALS:
        if not count:
            return _("The mentee stated no goals.")
        return _("Goals within the mentor's expertise: %(matched)d of %(count)d.") % {
            "matched": matched,
            "count": count,
        }
    if criterion == engine.Criterion.AREA_OF_WORK:
        if not count:
            return _("The mentee stated no area of work.")
        return _("Areas of work the mentor shares with the mentee: %(matched)d of %(count)d.") % {
            "matched": matched,
            "count": count,
        }
    if criterion == engine.Criterion.LEADERSHIP:
        return {
            "not_asked": _("The mentee does not ask for the leadership track."),
            "leads": _("The mentee wants the leadership track and the mentor leads it."),
            "does_not_lead": _(
                "The mentee wants the leadership track; the mentor does not lead it."
            ),
        }.get(reason, "")
    if criterion == engine.Criterion.PREFERENCES:
        return {
            "asked_for": _("The mentee asked for this mentor."),
            "kind": _("The mentor is of the kind the mentee prefers."),
            "neither": _(
                "The mentor is neither one the mentee asked for nor of the kind preferred."
            ),
            "none": _("The mentee stated no preference."),
        }.get(reason, "")
    return ""


@dataclass(frozen=True)
class ExplainedPart:
    criterion: str
    label: str
    weight: int
    similarity: float
    points: float
    explanation: str


def explained_parts(parts: Sequence[dict[str, Any]]) -> list[ExplainedPart]:
    """A pair's stored breakdown, ready to show in the active language."""
    explained = []
    for part in parts:
        criterion = str(part.get("criterion", ""))
        if criterion not in engine.Criterion.values:
            continue
        explained.append(
            ExplainedPart(
                criterion=criterion,
                label=str(engine.Criterion(criterion).label),
                weight=int(part.get("weight", 0)),
                similarity=float(part.get("similarity", 0)),
                points=float(part.get("points", 0)),
                explanation=explain_part(part),
            )
        )
    return explained


def unmatched_reasons(
    mentee: engine.MenteeProfile, mentors: Sequence[engine.MentorProfile]
) -> list[str]:
    """Why no mentor could be proposed for ``mentee``, in whole sentences: how many mentors
    each hard constraint rules out."""
    if not mentors:
        return [_("No mentor is available.")]
    counts = {constraint: 0 for constraint in engine.Constraint}
    possible = 0
    for mentor in mentors:
        blocking = engine.blocking_constraints(mentee, mentor)
        if not blocking:
            possible += 1
        for constraint in blocking:
            counts[constraint] += 1
    if possible:
        return [
            ngettext(
                "%(count)d mentor could still take her: run the matching again or assign one "
                "by hand.",
                "%(count)d mentors could still take her: run the matching again or assign one "
                "by hand.",
                possible,
            )
            % {"count": possible}
        ]
    sentences = {
        engine.Constraint.NO_SHARED_LANGUAGE: lambda n: ngettext(
            "%(count)d mentor shares no working language with her.",
            "%(count)d mentors share no working language with her.",
            n,
        ),
        engine.Constraint.NO_CAPACITY_LEFT: lambda n: ngettext(
            "%(count)d mentor has no place left.",
            "%(count)d mentors have no place left.",
            n,
        ),
        engine.Constraint.SAME_AGENCY: lambda n: ngettext(
            "%(count)d mentor works in her own agency.",
            "%(count)d mentors work in her own agency.",
            n,
        ),
    }
    return [
        sentences[constraint](count) % {"count": count}
        for constraint, count in counts.items()
        if count
    ]


# --- helpers for the writes ---


def _check_staff(by: User) -> None:
    if not by.has_perm("mentoring.run_matching"):
        raise PermissionDenied(_("Only programme staff match mentees and mentors."))


def _check_cohort_stage(cohort: Cohort) -> None:
    if cohort.status not in MATCHING_STATUSES:
        raise ValidationError(
            _(
                "Mentors are matched while the cohort is at the “%(matching)s” or “%(running)s” "
                "stage; it is now at the “%(status)s” stage."
            )
            % {
                "matching": CohortStatus.MATCHING.label,
                "running": CohortStatus.RUNNING.label,
                "status": cohort.get_status_display(),
            },
            code="cohort_status",
        )


def _name(user: User) -> str:
    return user.display_name(translation.get_language())


def _path(name: str, **kwargs: Any) -> str:
    """The address of a page without its language prefix (for notifications), or ""."""
    try:
        with translation.override("en"):
            url = reverse(name, kwargs=kwargs)
    except NoReverseMatch:
        return ""
    return url.removeprefix("/en")


def _decimal(score: float) -> Decimal:
    return Decimal(str(round(score, 2)))


# --- proposing ---


@dataclass(frozen=True)
class Unmatched:
    application: Application
    reasons: list[str]


@dataclass(frozen=True)
class Proposal:
    pairings: list[Pairing]
    unmatched: list[Unmatched]
    total: float


@transaction.atomic
def propose_matches(*, cohort: Cohort, by: User) -> Proposal:
    """Propose the best overall assignment of the cohort's mentees without a pair.

    The cohort's earlier proposals are replaced, except the pairs staff set by hand, which are
    kept (pinned) and use up their mentor's places. Returns the proposed pairs and the mentees
    left without a mentor, each with the reasons."""
    _check_staff(by)
    cohort = Cohort.objects.select_for_update().get(pk=cohort.pk)
    _check_cohort_stage(cohort)
    weights = cohort_weights(cohort)
    Pairing.objects.filter(cohort=cohort, status=PairingStatus.PROPOSED, set_by_hand=False).delete()
    # A proposal for someone no longer taking part (she withdrew, say) is dropped too.
    Pairing.objects.filter(cohort=cohort, status=PairingStatus.PROPOSED).exclude(
        mentee__status=ApplicationStatus.ACCEPTED
    ).delete()
    pinned = {
        pairing.mentee_id: pairing
        for pairing in Pairing.objects.select_for_update().filter(
            cohort=cohort, status=PairingStatus.PROPOSED, set_by_hand=True
        )
    }
    # Mentees with a published pair are not matched again; the pinned keep theirs.
    busy = set(
        Pairing.objects.filter(mentee__cohort=cohort, status__in=CURRENT_PAIR_STATUSES)
        .exclude(pk__in=[pairing.pk for pairing in pinned.values()])
        .values_list("mentee_id", flat=True)
    )
    applications = [a for a in mentee_applications(cohort) if a.pk not in busy]
    # The mentor rows are locked, in one order: two matchings (or a matching and a hand
    # assignment) never give the same place twice.
    mentor_ids = {p.mentor_id for p in pinned.values()}
    list(
        MentorProfile.objects.select_for_update()
        .filter(_matching_mentor_filter(mentor_ids))
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    mentors = list(matching_mentors(include=mentor_ids))
    pinned_per_mentor: dict[int, int] = {}
    for pairing in pinned.values():
        pinned_per_mentor[pairing.mentor_id] = pinned_per_mentor.get(pairing.mentor_id, 0) + 1
    # Places left *before* the pinned pairs: the engine counts them itself.
    mentor_profiles = [
        mentor_profile(
            mentor,
            capacity_left=mentor.capacity
            - mentor.current_pairs  # type: ignore[attr-defined]
            + pinned_per_mentor.get(mentor.pk, 0),
        )
        for mentor in mentors
    ]
    mentee_profiles = [mentee_profile(application) for application in applications]
    fixed = {mentee_id: pairing.mentor_id for mentee_id, pairing in pinned.items()}
    try:
        assignment = engine.propose_assignment(
            mentee_profiles, mentor_profiles, weights, fixed=fixed
        )
    except engine.MatchRefused as refused:
        raise ValidationError(refused.messages, code="pinned_pair_refused") from refused
    mentee_by_key = {profile.key: profile for profile in mentee_profiles}
    mentor_by_key = {profile.key: profile for profile in mentor_profiles}
    now = timezone.now()
    created: list[Pairing] = []
    for pair in assignment.pairs:
        parts = score_parts(pair, mentee_by_key[pair.mentee_key], mentor_by_key[pair.mentor_key])
        if pair.mentee_key in pinned:
            kept = pinned[pair.mentee_key]
            kept.score = _decimal(pair.total)
            kept.score_parts = parts
            kept.save(update_fields=["score", "score_parts"])
            created.append(kept)
            continue
        created.append(
            Pairing(
                cohort=cohort,
                mentee_id=pair.mentee_key,
                mentor_id=pair.mentor_key,
                status=PairingStatus.PROPOSED,
                score=_decimal(pair.total),
                score_parts=parts,
                proposed_at=now,
            )
        )
    Pairing.objects.bulk_create([p for p in created if p.pk is None])
    by_pk = {application.pk: application for application in applications}
    # Reasons are given against the places left once this proposal is counted.
    taken: dict[int, int] = {}
    for pair in assignment.pairs:
        taken[pair.mentor_key] = taken.get(pair.mentor_key, 0) + 1
    after = [
        dataclasses.replace(
            profile, capacity_left=max(profile.capacity_left - taken.get(profile.key, 0), 0)
        )
        for profile in mentor_profiles
    ]
    unmatched = [
        Unmatched(by_pk[key], unmatched_reasons(mentee_by_key[key], after))
        for key in assignment.unmatched
    ]
    audit.record(
        by,
        "mentoring.matches_proposed",
        cohort,
        proposed=len(assignment.pairs),
        pinned=len(pinned),
        unmatched=len(unmatched),
        total=round(assignment.total, 2),
        weights=dataclasses.asdict(weights),
    )
    return Proposal(pairings=created, unmatched=unmatched, total=assignment.total)


# --- by hand ---


def _mentor_places_left(mentor: MentorProfile, *, ignoring: Pairing | None = None) -> int:
    current = Pairing.objects.filter(mentor=mentor, status__in=CURRENT_PAIR_STATUSES)
    if ignoring is not None:
        current = current.exclude(pk=ignoring.pk)
    return mentor.capacity - current.count()


def _locked_mentee(cohort: Cohort, application: Application) -> Application:
    locked = (
        Application.objects.select_for_update(of=("self",))
        .select_related("applicant__user", "country")
        .prefetch_related("goal_areas", "work_areas", "preferred_mentors")
        .filter(pk=application.pk, cohort=cohort)
        .first()
    )
    if locked is None:
        raise ValidationError(_("This application is not in this cohort."), code="not_in_cohort")
    if locked.status != ApplicationStatus.ACCEPTED:
        raise ValidationError(
            _("%(name)s is not taking part in the programme: her application is “%(status)s”.")
            % {"name": _name(locked.applicant.user), "status": locked.get_status_display()},
            code="not_a_mentee",
        )
    return locked


def _locked_mentor(mentor: MentorProfile) -> MentorProfile:
    return (
        MentorProfile.objects.select_for_update(of=("self",))
        .select_related("user")
        .prefetch_related("expertise", "work_areas")
        .get(pk=mentor.pk)
    )


@transaction.atomic
def assign_by_hand(
    *, cohort: Cohort, mentee_application: Application, mentor: MentorProfile, by: User
) -> Pairing:
    """Give a mentee this mentor, in place of her proposed one. Refused, with the hard
    constraints' messages, when they share no language, the mentor has no place left or works
    in her agency; refused too when her pair is already published."""
    _check_staff(by)
    _check_cohort_stage(cohort)
    application = _locked_mentee(cohort, mentee_application)
    mentor = _locked_mentor(mentor)
    current = list(
        Pairing.objects.select_for_update().filter(
            mentee=application, status__in=CURRENT_PAIR_STATUSES
        )
    )
    if any(pairing.status == PairingStatus.ACTIVE for pairing in current):
        raise ValidationError(
            _("%(name)s already has a published pair: end it before giving her another mentor.")
            % {"name": _name(application.applicant.user)},
            code="already_paired",
        )
    proposed = current[0] if current else None
    places = _mentor_places_left(
        mentor, ignoring=proposed if proposed and proposed.mentor_id == mentor.pk else None
    )
    mentee = mentee_profile(application)
    mentor_view = mentor_profile(mentor, capacity_left=places)
    try:
        engine.check_pair(mentee, mentor_view)
    except engine.MatchRefused as refused:
        raise ValidationError(refused.messages, code="refused") from refused
    pair = engine.score_pair(mentee, mentor_view, cohort_weights(cohort))
    if proposed is not None:
        proposed.delete()
    pairing = Pairing.objects.create(
        cohort=cohort,
        mentee=application,
        mentor=mentor,
        status=PairingStatus.PROPOSED,
        score=_decimal(pair.total),
        score_parts=score_parts(pair, mentee, mentor_view),
        set_by_hand=True,
    )
    audit.record(
        by,
        "mentoring.pair_set_by_hand",
        pairing,
        country=application.country,
        mentee=application.pk,
        mentor=mentor.pk,
        replaced_mentor=proposed.mentor_id if proposed else None,
        score=float(pairing.score),
    )
    return pairing


# --- publishing ---


def _schedule_check_ins(pairing: Pairing) -> None:
    """The pair's check-ins (30 days after publication, then every 90), when that part exists."""
    try:
        from momentum.mentoring.services import pairs
    except ImportError:  # pragma: no cover - the pair's work is built separately
        return
    schedule = getattr(pairs, "schedule_check_ins", None)
    if schedule is not None:
        schedule(pairing)


def _notify_published(pairing: Pairing) -> None:
    mentee_user = pairing.mentee.applicant.user
    mentor_user = pairing.mentor.user
    url = _path("mentoring:pair", pk=pairing.pk)
    notify(
        recipients=[mentee_user],
        kind="mentoring.pair_published",
        message=lambda: (
            _("Your mentor in the programme is %(mentor)s.") % {"mentor": _name(mentor_user)}
        ),
        url=url,
        email=True,
    )
    notify(
        recipients=[mentor_user],
        kind="mentoring.pair_published",
        message=lambda: _("You are now the mentor of %(mentee)s.") % {"mentee": _name(mentee_user)},
        url=url,
        email=True,
    )


@transaction.atomic
def publish_matches(*, cohort: Cohort, by: User) -> list[Pairing]:
    """Publish the cohort's proposed pairs: each becomes active, gets its development plan and
    its check-ins, and both sides are told. Two staff publishing at once publish each pair once
    (a conditional update on the status)."""
    _check_staff(by)
    _check_cohort_stage(cohort)
    proposed = list(
        Pairing.objects.select_for_update(of=("self",))
        .filter(cohort=cohort, status=PairingStatus.PROPOSED)
        .select_related("cohort", "mentee__applicant__user", "mentee__country", "mentor__user")
        .order_by("pk")
    )
    if not proposed:
        raise ValidationError(_("There is no proposed pair to publish."), code="nothing")
    now = timezone.now()
    published = []
    for pairing in proposed:
        updated = Pairing.objects.filter(pk=pairing.pk, status=PairingStatus.PROPOSED).update(
            status=PairingStatus.ACTIVE, published_at=now, published_by=by
        )
        if not updated:
            continue
        pairing.status = PairingStatus.ACTIVE
        pairing.published_at = now
        pairing.published_by = by
        DevelopmentPlan.objects.get_or_create(pairing=pairing)
        _schedule_check_ins(pairing)
        _notify_published(pairing)
        audit.record(
            by,
            "mentoring.pair_published",
            pairing,
            country=pairing.mentee.country,
            mentee=pairing.mentee_id,
            mentor=pairing.mentor_id,
        )
        published.append(pairing)
    return published


# --- ending a pair early, and re-matching ---


@dataclass(frozen=True)
class EndedPair:
    pairing: Pairing
    rematch: Pairing | None
    reasons: list[str]  # why no mentor was proposed, when none was


@transaction.atomic
def end_pair_early(*, pairing: Pairing, reason: str, by: User) -> EndedPair:
    """End an active pair before its term, with a reason; both sides are told, and the mentee
    is re-matched (a proposed pair for staff to publish) when a mentor is available."""
    _check_staff(by)
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": _("Say why the pair ends early.")}, code="required")
    now = timezone.now()
    updated = Pairing.objects.filter(pk=pairing.pk, status=PairingStatus.ACTIVE).update(
        status=PairingStatus.ENDED_EARLY, ended_at=now, end_reason=reason
    )
    if not updated:
        raise ValidationError(_("Only an active pair can be ended early."), code="not_active")
    pairing = Pairing.objects.select_related(
        "cohort", "mentee__applicant__user", "mentee__country", "mentor__user"
    ).get(pk=pairing.pk)
    mentee_user = pairing.mentee.applicant.user
    mentor_user = pairing.mentor.user
    notify(
        recipients=[mentee_user],
        kind="mentoring.pair_ended",
        message=lambda: (
            _(
                "Your mentoring pair with %(mentor)s has ended. Programme staff will propose "
                "another mentor."
            )
            % {"mentor": _name(mentor_user)}
        ),
        email=True,
    )
    notify(
        recipients=[mentor_user],
        kind="mentoring.pair_ended",
        message=lambda: (
            _("Your mentoring pair with %(mentee)s has ended.") % {"mentee": _name(mentee_user)}
        ),
        email=True,
    )
    audit.record(
        by,
        "mentoring.pair_ended_early",
        pairing,
        country=pairing.mentee.country,
        reason=reason,
    )
    rematched, reasons = rematch(application=pairing.mentee, by=by)
    return EndedPair(pairing=pairing, rematch=rematched, reasons=reasons)


@transaction.atomic
def rematch(*, application: Application, by: User) -> tuple[Pairing | None, list[str]]:
    """Propose the best mentor available for one mentee (not one she already had in this
    cohort) as a proposed pair for staff to publish. Returns the pair, or None with the
    reasons no mentor could be proposed."""
    _check_staff(by)
    cohort = application.cohort
    application = _locked_mentee(cohort, application)
    if Pairing.objects.filter(mentee=application, status__in=CURRENT_PAIR_STATUSES).exists():
        raise ValidationError(
            _("%(name)s already has a current pair.") % {"name": _name(application.applicant.user)},
            code="already_paired",
        )
    former = set(Pairing.objects.filter(mentee=application).values_list("mentor_id", flat=True))
    mentors = [m for m in matching_mentors() if m.pk not in former]
    profiles = [
        mentor_profile(m, capacity_left=m.capacity - m.current_pairs)  # type: ignore[attr-defined]
        for m in mentors
    ]
    mentee = mentee_profile(application)
    ranked = engine.rank_mentors(mentee, profiles, cohort_weights(cohort), limit=1)
    if not ranked:
        reasons = unmatched_reasons(mentee, profiles)
        audit.record(by, "mentoring.rematch_found_none", application, country=application.country)
        return None, reasons
    best = ranked[0]
    mentor_view = next(profile for profile in profiles if profile.key == best.mentor_key)
    list(MentorProfile.objects.select_for_update().filter(pk=best.mentor_key))
    pairing = Pairing.objects.create(
        cohort=cohort,
        mentee=application,
        mentor_id=best.mentor_key,
        status=PairingStatus.PROPOSED,
        score=_decimal(best.total),
        score_parts=score_parts(best, mentee, mentor_view),
    )
    audit.record(
        by,
        "mentoring.rematch_proposed",
        pairing,
        country=application.country,
        mentee=application.pk,
        mentor=best.mentor_key,
        score=float(pairing.score),
    )
    return pairing, []


# --- the weights ---


@transaction.atomic
def set_matching_weights(*, cohort: Cohort, weights: engine.Weights, by: User) -> Cohort:
    """Staff tune the weight of each criterion for the cohort's matching."""
    _check_staff(by)
    try:
        weights.validate()
    except ValueError as error:
        raise ValidationError(str(error), code="weights") from error
    locked = Cohort.objects.select_for_update().get(pk=cohort.pk)
    before = cohort_weights(locked)
    if before == weights:
        return locked
    locked.weight_goals = weights.goals
    locked.weight_area_of_work = weights.area_of_work
    locked.weight_leadership = weights.leadership
    locked.weight_preferences = weights.preferences
    locked.save(
        update_fields=[
            "weight_goals",
            "weight_area_of_work",
            "weight_leadership",
            "weight_preferences",
        ]
    )
    audit.record(
        by,
        "mentoring.weights_changed",
        locked,
        before=dataclasses.asdict(before),
        after=dataclasses.asdict(weights),
    )
    return locked
