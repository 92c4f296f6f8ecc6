"""Writes for the panel and the selection: panel members score applications against the
cohort's rubric (or declare a conflict of interest), the scores are aggregated, staff offer
places within each country's places, the applicant accepts or declines, and a declined or
expired offer goes to the next ranked applicant of the same country.

Rules:
- A panel member scores an application while it is with the panel (ENDORSED) and the cohort
  is open for applications or at the selection stage; she may change her review until then.
  One review per panel member and application (a unique constraint).
- An application's score is the mean, over the reviews without a conflict of interest that
  score every criterion of the rubric, of Σ weight·score/max_score / Σ weight * 100, rounded
  to two decimals (half up); ``reviews_count`` counts those reviews.
- Places: the OFFERED and ACCEPTED applications of a country never outnumber its places. Every
  decision locks the applications it changes first, then the country's ``CohortPlace`` row,
  then counts: the same order everywhere, so two decisions wait for each other and never
  overfill a country (nor deadlock).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F, QuerySet
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from momentum.core import audit
from momentum.core.notifications import notify
from momentum.mentoring.models import (
    Application,
    ApplicationStatus,
    Cohort,
    CohortPlace,
    CohortStatus,
    CriterionScore,
    Review,
    RubricCriterion,
)
from momentum.people.models import User

# The cohort stages in which the panel scores.
SCORING_STAGES = (CohortStatus.OPEN, CohortStatus.SELECTION)
# The cohort stages in which places are offered (a late refusal, during matching, still
# passes the place on).
OFFER_STAGES = (CohortStatus.SELECTION, CohortStatus.MATCHING)
# The applications that hold one of their country's places.
HOLDING_A_PLACE = (ApplicationStatus.OFFERED, ApplicationStatus.ACCEPTED)
# The applications the panel has seen: the panel page and the selection board list them.
WITH_THE_PANEL = (
    ApplicationStatus.ENDORSED,
    ApplicationStatus.OFFERED,
    ApplicationStatus.ACCEPTED,
    ApplicationStatus.DECLINED,
    ApplicationStatus.NOT_SELECTED,
    ApplicationStatus.COMPLETED,
    ApplicationStatus.LEFT,
)
TWO_PLACES = Decimal("0.01")
SYSTEM = "system"


def criterion_field(criterion_id: int) -> str:
    """The name of a criterion's score field in forms and in refusals."""
    return f"criterion_{criterion_id}"


def _name(application: Application) -> str:
    return application.applicant.user.display_name()


def _cohort_name(cohort: Cohort) -> str:
    return str(cohort.name)


def application_path(application: Application) -> str:
    return f"/mentoring/applications/{application.pk}/"


def respond_path(application: Application) -> str:
    return f"/mentoring/applications/{application.pk}/respond/"


# --- ranking ---


def ranked(queryset: QuerySet[Application]) -> QuerySet[Application]:
    """Highest score first (unscored last), ties broken by more reviews, then the earliest
    application."""
    return queryset.order_by(F("score").desc(nulls_last=True), "-reviews_count", "created_at", "pk")


# --- scores ---


def review_total(scores: Mapping[int, int], criteria: Iterable[RubricCriterion]) -> Fraction | None:
    """One review's weighted, normalised total out of 100 (exact), or None when it misses a
    criterion of the rubric (or the rubric weighs nothing)."""
    weighted = Fraction(0)
    weights = 0
    for criterion in criteria:
        if criterion.pk not in scores:
            return None
        weighted += Fraction(criterion.weight * scores[criterion.pk], criterion.max_score)
        weights += criterion.weight
    if not weights:
        return None
    return weighted / weights * 100


def as_decimal(value: Fraction | None) -> Decimal | None:
    """An exact total rounded to two decimals, half up."""
    if value is None:
        return None
    return (Decimal(value.numerator) / Decimal(value.denominator)).quantize(
        TWO_PLACES, rounding=ROUND_HALF_UP
    )


