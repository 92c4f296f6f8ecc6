"""A visit's participants and documents: staff record them; the country's focal point and the
board read them; another country's focal point is told nothing."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from momentum.needs.models import Visit, VisitDocument, VisitParticipant
from momentum.needs.tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def visit(jordan: Any) -> Visit:
    return Visit.objects.create(
        round=factories.assessment_round(),
        country=jordan,
        starts_on="2026-03-01",
        ends_on="2026-03-03",
    )


def test_staff_record_participants_counted_by_sex(client_for, staff, visit):
    client = client_for(staff)
    for name, sex in (("رنا الخطيب", "female"), ("Omar Haddad", "male"), ("Lina Saleh", "female")):
        response = client.post(
            f"/en/needs/visits/{visit.pk}/participants/",
            {"name": name, "organisation": "Public Security Directorate", "sex": sex},
        )
        assert response.status_code == 302

    content = client.get(f"/en/needs/visits/{visit.pk}/participants/").content.decode()

    assert "Female: <bdi>2</bdi>" in content and "Male: <bdi>1</bdi>" in content
    assert 'dir="auto">رنا الخطيب' in content


def test_a_participant_without_a_name_is_refused(client_for, staff, visit):
    response = client_for(staff).post(
        f"/en/needs/visits/{visit.pk}/participants/", {"name": "", "sex": "female"}
    )

    assert response.status_code == 422
    assert not VisitParticipant.objects.exists()


def test_the_focal_point_reads_the_participants_but_cannot_add_one(client_for, focal_point, visit):
    client = client_for(focal_point)

    assert client.get(f"/en/needs/visits/{visit.pk}/participants/").status_code == 200
    response = client.post(
        f"/en/needs/visits/{visit.pk}/participants/", {"name": "X", "sex": "male"}
    )
    assert response.status_code == 403
    assert not VisitParticipant.objects.exists()


def test_a_document_is_attached_and_read_by_the_country_not_by_another(
    client_for, staff, focal_point, outsider, visit
):
    response = client_for(staff).post(
        f"/en/needs/visits/{visit.pk}/documents/",
        {
            "title": "Minutes",
            "file": SimpleUploadedFile("minutes.txt", b"Met the academy.", "text/plain"),
        },
    )
    assert response.status_code == 302
    document = VisitDocument.objects.get()

    download = client_for(focal_point).get(f"/en/needs/visit-documents/{document.pk}/")
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == b"Met the academy."  # type: ignore[attr-defined]
    assert client_for(outsider).get(f"/en/needs/visit-documents/{document.pk}/").status_code == 404


def test_an_empty_file_is_refused_beside_the_field(client_for, staff, visit):
    response = client_for(staff).post(
        f"/en/needs/visits/{visit.pk}/documents/",
        {"title": "Nothing", "file": SimpleUploadedFile("empty.txt", b"", "text/plain")},
    )

    assert response.status_code == 422
    assert not VisitDocument.objects.exists()


def test_the_participants_page_costs_the_same_queries_for_2_or_20_people(
    client_for, staff, visit, django_assert_max_num_queries
):
    client = client_for(staff)
    url = f"/en/needs/visits/{visit.pk}/participants/"
    for index in range(2):
        VisitParticipant.objects.create(visit=visit, name=f"P{index}", sex="female")
    client.get(url)
    with django_assert_max_num_queries(12) as few:
        client.get(url)
    budget = len(few.captured_queries)
    for index in range(2, 20):
        VisitParticipant.objects.create(visit=visit, name=f"P{index}", sex="male")
    with django_assert_max_num_queries(budget):
        response = client.get(url)
    assert response.content.decode().count("/remove/") == 20
