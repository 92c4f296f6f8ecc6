"""What waits for a board member, and for staff, on their home page: a meeting to confirm, a
vote open, minutes to comment on, a written procedure running, warnings on the board. Each
provider makes a few bounded queries and links only to pages the user may open."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from momentum.core.home import NextStep, register
from momentum.governance.models import (
    Attendance,
    AttendanceStatus,
    BoardMember,
    MeetingStatus,
    MinutesStatus,
    Motion,
    MotionStatus,
    ProcedureStatus,
    Recommendation,
    Seat,
    WrittenProcedure,
)

if TYPE_CHECKING:
    from momentum.people.models import User

APP = "governance"


@register
def board_member_steps(user: User) -> list[NextStep]:
    from momentum.people.models import Role

    if Role.BOARD_MEMBER not in user.roles:
        return []
    terms = list(BoardMember.objects.current().filter(user=user))
    if not terms:
        return []
    countries = {term.country_id for term in terms}
    now = timezone.now()
    steps: list[NextStep] = []
    representative = [t for t in terms if t.seat == Seat.REPRESENTATIVE]
    # Invitations to answer.
    if representative:
        for attendance in (
            Attendance.objects.filter(
                country_id__in={term.country_id for term in representative},
                status=AttendanceStatus.INVITED,
                meeting__status=MeetingStatus.CONVENED,
                meeting__starts_at__gt=now,
            )
            .select_related("meeting")
            .order_by("meeting__starts_at")[:3]
        ):
            steps.append(
                NextStep(
                    _("Confirm whether you attend the board meeting %(title)s.")
                    % {"title": attendance.meeting.title},
                    reverse("governance:meeting", kwargs={"pk": attendance.meeting_id}),
                    priority=20,
                    app=APP,
                )
            )
    # Votes open for a country she votes for (her own, or one whose proxy she holds).
    proxies = set(Attendance.objects.filter(proxy__in=terms).values_list("country_id", flat=True))
    voting_for = ({t.country_id for t in representative}) | proxies
    open_motions = (
        Motion.objects.filter(status=MotionStatus.OPEN, closes_at__gt=now)
        .annotate(cast=Count("votes", filter=Q(votes__country_id__in=voting_for)))
        .filter(cast__lt=len(voting_for))
        .select_related("agenda_item__meeting")
        .order_by("closes_at")[:3]
    )
    for motion in open_motions if voting_for else []:
        steps.append(
            NextStep(
                _("A vote is open on the board meeting %(title)s: cast your country's vote.")
                % {"title": motion.agenda_item.meeting.title},
                reverse("governance:meeting", kwargs={"pk": motion.agenda_item.meeting_id})
                + f"#item-{motion.agenda_item_id}",
                priority=10,
                app=APP,
            )
        )
    # Written procedures waiting for her country's answer.
    for procedure in (
        WrittenProcedure.objects.filter(status=ProcedureStatus.OPEN, deadline__gt=now)
        .exclude(answers__country_id__in=countries)
        .order_by("deadline")[:3]
    ):
        steps.append(
            NextStep(
                _("A written procedure waits for your answer: %(title)s.")
                % {"title": procedure.title},
                reverse("governance:procedure", kwargs={"pk": procedure.pk}),
                priority=15,
                app=APP,
            )
        )
    # Minutes circulated for comments.
    for attendance in (
        Attendance.objects.filter(
            country_id__in=countries,
            meeting__minutes__status=MinutesStatus.CIRCULATED,
            meeting__minutes__comments_due__gt=now,
        )
        .select_related("meeting")
        .order_by("meeting__starts_at")[:3]
    ):
        steps.append(
            NextStep(
                _("The draft minutes of %(title)s wait for your comments.")
                % {"title": attendance.meeting.title},
                reverse("governance:minutes", kwargs={"pk": attendance.meeting_id}),
                priority=30,
                app=APP,
            )
        )
    # Her country's recommendations and their follow-up.
    concerning = (
        Recommendation.objects.filter(Q(countries__in=countries) | Q(countries__isnull=True))
        .values("pk")
        .distinct()
        .count()
    )
    if concerning:
        steps.append(
            NextStep(
                ngettext(
                    "%(count)s recommendation concerns your country: follow it in the register.",
                    "%(count)s recommendations concern your country: follow them in the register.",
                    concerning,
                )
                % {"count": concerning},
                reverse("governance:recommendations") + f"?country={terms[0].country_id}",
                count=concerning,
                priority=60,
                app=APP,
            )
        )
    return steps


@register
def board_staff_steps(user: User) -> list[NextStep]:
    if not user.is_programme_staff:
        return []
    from momentum.governance.selectors.board import board_warnings

    steps: list[NextStep] = []
    warnings = board_warnings()
    if warnings:
        steps.append(
            NextStep(
                ngettext(
                    "The Advisory Board needs attention: %(count)s warning.",
                    "The Advisory Board needs attention: %(count)s warnings.",
                    len(warnings),
                )
                % {"count": len(warnings)},
                reverse("governance:board"),
                count=len(warnings),
                priority=40,
                app=APP,
            )
        )
    now = timezone.now()
    to_close = WrittenProcedure.objects.filter(
        status=ProcedureStatus.OPEN, deadline__lte=now
    ).count()
    if to_close:
        steps.append(
            NextStep(
                ngettext(
                    "%(count)s written procedure has passed its deadline: record its outcome.",
                    "%(count)s written procedures have passed their deadline: record their "
                    "outcome.",
                    to_close,
                )
                % {"count": to_close},
                reverse("governance:procedures"),
                count=to_close,
                priority=30,
                app=APP,
            )
        )
    return steps
