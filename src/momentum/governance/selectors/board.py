"""Reads for the board's membership and the warnings staff must see."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from momentum.core.models import Country
from momentum.governance.models import BoardMember, Meeting, MeetingStatus, Seat
from momentum.governance.rules import sees_board_business

TERM_ENDING_WITHIN_DAYS = 60
MEETINGS_PER_YEAR = 2


@dataclass(frozen=True)
class Warning:
    text: str | Promise
    level: str = "warn"


def members_for(user: Any) -> list[BoardMember]:
    """Every term, current and past (the board's history), for those who see the board."""
    if not sees_board_business(user):
        raise PermissionDenied
    return list(
        BoardMember.objects.visible_to(user)
        .select_related("user", "country")
        .order_by("country__code", "-term_start", "seat")
    )


def get_member_for(user: Any, pk: int) -> BoardMember:
    if not sees_board_business(user):
        raise PermissionDenied
    return get_object_or_404(BoardMember.objects.select_related("user", "country"), pk=pk)


def own_terms(user: Any, on: date | None = None) -> list[BoardMember]:
    if not getattr(user, "is_authenticated", False):
        return []
    return list(BoardMember.objects.current(on).filter(user=user).select_related("country"))


def meetings_in_year(year: int) -> int:
    """Meetings held or still scheduled in ``year`` (cancelled ones do not count)."""
    return (
        Meeting.objects.filter(starts_at__year=year).exclude(status=MeetingStatus.CANCELLED).count()
    )


def board_warnings(*, today: date | None = None) -> list[Warning]:
    """What staff must act on: a country without a current representative, a term ending
    within 60 days, fewer than two meetings held or scheduled this year."""
    today = today or timezone.localdate()
    warnings: list[Warning] = []
    current = list(BoardMember.objects.current(today).select_related("country", "user"))
    represented = {m.country_id for m in current if m.seat == Seat.REPRESENTATIVE}
    for country in Country.objects.active().exclude(pk__in=represented):
        warnings.append(
            Warning(
                _("%(country)s has no current representative on the board.")
                % {"country": country.name},
                "error",
            )
        )
    soon = today + timedelta(days=TERM_ENDING_WITHIN_DAYS)
    ending = [m for m in current if m.term_end is not None and m.term_end <= soon]
    successors = (
        set(BoardMember.objects.filter(term_start__gt=today).values_list("country_id", "seat"))
        if ending
        else set()
    )
    for member in ending:
        if (member.country_id, member.seat) not in successors:
            warnings.append(
                Warning(
                    _(
                        "The term of %(name)s (%(country)s, %(seat)s) ends on %(date)s and "
                        "no successor is appointed."
                    )
                    % {
                        "name": member.user.display_name(get_language()),
                        "country": member.country.name,
                        "seat": member.get_seat_display(),
                        "date": member.term_end.isoformat() if member.term_end else "",
                    }
                )
            )
    count = meetings_in_year(today.year)
    if count < MEETINGS_PER_YEAR:
        warnings.append(
            Warning(
                _(
                    "Only %(count)s board meetings are held or scheduled in %(year)s: the board "
                    "meets at least twice a year."
                )
                % {"count": count, "year": today.year},
                "error",
            )
        )
    return warnings


def past_members_filter(today: date) -> Q:
    return Q(term_end__lt=today)