def aggregate_score(application: Application) -> Application:
    """Recompute and save the application's score (the mean of the complete reviews without a
    conflict, two decimals) and ``reviews_count``. Call it inside the transaction that
    changed a review."""
    criteria = list(RubricCriterion.objects.filter(cohort_id=application.cohort_id))
    by_review: dict[int, dict[int, int]] = {}
    for review_id, criterion_id, score in CriterionScore.objects.filter(
        review__application=application, review__conflict_of_interest=False
    ).values_list("review_id", "criterion_id", "score"):
        by_review.setdefault(review_id, {})[criterion_id] = score
    totals = [
        total
        for total in (review_total(scores, criteria) for scores in by_review.values())
        if total is not None
    ]
    mean = as_decimal(sum(totals, Fraction(0)) / len(totals)) if totals else None
    Application.objects.filter(pk=application.pk).update(score=mean, reviews_count=len(totals))
    application.score = mean
    application.reviews_count = len(totals)
    return application


def reaggregate_cohort(cohort: Cohort) -> int:
    """Recompute the score of every application of a cohort the panel has seen (after its
    rubric changed, say); returns how many."""
    applications = list(
        Application.objects.filter(cohort=cohort, status__in=WITH_THE_PANEL).only("pk", "cohort_id")
    )
    for application in applications:
        aggregate_score(application)
    return len(applications)


def _check_scores(
    scores: Mapping[int, int], criteria: list[RubricCriterion]
) -> dict[str, ValidationError]:
    """What is wrong with ``scores`` against the rubric, by form field."""
    errors: dict[str, ValidationError] = {}
    known = {criterion.pk for criterion in criteria}
    strangers = [criterion_id for criterion_id in scores if criterion_id not in known]
    if strangers:
        names = {
            criterion.pk: str(criterion.name)
            for criterion in RubricCriterion.objects.filter(pk__in=strangers)
        }
        errors["__all__"] = ValidationError(
            [
                ValidationError(
                    _("“%(criterion)s” is not a criterion of this cohort’s rubric.")
                    % {"criterion": names.get(criterion_id, str(criterion_id))},
                    code="unknown_criterion",
                )
                for criterion_id in strangers
            ]
        )
    for criterion in criteria:
        field = criterion_field(criterion.pk)
        if criterion.pk not in scores or scores[criterion.pk] is None:
            errors[field] = ValidationError(
                _("Give a score for “%(criterion)s”.") % {"criterion": criterion.name},
                code="missing_score",
            )
            continue
        value = scores[criterion.pk]
        if (
            isinstance(value, bool)
            or not isinstance(value, int)
            or not (0 <= value <= criterion.max_score)
        ):
            errors[field] = ValidationError(
                _("The score for “%(criterion)s” must be a whole number from 0 to %(max)s.")
                % {"criterion": criterion.name, "max": criterion.max_score},
                code="out_of_range",
            )
    return errors


def _locked(application: Application) -> Application:
    return (
        Application.objects.select_for_update(of=("self",))
        .select_related("cohort", "country", "applicant__user")
        .get(pk=application.pk)
    )


