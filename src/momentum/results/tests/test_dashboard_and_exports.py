"""The dashboard and the exports: scoped, suppressed for observers, bounded queries, and IATI
XML valid against the IATI 2.03 schema shipped in fixtures/."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from momentum.core.models import AuditEntry
from momentum.people.models import Sex
from momentum.people.tests.factories import ProfileFactory
from momentum.results.tests.factories import close, logframe_with_indicators
from momentum.training.tests.factories import CertificateFactory, NominationFactory

pytestmark = pytest.mark.django_db

SCHEMA = Path(__file__).parent / "fixtures" / "iati-2.03" / "iati-activities-schema.xsd"


@pytest.fixture
def frame(jordan, morocco):  # type: ignore[no-untyped-def]
    built = logframe_with_indicators()
    for country, sex, n in (
        (jordan, Sex.FEMALE, 3),
        (jordan, Sex.MALE, 8),
        (morocco, Sex.FEMALE, 6),
        (morocco, Sex.MALE, 7),
    ):
        for _ in range(n):
            officer = ProfileFactory(country=country, sex=sex)
            CertificateFactory(
                nomination=NominationFactory(officer=officer), issued_on=date(2026, 2, 1)
            )
    return built


def test_staff_see_every_cell_and_the_donor_sees_less_than_five(client_for, staff, donor, frame):
    url = f"/en/results/?period={frame['first'].pk}"

    staff_page = client_for(staff).get(url).content.decode()
    donor_page = client_for(donor).get(url).content.decode()

    assert "<bdi>3</bdi>" in staff_page
    assert "&lt;5" in donor_page
    assert "<bdi>3</bdi>" not in donor_page


def test_the_dashboard_costs_the_same_queries_whatever_the_rows(
    client_for, staff, frame, jordan, django_assert_max_num_queries
):
    client = client_for(staff)
    url = f"/en/results/?period={frame['first'].pk}"
    client.get(url)
    # session and user (2), roles (1), logframe, periods, countries, results, indicators,
    # targets (6), reported values (1), two table queries for the computed indicator (2),
    # trend (1), outcomes (1), navigation and home counters (a few)
    with django_assert_max_num_queries(22):
        client.get(url)
    for _ in range(20):
        officer = ProfileFactory(country=jordan, sex=Sex.FEMALE)
        CertificateFactory(
            nomination=NominationFactory(officer=officer), issued_on=date(2026, 3, 1)
        )
    with django_assert_max_num_queries(22):
        client.get(url)


def test_a_focal_point_sees_her_country_only(client_for, focal_point, frame):
    page = client_for(focal_point).get(f"/en/results/?period={frame['first'].pk}").content.decode()

    assert ">Jordan<" in page  # the table names its countries
    assert ">Morocco<" not in page
    assert client_for(focal_point).get("/en/results/?country=MA").status_code == 403


def test_iati_export_validates_against_the_iati_schema(client_for, donor, staff, frame):
    from lxml import etree

    close(frame["first"], staff)
    response = client_for(staff).get(f"/en/results/periods/{frame['second'].pk}/export.iati")
    client_for(donor).get(f"/en/results/periods/{frame['second'].pk}/export.iati")

    schema = etree.XMLSchema(etree.parse(str(SCHEMA)))
    document = etree.fromstring(response.content)
    assert schema.validate(document), schema.error_log
    assert document.findall(".//indicator/period/actual/dimension")
    assert document.findall(".//indicator/period/actual/location")
    assert AuditEntry.objects.filter(verb="results.exported", actor=donor).exists()


def test_donor_csv_and_xlsx_hide_the_small_cells(client_for, donor, frame):
    csv = client_for(donor).get(f"/en/results/periods/{frame['first'].pk}/export.csv")
    xlsx = client_for(donor).get(f"/en/results/periods/{frame['first'].pk}/export.xlsx")

    text = csv.content.decode("utf-8-sig")
    assert "JO,female,<5" in text
    assert "JO,female,3" not in text
    assert xlsx.status_code == 200
    assert xlsx.content[:2] == b"PK"


def test_the_arabic_pdf_report_is_a_pdf(client_for, donor, staff, frame):
    close(frame["first"], staff)

    response = client_for(donor).get(f"/en/results/periods/{frame['first'].pk}/report-ar.pdf")

    assert response.status_code == 200
    assert response.content.startswith(b"%PDF")


def test_staff_drill_down_to_the_officers_trained(client_for, staff, donor, frame):
    url = f"/en/results/indicators/{frame['trained'].pk}/records/?period={frame['first'].pk}"

    page = client_for(staff).get(url)

    assert page.status_code == 200
    # 24 officers trained, and the navigation's link to the officers' list.
    assert page.content.decode().count("/people/officers/") == 25
    assert client_for(donor).get(url).status_code == 403
