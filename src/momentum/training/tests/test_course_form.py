"""Staff add and edit courses from a form: errors beside the fields, what was typed kept."""

from __future__ import annotations

from typing import Any

import pytest

from momentum.core.models import AuditEntry
from momentum.core.tests.factories import AreaOfWorkFactory
from momentum.training.models import Course, Delivery, Track
from momentum.training.tests.factories import CourseFactory

pytestmark = pytest.mark.django_db

NEW = "/en/training/courses/new/"


def form_data(**overrides: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "code": "bio-101",
        "track": Track.INTERPOL_CAPABILITIES,
        "delivery": Delivery.IN_PERSON,
        "duration_hours": "24",
        "title_en": "Biometrics at borders",
        "title_fr": "La biométrie aux frontières",
        "title_ar": "القياسات الحيوية على الحدود",
        "summary_fr": "Empreintes digitales et reconnaissance faciale.",
        "objectives_en": "Take fingerprints\nSearch INTERPOL's AFIS",
        "target_rank_levels": ["junior", "mid"],
        "min_attendance_percent": "80",
        "min_post_test_score": "70",
        "certificate_validity_years": "4",
        "is_active": "on",
    }
    data.update(overrides)
    return data


def test_staff_add_a_course_and_land_on_its_page(client_for, staff):
    area = AreaOfWorkFactory(code="biometrics")

    response = client_for(staff).post(NEW, form_data(target_areas=[area.pk]))

    course = Course.objects.get(code="bio-101")
    assert response.status_code == 302
    assert response["Location"] == f"/en/training/courses/{course.pk}/"
    assert course.title_fr == "La biométrie aux frontières"
    assert course.target_rank_levels == ["junior", "mid"]
    assert list(course.target_areas.all()) == [area]
    assert course.certificate_validity_years == 4
    assert not course.requires_endorsement
    assert "biometrie" in course.search_key.split()
    assert AuditEntry.objects.filter(verb="course.created", actor=staff).exists()


def test_a_taken_code_is_shown_beside_the_field_and_what_was_typed_is_kept(client_for, staff):
    CourseFactory(code="bio-101")

    response = client_for(staff).post(NEW, form_data(title_en="Biometrics, second edition"))

    assert response.status_code == 200
    form = response.context["form"]
    assert form.errors["code"] == ["Another course already has the code bio-101."]
    content = response.content.decode()
    assert 'class="error-summary"' in content
    assert 'value="Biometrics, second edition"' in content
    assert Course.objects.count() == 1


def test_a_missing_title_is_refused_by_the_form(client_for, staff):
    response = client_for(staff).post(NEW, form_data(title_ar=""))

    assert "title_ar" in response.context["form"].errors
    assert not Course.objects.exists()


def test_the_edit_form_starts_from_the_course_and_saves_changes(client_for, staff):
    course = CourseFactory(code="bio-101", title_en="Biometrics", duration_hours=16)
    client = client_for(staff)
    url = f"/en/training/courses/{course.pk}/edit/"

    page = client.get(url)
    assert page.context["form"].initial["title_en"] == "Biometrics"
    assert page.context["form"].initial["duration_hours"] == 16
    assert course not in page.context["form"].fields["prerequisites"].queryset

    response = client.post(url, form_data(title_en="Biometrics at borders", duration_hours="30"))

    assert response.status_code == 302
    course.refresh_from_db()
    assert (course.title_en, course.duration_hours) == ("Biometrics at borders", 30)


@pytest.mark.parametrize("persona", ["officer", "focal_point", "trainer", "donor"])
def test_only_staff_reach_the_course_forms(client_for, request, persona):
    course = CourseFactory()
    client = client_for(request.getfixturevalue(persona))

    assert client.get(NEW).status_code == 403
    assert client.post(NEW, form_data()).status_code == 403
    assert client.get(f"/en/training/courses/{course.pk}/edit/").status_code == 403
    assert not Course.objects.filter(code="bio-101").exists()
