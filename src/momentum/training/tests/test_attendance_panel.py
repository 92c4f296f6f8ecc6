"""The attendance panel of the session page: links for the session's trainers and staff."""

from __future__ import annotations

import pytest
from django.db import connection
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from momentum.training.models import Session, SessionStatus
from momentum.training.tests.factories import SessionFactory

pytestmark = pytest.mark.django_db


def _panel(session, user) -> str:  # type: ignore[no-untyped-def]
    session = (
        Session.objects.select_related("course").prefetch_related("trainers").get(pk=session.pk)
    )
    request = RequestFactory().get("/en/")
    request.user = user
    return render_to_string(
        "training/attendance/_session_panel.html",
        {"session": session, "user": user, "request": request},
    )


def test_the_sessions_trainer_gets_the_three_links(trainer):
    session = SessionFactory(trainers=[trainer], status=SessionStatus.RUNNING)

    html = _panel(session, trainer)

    assert f'href="/en/training/sessions/{session.pk}/attendance/"' in html
    assert f'href="/en/training/sessions/{session.pk}/attendance/summary/"' in html
    assert f'href="/en/training/sessions/{session.pk}/attendance/sheet.pdf"' in html


def test_a_closed_session_keeps_the_summary_and_the_sheet_but_no_marking(staff):
    session = SessionFactory(status=SessionStatus.CLOSED)

    html = _panel(session, staff)

    assert "/attendance/summary/" in html
    assert f'href="/en/training/sessions/{session.pk}/attendance/"' not in html


@pytest.mark.parametrize("status", [SessionStatus.OPEN, SessionStatus.SELECTION])
def test_nothing_is_shown_before_the_session_is_confirmed(staff, status):
    assert _panel(SessionFactory(status=status), staff).strip() == ""


def test_others_see_nothing(officer, focal_point, trainer):
    session = SessionFactory(status=SessionStatus.RUNNING)

    for user in (officer, focal_point, trainer):
        assert _panel(session, user).strip() == ""


def test_the_panel_costs_no_query_once_the_session_and_roles_are_loaded(trainer):
    session = (
        Session.objects.select_related("course")
        .prefetch_related("trainers")
        .get(pk=SessionFactory(trainers=[trainer], status=SessionStatus.RUNNING).pk)
    )
    trainer.roles  # noqa: B018 - the roles are loaded with the user on every page
    request = RequestFactory().get("/en/")
    request.user = trainer

    with CaptureQueriesContext(connection) as queries:
        html = render_to_string(
            "training/attendance/_session_panel.html",
            {"session": session, "user": trainer, "request": request},
        )

    assert "Mark attendance" in html
    assert len(queries) == 0
