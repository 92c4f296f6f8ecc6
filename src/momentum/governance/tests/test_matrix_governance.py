"""Who may use the Advisory Board's routes (see tests/test_authorization_matrix.py).

Staff run the board's business; board members (the ``brd`` persona: Jordan's representative)
read it all and answer for their country; every other role, the donor included, is refused:
they see the board through the indicators only.

The records: the small board of ``conftest.py`` (a meeting to come with an open motion, a held
one with circulated minutes and an agenda item without motion, an open written procedure, a
recommendation with an action), a nomination letter, a document."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import pytest
from django.core.files.base import ContentFile

from momentum.core.tests.matrix import PERSONAS, request_as

# fmt: off
#                                            anon off  fp  out stf don trn men mod brd
MATRIX: dict[str, tuple[int, ...]] = {
    "governance:board":                     (302, 403, 403, 403, 200, 403, 403, 403, 403, 200),
    "governance:member_new":                (302, 403, 403, 403, 200, 403, 403, 403, 403, 403),
    "governance:member_letter":             (302, 403, 403, 403, 200, 403, 403, 403, 403, 403),
    "governance:commitment":                (302, 403, 403, 403, 404, 403, 403, 403, 403, 200),
    "governance:meetings":                  (302, 403, 403, 403, 200, 403, 403, 403, 403, 200),
    "governance:meeting_new":               (302, 403, 403, 403, 200, 403, 403, 403, 403, 403),
    "governance:meeting":                   (302, 403, 403, 403, 200, 403, 403, 403, 403, 200),
    "governance:meeting_ics":               (302, 403, 403, 403, 200, 403, 403, 403, 403, 200),
    "governance:meeting_invite":            (302, 403, 403, 403, 302, 403, 403, 403, 403, 403),
    "governance:meeting_answer":            (302, 403, 403, 403, 302, 403, 403, 403, 403, 302),
    "governance:meeting_attendance":        (302, 403, 403, 403, 302, 403, 403, 403, 403, 403),
    "governance:meeting_held":              (302, 403, 403, 403, 302, 403, 403, 403, 403, 403),
    "governance:document_add":              (302, 403, 403, 403, 302, 403, 403, 403, 403, 403),
    "governance:document":                  (302, 403, 403, 403, 302, 403, 403, 403, 403, 302),
    "governance:motion_new":                (302, 403, 403, 403, 200, 403, 403, 403, 403, 403),
    "governance:motion_vote":               (302, 403, 403, 403, 302, 403, 403, 403, 403, 302),
    "governance:motion_close":              (302, 403, 403, 403, 302, 403, 403, 403, 403, 403),
    "governance:minutes":                   (302, 403, 403, 403, 200, 403, 403, 403, 403, 200),
    "governance:minutes_comment":           (302, 403, 403, 403, 302, 403, 403, 403, 403, 302),
    "governance:minutes_step":              (302, 403, 403, 403, 302, 403, 403, 403, 403, 403),
    "governance:procedures":                (302, 403, 403, 403, 200, 403, 403, 403, 403, 200),
    "governance:procedure_new":             (302, 403, 403, 403, 200, 403, 403, 403, 403, 403),
    "governance:procedure":                 (302, 403, 403, 403, 200, 403, 403, 403, 403, 200),
    "governance:procedure_answer":          (302, 403, 403, 403, 200, 403, 403, 403, 403, 302),
    "governance:procedure_close":           (302, 403, 403, 403, 302, 403, 403, 403, 403, 403),
    "governance:procedure_export":          (302, 403, 403, 403, 200, 403, 403, 403, 403, 200),
    "governance:procedure_export_pdf":      (302, 403, 403, 403, 200, 403, 403, 403, 403, 200),
    "governance:recommendations":           (302, 403, 403, 403, 200, 403, 403, 403, 403, 200),
    "governance:recommendation_new":        (302, 403, 403, 403, 200, 403, 403, 403, 403, 403),
    "governance:recommendation":            (302, 403, 403, 403, 200, 403, 403, 403, 403, 200),
    "governance:recommendation_step":       (302, 403, 403, 403, 302, 403, 403, 403, 403, 403),
    "governance:action_update":             (302, 403, 403, 403, 302, 403, 403, 403, 403, 403),
    "api:list_board_meetings":              (401, 403, 403, 403, 200, 403, 403, 403, 403, 200),
    "api:get_board_meeting":                (401, 403, 403, 403, 200, 403, 403, 403, 403, 200),
    "api:list_board_decisions":             (401, 403, 403, 403, 200, 403, 403, 403, 403, 200),
    "api:cast_board_vote":                  (401, 403, 403, 403, 422, 403, 403, 403, 403, 201),
    "api:list_written_procedures":          (401, 403, 403, 403, 200, 403, 403, 403, 403, 200),
    "api:answer_written_procedure":         (401, 403, 403, 403, 422, 403, 403, 403, 403, 201),
    "api:list_board_recommendations":       (401, 403, 403, 403, 200, 403, 403, 403, 403, 200),
}
# fmt: on


@dataclass(frozen=True)
class World:
    member: int
    coming: int
    held: int
    item: int
    motion: int
    document: int
    procedure: int
    recommendation: int
    action: int


_JSON = "application/json"

ROUTES: dict[str, tuple[str, Any, dict[str, Any]]] = {
    "governance:board": ("get", lambda w: "/en/governance/", {}),
    "governance:member_new": ("get", lambda w: "/en/governance/members/new/", {}),
    "governance:member_letter": ("get", lambda w: f"/en/governance/members/{w.member}/letter/", {}),
    "governance:commitment": ("get", lambda w: "/en/governance/commitment/", {}),
    "governance:meetings": ("get", lambda w: "/en/governance/meetings/", {}),
    "governance:meeting_new": ("get", lambda w: "/en/governance/meetings/new/", {}),
    "governance:meeting": ("get", lambda w: f"/en/governance/meetings/{w.coming}/", {}),
    "governance:meeting_ics": (
        "get",
        lambda w: f"/en/governance/meetings/{w.coming}/meeting.ics",
        {},
    ),
    "governance:meeting_invite": (
        "post",
        lambda w: f"/en/governance/meetings/{w.coming}/invite/",
        {},
    ),
    "governance:meeting_answer": (
        "post",
        lambda w: f"/en/governance/meetings/{w.coming}/answer/",
        {"data": {"attending": "yes"}},
    ),
    "governance:meeting_attendance": (
        "post",
        lambda w: f"/en/governance/meetings/{w.held}/attendance/",
        {"data": {"status": "present"}},
    ),
    "governance:meeting_held": ("post", lambda w: f"/en/governance/meetings/{w.coming}/held/", {}),
    "governance:document_add": (
        "post",
        lambda w: f"/en/governance/meetings/{w.coming}/documents/",
        {"data": {"title": "Paper"}},
    ),
    "governance:document": ("get", lambda w: f"/en/governance/documents/{w.document}/", {}),
    "governance:motion_new": ("get", lambda w: f"/en/governance/agenda/{w.item}/motion/", {}),
    "governance:motion_vote": (
        "post",
        lambda w: f"/en/governance/motions/{w.motion}/vote/",
        {"data": {"choice": "yes"}},
    ),
    "governance:motion_close": ("post", lambda w: f"/en/governance/motions/{w.motion}/close/", {}),
    "governance:minutes": ("get", lambda w: f"/en/governance/meetings/{w.held}/minutes/", {}),
    "governance:minutes_comment": (
        "post",
        lambda w: f"/en/governance/meetings/{w.held}/minutes/comment/",
        {"data": {"text": "Fine."}},
    ),
    "governance:minutes_step": (
        "post",
        lambda w: f"/en/governance/meetings/{w.held}/minutes/publish/",
        {},
    ),
    "governance:procedures": ("get", lambda w: "/en/governance/procedures/", {}),
    "governance:procedure_new": ("get", lambda w: "/en/governance/procedures/new/", {}),
    "governance:procedure": ("get", lambda w: f"/en/governance/procedures/{w.procedure}/", {}),
    "governance:procedure_answer": (
        "post",
        lambda w: f"/en/governance/procedures/{w.procedure}/answer/",
        {"data": {"choice": "approve"}},
    ),
    "governance:procedure_close": (
        "post",
        lambda w: f"/en/governance/procedures/{w.procedure}/close/",
        {},
    ),
    "governance:procedure_export": (
        "get",
        lambda w: f"/en/governance/procedures/{w.procedure}/answers.csv",
        {},
    ),
    "governance:procedure_export_pdf": (
        "get",
        lambda w: f"/en/governance/procedures/{w.procedure}/answers.pdf",
        {},
    ),
    "governance:recommendations": ("get", lambda w: "/en/governance/recommendations/", {}),
    "governance:recommendation_new": ("get", lambda w: "/en/governance/recommendations/new/", {}),
    "governance:recommendation": (
        "get",
        lambda w: f"/en/governance/recommendations/{w.recommendation}/",
        {},
    ),
    "governance:recommendation_step": (
        "post",
        lambda w: f"/en/governance/recommendations/{w.recommendation}/respond/",
        {"data": {"response": "accepted", "version": "1"}},
    ),
    "governance:action_update": (
        "post",
        lambda w: f"/en/governance/actions/{w.action}/",
        {"data": {"status": "done", "progress": "100"}},
    ),
    "api:list_board_meetings": ("get", lambda w: "/api/v1/governance/meetings", {}),
    "api:get_board_meeting": ("get", lambda w: f"/api/v1/governance/meetings/{w.coming}", {}),
    "api:list_board_decisions": ("get", lambda w: "/api/v1/governance/decisions", {}),
    "api:cast_board_vote": (
        "post",
        lambda w: f"/api/v1/governance/decisions/{w.motion}/votes",
        {"data": json.dumps({"choice": "yes"}), "content_type": _JSON},
    ),
    "api:list_written_procedures": ("get", lambda w: "/api/v1/governance/procedures", {}),
    "api:answer_written_procedure": (
        "post",
        lambda w: f"/api/v1/governance/procedures/{w.procedure}/answers",
        {"data": json.dumps({"choice": "approve"}), "content_type": _JSON},
    ),
    "api:list_board_recommendations": ("get", lambda w: "/api/v1/governance/recommendations", {}),
}


@pytest.fixture
def world(small_board, staff) -> World:  # type: ignore[no-untyped-def]
    from datetime import timedelta

    from django.utils import timezone

    from momentum.governance.services import meetings
    from momentum.governance.services import recommendations as register

    representative = small_board.reps["JO"]
    representative.nomination_letter.save("letter.pdf", ContentFile(b"%PDF-1.4 letter"))
    document = meetings.add_document(
        meeting=small_board.coming, title="Paper", url="https://example.org/paper", by=staff
    )
    action = register.add_action(
        recommendation=small_board.recommendation,
        description="Translate the course.",
        owner="Staff",
        due_on=timezone.localdate() + timedelta(days=10),
        by=staff,
    )
    return World(
        member=representative.pk,
        coming=small_board.coming.pk,
        held=small_board.held.pk,
        item=small_board.held.agenda.first().pk,
        motion=small_board.motion.pk,
        document=document.pk,
        procedure=small_board.procedure.pk,
        recommendation=small_board.recommendation.pk,
        action=action.pk,
    )


def test_every_route_has_a_request():
    assert ROUTES.keys() == MATRIX.keys()


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(MATRIX))
def test_each_persona_gets_the_expected_answer(client, request, world, name):
    """Every persona in turn, on one board built once for the route; each request is undone
    afterwards, so one persona's vote does not change what the next one gets."""
    from django.db import transaction

    method, url, options = ROUTES[name]
    wrong = []
    for persona, expected in zip(PERSONAS, MATRIX[name], strict=True):
        client.logout()
        with transaction.atomic():
            response = request_as(client, request, persona, method, url(world), **options)
            transaction.set_rollback(True)
        if response.status_code != expected:
            wrong.append(f"{persona}: expected {expected}, got {response.status_code}")
        elif persona == "anonymous" and expected == 302:
            assert "/accounts/login/" in response["Location"]
    assert not wrong, f"{name}:\n" + "\n".join(wrong)