@transaction.atomic
def submit_review(
    *,
    application: Application,
    by: User,
    scores: Mapping[int, int],
    comment: str = "",
    conflict_of_interest: bool = False,
    conflict_note: str = "",
) -> Review:
    """A panel member's review of an application: a score for each criterion of the rubric
    (``{criterion id: score}``), or a declared conflict of interest (described, with no
    score). Saving again replaces her review. The application's score is aggregated anew.

    Refuses (PermissionDenied) anyone not on the cohort's panel, and (ValidationError, with
    codes and the fields they concern) an application not with the panel, a cohort past the
    selection, a missing or out-of-range score, a criterion of another rubric, a conflict
    not described or given with scores."""
    application = _locked(application)
    cohort = application.cohort
    if not cohort.panel.filter(pk=by.pk).exists():
        raise PermissionDenied(_("Only the members of the cohort's panel score its applications."))
    if application.status != ApplicationStatus.ENDORSED:
        raise ValidationError(
            _("This application can no longer be scored: it is “%(status)s”.")
            % {"status": application.get_status_display()},
            code="closed",
        )
    if cohort.status not in SCORING_STAGES:
        raise ValidationError(
            _("Scoring is closed: the cohort is at the “%(stage)s” stage.")
            % {"stage": cohort.get_status_display()},
            code="closed",
        )
    conflict_note = conflict_note.strip()
    criteria = list(RubricCriterion.objects.filter(cohort=cohort))
    if conflict_of_interest:
        errors: dict[str, ValidationError] = {}
        if not conflict_note:
            errors["conflict_note"] = ValidationError(
                _("Describe the conflict of interest."), code="required"
            )
        if scores:
            errors["__all__"] = ValidationError(
                _("A panel member with a conflict of interest gives no scores."),
                code="conflict_with_scores",
            )
        if errors:
            raise ValidationError(errors)
    else:
        if not criteria:
            raise ValidationError(_("This cohort has no scoring criteria yet."), code="no_criteria")
        errors = _check_scores(scores, criteria)
        if errors:
            raise ValidationError(errors)
    review = Review.objects.select_for_update().filter(application=application, panelist=by).first()
    updated = review is not None
    if review is None:
        review = Review(application=application, panelist=by)
    review.conflict_of_interest = conflict_of_interest
    review.conflict_note = conflict_note if conflict_of_interest else ""
    review.comment = comment.strip()
    review.submitted_at = timezone.now()
    review.save()
    CriterionScore.objects.filter(review=review).delete()
    total: Decimal | None = None
    if not conflict_of_interest:
        CriterionScore.objects.bulk_create(
            [
                CriterionScore(review=review, criterion=criterion, score=scores[criterion.pk])
                for criterion in criteria
            ]
        )
        total = as_decimal(review_total(scores, criteria))
    aggregate_score(application)
    # The scores are not personal data, but the log keeps to totals: the review's and the
    # application's.
    audit.record(
        by,
        "mentoring.review.submit",
        application,
        country=application.country,
        conflict_of_interest=conflict_of_interest,
        total=str(total) if total is not None else None,
        score=str(application.score) if application.score is not None else None,
        reviews_count=application.reviews_count,
        updated=updated,
    )
    return review


def panel_path(cohort: Cohort) -> str:
    return f"/mentoring/cohorts/{cohort.pk}/panel/"


def tell_panel(*, cohort: Cohort) -> int:
    """Call the cohort's panel to score (when selection starts, say): each member is told,
    in-app and by e-mail, with a link to her panel page; returns how many were told. A panel
    member may hold no role that puts mentoring in her menu: this is her way in."""
    members = list(cohort.panel.filter(is_active=True))
    waiting = Application.objects.filter(cohort=cohort, status=ApplicationStatus.ENDORSED).count()
    notify(
        recipients=members,
        kind="mentoring.panel_call",
        message=lambda: (
            ngettext(
                "%(count)s application to %(cohort)s waits for your scores.",
                "%(count)s applications to %(cohort)s wait for your scores.",
                waiting,
            )
            % {"count": waiting, "cohort": _cohort_name(cohort)}
        ),
        url=panel_path(cohort),
        email=True,
    )
    return len(members)


# --- offers ---


def _check_staff(by: User) -> None:
    if not getattr(by, "is_programme_staff", False):
        raise PermissionDenied(_("Only programme staff select the participants."))


def _refuse_unless_offering(cohort: Cohort) -> None:
    if cohort.status not in OFFER_STAGES:
        raise ValidationError(
            _(
                "Places are offered once selection has started: the cohort is at the "
                "“%(stage)s” stage."
            )
            % {"stage": cohort.get_status_display()},
            code="cohort_stage",
        )


