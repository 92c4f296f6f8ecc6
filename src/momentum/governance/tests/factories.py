"""Builders of a board for the governance tests: members through the services, meetings with
an agenda, invitations sent."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.utils import timezone

from momentum.core.tests.factories import CountryFactory
from momentum.governance.models import BoardMember, Meeting, MeetingFormat, MeetingKind, Seat
from momentum.governance.services import meetings as meeting_services
from momentum.governance.services import members as member_services
from momentum.people.models import Role
from momentum.people.tests.factories import UserFactory, person_with_role

CODES = ("DZ", "EG", "JO", "LB", "MA", "PS", "TN")


def staff_user() -> Any:
    from momentum.people.models import User

    existing = User.objects.filter(role_assignments__role=Role.STAFF).first()
    return existing or person_with_role(Role.STAFF, None, email="board-staff@example.org")


def member(
    country: Any,
    *,
    user: Any = None,
    seat: str = Seat.REPRESENTATIVE,
    sex: str = "female",
    start_days_ago: int = 100,
    end_in_days: int | None = 300,
) -> BoardMember:
    today = timezone.localdate()
    return member_services.appoint_member(
        user=user or UserFactory(),
        country=country,
        seat=seat,
        institution="Police academy",
        sex=sex,
        term_start=today - timedelta(days=start_days_ago),
        term_end=None if end_in_days is None else today + timedelta(days=end_in_days),
        by=staff_user(),
    )


def board(countries: int = 7, **known_users: Any) -> dict[str, BoardMember]:
    """Representatives of ``countries`` countries (the personas' Jordan and Morocco among
    them when they exist); ``known_users``: a user by country code (``JO=board_member``)."""
    names = {"JO": "Jordan", "MA": "Morocco"}
    representatives = {}
    for code in CODES[:countries]:
        country = CountryFactory(code=code, name_en=names.get(code, f"Country {code}"))
        existing = (
            BoardMember.objects.current().filter(country=country, seat=Seat.REPRESENTATIVE).first()
        )
        representatives[code] = existing or member(country, user=known_users.get(code))
    return representatives


def meeting(
    *,
    starts_in_days: int = 30,
    kind: str = MeetingKind.ORDINARY,
    invite: bool = True,
    quorum_rule: str = "majority",
) -> Meeting:
    starts = timezone.now() + timedelta(days=starts_in_days)
    created = meeting_services.schedule_meeting(
        kind=kind,
        format=MeetingFormat.ONLINE,
        titles={"en": "Board meeting", "fr": "Réunion du comité", "ar": "اجتماع المجلس"},
        starts_at=starts,
        ends_at=starts + timedelta(hours=3),
        requested_by="Members' letters" if kind == MeetingKind.EXTRAORDINARY else "",
        quorum_rule=quorum_rule,
        agenda=[
            {"en": "Training plan", "fr": "Plan de formation", "ar": "خطة التدريب"},
            {"en": "Regional report", "fr": "Rapport régional", "ar": "التقرير الإقليمي"},
        ],
        by=staff_user(),
    )
    if invite:
        meeting_services.send_invitations(
            meeting=created, by=staff_user(), now=starts - timedelta(days=30)
        )
    created.refresh_from_db()
    return created
