"""Cancelling a session tells everyone concerned, each in their own language: the nominees
(but those who withdrew), the focal points of their countries, the trainers; nobody else."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from momentum.core.models import AuditEntry
from momentum.core.tests.factories import CountryFactory
from momentum.people.models import Role
from momentum.people.tests.factories import officer as make_officer
from momentum.people.tests.factories import person_with_role
from momentum.training.models import NominationStatus, Session, SessionStatus
from momentum.training.services import sessions as services
from momentum.training.tests.factories import CourseFactory, NominationFactory, SessionFactory

pytestmark = pytest.mark.django_db


def _officer(country, language: str, email: str):  # type: ignore[no-untyped-def]
    return make_officer(country, user__email=email, user__preferred_language=language)


@pytest.fixture
def world(jordan, morocco, trainer, staff, focal_point, outsider):  # type: ignore[no-untyped-def]
    tunisia = CountryFactory(code="TN", name_en="Tunisia", name_ar="تونس", name_fr="Tunisie")
    lebanon = CountryFactory(code="LB", name_en="Lebanon")
    focal_point.preferred_language = "en"
    focal_point.save()
    outsider.preferred_language = "ar"  # Morocco's focal point
    outsider.save()
    trainer.preferred_language = "fr"
    trainer.save()
    course = CourseFactory(
        title_en="Migrant smuggling investigations",
        title_fr="Enquêtes sur le trafic illicite de migrants",
        title_ar="التحقيق في تهريب المهاجرين",
    )
    session = SessionFactory(
        course=course,
        status=SessionStatus.SELECTION,
        starts_on=date(2031, 2, 10),
        ends_on=date(2031, 2, 13),
        nomination_deadline=timezone.now() + timedelta(days=1),
        trainers=[trainer],
    )
    people = {
        "selected_jo": _officer(jordan, "ar", "selected.jo@example.org"),
        "waitlisted_jo": _officer(jordan, "fr", "waitlisted.jo@example.org"),
        "declined_ma": _officer(morocco, "en", "declined.ma@example.org"),
        "withdrawn_tn": _officer(tunisia, "en", "withdrawn.tn@example.org"),
        "not_nominated": _officer(jordan, "en", "bystander@example.org"),
    }
    for key, status in [
        ("selected_jo", NominationStatus.SELECTED),
        ("waitlisted_jo", NominationStatus.WAITLISTED),
        ("declined_ma", NominationStatus.DECLINED),
        ("withdrawn_tn", NominationStatus.WITHDRAWN),
    ]:
        NominationFactory(session=session, officer=people[key].profile, status=status)
    # Focal points of countries with no nominee still being considered are not told.
    person_with_role(Role.FOCAL_POINT, tunisia, email="focal.tn@example.org")
    person_with_role(Role.FOCAL_POINT, lebanon, email="focal.lb@example.org")
    other_trainer = person_with_role(Role.TRAINER, None, email="other.trainer@example.org")
    SessionFactory(course=course, trainers=[other_trainer])
    return session


def _cancel(session, by, capture, reason="The venue is closed for works."):  # type: ignore[no-untyped-def]
    with capture(execute=True):
        services.cancel_session(by=by, session=session, reason=reason)


def test_exactly_the_people_concerned_are_told(world, staff, django_capture_on_commit_callbacks):
    _cancel(world, staff, django_capture_on_commit_callbacks)

    assert sorted(address for message in mail.outbox for address in message.to) == [
        "declined.ma@example.org",
        "focal.jo@example.org",
        "focal.ma@example.org",
        "selected.jo@example.org",
        "trainer@example.org",
        "waitlisted.jo@example.org",
    ]
    assert all(len(message.to) == 1 for message in mail.outbox)


def test_each_person_is_told_in_their_own_language(
    world, staff, django_capture_on_commit_callbacks
):
    _cancel(world, staff, django_capture_on_commit_callbacks)

    by_address = {message.to[0]: message for message in mail.outbox}
    arabic = by_address["selected.jo@example.org"]
    assert "التحقيق في تهريب المهاجرين" in arabic.subject
    assert "فبراير" in arabic.body  # February, as Arabic dates read
    assert f"/ar/training/sessions/{world.pk}/" in arabic.body
    assert "The venue is closed for works." in arabic.body
    html, mimetype = arabic.alternatives[0]
    assert mimetype == "text/html"
    assert '<html lang="ar" dir="rtl">' in html

    french = by_address["trainer@example.org"]
    assert "Enquêtes sur le trafic illicite de migrants" in french.subject
    assert "février" in french.body
    assert f"/fr/training/sessions/{world.pk}/" in french.body

    english = by_address["focal.jo@example.org"]
    assert "Migrant smuggling investigations" in english.subject
    assert "Feb" in english.body
    assert "Officers of your country were nominated" in english.body

    moroccan_focal_point = by_address["focal.ma@example.org"]
    assert "التحقيق في تهريب المهاجرين" in moroccan_focal_point.subject


def test_the_cancellation_is_saved_with_its_reason_and_audited(
    world, staff, django_capture_on_commit_callbacks
):
    _cancel(world, staff, django_capture_on_commit_callbacks, reason="  Travel restrictions ")

    world.refresh_from_db()
    assert world.status == SessionStatus.CANCELLED
    assert world.cancellation_reason == "Travel restrictions"
    entry = AuditEntry.objects.get(verb="session.cancelled")
    assert entry.details == {
        "previous": "selection",
        "status": "cancelled",
        "reason": "Travel restrictions",
    }


def test_a_reason_is_required_and_nobody_is_told_without_one(
    world, staff, django_capture_on_commit_callbacks
):
    with pytest.raises(ValidationError) as refusal:
        _cancel(world, staff, django_capture_on_commit_callbacks, reason="   ")

    assert refusal.value.message_dict == {
        "reason": ["Say why the session is cancelled: everyone concerned is told."]
    }
    assert Session.objects.get(pk=world.pk).status == SessionStatus.SELECTION
    assert mail.outbox == []


def test_an_inactive_account_is_not_written_to(world, staff, django_capture_on_commit_callbacks):
    world.trainers.update(is_active=False)

    _cancel(world, staff, django_capture_on_commit_callbacks)

    assert "trainer@example.org" not in {message.to[0] for message in mail.outbox}


# The page ------------------------------------------------------------------------------------


def test_staff_cancel_from_the_page_with_a_reason(
    client_for, world, staff, django_capture_on_commit_callbacks
):
    client = client_for(staff)
    page = client.get(f"/en/training/sessions/{world.pk}/cancel/")
    assert page.status_code == 200
    assert "Reason for the cancellation" in page.content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/en/training/sessions/{world.pk}/cancel/", {"reason": "Venue unavailable"}
        )

    assert response.status_code == 302
    assert response["Location"] == f"/en/training/sessions/{world.pk}/"
    assert Session.objects.get(pk=world.pk).status == SessionStatus.CANCELLED
    assert len(mail.outbox) == 6


def test_an_empty_reason_shows_an_error_beside_the_field(client_for, world, staff):
    response = client_for(staff).post(f"/en/training/sessions/{world.pk}/cancel/", {"reason": ""})

    assert response.status_code == 200
    assert response.context["form"].errors["reason"]
    assert Session.objects.get(pk=world.pk).status == SessionStatus.SELECTION


def test_a_trainer_cannot_cancel(client_for, world, trainer):
    response = client_for(trainer).post(
        f"/en/training/sessions/{world.pk}/cancel/", {"reason": "No"}
    )

    assert response.status_code == 403
    assert Session.objects.get(pk=world.pk).status == SessionStatus.SELECTION