def _refuse_unless_endorsed(application: Application, message: str) -> None:
    if application.status != ApplicationStatus.ENDORSED:
        raise ValidationError(
            message % {"name": _name(application), "status": application.get_status_display()},
            code="transition",
        )


def _lock_place(application: Application) -> CohortPlace | None:
    """Lock the country's places row: whoever holds it counts and offers alone."""
    return (
        CohortPlace.objects.select_for_update()
        .filter(cohort_id=application.cohort_id, country_id=application.country_id)
        .first()
    )


def places_taken(cohort_id: int, country_id: int) -> int:
    return Application.objects.filter(
        cohort_id=cohort_id, country_id=country_id, status__in=HOLDING_A_PLACE
    ).count()


def _has_free_place(application: Application) -> bool:
    """Lock the country's places, then count: whether one is free for ``application``."""
    place = _lock_place(application)
    if place is None:
        return False
    return places_taken(application.cohort_id, application.country_id) < place.places


def _full(application: Application) -> ValidationError:
    return ValidationError(
        _("Every place for %(country)s is offered or taken: %(name)s was not offered one.")
        % {"country": application.country, "name": _name(application)},
        code="full",
    )


def _make_offer(application: Application, *, by: User | None, now: datetime) -> None:
    """Record the offer on a locked ENDORSED application whose country has a free place,
    and tell the applicant once it is saved."""
    cohort = application.cohort
    application.status = ApplicationStatus.OFFERED
    application.offered_at = now
    application.offer_expires_at = now + timedelta(days=cohort.offer_days)
    application.responded_at = None
    application.decided_by = by
    application.updated_at = now
    application.version = F("version") + 1  # type: ignore[assignment]
    application.save(
        update_fields=[
            "status",
            "offered_at",
            "offer_expires_at",
            "responded_at",
            "decided_by",
            "updated_at",
            "version",
        ]
    )
    application.refresh_from_db(fields=["version"])
    expires = application.offer_expires_at
    notify(
        recipients=[application.applicant.user],
        kind="mentoring.offer",
        message=lambda: (
            _(
                "You are offered a place in %(cohort)s. Accept or decline it on your mentoring "
                "page before %(date)s."
            )
            % {
                "cohort": _cohort_name(cohort),
                "date": formats.date_format(timezone.localtime(expires), "DATE_FORMAT"),
            }
        ),
        url=respond_path(application),
        email=True,
    )


@transaction.atomic
def offer_place(*, application: Application, by: User) -> Application:
    """Offer a place to an application with the panel, within its country's places; the
    offer expires after the cohort's ``offer_days``."""
    _check_staff(by)
    application = _locked(application)
    _refuse_unless_offering(application.cohort)
    _refuse_unless_endorsed(
        application, _("%(name)s cannot be offered a place: the application is “%(status)s”.")
    )
    if not _has_free_place(application):
        raise _full(application)
    _make_offer(application, by=by, now=timezone.now())
    audit.record(
        by,
        "mentoring.offer.send",
        application,
        country=application.country,
        expires=application.offer_expires_at.isoformat() if application.offer_expires_at else None,
    )
    return application


@transaction.atomic
def mark_not_selected(*, application: Application, by: User, reason: str) -> Application:
    """Close an application with the panel as not selected, with a reason she reads."""
    _check_staff(by)
    reason = reason.strip()
    if not reason:
        raise ValidationError(
            {
                "reason": ValidationError(
                    _("Say why the application is not selected."), code="required"
                )
            }
        )
    application = _locked(application)
    _refuse_unless_offering(application.cohort)
    _refuse_unless_endorsed(
        application, _("%(name)s cannot be marked not selected: the application is “%(status)s”.")
    )
    now = timezone.now()
    application.status = ApplicationStatus.NOT_SELECTED
    application.decided_by = by
    application.decision_note = reason
    application.updated_at = now
    application.version = F("version") + 1  # type: ignore[assignment]
    application.save(
        update_fields=["status", "decided_by", "decision_note", "updated_at", "version"]
    )
    application.refresh_from_db(fields=["version"])
    audit.record(by, "mentoring.application.not_selected", application, country=application.country)
    cohort = application.cohort
    notify(
        recipients=[application.applicant.user],
        kind="mentoring.not_selected",
        message=lambda: (
            _("Your application to %(cohort)s was not selected this time.")
            % {"cohort": _cohort_name(cohort)}
        ),
        url=application_path(application),
        email=True,
    )
    return application


