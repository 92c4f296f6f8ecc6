"""A country's inventories: row by row and from a spreadsheet, every row checked first and
nothing saved when one is wrong, the reasons in the reader's language; only the country's
focal point and staff change them."""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from momentum.core.tests.factories import AreaOfWorkFactory
from momentum.needs.models import Initiative, TrainingOffer

pytestmark = pytest.mark.django_db

OFFER_HEADER = [
    "course",
    "provider",
    "area_of_work",
    "level",
    "frequency",
    "duration_days",
    "language",
    "participants_a_year",
    "women_a_year",
]


def _xlsx(rows: list[list[Any]]) -> SimpleUploadedFile:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile("offer.xlsx", buffer.getvalue())


def _offer(country: Any, course: str = "Existing course") -> TrainingOffer:
    return TrainingOffer.objects.create(
        country=country,
        course=course,
        provider="Academy",
        frequency="yearly",
        duration_days=3,
        language="Arabic",
        participants_a_year=30,
        women_a_year=6,
    )


def test_a_focal_point_adds_a_course_to_her_countrys_offer(client_for, focal_point, jordan):
    response = client_for(focal_point).post(
        f"/en/needs/inventories/{jordan.pk}/offer/new/",
        {
            "course": "التحقيق في العنف ضد المرأة",
            "provider": "Police Academy",
            "frequency": "yearly",
            "duration_days": "5",
            "language": "Arabic",
            "participants_a_year": "40",
            "women_a_year": "12",
        },
    )

    assert response.status_code == 302
    offer = TrainingOffer.objects.get(country=jordan)
    assert (offer.course, offer.women_a_year) == ("التحقيق في العنف ضد المرأة", 12)


def test_more_women_than_participants_is_refused_beside_the_field(client_for, focal_point, jordan):
    response = client_for(focal_point).post(
        f"/en/needs/inventories/{jordan.pk}/offer/new/",
        {
            "course": "Patrol",
            "provider": "Academy",
            "frequency": "once",
            "duration_days": "2",
            "language": "French",
            "participants_a_year": "10",
            "women_a_year": "11",
        },
    )

    assert response.status_code == 422
    assert "There cannot be more women than participants." in response.content.decode()
    assert not TrainingOffer.objects.exists()


def test_a_focal_point_of_another_country_may_not_change_jordans_offer(
    client_for, outsider, jordan
):
    offer = _offer(jordan)

    assert client_for(outsider).get(f"/en/needs/inventories/offer/{offer.pk}/").status_code == 404
    response = client_for(outsider).post(f"/en/needs/inventories/offer/{offer.pk}/delete/")

    assert response.status_code == 404
    assert TrainingOffer.objects.filter(pk=offer.pk).exists()


def test_an_initiative_is_changed_and_removed(client_for, focal_point, jordan):
    initiative = Initiative.objects.create(country=jordan, what="Network", run_by="PSD")
    client = client_for(focal_point)

    client.post(
        f"/en/needs/inventories/initiatives/{initiative.pk}/",
        {"what": "Women police network", "run_by": "PSD", "funder": "EU", "since": "2019"},
    )
    initiative.refresh_from_db()
    assert (initiative.what, initiative.since) == ("Women police network", 2019)

    client.post(f"/en/needs/inventories/initiatives/{initiative.pk}/delete/")
    assert not Initiative.objects.exists()


def test_a_spreadsheet_with_one_wrong_row_saves_nothing_and_names_the_row_in_french(
    client_for, focal_point, jordan
):
    AreaOfWorkFactory(code="investigation", name_fr="Enquêtes", name_en="Investigation")
    upload = _xlsx(
        [
            OFFER_HEADER,
            ["Enquêtes", "Académie", "Enquêtes", "Subalterne", "Chaque année", 5, "ar", 40, 12],
            ["Patrouille", "Académie", "", "", "once", 2, "fr", 10, 25],
            ["Leadership", "", "", "général", "weekly", "x", "fr", 10, 2],
        ]
    )

    response = client_for(focal_point).post(
        f"/fr/needs/inventories/{jordan.pk}/import/", {"kind": "offer", "file": upload}
    )

    content = response.content.decode()
    assert response.status_code == 422
    assert not TrainingOffer.objects.exists()
    assert "Il ne peut pas y avoir plus de femmes que de participants." in content
    assert "«\u00a0provider\u00a0» est vide." in content
    assert "«\u00a0général\u00a0» n’est pas un niveau" in content
    assert "<bdi>3</bdi>" in content and "<bdi>4</bdi>" in content
    assert "<bdi>2</bdi></td>" not in content  # the good row is not listed as wrong


def test_a_good_spreadsheet_adds_its_rows_and_may_replace_the_old_ones(
    client_for, focal_point, jordan
):
    _offer(jordan)
    rows = [
        OFFER_HEADER,
        ["Interviewing", "Academy", "", "junior", "yearly", 5, "Arabic", 40, 12],
        ["تدريب القيادة", "أكاديمية الشرطة", "", "رفيع", "مرة واحدة", "٣", "العربية", 20, 5],
    ]
    client = client_for(focal_point)

    response = client.post(
        f"/en/needs/inventories/{jordan.pk}/import/",
        {"kind": "offer", "file": _xlsx(rows), "replace": "on"},
    )

    assert response.status_code == 302
    offers = list(TrainingOffer.objects.filter(country=jordan).order_by("course"))
    assert [offer.course for offer in offers] == ["Interviewing", "تدريب القيادة"]
    assert (offers[1].level, offers[1].frequency, offers[1].duration_days) == (
        "senior",
        "once",
        3,
    )


def test_a_file_without_the_columns_is_refused_whole(client_for, focal_point, jordan):
    upload = _xlsx([["name", "place"], ["x", "y"]])

    response = client_for(focal_point).post(
        f"/en/needs/inventories/{jordan.pk}/import/", {"kind": "initiatives", "file": upload}
    )

    assert response.status_code == 422
    assert "these are missing: what, run_by" in response.content.decode()


def test_the_inventory_page_costs_the_same_queries_for_2_or_20_rows(
    client_for, staff, jordan, django_assert_max_num_queries
):
    client = client_for(staff)
    for index in range(2):
        _offer(jordan, f"Course {index}")
    client.get(f"/en/needs/inventories/{jordan.pk}/")
    # session, user, roles, country, offers (with areas), initiatives, menus
    with django_assert_max_num_queries(12) as few:
        client.get(f"/en/needs/inventories/{jordan.pk}/")
    budget = len(few.captured_queries)
    for index in range(2, 20):
        _offer(jordan, f"Course {index}")
        Initiative.objects.create(country=jordan, what=f"Initiative {index}", run_by="PSD")
    with django_assert_max_num_queries(budget):
        response = client.get(f"/en/needs/inventories/{jordan.pk}/")
    assert response.content.decode().count("/delete/") == 38


def test_the_inventories_list_shows_a_focal_point_only_her_country(
    client_for, focal_point, jordan, morocco
):
    _offer(jordan)
    _offer(morocco)

    content = client_for(focal_point).get("/en/needs/inventories/").content.decode()

    assert "Jordan" in content and "Morocco" not in content
