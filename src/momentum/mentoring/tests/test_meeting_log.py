"""Either side of an active pair logs a meeting: a date not in the future nor before the pair
started, 5 to 600 minutes, how they met, the topics and the next steps."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from momentum.core.models import AuditEntry
from momentum.mentoring.models import Meeting, MeetingMode
from momentum.mentoring.services import pairs as services
from momentum.mentoring.tests.factories import pair_for

pytestmark = pytest.mark.django_db


def _log(pairing, by, **fields):  # type: ignore[no-untyped-def]
    values = {
        "held_on": timezone.localdate() - timedelta(days=1),
        "duration_minutes": 60,
        "mode": MeetingMode.VIDEO,
        "topics": "Negotiation skills",
        "next_steps": "Read the case study",
    }
    values.update(fields)
    return services.log_meeting(pairing=pairing, by=by, **values)


def test_the_mentee_and_the_mentor_both_log_meetings(officer, mentor):
    pairing = pair_for(officer, mentor)

    _log(pairing, officer)
    _log(pairing, mentor, mode=MeetingMode.IN_PERSON)

    assert list(Meeting.objects.values_list("logged_by", flat=True).order_by("pk")) == [
        officer.pk,
        mentor.pk,
    ]
    entry = AuditEntry.objects.filter(verb="mentoring.meeting_logged").first()
    assert entry is not None
    assert "Negotiation" not in str(entry.details)


def test_a_meeting_today_is_accepted(officer):
    pairing = pair_for(officer)

    assert _log(pairing, officer, held_on=timezone.localdate()).held_on == timezone.localdate()


def test_a_meeting_in_the_future_is_refused(officer):
    pairing = pair_for(officer)

    with pytest.raises(ValidationError) as refusal:
        _log(pairing, officer, held_on=timezone.localdate() + timedelta(days=1))

    assert refusal.value.message_dict == {
        "held_on": ["A meeting cannot be logged before it takes place."]
    }
    assert not Meeting.objects.exists()


def test_a_meeting_before_the_pair_started_is_refused(officer):
    pairing = pair_for(officer, published_days_ago=10)

    with pytest.raises(ValidationError) as refusal:
        _log(pairing, officer, held_on=timezone.localdate() - timedelta(days=11))
    assert refusal.value.message_dict == {"held_on": ["This date is before the pair started."]}


@pytest.mark.parametrize("minutes", [0, 4, 601, 10_000])
def test_a_duration_outside_5_to_600_minutes_is_refused(officer, minutes):
    pairing = pair_for(officer)

    with pytest.raises(ValidationError) as refusal:
        _log(pairing, officer, duration_minutes=minutes)
    assert refusal.value.message_dict == {
        "duration_minutes": ["A meeting lasts between 5 and 600 minutes."]
    }


@pytest.mark.parametrize("minutes", [5, 600])
def test_the_duration_limits_are_accepted(officer, minutes):
    pairing = pair_for(officer)

    assert _log(pairing, officer, duration_minutes=minutes).duration_minutes == minutes


def test_an_unknown_mode_and_empty_topics_are_refused_together(officer):
    pairing = pair_for(officer)

    with pytest.raises(ValidationError) as refusal:
        _log(pairing, officer, mode="telepathy", topics="  ")
    assert set(refusal.value.message_dict) == {"mode", "topics"}


def test_staff_and_focal_points_do_not_log_meetings(officer, staff, focal_point):
    pairing = pair_for(officer)

    for person in (staff, focal_point):
        with pytest.raises(PermissionDenied):
            _log(pairing, person)


def test_the_form_shows_the_refusal_beside_the_field_and_keeps_the_input(client_for, officer):
    pairing = pair_for(officer)
    tomorrow = (timezone.localdate() + timedelta(days=1)).isoformat()

    response = client_for(officer).post(
        f"/en/mentoring/pairs/{pairing.pk}/meetings/new/",
        {
            "held_on": tomorrow,
            "duration_minutes": "45",
            "mode": MeetingMode.PHONE,
            "topics": "Budget planning",
        },
    )

    content = response.content.decode()
    assert response.status_code == 200
    assert "A meeting cannot be logged before it takes place." in content
    assert "Budget planning" in content
    assert not Meeting.objects.exists()


def test_the_form_refuses_a_duration_out_of_range(client_for, officer):
    pairing = pair_for(officer)

    response = client_for(officer).post(
        f"/en/mentoring/pairs/{pairing.pk}/meetings/new/",
        {
            "held_on": timezone.localdate().isoformat(),
            "duration_minutes": "900",
            "mode": MeetingMode.PHONE,
            "topics": "Budget planning",
        },
    )

    assert response.status_code == 200
    assert "less than or equal to 600" in response.content.decode()
    assert not Meeting.objects.exists()


def test_the_form_logs_the_meeting_and_returns_to_the_log(client_for, officer):
    pairing = pair_for(officer)

    response = client_for(officer).post(
        f"/en/mentoring/pairs/{pairing.pk}/meetings/new/",
        {
            "held_on": timezone.localdate().isoformat(),
            "duration_minutes": "30",
            "mode": MeetingMode.PHONE,
            "topics": "Budget planning",
        },
    )

    assert response.status_code == 302
    assert response["Location"].endswith("#meetings")
    assert Meeting.objects.get().topics == "Budget planning"