@dataclass(frozen=True)
class BulkOffer:
    """What "offer to the top of each country" did: the applications offered a place."""

    offered: list[Application]


@transaction.atomic
def offer_to_top(*, cohort: Cohort, by: User, per_country: int | None = None) -> BulkOffer:
    """Offer places to the best ranked applications with the panel of each country, at most
    ``per_country`` of them (all the country's free places when None) and never more than
    its free places."""
    _check_staff(by)
    if per_country is not None and per_country < 1:
        raise ValidationError(
            {"per_country": ValidationError(_("Offer at least one place."), code="invalid")}
        )
    cohort = Cohort.objects.get(pk=cohort.pk)
    _refuse_unless_offering(cohort)
    offered: list[Application] = []
    now = timezone.now()
    places = list(CohortPlace.objects.filter(cohort=cohort).order_by("country__code"))
    for place in places:
        # The candidates first (locked, best first), then the places row, as every decision.
        limit = place.places if per_country is None else min(per_country, place.places)
        candidates = list(
            ranked(
                Application.objects.select_for_update(of=("self",))
                .select_related("cohort", "country", "applicant__user")
                .filter(
                    cohort=cohort, country_id=place.country_id, status=ApplicationStatus.ENDORSED
                )
            )[:limit]
        )
        if not candidates:
            continue
        locked_place = _lock_place(candidates[0])
        if locked_place is None:
            continue
        free = locked_place.places - places_taken(cohort.pk, place.country_id)
        for application in candidates[: max(free, 0)]:
            _make_offer(application, by=by, now=now)
            audit.record(
                by,
                "mentoring.offer.send",
                application,
                country=application.country,
                bulk=True,
                expires=(
                    application.offer_expires_at.isoformat()
                    if application.offer_expires_at
                    else None
                ),
            )
            offered.append(application)
    return BulkOffer(offered=offered)


def _next_ranked(freed: Application) -> Application | None:
    """The best ranked application with the panel of the freed place's country, locked. One
    taken by someone else meanwhile is passed over."""
    candidate_ids = list(
        ranked(
            Application.objects.filter(
                cohort_id=freed.cohort_id,
                country_id=freed.country_id,
                status=ApplicationStatus.ENDORSED,
            )
        ).values_list("pk", flat=True)[:20]
    )
    for candidate_id in candidate_ids:
        candidate = (
            Application.objects.select_for_update(of=("self",))
            .select_related("cohort", "country", "applicant__user")
            .filter(pk=candidate_id, status=ApplicationStatus.ENDORSED)
            .first()
        )
        if candidate is not None:
            return candidate
    return None


def _pass_place_on(freed: Application, *, why: str, now: datetime) -> Application | None:
    """Offer the place ``freed`` gave up to the next ranked applicant of the same country,
    on the platform's own account (on behalf of the applicant who freed it)."""
    if freed.cohort.status not in OFFER_STAGES:
        return None
    candidate = _next_ranked(freed)
    if candidate is None or not _has_free_place(candidate):
        return None
    _make_offer(candidate, by=None, now=now)
    audit.record(
        SYSTEM,
        "mentoring.offer.send",
        candidate,
        country=candidate.country,
        automatic=True,
        on_behalf_of=freed.applicant.user_id,
        freed_by=freed.pk,
        why=why,
        expires=candidate.offer_expires_at.isoformat() if candidate.offer_expires_at else None,
    )
    return candidate


@dataclass(frozen=True)
class OfferAnswer:
    """The applicant's answer, and the application the place passed to when she declined."""

    application: Application
    passed_to: Application | None = None


