"""The certificates panel of the session page: the participant's certificate; staff's actions."""

from __future__ import annotations

import pytest
from django.db import connection
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from momentum.people.models import users_with_roles
from momentum.training.models import Session, SessionStatus
from momentum.training.services.certificates import issue_certificate_if_complete
from momentum.training.tests.factories import completed_participation

pytestmark = pytest.mark.django_db

PANEL = "training/certificates/_session_panel.html"


def render_panel(user, session_pk: int) -> tuple[str, int]:  # type: ignore[no-untyped-def]
    """The panel as the session page renders it, and the queries it cost."""
    user = users_with_roles().get(pk=user.pk)
    user.roles  # the page has already read them  # noqa: B018
    session = Session.objects.select_related("course").get(pk=session_pk)
    request = RequestFactory().get("/en/")
    request.user = user
    with CaptureQueriesContext(connection) as queries:
        html = render_to_string(PANEL, {"session": session, "user": user}, request=request)
    return html, len(queries)


def test_the_holder_gets_their_certificate_link_for_one_query(officer):
    nomination = completed_participation(officer.profile)
    issue_certificate_if_complete(nomination=nomination)

    html, queries = render_panel(officer, nomination.session_id)

    assert f"/en/training/sessions/{nomination.session_id}/certificate/" in html
    assert "Issue certificates" not in html
    assert queries == 1  # the participant's nomination with its certificate


def test_a_participant_without_certificate_reads_the_rule(officer):
    nomination = completed_participation(officer.profile, status=SessionStatus.RUNNING)

    html, _queries = render_panel(officer, nomination.session_id)

    assert "A certificate is issued when you complete the course" in html
    assert "/certificate/" not in html


def test_staff_issue_certificates_and_export(staff, officer):
    nomination = completed_participation(officer.profile)

    html, queries = render_panel(staff, nomination.session_id)

    assert f"/en/training/sessions/{nomination.session_id}/certificates/issue/" in html
    assert f"/en/training/sessions/{nomination.session_id}/export.xlsx" in html
    assert queries <= 1  # staff's own participation (none)


def test_a_focal_point_exports_their_countrys_rows(focal_point, officer):
    nomination = completed_participation(officer.profile)

    html, _queries = render_panel(focal_point, nomination.session_id)

    assert "Your country's participants and results (XLSX)" in html
    assert "/certificates/issue/" not in html


def test_others_see_no_panel(donor, officer):
    nomination = completed_participation(officer.profile)

    html, _queries = render_panel(donor, nomination.session_id)

    assert html.strip() == ""
