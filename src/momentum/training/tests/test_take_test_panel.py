"""The knowledge-tests panel of the session page: a participant's open tests and scores; the
results and the question bank for those who may see them."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from django.db import connection
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from momentum.training import models
from momentum.training.models import NominationStatus, Session, SessionStatus
from momentum.training.tests.factories import NominationFactory, SessionFactory

pytestmark = pytest.mark.django_db


def _session(days_until_start: int, **fields):  # type: ignore[no-untyped-def]
    starts_on = timezone.localdate() + timedelta(days=days_until_start)
    fields.setdefault("status", SessionStatus.CONFIRMED)
    session = SessionFactory(starts_on=starts_on, ends_on=starts_on + timedelta(days=2), **fields)
    return Session.objects.select_related("course").prefetch_related("trainers").get(pk=session.pk)


def _panel(session, user) -> str:  # type: ignore[no-untyped-def]
    request = RequestFactory().get("/en/")
    request.user = user
    return render_to_string(
        "training/assessments/_session_panel.html",
        {"session": session, "user": user, "request": request},
    )


def test_a_participant_is_offered_the_open_pre_test(officer):
    session = _session(3)
    nomination = NominationFactory(session=session, officer=officer.profile)

    html = _panel(session, officer)

    assert f'href="/en/training/nominations/{nomination.pk}/tests/pre/"' in html
    assert "Take the post-test" not in html
    assert "Test results" not in html


def test_a_test_taken_shows_its_score_instead_of_the_link(officer):
    session = _session(-2, status=SessionStatus.RUNNING)  # its last day: the post-test is open
    nomination = NominationFactory(session=session, officer=officer.profile)
    models.TestAttempt.objects.create(
        nomination=nomination,
        kind="pre",
        language="en",
        submitted_at=timezone.now(),
        score=Decimal("62.5"),
    )

    html = _panel(session, officer)

    assert "Your pre-test score: 62.5 %" in html
    assert "Take the pre-test" not in html
    assert f'href="/en/training/nominations/{nomination.pk}/tests/post/"' in html


def test_a_waitlisted_officer_gets_no_test(officer):
    session = _session(3)
    NominationFactory(session=session, officer=officer.profile, status=NominationStatus.WAITLISTED)

    assert _panel(session, officer).strip() == ""


def test_staff_get_the_results_and_the_question_bank(staff):
    session = _session(3)

    html = _panel(session, staff)

    assert f'href="/en/training/sessions/{session.pk}/results/"' in html
    assert f'href="/en/training/courses/{session.course_id}/questions/"' in html


def test_the_sessions_trainer_gets_the_results_only(trainer):
    session = _session(3, trainers=[trainer])
    session = (
        Session.objects.prefetch_related("trainers").select_related("course").get(pk=session.pk)
    )

    html = _panel(session, trainer)

    assert "/results/" in html
    assert "/questions/" not in html


def test_nothing_before_the_session_is_confirmed(staff):
    assert _panel(_session(3, status=SessionStatus.OPEN), staff).strip() == ""


def test_the_panel_costs_one_query(officer):
    session = _session(3)
    NominationFactory(session=session, officer=officer.profile)
    officer.roles  # noqa: B018 - the roles are loaded with the user on every page

    with CaptureQueriesContext(connection) as queries:
        _panel(session, officer)

    # The officer's own nomination in the session, with their scores.
    assert len(queries) == 1
