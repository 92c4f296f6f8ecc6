"""Staff create and edit courses through ``save_course``: validated, searchable, audited."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.utils import translation

from momentum.core.models import AuditEntry
from momentum.core.tests.factories import AreaOfWorkFactory
from momentum.training.models import Course, Delivery, Track
from momentum.training.services.catalogue import save_course

pytestmark = pytest.mark.django_db


def course_data(**overrides: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "code": "lead-mid-01",
        "title_en": "Leadership for mid-level officers",
        "title_fr": "Leadership pour les officiers de niveau intermédiaire",
        "title_ar": "القيادة لضباط المستوى المتوسط",
        "summary_en": "Leading teams with respect for human rights and equality.",
        "summary_fr": "Diriger des équipes dans le respect des droits humains et de l'égalité.",
        "summary_ar": "قيادة الفرق مع احترام حقوق الإنسان والمساواة.",
        "objectives_en": "Lead a team\nPlan an operation",
        "track": Track.LEADERSHIP,
        "delivery": Delivery.BLENDED,
        "duration_hours": 40,
        "target_rank_levels": ["mid"],
        "min_attendance_percent": 90,
        "min_post_test_score": 75,
        "certificate_validity_years": 4,
        "requires_motivation": True,
        "requires_endorsement": True,
    }
    data.update(overrides)
    return data


def test_staff_add_a_course_in_three_languages_and_it_is_audited(staff):
    area = AreaOfWorkFactory(code="investigations")

    course = save_course(by=staff, target_areas=[area], **course_data(code="  Lead-Mid-01 "))

    course.refresh_from_db()
    assert course.code == "lead-mid-01"
    assert (course.title_en, course.title_fr, course.title_ar) == (
        "Leadership for mid-level officers",
        "Leadership pour les officiers de niveau intermédiaire",
        "القيادة لضباط المستوى المتوسط",
    )
    assert course.target_rank_levels == ["mid"]
    assert list(course.target_areas.all()) == [area]
    assert course.certificate_validity_years == 4
    assert course.requires_motivation and course.requires_endorsement
    entry = AuditEntry.objects.get(verb="course.created")
    assert (entry.actor, entry.target_id) == (staff, str(course.pk))


def test_the_untranslated_title_column_holds_english_whoever_edits(staff):
    with translation.override("ar"):
        course = save_course(by=staff, **course_data())

    with connection.cursor() as cursor:
        cursor.execute("SELECT title FROM training_course WHERE id = %s", [course.pk])
        assert cursor.fetchone()[0] == "Leadership for mid-level officers"
    with translation.override("ar"):
        assert Course.objects.get(pk=course.pk).title == "القيادة لضباط المستوى المتوسط"


def test_editing_refreshes_the_search_key_and_audits_what_changed(staff):
    course = save_course(by=staff, **course_data())
    assert "leadership" in course.search_key

    save_course(
        by=staff,
        course=course,
        **course_data(title_en="Command and human rights", summary_en="Sécurité des équipes"),
    )

    course.refresh_from_db()
    assert "command" in course.search_key.split()
    assert "securite" in course.search_key.split()
    assert "القياده" in course.search_key.split()  # Arabic folded: ة → ه
    entry = AuditEntry.objects.get(verb="course.changed")
    assert entry.details["changed"] == ["summary_en", "title_en"]


def test_a_code_already_taken_is_refused_and_nothing_is_saved(staff):
    first = save_course(by=staff, **course_data())

    with pytest.raises(ValidationError) as refusal:
        save_course(by=staff, **course_data(title_en="Another"))

    assert refusal.value.message_dict["code"] == [
        "Another course already has the code lead-mid-01."
    ]
    assert list(Course.objects.all()) == [first]
    assert AuditEntry.objects.filter(verb__startswith="course.").count() == 1


def test_a_missing_translation_of_the_title_and_bad_percentages_are_refused_together(staff):
    with pytest.raises(ValidationError) as refusal:
        save_course(
            by=staff,
            **course_data(title_fr="  ", min_attendance_percent=120, certificate_validity_years=0),
        )

    errors = refusal.value.message_dict
    assert errors["title_fr"] == ["Give the course a title in each of the three languages."]
    assert errors["min_attendance_percent"] == ["Give a percentage between 0 and 100."]
    assert "certificate_validity_years" in errors
    assert not Course.objects.exists()


def test_a_course_cannot_be_its_own_prerequisite(staff):
    basics = save_course(by=staff, **course_data(code="basics"))
    course = save_course(by=staff, prerequisites=[basics], **course_data())
    assert list(course.prerequisites.all()) == [basics]

    with pytest.raises(ValidationError) as refusal:
        save_course(by=staff, course=course, prerequisites=[course], **course_data())

    assert "prerequisites" in refusal.value.message_dict


@pytest.mark.parametrize("persona", ["focal_point", "officer", "trainer", "donor"])
def test_only_staff_change_the_catalogue(request, persona):
    with pytest.raises(PermissionDenied):
        save_course(by=request.getfixturevalue(persona), **course_data())
    assert not Course.objects.exists()


def test_a_course_saved_in_the_admin_stays_searchable():
    from django.contrib import admin

    from momentum.training import selectors

    course = Course(
        code="osint-9",
        title_en="Open sources",
        title_fr="Sources ouvertes et sécurité",
        title_ar="المصادر المفتوحة",
        track=Track.CRIME_SPECIFIC,
        delivery=Delivery.ONLINE,
        duration_hours=4,
    )

    admin.site._registry[Course].save_model(None, course, None, False)

    assert [found.code for found in selectors.courses(text="securite")] == ["osint-9"]
    assert [found.code for found in selectors.courses(text="مصادر")] == ["osint-9"]
