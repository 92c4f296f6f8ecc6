"""The Advisory Board in the demo: a full board, three past meetings with approved minutes,
an upcoming one, a closed and an open written procedure, a register in every state, and what
each ``board.<cc>@example.org`` finds on her home page."""

from __future__ import annotations

from typing import Any

import pytest

COUNTRY_CODES = ["DZ", "EG", "JO", "LB", "MA", "PS", "TN"]


@pytest.fixture
def seeded(seeded_demo: Any) -> str:
    """What seeding the demo printed (the demo is seeded once for the suite: ``conftest``)."""
    return str(seeded_demo.output)


class TestTheDemoBoard:
    def test_a_full_board_of_seven_countries_with_a_past_member(self, seeded):
        from django.utils import timezone

        from momentum.governance.models import BoardMember, Seat

        today = timezone.localdate()
        current = BoardMember.objects.current(today)
        represented = set(
            current.filter(seat=Seat.REPRESENTATIVE).values_list("country__code", flat=True)
        )
        assert represented == set(COUNTRY_CODES)
        assert current.filter(seat=Seat.ALTERNATE).count() >= 5
        assert BoardMember.objects.filter(term_end__lt=today).exists()

    def test_meetings_minutes_and_procedures_in_every_state(self, seeded):
        from django.utils import timezone

        from momentum.governance.models import (
            Meeting,
            MeetingKind,
            Minutes,
            MinutesStatus,
            Motion,
            WrittenProcedure,
        )

        now = timezone.now()
        past_ordinary = Meeting.objects.filter(kind=MeetingKind.ORDINARY, starts_at__lt=now)
        assert past_ordinary.count() == 3
        assert all(
            meeting.minutes.status in (MinutesStatus.APPROVED, MinutesStatus.PUBLISHED)
            for meeting in past_ordinary
        )
        assert Meeting.objects.filter(starts_at__gt=now).exists()
        assert set(Minutes.objects.values_list("status", flat=True)) == set(MinutesStatus.values)
        assert set(Motion.objects.values_list("outcome", flat=True)) == {
            "",
            "adopted",
            "rejected",
            "not_taken",
        }
        assert set(WrittenProcedure.objects.values_list("status", "outcome")) == {
            ("open", ""),
            ("closed", "adopted"),
            ("closed", "rejected"),
        }

    def test_the_register_holds_every_state(self, seeded):
        from momentum.governance.models import Recommendation
        from momentum.governance.selectors.recommendations import STATES, state_of

        states = {state_of(row) for row in Recommendation.objects.prefetch_related("actions")}

        assert states == set(STATES)

    @pytest.mark.parametrize("code", COUNTRY_CODES)
    def test_each_board_member_finds_her_board_work_at_home(self, seeded, client, code):
        from momentum.people.models import User

        client.force_login(User.objects.get(email=f"board.{code.lower()}@example.org"))
        content = client.get("/en/").content.decode()

        assert "What to do next" in content
        assert "recommendation" in content
        if code != "MA":  # Morocco's own answer is the browser journey's to give
            return
        assert "A written procedure waits for your answer" in content
        assert "A vote is open" in content
