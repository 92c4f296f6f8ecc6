"""Staff decide on nominations: select (taking a seat), waitlist, decline with a reason."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from momentum.core.models import AuditEntry
from momentum.people.tests.factories import officer as make_officer
from momentum.training.models import NominationStatus, SeatQuota, SessionStatus
from momentum.training.services import nominations as services
from momentum.training.tests.factories import NominationFactory, session_with_seats

pytestmark = pytest.mark.django_db


def _nomination(session, country, status=NominationStatus.NOMINATED, **fields):  # type: ignore[no-untyped-def]
    return NominationFactory(
        session=session, officer=make_officer(country).profile, status=status, **fields
    )


def _selected(session, country):  # type: ignore[no-untyped-def]
    return SeatQuota.objects.get(session=session, country=country).selected


def test_selecting_takes_one_of_the_countrys_seats(staff, jordan):
    session = session_with_seats({jordan: 2}, status=SessionStatus.SELECTION)
    nomination = _nomination(session, jordan)

    services.select_nomination(nomination=nomination, by=staff)

    nomination.refresh_from_db()
    assert nomination.status == NominationStatus.SELECTED
    assert nomination.decided_by == staff
    assert nomination.decided_at is not None
    assert _selected(session, jordan) == 1
    entry = AuditEntry.objects.get(verb="nomination.selected")
    assert (entry.actor, entry.country, entry.target_id) == (staff, jordan, str(nomination.pk))


def test_a_full_country_is_refused_and_nothing_changes(staff, jordan, morocco):
    session = session_with_seats({jordan: 1, morocco: 1}, status=SessionStatus.SELECTION)
    services.select_nomination(nomination=_nomination(session, jordan), by=staff)
    second = _nomination(session, jordan)

    with pytest.raises(ValidationError) as refusal:
        services.select_nomination(nomination=second, by=staff)

    assert "Every seat for Jordan is taken" in refusal.value.messages[0]
    second.refresh_from_db()
    assert second.status == NominationStatus.NOMINATED
    assert second.decided_at is None
    assert _selected(session, jordan) == 1
    assert AuditEntry.objects.filter(verb="nomination.selected").count() == 1
    # Another country's seats are its own.
    services.select_nomination(nomination=_nomination(session, morocco), by=staff)
    assert _selected(session, morocco) == 1


def test_a_waitlisted_nomination_can_be_selected(staff, jordan):
    session = session_with_seats({jordan: 2}, status=SessionStatus.SELECTION)
    nomination = _nomination(session, jordan)
    services.waitlist_nomination(nomination=nomination, by=staff)

    services.select_nomination(nomination=nomination, by=staff)

    nomination.refresh_from_db()
    assert nomination.status == NominationStatus.SELECTED
    assert nomination.waitlist_position is None


@pytest.mark.parametrize(
    "status",
    [NominationStatus.SELECTED, NominationStatus.DECLINED, NominationStatus.WITHDRAWN],
)
def test_only_nominated_or_waitlisted_officers_can_be_selected(staff, jordan, status):
    session = session_with_seats({jordan: 2}, status=SessionStatus.SELECTION)
    nomination = _nomination(session, jordan, status=status)

    with pytest.raises(ValidationError) as refusal:
        services.select_nomination(nomination=nomination, by=staff)

    assert "cannot be selected" in refusal.value.messages[0]
    assert _selected(session, jordan) == 0


@pytest.mark.parametrize(
    "status", [NominationStatus.SELECTED, NominationStatus.WAITLISTED, NominationStatus.DECLINED]
)
def test_only_nominated_officers_can_be_waitlisted(staff, jordan, status):
    session = session_with_seats({jordan: 2}, status=SessionStatus.SELECTION)
    nomination = _nomination(session, jordan, status=status)

    with pytest.raises(ValidationError) as refusal:
        services.waitlist_nomination(nomination=nomination, by=staff)
    assert "cannot be put on the waiting list" in refusal.value.messages[0]


def test_declining_needs_a_reason_and_records_it(staff, jordan):
    session = session_with_seats({jordan: 2}, status=SessionStatus.SELECTION)
    nomination = _nomination(session, jordan)

    with pytest.raises(ValidationError) as refusal:
        services.decline_nomination(nomination=nomination, by=staff, reason="  ")
    assert refusal.value.message_dict == {"reason": ["Say why the nomination is declined."]}

    services.decline_nomination(
        nomination=nomination, by=staff, reason="Works outside the target areas."
    )
    nomination.refresh_from_db()
    assert nomination.status == NominationStatus.DECLINED
    assert nomination.decision_reason == "Works outside the target areas."
    entry = AuditEntry.objects.get(verb="nomination.declined")
    assert entry.details == {"reason": "Works outside the target areas."}


def test_a_selected_participant_cannot_be_declined(staff, jordan):
    session = session_with_seats({jordan: 2}, status=SessionStatus.SELECTION)
    nomination = _nomination(session, jordan)
    services.select_nomination(nomination=nomination, by=staff)

    with pytest.raises(ValidationError):
        services.decline_nomination(nomination=nomination, by=staff, reason="Changed my mind.")
    assert _selected(session, jordan) == 1


@pytest.mark.parametrize(
    "status",
    [SessionStatus.OPEN, SessionStatus.CONFIRMED, SessionStatus.RUNNING, SessionStatus.CLOSED],
)
def test_decisions_are_taken_only_at_the_selection_stage(staff, jordan, status):
    session = session_with_seats({jordan: 2}, status=status)
    nomination = _nomination(session, jordan)

    for decide in (
        lambda: services.select_nomination(nomination=nomination, by=staff),
        lambda: services.waitlist_nomination(nomination=nomination, by=staff),
        lambda: services.decline_nomination(nomination=nomination, by=staff, reason="No."),
    ):
        with pytest.raises(ValidationError) as refusal:
            decide()
        assert "while the session is at the" in refusal.value.messages[0]
    nomination.refresh_from_db()
    assert nomination.status == NominationStatus.NOMINATED


def test_only_staff_decide(focal_point, jordan):
    session = session_with_seats({jordan: 2}, status=SessionStatus.SELECTION)
    nomination = _nomination(session, jordan)

    with pytest.raises(PermissionDenied):
        services.select_nomination(nomination=nomination, by=focal_point)
    with pytest.raises(PermissionDenied):
        services.decline_nomination(nomination=nomination, by=focal_point, reason="No.")
    assert _selected(session, jordan) == 0
