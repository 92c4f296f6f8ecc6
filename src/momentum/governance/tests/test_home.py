"""What waits on the home page: a board member sees the vote open, the meeting to confirm,
the procedure to answer, the minutes to comment on and her country's recommendations; staff see
the board's warnings. Nothing for the donor."""

from __future__ import annotations

import pytest

from momentum.core.home import next_steps_for

pytestmark = pytest.mark.django_db


def test_a_board_member_sees_her_board_work(board_member, small_board):
    texts = " | ".join(str(step.text) for step in next_steps_for(board_member))

    assert "A vote is open" in texts
    assert "Confirm whether you attend" in texts
    assert "A written procedure waits for your answer: Training plan 2027." in texts
    assert "wait for your comments" in texts


def test_once_answered_the_procedure_leaves_her_home(board_member, small_board):
    from momentum.governance.services.procedures import answer_procedure

    answer_procedure(procedure=small_board.procedure, by=board_member, choice="approve")

    texts = " | ".join(str(step.text) for step in next_steps_for(board_member))
    assert "Training plan 2027" not in texts


def test_the_home_page_shows_the_steps_in_bounded_queries(
    client_for, board_member, small_board, django_assert_max_num_queries
):
    client = client_for(board_member)
    with django_assert_max_num_queries(30):
        response = client.get("/en/")

    assert "A vote is open" in response.content.decode()


def test_the_donor_has_no_board_step(donor, small_board):
    assert not [step for step in next_steps_for(donor) if step.app == "governance"]


def test_staff_see_the_boards_warnings(staff, small_board):
    texts = " | ".join(str(step.text) for step in next_steps_for(staff))

    assert "The Advisory Board needs attention" in texts


def test_an_alternate_answers_procedures_but_not_invitations(small_board):
    from momentum.governance.tests.factories import member

    alternate = member(small_board.reps["JO"].country, seat="alternate")

    texts = " | ".join(str(step.text) for step in next_steps_for(alternate.user))

    assert "A written procedure waits for your answer" in texts
    assert "Confirm whether you attend" not in texts
