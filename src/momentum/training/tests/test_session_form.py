"""Staff schedule and edit sessions from a form with one seat quota per country."""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from momentum.core.tests.factories import CityFactory
from momentum.training.models import Delivery, Session, SessionStatus
from momentum.training.tests.factories import CourseFactory, SessionFactory

pytestmark = pytest.mark.django_db

NEW = "/en/training/sessions/new/"


def form_data(course, **overrides: Any) -> dict[str, Any]:
    starts = timezone.localdate() + timedelta(days=60)
    data: dict[str, Any] = {
        "course": course.pk,
        "starts_on": starts.isoformat(),
        "ends_on": (starts + timedelta(days=3)).isoformat(),
        "time_zone": "Asia/Amman",
        "nomination_deadline": f"{(starts - timedelta(days=20)).isoformat()}T17:00",
        "delivery": Delivery.IN_PERSON,
        "venue_city": CityFactory().pk,
        "language": "ar",
        "interpretation": ["en"],
        "capacity": "20",
        "women_target_percent": "40",
        "quota_JO": "10",
        "quota_MA": "8",
    }
    data.update(overrides)
    return data


def test_the_form_has_one_quota_field_per_country(client_for, staff, jordan, morocco):
    response = client_for(staff).get(NEW)

    form = response.context["form"]
    assert [field.name for field in form.quota_fields()] == ["quota_JO", "quota_MA"]
    assert "Seats for Jordan" in response.content.decode()


def test_staff_schedule_a_session_from_the_page(client_for, staff, trainer, jordan, morocco):
    course = CourseFactory()

    response = client_for(staff).post(
        NEW, form_data(course, venue_country=jordan.pk, trainers=[trainer.pk])
    )

    session = Session.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/en/training/sessions/{session.pk}/"
    assert session.status == SessionStatus.DRAFT
    assert {q.country.code: q.seats for q in session.quotas.all()} == {"JO": 10, "MA": 8}
    assert list(session.trainers.all()) == [trainer]
    # The deadline typed is a wall-clock time in the session's time zone.
    assert session.nomination_deadline == datetime.combine(
        session.starts_on - timedelta(days=20),
        datetime.min.time().replace(hour=17),
        tzinfo=ZoneInfo("Asia/Amman"),
    )


def test_quotas_above_the_capacity_are_refused_and_every_value_is_kept(
    client_for, staff, jordan, morocco
):
    course = CourseFactory()

    response = client_for(staff).post(
        NEW, form_data(course, venue_country=jordan.pk, quota_JO="15", quota_MA="9")
    )

    assert response.status_code == 200
    assert not Session.objects.exists()
    content = response.content.decode()
    assert (
        "The countries&#x27; quotas add up to 24 seats, more than the session&#x27;s capacity "
        "of 20." in content
    )
    assert 'class="error-summary"' in content
    assert 'name="quota_JO" value="15"' in content
    assert re.search(r'<option value="\d+" selected>Amman, Jordan</option>', content)


def test_the_course_can_be_chosen_beforehand(client_for, staff):
    course = CourseFactory()

    response = client_for(staff).get(NEW, {"course": course.pk})

    assert response.context["form"]["course"].value() == str(course.pk)


def test_the_edit_form_shows_the_quotas_and_the_deadline_in_the_sessions_time_zone(
    client_for, staff, jordan, morocco
):
    deadline = datetime(2031, 1, 5, 18, 30, tzinfo=ZoneInfo("Asia/Amman"))
    session = SessionFactory(
        status=SessionStatus.OPEN,
        time_zone="Asia/Amman",
        starts_on=deadline.date() + timedelta(days=30),
        ends_on=deadline.date() + timedelta(days=31),
        nomination_deadline=deadline,
        quotas={jordan: (6, 2)},
    )
    client = client_for(staff)
    url = f"/en/training/sessions/{session.pk}/edit/"

    form = client.get(url).context["form"]
    assert "course" not in form.fields
    assert form["quota_JO"].value() == 6
    assert form["nomination_deadline"].value() == deadline.replace(tzinfo=None)

    data = form_data(
        session.course,
        starts_on=session.starts_on.isoformat(),
        ends_on=session.ends_on.isoformat(),
        nomination_deadline="2031-01-05T18:30",
        venue_country=jordan.pk,
        quota_JO="1",
        quota_MA="4",
    )
    response = client.post(url, data)

    assert response.status_code == 200
    assert response.context["form"].errors["quota_JO"] == [
        "Jordan already has 2 selected participants: its quota cannot be lower than that."
    ]

    response = client.post(url, {**data, "quota_JO": "2"})

    assert response.status_code == 302
    assert {q.country.code: q.seats for q in session.quotas.all()} == {"JO": 2, "MA": 4}
    session.refresh_from_db()
    assert session.nomination_deadline == deadline


@pytest.mark.parametrize("persona", ["officer", "focal_point", "trainer"])
def test_only_staff_reach_the_session_forms(client_for, request, persona, jordan):
    session = SessionFactory()
    client = client_for(request.getfixturevalue(persona))

    assert client.get(NEW).status_code == 403
    assert client.post(NEW, form_data(session.course)).status_code == 403
    assert client.get(f"/en/training/sessions/{session.pk}/edit/").status_code == 403


def test_the_city_is_chosen_from_a_list_in_arabic_on_arabic_pages(
    client_for, staff, jordan, morocco
):
    CityFactory(country=morocco, name_en="Rabat", name_fr="Rabat", name_ar="الرباط")
    CityFactory()  # Amman, Jordan

    form = client_for(staff).get(NEW.replace("/en/", "/ar/", 1)).context["form"]

    labels = [str(label) for _value, label in form.fields["venue_city"].choices][1:]
    # By country, each city with its country, in Arabic.
    assert labels == ["عمّان، الأردن", "الرباط، المغرب"]


@pytest.mark.parametrize(
    ("language", "message"),
    [("en", "Choose a city from the list."), ("fr", "Choisissez une ville dans la liste.")],
)
def test_an_unknown_city_is_refused_in_the_readers_language(
    client_for, staff, jordan, morocco, language, message
):
    course = CourseFactory()
    response = client_for(staff).post(
        NEW.replace("/en/", f"/{language}/", 1),
        form_data(course, venue_country=jordan.pk, venue_city=999_999),
    )

    assert response.status_code == 200
    assert response.context["form"].errors["venue_city"] == [message]
    assert not Session.objects.exists()
