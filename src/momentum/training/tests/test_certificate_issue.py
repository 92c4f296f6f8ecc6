"""Issuing a certificate: once per completion, what it says frozen, its PDF in the background."""

from __future__ import annotations

import re
import threading
from datetime import date
from unittest import mock

import pytest
from django.db import connection, connections
from django.utils import timezone

from momentum.core.models import AuditEntry
from momentum.training.models import Certificate
from momentum.training.services import certificates as services
from momentum.training.services.certificates import (
    issue_certificate_if_complete,
    new_code,
    normalise_code,
)
from momentum.training.tests.factories import CourseFactory, completed_participation

pytestmark = pytest.mark.django_db

CODE = re.compile(
    r"^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{4}-[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{4}-[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{4}$"
)


@pytest.fixture
def nomination(officer):  # type: ignore[no-untyped-def]
    course = CourseFactory(
        title_en="Notices and diffusions",
        title_fr="Notices et diffusions",
        title_ar="النشرات والتعميمات",
        duration_hours=18,
        certificate_validity_years=4,
    )
    return completed_participation(officer.profile, course=course)


def test_a_certificate_freezes_what_it_says(officer, nomination):
    officer.preferred_language = "ar"
    officer.save()

    certificate = issue_certificate_if_complete(nomination=nomination)

    assert certificate is not None
    certificate.refresh_from_db()
    assert certificate.holder == officer
    assert certificate.holder_name == "Leila Haddad"
    assert certificate.holder_name_ar == "ليلى حداد"
    assert certificate.title == {
        "ar": "النشرات والتعميمات",
        "fr": "Notices et diffusions",
        "en": "Notices and diffusions",
    }
    assert certificate.hours == 18
    assert (certificate.starts_on, certificate.ends_on) == (
        nomination.session.starts_on,
        nomination.session.ends_on,
    )
    assert certificate.language == "ar"
    today = timezone.localdate()
    assert certificate.issued_on == today
    assert certificate.expires_on == today.replace(year=today.year + 4)
    # Later edits of the course do not change a certificate already issued.
    course = nomination.session.course
    course.title_en = "Renamed"
    course.save()
    certificate.refresh_from_db()
    assert certificate.title_in("en") == "Notices and diffusions"


def test_a_course_without_validity_gives_a_certificate_without_expiry(officer):
    nomination = completed_participation(
        officer.profile, course=CourseFactory(certificate_validity_years=None)
    )

    certificate = issue_certificate_if_complete(nomination=nomination)

    assert certificate is not None and certificate.expires_on is None


def test_a_certificate_issued_on_29_february_expires_on_28_february():
    assert services._years_later(date(2024, 2, 29), 4) == date(2028, 2, 29)
    assert services._years_later(date(2024, 2, 29), 3) == date(2027, 2, 28)


def test_never_twice_for_one_completion(nomination):
    first = issue_certificate_if_complete(nomination=nomination)
    second = issue_certificate_if_complete(nomination=nomination)

    assert first == second
    assert Certificate.objects.count() == 1
    assert AuditEntry.objects.filter(verb="training.certificate_issued").count() == 1


def test_never_twice_even_when_two_workers_issue_at_the_same_moment(nomination):
    """Both see no certificate; the database refuses the second, which returns the first's."""
    theirs = issue_certificate_if_complete(nomination=nomination)

    with mock.patch.object(services, "_existing_certificate", return_value=None):
        ours = issue_certificate_if_complete(nomination=nomination)

    assert ours == theirs
    assert Certificate.objects.count() == 1


def test_a_taken_code_is_drawn_again(nomination):
    taken = Certificate.objects.create(
        **{
            **services._certificate_fields(completed_participation_for_other()),
            "code": "AAAA-BBBB-CCCC",
        }
    )
    codes = iter(["AAAA-BBBB-CCCC", "DDDD-EEEE-FFFF"])

    with mock.patch.object(services, "new_code", side_effect=lambda: next(codes)):
        certificate = issue_certificate_if_complete(nomination=nomination)

    assert certificate is not None and certificate.code == "DDDD-EEEE-FFFF"
    assert taken.code == "AAAA-BBBB-CCCC"


def completed_participation_for_other():  # type: ignore[no-untyped-def]
    from momentum.people.tests.factories import ProfileFactory

    return completed_participation(ProfileFactory())


def test_codes_are_random_unambiguous_and_formatted():
    codes = {new_code() for _ in range(500)}

    assert len(codes) == 500
    assert all(CODE.match(code) for code in codes)
    assert not any(set(code) & set("01OIL") for code in codes)


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("abcd-efgh-jkmn", "ABCD-EFGH-JKMN"),
        (" ABCD EFGH JKMN ", "ABCD-EFGH-JKMN"),
        ("ABCDEFGHJKMN", "ABCD-EFGH-JKMN"),
        ("ABCD-EFGH-JKM", ""),
        ("ABCD-EFGH-JKM0", ""),
        ("'; DROP TABLE--", ""),
    ],
)
def test_codes_are_read_as_people_type_them(typed, stored):
    assert normalise_code(typed) == stored


def test_issuing_is_audited_with_the_country(officer, nomination, staff):
    certificate = issue_certificate_if_complete(nomination=nomination, by=staff)

    entry = AuditEntry.objects.get(verb="training.certificate_issued")
    assert entry.actor == staff
    assert entry.target_id == str(certificate.pk)
    assert entry.country == nomination.country


def test_the_pdf_is_rendered_in_the_background_and_kept(
    nomination, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        certificate = issue_certificate_if_complete(nomination=nomination)

    assert len(callbacks) == 1
    certificate.refresh_from_db()
    assert certificate.pdf.name.endswith(f"certificate-{certificate.code}.pdf")
    with certificate.pdf.open("rb") as stored:
        assert stored.read(5) == b"%PDF-"


def test_no_certificate_and_no_pdf_work_for_someone_who_did_not_complete(
    officer, django_capture_on_commit_callbacks
):
    nomination = completed_participation(officer.profile)
    nomination.attendance.update(mark="absent")

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        assert issue_certificate_if_complete(nomination=nomination) is None

    assert callbacks == []
    assert not Certificate.objects.exists()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="concurrent writers need PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_never_twice_when_workers_really_race(officer):
    """Six workers at the same moment, each in its own connection: one certificate."""
    nomination = completed_participation(officer.profile)
    barrier = threading.Barrier(6)
    outcomes: list[object] = [None] * 6

    def issue(index: int) -> None:
        try:
            barrier.wait(timeout=10)
            outcomes[index] = issue_certificate_if_complete(nomination=nomination)
        except Exception as error:  # the outcome is what the test inspects
            outcomes[index] = error
        finally:
            connections.close_all()

    threads = [threading.Thread(target=issue, args=(index,)) for index in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert Certificate.objects.count() == 1
    certificate = Certificate.objects.get()
    assert outcomes == [certificate] * 6, outcomes
