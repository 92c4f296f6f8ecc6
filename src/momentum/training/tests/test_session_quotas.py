"""Seat quotas per country: their sum never exceeds the capacity, and no quota falls below the
seats its country has already taken."""

from __future__ import annotations

from datetime import timedelta
from unittest import mock

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from momentum.core.models import AuditEntry
from momentum.core.tests.factories import CityFactory, CountryFactory
from momentum.training.models import SeatQuota, SessionStatus
from momentum.training.services import sessions as services
from momentum.training.tests.factories import SessionFactory

pytestmark = pytest.mark.django_db


def _seats(session) -> dict[str, tuple[int, int]]:
    return {q.country.code: (q.seats, q.selected) for q in session.quotas.select_related("country")}


@pytest.fixture
def session(jordan, morocco):
    return SessionFactory(
        capacity=20, status=SessionStatus.SELECTION, quotas={jordan: (8, 3), morocco: 8}
    )


def test_staff_share_out_the_seats_and_it_is_audited(staff, session, jordan, morocco):
    tunisia = CountryFactory(code="TN", name_en="Tunisia")

    services.set_quotas(by=staff, session=session, quotas={morocco: 6, tunisia: 6})

    assert _seats(session) == {"JO": (8, 3), "MA": (6, 0), "TN": (6, 0)}
    entry = AuditEntry.objects.get(verb="session.quotas_set")
    assert entry.details == {"quotas": {"MA": 6, "TN": 6}}


def test_a_total_above_the_capacity_is_refused_and_nothing_changes(staff, session, morocco):
    tunisia = CountryFactory(code="TN", name_en="Tunisia")

    with pytest.raises(ValidationError) as refusal:
        services.set_quotas(by=staff, session=session, quotas={morocco: 8, tunisia: 5})

    assert refusal.value.messages == [
        "The countries' quotas add up to 21 seats, more than the session's capacity of 20. "
        "Lower some quotas or raise the capacity."
    ]
    assert _seats(session) == {"JO": (8, 3), "MA": (8, 0)}
    assert not AuditEntry.objects.exists()


def test_a_quota_below_the_seats_already_taken_is_refused(staff, session, jordan):
    with pytest.raises(ValidationError) as refusal:
        services.set_quotas(by=staff, session=session, quotas={jordan: 2})

    assert refusal.value.message_dict == {
        "quota_JO": [
            "Jordan already has 3 selected participants: its quota cannot be lower than that."
        ]
    }
    assert _seats(session)["JO"] == (8, 3)
    # Down to exactly the seats taken is fine.
    services.set_quotas(by=staff, session=session, quotas={jordan: 3})
    assert _seats(session)["JO"] == (3, 3)


def test_a_selection_made_meanwhile_still_wins_over_a_lower_quota(staff, session, jordan):
    """The check reads the seats taken, then the UPDATE is conditional on them: a selection
    that lands in between makes the UPDATE refuse rather than overbook."""
    with (
        mock.patch.object(services, "_selected_by_country", return_value={}),
        pytest.raises(ValidationError) as refusal,
    ):
        services.set_quotas(by=staff, session=session, quotas={jordan: 1})

    assert "Jordan already has 3 selected participants" in refusal.value.messages[0]
    assert _seats(session)["JO"] == (8, 3)


def test_a_zero_quota_without_participants_is_removed(staff, session, morocco):
    services.set_quotas(by=staff, session=session, quotas={morocco: 0})

    assert _seats(session) == {"JO": (8, 3)}


def test_lowering_the_capacity_below_the_quotas_is_refused(staff, session, jordan):
    with pytest.raises(ValidationError) as refusal:
        services.update_session(
            by=staff,
            session=session,
            starts_on=session.starts_on,
            ends_on=session.ends_on,
            time_zone="UTC",
            delivery=session.delivery,
            venue_city=CityFactory(country=jordan),
            venue_country=jordan,
            language="en",
            capacity=12,
            women_target_percent=40,
            nomination_deadline=timezone.now() - timedelta(days=3),
        )

    assert "more than the session's capacity of 12" in refusal.value.message_dict["__all__"][0]
    session.refresh_from_db()
    assert session.capacity == 20


def test_a_cancelled_sessions_quotas_are_final(staff, session, morocco):
    SessionFactory._meta.model.objects.filter(pk=session.pk).update(status=SessionStatus.CANCELLED)

    with pytest.raises(ValidationError):
        services.set_quotas(by=staff, session=session, quotas={morocco: 2})


def test_only_staff_set_quotas(focal_point, session, jordan):
    with pytest.raises(PermissionDenied):
        services.set_quotas(by=focal_point, session=session, quotas={jordan: 20})
    assert SeatQuota.objects.get(session=session, country=jordan).seats == 8
