"""A course's page, in the reader's language, with its upcoming sessions."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from momentum.core.tests.factories import AreaOfWorkFactory
from momentum.people.models import RankLevel
from momentum.training.models import SessionStatus
from momentum.training.tests.factories import CourseFactory, SessionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def course():  # type: ignore[no-untyped-def]
    basics = CourseFactory(code="basics", title_en="INTERPOL basics")
    course = CourseFactory(
        code="tip-301",
        title_en="Trafficking in human beings",
        title_fr="Traite des êtres humains",
        title_ar="الاتجار بالبشر",
        summary_en="Identify and protect victims.",
        summary_ar="تحديد الضحايا وحمايتهم.",
        objectives_en="Identify indicators\nInterview victims",
        certificate_validity_years=4,
        requires_motivation=True,
        target_rank_levels=["mid", "senior"],
    )
    course.prerequisites.add(basics)
    course.target_areas.add(
        AreaOfWorkFactory(code="human-trafficking", name_en="Human trafficking")
    )
    return course


def _day(n: int):  # type: ignore[no-untyped-def]
    return timezone.localdate() + timedelta(days=n)


def test_the_course_reads_in_arabic_for_an_arabic_reader(client_for, officer, course):
    content = client_for(officer).get(f"/ar/training/courses/{course.pk}/").content.decode()

    assert "الاتجار بالبشر" in content
    assert "تحديد الضحايا وحمايتهم." in content
    # Not yet translated: the objectives fall back to English rather than vanish.
    assert "<li>Interview victims</li>" in content


def test_the_course_reads_in_french_with_its_rules(client_for, officer, course):
    response = client_for(officer).get(f"/fr/training/courses/{course.pk}/")

    content = response.content.decode()
    assert "Traite des êtres humains" in content
    assert response.context["objectives"] == ["Identify indicators", "Interview victims"]
    basics = course.prerequisites.get()
    assert f'href="/fr/training/courses/{basics.pk}/"' in content
    with translation.override("fr"):
        levels = [str(RankLevel.MID.label), str(RankLevel.SENIOR.label)]
    assert [str(level) for level in response.context["rank_levels"]] == levels


def test_the_upcoming_sessions_are_listed_but_not_drafts_cancelled_or_past_ones(
    client_for, officer, course
):
    upcoming = SessionFactory(
        course=course, starts_on=_day(20), ends_on=_day(22), status=SessionStatus.OPEN
    )
    SessionFactory(course=course, starts_on=_day(30), ends_on=_day(31), status=SessionStatus.DRAFT)
    SessionFactory(
        course=course, starts_on=_day(40), ends_on=_day(41), status=SessionStatus.CANCELLED
    )
    SessionFactory(course=course, starts_on=_day(-9), ends_on=_day(-8), status=SessionStatus.CLOSED)

    response = client_for(officer).get(f"/en/training/courses/{course.pk}/")

    assert response.context["sessions"] == [upcoming]
    assert f'href="/en/training/sessions/{upcoming.pk}/"' in response.content.decode()


def test_staff_get_the_edit_and_schedule_buttons_officers_do_not(
    client_for, staff, officer, course
):
    staff_page = client_for(staff).get(f"/en/training/courses/{course.pk}/").content.decode()
    officer_page = client_for(officer).get(f"/en/training/courses/{course.pk}/").content.decode()

    assert f"/en/training/courses/{course.pk}/edit/" in staff_page
    assert f"/en/training/sessions/new/?course={course.pk}" in staff_page
    assert "/edit/" not in officer_page
    assert "/sessions/new/" not in officer_page


def test_a_course_out_of_the_catalogue_is_hidden_but_from_staff(client_for, officer, staff):
    retired = CourseFactory(is_active=False)

    assert client_for(officer).get(f"/en/training/courses/{retired.pk}/").status_code == 404
    assert client_for(staff).get(f"/en/training/courses/{retired.pk}/").status_code == 200


def test_an_unknown_course_is_404(client_for, officer):
    assert client_for(officer).get("/en/training/courses/999999/").status_code == 404


def test_queries_do_not_grow_with_sessions_and_prerequisites(client_for, officer, course):
    """session, user, roles, the course (thematic area joined), its target areas, its
    prerequisites, its upcoming sessions (venue country joined), navigation permissions."""
    client = client_for(officer)
    url = f"/en/training/courses/{course.pk}/"

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    few = count()
    for offset in range(8):
        SessionFactory(
            course=course, starts_on=_day(offset), ends_on=_day(offset), status=SessionStatus.OPEN
        )
        course.prerequisites.add(CourseFactory())
    many = count()

    assert many == few
    assert few <= 8
