"""Staff schedule a session: dates, venue, languages, seats shared between countries."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from momentum.core.models import AuditEntry
from momentum.core.tests.factories import CityFactory
from momentum.training.models import Delivery, SeatQuota, Session, SessionStatus
from momentum.training.services.sessions import schedule_session
from momentum.training.tests.factories import CourseFactory

pytestmark = pytest.mark.django_db

AMMAN = ZoneInfo("Asia/Amman")


def schedule_data(**overrides: Any) -> dict[str, Any]:
    starts = timezone.localdate() + timedelta(days=60)
    data: dict[str, Any] = {
        "starts_on": starts,
        "ends_on": starts + timedelta(days=4),
        "time_zone": "Asia/Amman",
        "delivery": Delivery.IN_PERSON,
        "venue_city": CityFactory(),
        "language": "ar",
        "interpretation": ["en", "ar", "fr"],
        "capacity": 24,
        "women_target_percent": 40,
        "nomination_deadline": datetime.combine(
            starts - timedelta(days=21), datetime.min.time(), tzinfo=AMMAN
        ),
    }
    data.update(overrides)
    return data


def test_staff_schedule_a_draft_session_with_quotas_and_it_is_audited(
    staff, trainer, jordan, morocco
):
    course = CourseFactory(code="sltd-101")

    session = schedule_session(
        by=staff,
        course=course,
        venue_country=jordan,
        trainers=[trainer],
        quotas={jordan: 12, morocco: 10},
        **schedule_data(),
    )

    session.refresh_from_db()
    assert session.status == SessionStatus.DRAFT
    assert session.interpretation == ["fr", "en"]  # never into the language of instruction
    assert list(session.trainers.all()) == [trainer]
    assert {(q.country.code, q.seats, q.selected) for q in session.quotas.all()} == {
        ("JO", 12, 0),
        ("MA", 10, 0),
    }
    entry = AuditEntry.objects.get(verb="session.scheduled")
    assert entry.actor == staff
    assert entry.details["quotas"] == {"JO": 12, "MA": 10}
    assert entry.details["course"] == "sltd-101"


def test_quotas_above_the_capacity_are_refused_with_a_clear_message_and_nothing_is_saved(
    staff, jordan, morocco
):
    with pytest.raises(ValidationError) as refusal:
        schedule_session(
            by=staff,
            course=CourseFactory(),
            venue_country=jordan,
            quotas={jordan: 15, morocco: 10},
            **schedule_data(capacity=24),
        )

    assert refusal.value.message_dict["__all__"] == [
        "The countries' quotas add up to 25 seats, more than the session's capacity of 24. "
        "Lower some quotas or raise the capacity."
    ]
    assert not Session.objects.exists()
    assert not SeatQuota.objects.exists()
    assert not AuditEntry.objects.exists()


def test_every_refusal_is_given_at_once_beside_its_field(staff, jordan):
    starts = timezone.localdate() + timedelta(days=30)

    with pytest.raises(ValidationError) as refusal:
        schedule_session(
            by=staff,
            course=CourseFactory(),
            venue_country=None,
            **schedule_data(
                starts_on=starts,
                ends_on=starts - timedelta(days=1),
                venue_city=None,
                time_zone="Mars/Olympus",
                women_target_percent=140,
                nomination_deadline=datetime.combine(starts, datetime.min.time(), tzinfo=AMMAN)
                + timedelta(hours=9),
            ),
        )

    errors = refusal.value.message_dict
    assert errors["ends_on"] == ["The last day cannot be before the first day."]
    assert errors["venue_city"] == ["Give the city of the venue, or choose online delivery."]
    assert errors["venue_country"] == ["Give the country of the venue, or choose online delivery."]
    assert errors["time_zone"] == ["Choose a time zone from the list."]
    assert errors["women_target_percent"] == ["Give a percentage between 0 and 100."]
    assert errors["nomination_deadline"] == [
        "The nomination deadline must fall before the first day of the session."
    ]


def test_the_deadline_is_compared_in_the_sessions_time_zone(staff, jordan):
    starts = timezone.localdate() + timedelta(days=30)
    # 23:30 in Amman the evening before the first day is before it, even though it is the
    # first day already in Tokyo.
    deadline = datetime.combine(starts, datetime.min.time(), tzinfo=AMMAN) - timedelta(minutes=30)

    session = schedule_session(
        by=staff,
        course=CourseFactory(),
        venue_country=jordan,
        **schedule_data(starts_on=starts, ends_on=starts, nomination_deadline=deadline),
    )

    assert session.nomination_deadline == deadline


def test_an_online_session_needs_no_venue_and_keeps_none(staff, jordan):
    session = schedule_session(
        by=staff,
        course=CourseFactory(),
        venue_country=jordan,
        **schedule_data(delivery=Delivery.ONLINE),
    )

    assert (session.venue_city, session.venue_country) == (None, None)


def test_the_city_must_be_in_the_country_of_the_venue(staff, jordan, morocco):
    with pytest.raises(ValidationError) as refusal:
        schedule_session(
            by=staff,
            course=CourseFactory(),
            venue_country=morocco,
            **schedule_data(venue_city=CityFactory(country=jordan)),
        )

    assert refusal.value.message_dict["venue_city"] == [
        "This city is not in the country of the venue."
    ]


def test_only_people_with_the_trainer_role_can_be_trainers(staff, officer, jordan):
    with pytest.raises(ValidationError) as refusal:
        schedule_session(
            by=staff,
            course=CourseFactory(),
            venue_country=jordan,
            trainers=[officer],
            **schedule_data(),
        )

    assert refusal.value.message_dict["trainers"] == ["Leila Haddad is not a trainer."]


def test_no_session_of_a_course_taken_out_of_the_catalogue(staff, jordan):
    with pytest.raises(ValidationError) as refusal:
        schedule_session(
            by=staff,
            course=CourseFactory(is_active=False),
            venue_country=jordan,
            **schedule_data(),
        )

    assert "course" in refusal.value.message_dict


@pytest.mark.parametrize("persona", ["focal_point", "trainer", "officer"])
def test_only_staff_schedule(request, persona, jordan):
    with pytest.raises(PermissionDenied):
        schedule_session(
            by=request.getfixturevalue(persona),
            course=CourseFactory(),
            venue_country=jordan,
            **schedule_data(),
        )
