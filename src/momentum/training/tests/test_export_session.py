"""A session's participants and results as XLSX: staff every row, a focal point their own
country's; formulas never run; every export audited."""

from __future__ import annotations

from io import BytesIO

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook

from momentum.core.models import AuditEntry
from momentum.people.models import RankLevel, Sex
from momentum.people.tests.factories import ProfileFactory
from momentum.training.exports import as_text_cell
from momentum.training.models import NominationStatus
from momentum.training.services.certificates import issue_certificate_if_complete
from momentum.training.tests.factories import (
    NominationFactory,
    completed_participation,
    mark_attendance,
    record_score,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def session(officer, morocco):
    """Leila (Jordan) completed with a certificate; a Moroccan officer was absent twice."""
    officer.profile.sex = Sex.FEMALE
    officer.profile.save()
    leila = completed_participation(officer.profile)
    record_score(leila, "pre", 40)
    record_score(leila, "post", 75)
    issue_certificate_if_complete(nomination=leila)
    moroccan = NominationFactory(
        session=leila.session,
        officer=ProfileFactory(
            country=morocco,
            sex=Sex.MALE,
            rank_level=RankLevel.MID,
            user__given_name="Youssef",
            user__family_name="Alaoui",
            user__given_name_ar="يوسف",
            user__family_name_ar="العلوي",
        ),
    )
    mark_attendance(moroccan, attended=1, absent=2)
    return leila.session


def url(session) -> str:
    return f"/en/training/sessions/{session.pk}/export.xlsx"


def rows(response) -> list[list[object]]:
    workbook = load_workbook(BytesIO(response.content), read_only=True)
    return [list(row) for row in workbook.worksheets[0].iter_rows(values_only=True)]


def test_staff_export_every_participant_with_results(client_for, staff, session, officer):
    response = client_for(staff).get(url(session))

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert "attachment;" in response["Content-Disposition"]
    header, *lines = rows(response)
    assert header == [
        "Given name",
        "Family name",
        "Given name (Arabic)",
        "Family name (Arabic)",
        "Sex",
        "Country",
        "Agency",
        "Rank",
        "Rank level",
        "Status",
        "Attendance rate (%)",
        "Pre-test (%)",
        "Post-test (%)",
        "Gain (points)",
        "Completed",
        "Certificate code",
    ]
    by_name = {line[0]: line for line in lines}
    leila = by_name["Leila"]
    assert leila[1:6] == ["Haddad", "ليلى", "حداد", "Female", "JO"]
    assert leila[6] == str(officer.profile.agency)
    assert leila[7] == "Inspector"
    assert leila[9] == "Selected"
    assert leila[10:15] == [100, 40, 75, 35, "Yes"]
    assert leila[15] == officer.certificates.get().code
    youssef = by_name["Youssef"]
    assert youssef[2:6] == ["يوسف", "العلوي", "Male", "MA"]
    assert youssef[8] == "Mid-level"
    assert youssef[10] == pytest.approx(33.3)
    assert youssef[11:16] == [None, None, None, "No", None]


def test_an_arabic_export_names_the_rank_in_arabic(client_for, staff, session):
    header, *lines = rows(client_for(staff).get(url(session).replace("/en/", "/ar/", 1)))

    assert header[7] == "الرتبة"
    assert {line[7] for line in lines} == {"مفتش شرطة"}


def test_a_focal_point_exports_only_their_countrys_rows(client_for, focal_point, session):
    response = client_for(focal_point).get(url(session))

    assert response.status_code == 200
    _header, *lines = rows(response)
    assert [line[0] for line in lines] == ["Leila"]


def test_another_countrys_focal_point_gets_none_of_jordans_rows(client_for, outsider, session):
    _header, *lines = rows(client_for(outsider).get(url(session)))

    assert [line[0] for line in lines] == ["Youssef"]


def test_every_export_is_audited_with_its_scope(client_for, staff, focal_point, session, jordan):
    client_for(staff).get(url(session))
    client_for(focal_point).get(url(session))

    by_staff, by_focal_point = AuditEntry.objects.filter(verb="training.export").order_by("pk")
    assert by_staff.actor == staff
    assert by_staff.country is None
    assert by_staff.details == {"rows": 2, "scope": "all"}
    assert by_staff.target_id == str(session.pk)
    assert by_focal_point.country == jordan
    assert by_focal_point.details == {"rows": 1, "scope": "own_country"}


def test_cells_that_look_like_formulas_stay_text(client_for, staff, session, jordan):
    NominationFactory(
        session=session,
        officer=ProfileFactory(
            country=jordan,
            user__given_name='=HYPERLINK("http://evil.example","click")',
            user__family_name="+1",
            user__given_name_ar="@SUM(A1)",
            user__family_name_ar="-2",
        ),
        status=NominationStatus.WAITLISTED,
    )

    _header, *lines = rows(client_for(staff).get(url(session)))

    [evil] = [line for line in lines if str(line[0]).startswith("'")]
    assert evil[:4] == ['\'=HYPERLINK("http://evil.example","click")', "'+1", "'@SUM(A1)", "'-2"]


@pytest.mark.parametrize(
    ("value", "cell"),
    [("=1+1", "'=1+1"), ("+33", "'+33"), ("-x", "'-x"), ("@a", "'@a"), ("Amina", "Amina"), (5, 5)],
)
def test_as_text_cell(value, cell):
    assert as_text_cell(value) == cell


def test_officers_donors_and_trainers_may_not_export(client_for, officer, donor, trainer, session):
    for person in (officer, donor, trainer):
        assert client_for(person).get(url(session)).status_code == 403
    assert not AuditEntry.objects.filter(verb="training.export").exists()


@pytest.mark.parametrize("participants", [3, 30])
def test_export_queries_do_not_grow_with_rows(client_for, staff, jordan, participants):
    first = completed_participation(ProfileFactory(country=jordan))
    for _ in range(participants - 1):
        nomination = NominationFactory(
            session=first.session, officer=ProfileFactory(country=jordan)
        )
        mark_attendance(nomination, attended=3)
        record_score(nomination, "post", 80)
    client = client_for(staff)

    with CaptureQueriesContext(connection) as queries:
        response = client.get(url(first.session))

    assert response.status_code == 200
    assert len(rows(response)) == participants + 1
    # session (auth), user, roles, the session with its course, its trainers (prefetch), the
    # nominations with officers, agencies, countries and certificates, days attended, test
    # scores, courses with questions, the audit entry
    assert len(queries) <= 10, [q["sql"] for q in queries]
