"""A small board shared by the page, API and home tests: Jordan's member is the personas'
``board_member``; Morocco's is another member; a meeting to come with a motion open, one held
with minutes circulated, an open written procedure, recommendations."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone


@dataclass(frozen=True)
class Board:
    reps: dict[str, Any]
    coming: Any
    held: Any
    motion: Any
    procedure: Any
    recommendation: Any


@pytest.fixture
def small_board(board_member, morocco) -> Board:  # type: ignore[no-untyped-def]
    from momentum.governance.services import decisions, meetings, minutes, procedures
    from momentum.governance.services import recommendations as register
    from momentum.governance.tests.factories import board, meeting, staff_user

    staff = staff_user()
    reps = board(5, JO=board_member)
    coming = meeting(starts_in_days=30)
    motion = decisions.propose_motion(
        agenda_item=coming.agenda.first(),
        texts={"en": "Adopt the plan.", "fr": "Adopter le plan.", "ar": "اعتماد الخطة."},
        authoritative_language="fr",
        closes_at=coming.ends_at,
        by=staff,
    )
    held = meeting(starts_in_days=-20)
    meetings.mark_held(meeting=held, by=staff)
    record = minutes.draft_minutes(meeting=held, text="1. Opened.", by=staff)
    minutes.circulate_minutes(
        minutes=record, comments_due=timezone.now() + timedelta(days=4), by=staff, version=1
    )
    procedure = procedures.launch_procedure(
        title="Training plan 2027",
        question="Do you approve?",
        deadline=timezone.now() + timedelta(days=5),
        silence=True,
        by=staff,
    )
    recommendation = register.record_recommendation(
        text="Offer the course in Arabic.",
        source="meeting",
        meeting=held,
        countries=[morocco],
        by=staff,
    )
    return Board(reps, coming, held, motion, procedure, recommendation)
