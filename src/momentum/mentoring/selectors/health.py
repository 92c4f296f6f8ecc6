"""Programme health: every active pair of a cohort with its meetings, its latest check-in and
whether it is at risk. Computed in SQL (one query, however many pairs), so the page, the
indicator and the demo agree. Private meeting notes are never read here.

At risk: an active pair with no meeting in the last 45 days (counted from its publication when
it has none yet), or whose latest answered check-in (either side's) gave satisfaction or
progress of 2 or less.
"""

from __future__ import annotations

from datetime import date, timedelta

from django.db.models import (
    BooleanField,
    Case,
    Count,
    Max,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.utils import timezone
from django.utils.translation import gettext as _

from momentum.mentoring.models import CheckIn, Cohort, Pairing, PairingStatus

NO_MEETING_DAYS = 45
LOW_SCORE = 2


def _latest_check_in(field: str) -> Subquery:
    return Subquery(
        CheckIn.objects.filter(pairing=OuterRef("pk"), submitted_at__isnull=False)
        .order_by("-submitted_at", "-pk")
        .values(field)[:1]
    )


def pairs_with_health(cohort: Cohort, *, today: date | None = None) -> QuerySet[Pairing]:
    """The cohort's active pairs, each annotated with ``last_met_on``, ``meetings_count``,
    ``latest_satisfaction``, ``latest_progress``, ``latest_check_in_at``,
    ``no_recent_meeting``, ``low_check_in`` and ``at_risk``."""
    today = today or timezone.localdate()
    cutoff = today - timedelta(days=NO_MEETING_DAYS)
    no_recent_meeting = Q(last_met_on__lt=cutoff) | Q(
        last_met_on__isnull=True, published_at__date__lt=cutoff
    )
    low_check_in = Q(latest_satisfaction__lte=LOW_SCORE) | Q(latest_progress__lte=LOW_SCORE)
    return (
        Pairing.objects.filter(cohort=cohort, status=PairingStatus.ACTIVE)
        .select_related(
            "mentee__applicant__user", "mentee__country", "mentor__user", "plan__reviewed_by"
        )
        .annotate(
            last_met_on=Max("meetings__held_on"),
            meetings_count=Count("meetings"),
            latest_satisfaction=_latest_check_in("satisfaction"),
            latest_progress=_latest_check_in("progress"),
            latest_check_in_at=_latest_check_in("submitted_at"),
        )
        .annotate(
            no_recent_meeting=Case(
                When(no_recent_meeting, then=Value(True)),
                default=Value(False),
                output_field=BooleanField(),
            ),
            low_check_in=Case(
                When(low_check_in, then=Value(True)),
                default=Value(False),
                output_field=BooleanField(),
            ),
        )
        .annotate(
            at_risk=Case(
                When(Q(no_recent_meeting=True) | Q(low_check_in=True), then=Value(True)),
                default=Value(False),
                output_field=BooleanField(),
            )
        )
        .order_by("mentee__country__code", "mentee__applicant__user__family_name", "pk")
    )


def at_risk_pairs(cohort: Cohort, *, today: date | None = None) -> QuerySet[Pairing]:
    return pairs_with_health(cohort, today=today).filter(Q(at_risk=True))


def days_since_meeting(pairing: Pairing, today: date | None = None) -> int | None:
    """Days since the pair's last meeting (or its publication when none yet), from the
    ``last_met_on`` annotation."""
    today = today or timezone.localdate()
    last = getattr(pairing, "last_met_on", None)
    if last is None and pairing.published_at is not None:
        last = timezone.localdate(pairing.published_at)
    return None if last is None else (today - last).days


def risk_reasons(pairing: Pairing) -> list[str]:
    reasons = []
    if getattr(pairing, "no_recent_meeting", False):
        reasons.append(_("No meeting for more than %(days)d days.") % {"days": NO_MEETING_DAYS})
    if getattr(pairing, "low_check_in", False):
        reasons.append(_("The latest check-in scored %(score)d or less.") % {"score": LOW_SCORE})
    return reasons
