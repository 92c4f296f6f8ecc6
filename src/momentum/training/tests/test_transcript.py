"""An officer's transcript: every participation with attendance, scores, completion and
certificate; a page and a PDF; the officer's own, their country's focal points, staff."""

from __future__ import annotations

import shutil
import subprocess
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from momentum.people.tests.factories import officer as make_officer
from momentum.training.models import NominationStatus, SessionStatus
from momentum.training.services.certificates import issue_certificate_if_complete
from momentum.training.tests.factories import (
    CourseFactory,
    NominationFactory,
    SessionFactory,
    completed_participation,
    record_score,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def record(officer):  # type: ignore[no-untyped-def]
    """Leila completed one course (certificate issued), is waitlisted for another."""
    course = CourseFactory(code="osint-101", title_en="Open-source investigations")
    completed = completed_participation(officer.profile, course=course)
    record_score(completed, "pre", 45)
    record_score(completed, "post", 85)
    certificate = issue_certificate_if_complete(nomination=completed)
    upcoming = SessionFactory(
        course=CourseFactory(code="lead-201", title_en="Leadership for mid-level officers"),
        starts_on=timezone.localdate() + timedelta(days=30),
        status=SessionStatus.OPEN,
    )
    NominationFactory(session=upcoming, officer=officer.profile, status=NominationStatus.WAITLISTED)
    return certificate


def url(profile) -> str:  # type: ignore[no-untyped-def]
    return f"/en/training/officers/{profile.pk}/transcript/"


def test_the_officer_reads_their_own_training(client_for, officer, record):
    response = client_for(officer).get("/en/training/my-training/")

    assert response.status_code == 200
    page = response.content.decode()
    assert "My training" in page
    assert "Open-source investigations" in page
    assert "Leadership for mid-level officers" in page
    assert "On the waiting list" in page
    assert "100.0 %" in page  # attendance
    assert "45 %" in page and "85 %" in page
    assert '<span class="status status--ok">Completed</span>' in page
    assert record.code in page
    assert f"/en/training/certificates/{record.pk}/pdf/" in page
    # The latest first.
    lines = page[page.index('<dl class="details') :]
    assert lines.index("Leadership for mid-level officers") < lines.index("Open-source")
    # Above them, the same actions as on the home page: the new certificate.
    steps = page[page.index('<section class="next-steps"') : page.index('<dl class="details')]
    assert "Your certificate for Open-source investigations is ready to download." in steps


def test_the_menu_offers_my_training_to_officers_only(client_for, officer, focal_point):
    assert 'href="/en/training/my-training/"' in client_for(officer).get("/en/").content.decode()
    assert 'href="/en/training/my-training/"' not in (
        client_for(focal_point).get("/en/").content.decode()
    )


def test_the_focal_point_reads_their_countrys_officers(client_for, focal_point, officer, record):
    response = client_for(focal_point).get(url(officer.profile))

    assert response.status_code == 200
    assert record.code in response.content.decode()
    assert "Revoke" not in response.content.decode()


def test_staff_read_any_transcript_and_may_revoke(client_for, staff, officer, record):
    page = client_for(staff).get(url(officer.profile)).content.decode()

    assert f"/en/training/certificates/{record.pk}/revoke/" in page


def test_others_are_told_nothing_exists(client_for, outsider, donor, trainer, officer, jordan):
    colleague = make_officer(jordan)

    for person in (outsider, donor, trainer, colleague):
        assert client_for(person).get(url(officer.profile)).status_code == 404, person
        assert client_for(person).get(url(officer.profile)[:-1] + ".pdf").status_code == 404


def test_someone_without_a_profile_has_no_own_transcript(client_for, focal_point):
    assert client_for(focal_point).get("/en/training/my-training/").status_code == 403


def test_the_transcript_as_a_pdf(client_for, officer, record, tmp_path):
    response = client_for(officer).get(f"/ar/training/officers/{officer.profile.pk}/transcript.pdf")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    if shutil.which("pdftotext"):
        path = tmp_path / "transcript.pdf"
        path.write_bytes(response.content)
        text = subprocess.run(  # noqa: S603
            ["pdftotext", str(path), "-"],  # noqa: S607
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        assert record.code in text
        assert "osint-101" not in text  # the course by its title, never its code


@pytest.mark.parametrize("participations", [2, 15])
def test_transcript_queries_do_not_grow_with_participations(client_for, officer, participations):
    for _ in range(participations):
        nomination = completed_participation(officer.profile)
        record_score(nomination, "post", 90)
        issue_certificate_if_complete(nomination=nomination)
    client = client_for(officer)

    with CaptureQueriesContext(connection) as queries:
        response = client.get(url(officer.profile))

    assert response.status_code == 200
    assert len(response.context["lines"]) == participations
    # session, user, the profile (with user, country, agency), roles, the page's count, its
    # nominations with sessions, courses and certificates, days attended, test scores, courses
    # with questions
    assert len(queries) <= 9, [q["sql"] for q in queries]


def test_the_transcript_page_shows_25_participations_at_a_time(client_for, officer):
    for _ in range(27):
        NominationFactory(officer=officer.profile)
    client = client_for(officer)

    first = client.get(url(officer.profile))
    second = client.get(url(officer.profile), {"page": 2})

    assert len(first.context["lines"]) == 25
    assert len(second.context["lines"]) == 2
    assert "Page 1 of 2" in first.content.decode()
