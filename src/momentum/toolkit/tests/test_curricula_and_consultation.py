"""Curricula become courses of the training catalogue in one action; chapters go out for
comments to the Advisory Board (a written procedure) or to chosen countries."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from momentum.toolkit.models import ConsultationMode
from momentum.toolkit.services import consultation, curricula, writing
from momentum.toolkit.tests.factories import chapter, section

pytestmark = pytest.mark.django_db


def _curriculum(staff):  # type: ignore[no-untyped-def]
    item = curricula.save_curriculum(
        by=staff,
        title_en="Gender-sensitive first response",
        title_ar="الاستجابة الأولى المراعية للنوع الاجتماعي",
        title_fr="Première réponse sensible au genre",
    )
    curricula.add_module(
        by=staff,
        curriculum=item,
        duration_minutes=150,
        title_en="Receiving a complaint",
        objectives_en="Take a complaint of violence in a private room.",
    )
    return item


def test_a_curriculum_creates_its_course_once_and_keeps_the_link(staff) -> None:
    from momentum.training.models import Course

    item = _curriculum(staff)

    course_id = curricula.create_course(by=staff, curriculum=item, code="gsp-first-response")

    item.refresh_from_db()
    course = Course.objects.get(pk=course_id)
    assert item.course_id == course.pk
    assert course.title_ar == "الاستجابة الأولى المراعية للنوع الاجتماعي"  # type: ignore[attr-defined]
    assert course.duration_hours == 2
    assert "private room" in course.objectives_en  # type: ignore[attr-defined]
    with pytest.raises(ValidationError):
        curricula.create_course(by=staff, curriculum=item, code="gsp-again")


def test_only_staff_create_a_course(staff, focal_point) -> None:
    with pytest.raises(PermissionDenied):
        curricula.create_course(by=focal_point, curriculum=_curriculum(staff), code="x-1")


def test_the_curriculum_page_shows_the_course_it_became(staff, client_for) -> None:
    item = _curriculum(staff)
    curricula.create_course(by=staff, curriculum=item, code="gsp-first-response")

    page = client_for(staff).get(f"/en/toolkit/curricula/{item.pk}/").content.decode()

    assert "gsp-first-response" in page
    assert "Receiving a complaint" in page


def test_a_chapter_goes_to_the_board_as_a_written_procedure(staff) -> None:
    from momentum.governance.models import WrittenProcedure

    item = chapter()
    sent = consultation.open_consultation(
        by=staff,
        mode=ConsultationMode.BOARD,
        deadline=timezone.now() + timedelta(days=14),
        chapter=item,
    )

    procedure = WrittenProcedure.objects.get(pk=sent.procedure_id)
    assert item.title_en in procedure.title


def test_comments_of_a_chosen_country_belong_to_its_round(staff, focal_point, outsider) -> None:
    item = chapter()
    part = section(item, by=staff)
    sent = consultation.open_consultation(
        by=staff,
        mode=ConsultationMode.COUNTRIES,
        deadline=timezone.now() + timedelta(days=14),
        chapter=item,
        countries=[focal_point.role_assignments.get().country],
    )

    ours = writing.add_comment(
        section=part, language="en", paragraph=1, text="Oui.", by=focal_point
    )
    theirs = writing.add_comment(section=part, language="en", paragraph=1, text="Non.", by=outsider)

    assert ours.consultation == sent
    assert theirs.consultation is None


def test_a_round_needs_a_country_and_a_future_deadline(staff) -> None:
    with pytest.raises(ValidationError):
        consultation.open_consultation(
            by=staff,
            mode=ConsultationMode.COUNTRIES,
            deadline=timezone.now() + timedelta(days=3),
            chapter=chapter(),
        )
    with pytest.raises(ValidationError):
        consultation.open_consultation(
            by=staff,
            mode=ConsultationMode.BOARD,
            deadline=timezone.now() - timedelta(days=1),
            chapter=chapter(),
        )


def test_staff_send_a_curriculum_to_chosen_countries_from_its_page(
    staff, jordan, client_for
) -> None:
    from momentum.toolkit.models import Consultation

    item = _curriculum(staff)
    deadline = (timezone.localtime() + timedelta(days=10)).strftime("%Y-%m-%dT%H:%M")

    response = client_for(staff).post(
        f"/en/toolkit/curricula/{item.pk}/consult/",
        {"mode": "countries", "countries": [jordan.pk], "deadline": deadline},
    )

    assert response.status_code == 302
    sent = Consultation.objects.get(curriculum=item)
    assert [country.code for country in sent.countries.all()] == ["JO"]