@transaction.atomic
def respond_to_offer(
    *, application: Application, by: User, accept: bool, reason: str = ""
) -> OfferAnswer:
    """The applicant accepts her offer (she takes part) or declines it (with a reason if she
    wishes); a declined place is offered to the next ranked applicant of her country."""
    application = _locked(application)
    if application.applicant.user_id != by.pk:
        raise PermissionDenied(_("Only the applicant answers her offer."))
    if application.status != ApplicationStatus.OFFERED:
        raise ValidationError(
            _("There is no offer to answer: the application is “%(status)s”.")
            % {"status": application.get_status_display()},
            code="transition",
        )
    now = timezone.now()
    if application.offer_expires_at is not None and application.offer_expires_at < now:
        raise ValidationError(
            _("This offer expired on %(date)s.")
            % {
                "date": formats.date_format(
                    timezone.localtime(application.offer_expires_at), "DATE_FORMAT"
                )
            },
            code="expired",
        )
    application.status = ApplicationStatus.ACCEPTED if accept else ApplicationStatus.DECLINED
    application.responded_at = now
    application.decision_note = "" if accept else reason.strip()
    application.updated_at = now
    application.version = F("version") + 1  # type: ignore[assignment]
    application.save(
        update_fields=["status", "responded_at", "decision_note", "updated_at", "version"]
    )
    application.refresh_from_db(fields=["version"])
    audit.record(
        by,
        "mentoring.offer.accept" if accept else "mentoring.offer.decline",
        application,
        country=application.country,
    )
    if accept:
        return OfferAnswer(application=application)
    return OfferAnswer(
        application=application, passed_to=_pass_place_on(application, why="declined", now=now)
    )


@dataclass(frozen=True)
class Expiry:
    expired: int
    passed_on: int


def _tell_expired(application: Application) -> None:
    cohort = application.cohort
    notify(
        recipients=[application.applicant.user],
        kind="mentoring.offer_expired",
        message=lambda: (
            _("Your offer of a place in %(cohort)s expired without an answer.")
            % {"cohort": _cohort_name(cohort)}
        ),
        url=application_path(application),
        email=True,
    )


def expire_offers(*, now: datetime | None = None) -> Expiry:
    """Close the offers past their answer date (DECLINED, with no answer recorded) and pass
    each place on to the next ranked applicant of the same country. Running it again finds
    nothing more to do."""
    now = now or timezone.now()
    due = list(
        Application.objects.filter(
            status=ApplicationStatus.OFFERED, offer_expires_at__lt=now
        ).values_list("pk", flat=True)
    )
    expired = passed_on = 0
    for pk in due:
        with transaction.atomic():
            application = (
                Application.objects.select_for_update(of=("self",))
                .select_related("cohort", "country", "applicant__user")
                .filter(pk=pk, status=ApplicationStatus.OFFERED, offer_expires_at__lt=now)
                .first()
            )
            if application is None:
                continue
            application.status = ApplicationStatus.DECLINED
            application.updated_at = now
            application.version = F("version") + 1  # type: ignore[assignment]
            application.save(update_fields=["status", "updated_at", "version"])
            audit.record(
                SYSTEM,
                "mentoring.offer.expire",
                application,
                country=application.country,
                on_behalf_of=application.applicant.user_id,
            )
            _tell_expired(application)
            expired += 1
            if _pass_place_on(application, why="expired", now=now) is not None:
                passed_on += 1
    return Expiry(expired=expired, passed_on=passed_on)


def offer_is_open(application: Application, *, now: datetime | None = None) -> bool:
    """Whether the applicant may still answer her offer."""
    now = now or timezone.now()
    return application.status == ApplicationStatus.OFFERED and (
        application.offer_expires_at is None or application.offer_expires_at >= now
    )


def scoring_open(application: Application) -> bool:
    return (
        application.status == ApplicationStatus.ENDORSED
        and application.cohort.status in SCORING_STAGES
    )
