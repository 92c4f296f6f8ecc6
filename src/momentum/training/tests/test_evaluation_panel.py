"""The evaluations panel of the session page: participants answer, staff and trainers read."""

from __future__ import annotations

import pytest
from django.template.loader import render_to_string
from django.test import RequestFactory

from momentum.people.models import users_with_roles
from momentum.training.models import Session, SessionStatus
from momentum.training.tests.factories import completed_participation

pytestmark = pytest.mark.django_db

PANEL = "training/evaluations/_session_panel.html"


def render_panel(user, session_pk: int) -> str:  # type: ignore[no-untyped-def]
    user = users_with_roles().get(pk=user.pk)
    session = (
        Session.objects.select_related("course").prefetch_related("trainers").get(pk=session_pk)
    )
    request = RequestFactory().get("/en/")
    request.user = user
    return render_to_string(PANEL, {"session": session, "user": user}, request=request)


def test_a_participant_of_a_completed_session_is_invited_to_evaluate(officer):
    nomination = completed_participation(officer.profile)

    html = render_panel(officer, nomination.session_id)

    assert f"/en/training/sessions/{nomination.session_id}/evaluate/" in html
    assert f"/en/training/sessions/{nomination.session_id}/follow-up/" in html
    assert "evaluation-results" not in html


def test_no_invitation_before_the_session_runs(officer):
    nomination = completed_participation(officer.profile, status=SessionStatus.CONFIRMED)

    assert render_panel(officer, nomination.session_id).strip() == ""


def test_the_trainer_reads_the_results(officer, trainer):
    nomination = completed_participation(officer.profile)
    nomination.session.trainers.add(trainer)

    html = render_panel(trainer, nomination.session_id)

    assert f"/en/training/sessions/{nomination.session_id}/evaluation-results/" in html
    assert "/evaluate/" not in html


def test_a_focal_point_sees_no_panel(focal_point, officer):
    nomination = completed_participation(officer.profile)

    assert render_panel(focal_point, nomination.session_id).strip() == ""
