"""Evaluation results: only for groups of at least five answers, comments shuffled, no dates."""

from __future__ import annotations

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from momentum.training.models import EvaluationKind, SessionStatus
from momentum.training.selectors import evaluation_results, satisfied_participants
from momentum.training.tests.factories import EvaluationFactory, SessionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def session(trainer):  # type: ignore[no-untyped-def]
    return SessionFactory(status=SessionStatus.COMPLETED, trainers=[trainer])


def url(session) -> str:  # type: ignore[no-untyped-def]
    return f"/en/training/sessions/{session.pk}/evaluation-results/"


def answers(session, count: int, **fields):  # type: ignore[no-untyped-def]
    return [
        EvaluationFactory(session=session, comments=f"Comment number {n}", **fields)
        for n in range(count)
    ]


def test_results_are_hidden_below_five_answers(client_for, staff, session):
    answers(session, 4, relevance=1)

    response = client_for(staff).get(url(session))

    page = response.content.decode()
    assert "4 answers." in page
    assert "Results are hidden to protect anonymity" in page
    assert "Comment number" not in page
    assert '<td class="num"><strong>' not in page
    [end, _follow_up] = response.context["surveys"]
    assert end.questions == [] and end.comments == [] and end.satisfied_percent is None


def test_results_are_shown_from_five_answers(client_for, staff, session):
    answers(session, 3, relevance=5, content=4, trainers=5, organisation=4)
    answers(session, 2, relevance=2, content=2, trainers=3, organisation=2)

    response = client_for(staff).get(url(session))

    page = response.content.decode()
    assert "Results are hidden" not in page.split("Follow-up survey")[0]
    end = response.context["surveys"][0]
    relevance = end.questions[0]
    assert relevance.field == "relevance"
    assert str(relevance.mean) == "3.8"  # (5+5+5+2+2)/5
    assert [(c.rating, c.count) for c in relevance.distribution] == [
        (1, 0),
        (2, 2),
        (3, 0),
        (4, 0),
        (5, 3),
    ]
    assert end.satisfied_percent == 60
    assert sorted(end.comments) == sorted(f"Comment number {n}" for n in [0, 1, 2, 0, 1])
    assert "Comment number 2" in page


def test_comments_carry_no_date_and_come_in_random_order(session):
    answers(session, 12)
    orders = {
        tuple(evaluation_results(session, EvaluationKind.END_OF_SESSION).comments) for _ in range(5)
    }

    assert len(orders) > 1
    results = evaluation_results(session, EvaluationKind.END_OF_SESSION)
    assert all(isinstance(comment, str) for comment in results.comments)


def test_follow_up_results_are_counted_apart(session):
    answers(session, 5)
    for _ in range(3):
        EvaluationFactory(
            session=session,
            kind=EvaluationKind.FOLLOW_UP,
            relevance=None,
            content=None,
            trainers=None,
            organisation=None,
            applied_on_job=4,
        )

    follow_up = evaluation_results(session, EvaluationKind.FOLLOW_UP)

    assert follow_up.answers == 3
    assert not follow_up.shown


def test_the_sessions_trainer_reads_the_results(client_for, trainer, session):
    assert client_for(trainer).get(url(session)).status_code == 200


def test_a_trainer_of_another_session_may_not(client_for, trainer):
    other = SessionFactory(status=SessionStatus.COMPLETED)

    assert client_for(trainer).get(url(other)).status_code == 403


def test_participants_and_focal_points_may_not_read_results(
    client_for, officer, focal_point, session
):
    assert client_for(officer).get(url(session)).status_code == 403
    assert client_for(focal_point).get(url(session)).status_code == 403


def test_share_of_satisfied_participants():
    session = SessionFactory(status=SessionStatus.COMPLETED)
    EvaluationFactory(session=session, relevance=4, content=4, trainers=4, organisation=4)
    EvaluationFactory(session=session, relevance=5, content=5, trainers=3, organisation=3)
    EvaluationFactory(session=session, relevance=5, content=4, trainers=3, organisation=3)
    EvaluationFactory(
        session=session,
        kind=EvaluationKind.FOLLOW_UP,
        relevance=None,
        content=None,
        trainers=None,
        organisation=None,
        applied_on_job=5,
    )

    # 16 and 16 are satisfied (mean 4), 15 is not; the follow-up answer does not count.
    assert satisfied_participants() == (2, 3)


def test_share_of_satisfied_participants_for_some_sessions():
    one = SessionFactory(status=SessionStatus.COMPLETED, starts_on=date(2025, 1, 6))
    other = SessionFactory(status=SessionStatus.COMPLETED, starts_on=date(2025, 2, 3))
    EvaluationFactory(session=one, relevance=5, content=5, trainers=5, organisation=5)
    EvaluationFactory(session=other, relevance=1, content=1, trainers=1, organisation=1)

    from momentum.training.models import Session

    assert satisfied_participants(Session.objects.filter(pk=other.pk)) == (0, 1)


@pytest.mark.parametrize("rows", [5, 60])
def test_results_page_queries_do_not_grow_with_answers(client_for, staff, session, rows):
    answers(session, rows)
    client = client_for(staff)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url(session))

    assert response.status_code == 200
    assert response.context["surveys"][0].answers == rows
    # session (auth), user, roles, the session with its course, its trainers (prefetch),
    # end-of-session answers, follow-up answers
    assert len(queries) <= 7, [q["sql"] for q in queries]
