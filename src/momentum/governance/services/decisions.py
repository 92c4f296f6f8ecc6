"""Motions and votes: one vote per country, cast by its representative, or by the alternate
or another member holding the country's proxy; the result computed with the quorum and
majority rules when the vote closes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from momentum.core import audit
from momentum.core.models import Country
from momentum.governance.models import (
    PRESENT_STATUSES,
    AgendaItem,
    Attendance,
    BoardMember,
    Motion,
    MotionStatus,
    Seat,
    Vote,
    VoteChoice,
)
from momentum.governance.quorum import motion_result


@dataclass(frozen=True)
class Mandate:
    """A country a user may vote for, and whether as its proxy."""

    country_id: int
    as_proxy: bool


def mandates_for(user: Any, motion: Motion) -> list[Mandate]:
    """The countries ``user`` may vote for on ``motion``: her own as representative unless she
    gave the proxy away; as alternate or another member when she holds a country's proxy."""
    meeting = motion.agenda_item.meeting
    on = timezone.localdate(meeting.starts_at)
    terms = list(BoardMember.objects.current(on).filter(user=user))
    if not terms:
        return []
    proxies = {
        attendance.country_id: attendance.proxy
        for attendance in Attendance.objects.filter(meeting=meeting).select_related("proxy")
    }
    mandates: list[Mandate] = []
    term_ids = {term.pk for term in terms}
    for term in terms:
        proxy = proxies.get(term.country_id)
        if term.seat == Seat.REPRESENTATIVE and (proxy is None or proxy.pk == term.pk):
            mandates.append(Mandate(term.country_id, as_proxy=False))
    for country_id, proxy in proxies.items():
        held_by_her = proxy is not None and proxy.pk in term_ids
        if held_by_her and all(mandate.country_id != country_id for mandate in mandates):
            mandates.append(Mandate(country_id, as_proxy=True))
    return mandates


@transaction.atomic
def propose_motion(
    *,
    agenda_item: AgendaItem,
    texts: dict[str, str],
    authoritative_language: str,
    closes_at: datetime,
    by: Any,
    majority: str = "simple",
) -> Motion:
    if not texts.get(authoritative_language, "").strip():
        raise ValidationError(
            {"authoritative_language": _("The authoritative language must have a text.")}
        )
    if hasattr(agenda_item, "motion"):
        raise ValidationError(_("This agenda item already carries a motion."))
    motion = Motion.objects.create(
        agenda_item=agenda_item,
        text_ar=texts.get("ar", "").strip(),
        text_fr=texts.get("fr", "").strip(),
        text_en=texts.get("en", "").strip(),
        authoritative_language=authoritative_language,
        majority=majority,
        closes_at=closes_at,
    )
    audit.record(by, "governance.motion_proposed", motion, meeting=agenda_item.meeting_id)
    return motion


def cast_vote(*, motion: Motion, by: Any, choice: str, country: Country | None = None) -> Vote:
    """Record ``by``'s vote for ``country`` (her own when she has one mandate). A second vote
    of the same country is refused, also when two arrive at once: one wins, the other is told."""
    if choice not in VoteChoice.values:
        raise ValidationError({"choice": _("Choose yes, no or abstain.")})
    try:
        with transaction.atomic():
            locked = Motion.objects.select_for_update().get(pk=motion.pk)
            if locked.status != MotionStatus.OPEN or locked.closes_at <= timezone.now():
                raise ValidationError(_("The vote on this motion is closed."))
            mandates = mandates_for(by, locked)
            if country is not None:
                mandates = [m for m in mandates if m.country_id == country.pk]
            if not mandates:
                raise ValidationError(_("You may not vote for this country on this motion."))
            if len(mandates) > 1:
                raise ValidationError({"country": _("Say for which country you vote.")})
            mandate = mandates[0]
            if Vote.objects.filter(motion=locked, country_id=mandate.country_id).exists():
                raise ValidationError(_("Your country has already voted on this motion."))
            vote = Vote.objects.create(
                motion=locked,
                country_id=mandate.country_id,
                choice=choice,
                cast_by=by,
                as_proxy=mandate.as_proxy,
            )
            audit.record(
                by,
                "governance.vote_cast",
                locked,
                country=vote.country,
                choice=choice,
                as_proxy=mandate.as_proxy,
            )
            return vote
    except IntegrityError as error:
        # Two votes of one country at the same instant: the unique constraint keeps one.
        raise ValidationError(_("Your country has already voted on this motion.")) from error


def _seats() -> int:
    """The countries with a current representative: the board's size for the quorum."""
    return (
        BoardMember.objects.current()
        .filter(seat=Seat.REPRESENTATIVE)
        .values("country")
        .distinct()
        .count()
    )


@transaction.atomic
def close_motion(*, motion: Motion, by: Any) -> Motion:
    """Close the vote and record the decision, or that none was taken and why."""
    motion = (
        Motion.objects.select_for_update().select_related("agenda_item__meeting").get(pk=motion.pk)
    )
    if motion.status != MotionStatus.OPEN:
        raise ValidationError(_("This motion is already closed."))
    meeting = motion.agenda_item.meeting
    votes = list(motion.votes.values_list("country_id", "choice"))
    present = set(
        meeting.attendances.filter(status__in=PRESENT_STATUSES).values_list("country_id", flat=True)
    )
    participating = present | {country for country, _choice in votes}
    result = motion_result(
        votes=[choice for _country, choice in votes],
        participating=len(participating),
        countries=_seats(),
        rule=meeting.quorum_rule,
        majority=motion.majority,
    )
    motion.status = MotionStatus.CLOSED
    motion.outcome = result.outcome
    motion.outcome_reason = result.reason
    motion.decided_at = timezone.now()
    motion.save(update_fields=["status", "outcome", "outcome_reason", "decided_at"])
    audit.record(by, "governance.motion_closed", motion, outcome=result.outcome)
    return motion
