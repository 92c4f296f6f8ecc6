"""A private note on a meeting is read by its author alone: never by the other side of the
pair, the focal point, staff, or on the programme-health page."""

from __future__ import annotations

import pytest
from django.utils import timezone

from momentum.mentoring.models import MeetingMode, MeetingNote
from momentum.mentoring.services import pairs as services
from momentum.mentoring.tests.factories import pair_for

pytestmark = pytest.mark.django_db

MENTEE_NOTE = "I feel my supervisor blocks my promotion"
MENTOR_NOTE = "She should ask for the deputy role"


@pytest.fixture
def pairing(officer, mentor):  # type: ignore[no-untyped-def]
    pairing = pair_for(officer, mentor)
    for author, note in ((officer, MENTEE_NOTE), (mentor, MENTOR_NOTE)):
        services.log_meeting(
            pairing=pairing,
            by=author,
            held_on=timezone.localdate(),
            duration_minutes=60,
            mode=MeetingMode.VIDEO,
            topics="Career planning",
            private_note=note,
        )
    return pairing


def _page(client_for, user, url):  # type: ignore[no-untyped-def]
    response = client_for(user).get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_the_note_is_stored_for_its_author(pairing, officer, mentor):
    assert set(MeetingNote.objects.values_list("author", "text")) == {
        (officer.pk, MENTEE_NOTE),
        (mentor.pk, MENTOR_NOTE),
    }


def test_each_side_sees_only_their_own_note(client_for, pairing, officer, mentor):
    url = f"/en/mentoring/pairs/{pairing.pk}/"

    mentee_page = _page(client_for, officer, url)
    assert MENTEE_NOTE in mentee_page
    assert MENTOR_NOTE not in mentee_page

    mentor_page = _page(client_for, mentor, url)
    assert MENTOR_NOTE in mentor_page
    assert MENTEE_NOTE not in mentor_page


def test_staff_and_the_focal_point_never_see_a_note(client_for, pairing, staff, focal_point):
    for person in (staff, focal_point):
        content = _page(client_for, person, f"/en/mentoring/pairs/{pairing.pk}/")
        assert MENTEE_NOTE not in content
        assert MENTOR_NOTE not in content


def test_the_health_page_never_shows_a_note(client_for, pairing, staff):
    content = _page(client_for, staff, f"/en/mentoring/cohorts/{pairing.cohort_id}/health/")

    assert "Career planning" not in content
    assert MENTEE_NOTE not in content
    assert MENTOR_NOTE not in content


def test_the_audit_log_never_holds_a_note(pairing):
    from momentum.core.models import AuditEntry

    for entry in AuditEntry.objects.all():
        assert MENTEE_NOTE not in str(entry.details)
        assert MENTOR_NOTE not in str(entry.details)


def test_the_health_selectors_never_read_the_notes_table(pairing, django_assert_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from momentum.mentoring.selectors.health import pairs_with_health

    with CaptureQueriesContext(connection) as captured:
        list(pairs_with_health(pairing.cohort))

    assert captured.captured_queries
    assert not any(
        MeetingNote._meta.db_table in query["sql"] for query in captured.captured_queries
    )


def test_an_empty_private_note_stores_nothing(officer):
    pairing = pair_for(officer)

    services.log_meeting(
        pairing=pairing,
        by=officer,
        held_on=timezone.localdate(),
        duration_minutes=30,
        mode=MeetingMode.PHONE,
        topics="Check-in call",
        private_note="   ",
    )

    assert not MeetingNote.objects.exists()
