"""The officer sees where their nominations stand: on the session page's panel, and in the
list of their own nominations. Focal points and staff find their way from the panel."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import connection
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from momentum.people.tests.factories import officer as make_officer
from momentum.training.models import NominationStatus, SessionStatus
from momentum.training.tests.factories import CourseFactory, NominationFactory, session_with_seats

pytestmark = pytest.mark.django_db

PANEL = "training/nominations/_session_panel.html"


def _panel(session, user) -> tuple[str, int]:  # type: ignore[no-untyped-def]
    request = RequestFactory().get("/en/training/")
    request.user = user
    with CaptureQueriesContext(connection) as queries:
        html = render_to_string(PANEL, {"session": session, "user": user, "request": request})
    return html, len(queries)


def test_panel_shows_the_officer_their_own_status(officer, jordan):
    session = session_with_seats({jordan: 2}, status=SessionStatus.SELECTION)
    NominationFactory(
        session=session,
        officer=officer.profile,
        status=NominationStatus.WAITLISTED,
        waitlist_position=2,
    )
    officer._assignments()  # the roles, read once per request by the middleware

    html, queries = _panel(session, officer)

    assert "On the waiting list, number 2" in html
    assert "/en/training/my-nominations/" in html
    assert "/nominate/" not in html
    assert queries == 1  # their nomination


def test_panel_shows_nothing_to_an_officer_not_nominated(officer, jordan):
    session = session_with_seats({jordan: 2})

    html, _queries = _panel(session, officer)

    assert html.strip() == ""


def test_panel_offers_the_focal_point_to_nominate_while_open(focal_point, jordan):
    session = session_with_seats({jordan: 2})
    focal_point._assignments()

    html, queries = _panel(session, focal_point)

    assert f'href="/en/training/sessions/{session.pk}/nominate/"' in html
    assert "Nominate officers" in html
    assert "/selection/" not in html
    assert queries == 0


def test_panel_gives_staff_the_selection_board(staff, jordan):
    session = session_with_seats({jordan: 2}, status=SessionStatus.SELECTION)

    html, _queries = _panel(session, staff)

    assert f'href="/en/training/sessions/{session.pk}/selection/"' in html


def test_panel_shows_nothing_to_a_donor(donor, jordan):
    session = session_with_seats({jordan: 2}, status=SessionStatus.SELECTION)

    assert _panel(session, donor)[0].strip() == ""


def test_my_nominations_lists_only_my_own_latest_first(client_for, officer, jordan):
    soon = session_with_seats({jordan: 2}, status=SessionStatus.SELECTION)
    later = session_with_seats(
        {jordan: 2},
        course=CourseFactory(title_en="Leadership for mid-level officers"),
        starts_on=soon.starts_on + timedelta(days=60),
        ends_on=soon.starts_on + timedelta(days=62),
    )
    mine_soon = NominationFactory(
        session=soon, officer=officer.profile, status=NominationStatus.SELECTED
    )
    mine_later = NominationFactory(
        session=later, officer=officer.profile, status=NominationStatus.NOMINATED
    )
    NominationFactory(session=soon, officer=make_officer(jordan).profile)

    response = client_for(officer).get("/en/training/my-nominations/")

    assert list(response.context["page"]) == [mine_later, mine_soon]
    content = response.content.decode()
    assert "Leadership for mid-level officers" in content
    assert "Waiting for a decision" in content
    assert "Selected" in content


def test_my_nominations_does_not_show_the_reason_of_a_decline(client_for, officer, jordan):
    session = session_with_seats({jordan: 2}, status=SessionStatus.SELECTION)
    NominationFactory(
        session=session,
        officer=officer.profile,
        status=NominationStatus.DECLINED,
        decision_reason="Internal: quota reserved for the NCB.",
    )

    content = client_for(officer).get("/en/training/my-nominations/").content.decode()

    assert "Not selected" in content
    assert "quota reserved" not in content


@pytest.mark.parametrize("rows", [3, 30])
def test_my_nominations_queries_do_not_grow(client_for, officer, jordan, rows):
    start = timezone.localdate()
    for n in range(rows):
        session = session_with_seats(
            {jordan: 2},
            starts_on=start + timedelta(days=10 * n),
            ends_on=start + timedelta(days=10 * n + 1),
        )
        NominationFactory(session=session, officer=officer.profile)
    client = client_for(officer)

    with CaptureQueriesContext(connection) as queries:
        response = client.get("/en/training/my-nominations/")

    assert response.status_code == 200
    # session, user, roles; count; the page of nominations with sessions and courses
    assert len(queries) == 5, [q["sql"] for q in queries]
