"""Training's "what to do next" on the home page: each role's steps, read from the records in a
bounded number of queries, and only for the person concerned."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from momentum.core.home import next_steps_for
from momentum.people.backends import AuthenticationBackend
from momentum.people.tests.factories import officer as make_officer
from momentum.training.home import officer_steps, training_steps
from momentum.training.models import NominationStatus, SessionStatus
from momentum.training.tests.factories import (
    NominationFactory,
    SessionFactory,
    record_score,
    session_with_seats,
)

pytestmark = pytest.mark.django_db


def _running_session(**fields: object):
    today = timezone.localdate()
    return SessionFactory(
        status=SessionStatus.RUNNING, starts_on=today, ends_on=today + timedelta(days=2), **fields
    )


def test_a_selected_officer_is_asked_to_take_the_pre_test_until_she_has(officer):
    session = _running_session()
    nomination = NominationFactory(session=session, officer=officer.profile)

    urls = [step.url for step in officer_steps(officer.profile.user)]
    assert f"/en/training/nominations/{nomination.pk}/tests/pre/" in urls

    record_score(nomination, "pre", 50)
    urls = [step.url for step in officer_steps(officer.profile.user)]
    assert not any("/tests/pre/" in url for url in urls)


def test_another_officer_sees_nothing_of_her_colleagues_tests(officer, morocco):
    NominationFactory(session=_running_session(), officer=officer.profile)
    colleague = make_officer(morocco)

    assert officer_steps(colleague) == []


def test_a_recent_decision_is_told_to_the_officer(officer, staff):
    session = session_with_seats({officer.profile.country: 2}, status=SessionStatus.SELECTION)
    NominationFactory(
        session=session,
        officer=officer.profile,
        status=NominationStatus.WAITLISTED,
        decided_at=timezone.now(),
    )

    texts = [str(step.text) for step in officer_steps(officer.profile.user)]
    assert any("waiting list" in text for text in texts)


def test_staff_see_the_sessions_waiting_for_selection_decisions(staff, jordan):
    session = session_with_seats({jordan: 2}, status=SessionStatus.SELECTION)
    NominationFactory.create_batch(
        3, session=session, country=jordan, status=NominationStatus.NOMINATED
    )

    steps = training_steps(staff)
    assert [step.url for step in steps] == [f"/en/training/sessions/{session.pk}/selection/"]
    assert steps[0].count == 3


def test_a_focal_point_sees_open_sessions_with_seats_left_for_her_country_only(
    focal_point, jordan, morocco
):
    session_with_seats({jordan: 2})
    session_with_seats({morocco: 2})  # not hers
    full = session_with_seats({jordan: 1})
    NominationFactory(session=full, country=jordan)

    steps = training_steps(focal_point)
    assert [step.count for step in steps] == [1]


def test_a_trainer_is_asked_for_todays_attendance_in_her_sessions_only(trainer):
    mine = _running_session(trainers=[trainer])
    _running_session()  # someone else's

    urls = [step.url for step in training_steps(trainer)]
    assert urls == [f"/en/training/sessions/{mine.pk}/attendance/"]


@pytest.mark.parametrize("participations", [2, 12])
def test_the_officer_steps_cost_the_same_queries_whatever_her_participations(
    officer, participations, django_assert_max_num_queries
):
    for _ in range(participations):
        NominationFactory(session=_running_session(), officer=officer.profile)
    # Loaded as a request loads her: with her places in the activities (a panel seat, a working
    # group, an exercise, a toolkit chapter) in the same query.
    user = AuthenticationBackend().get_user(officer.pk)

    # Her roles (1), her participations with their tests, evaluations and certificates (1),
    # mentoring's offers and check-ins (2), failed jobs (1); the other activities' providers for
    # an officer: support, screening and the questionnaires colleagues asked her to answer (one
    # each).
    with django_assert_max_num_queries(8):
        steps = next_steps_for(user)
    assert len([step for step in steps if "/tests/pre/" in step.url]) == participations
