"""Withdrawing: a focal point takes back a nomination before the decision; a selected
participant withdraws and frees their seat."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from momentum.core.models import AuditEntry
from momentum.people.tests.factories import officer as make_officer
from momentum.training.models import Nomination, NominationStatus, SeatQuota, SessionStatus
from momentum.training.services import nominations as services
from momentum.training.tests.factories import NominationFactory, session_with_seats

pytestmark = pytest.mark.django_db


def _nomination(session, country, status=NominationStatus.NOMINATED):  # type: ignore[no-untyped-def]
    return NominationFactory(session=session, officer=make_officer(country).profile, status=status)


@pytest.mark.parametrize("status", [NominationStatus.NOMINATED, NominationStatus.WAITLISTED])
def test_focal_point_withdraws_a_nomination_before_the_decision(focal_point, jordan, status):
    session = session_with_seats({jordan: 2}, status=SessionStatus.SELECTION)
    nomination = _nomination(session, jordan, status)

    services.withdraw_nomination(nomination=nomination, by=focal_point, reason="Ill.")

    nomination.refresh_from_db()
    assert nomination.status == NominationStatus.WITHDRAWN
    assert nomination.decision_reason == "Ill."
    entry = AuditEntry.objects.get(verb="nomination.withdrawn")
    assert (entry.actor, entry.country) == (focal_point, jordan)


@pytest.mark.parametrize("status", [NominationStatus.DECLINED, NominationStatus.WITHDRAWN])
def test_a_decided_nomination_cannot_be_taken_back(focal_point, jordan, status):
    session = session_with_seats({jordan: 2}, status=SessionStatus.SELECTION)
    nomination = _nomination(session, jordan, status)

    with pytest.raises(ValidationError) as refusal:
        services.withdraw_nomination(nomination=nomination, by=focal_point)
    assert "cannot be withdrawn" in refusal.value.messages[0]


def test_another_countrys_focal_point_cannot_withdraw(outsider, jordan):
    session = session_with_seats({jordan: 2}, status=SessionStatus.SELECTION)
    nomination = _nomination(session, jordan)

    with pytest.raises(PermissionDenied):
        services.withdraw_nomination(nomination=nomination, by=outsider)
    with pytest.raises(PermissionDenied):
        services.withdraw_participant(nomination=nomination, by=outsider)


def test_a_withdrawn_participant_frees_the_seat(staff, jordan):
    session = session_with_seats({jordan: 1}, status=SessionStatus.SELECTION)
    leaving = _nomination(session, jordan)
    services.select_nomination(nomination=leaving, by=staff)
    replacement = _nomination(session, jordan)

    services.withdraw_participant(nomination=leaving, by=staff, reason="Posted abroad.")

    assert SeatQuota.objects.get(session=session).selected == 0
    services.select_nomination(nomination=replacement, by=staff)
    assert SeatQuota.objects.get(session=session).selected == 1


def test_only_a_selected_participant_can_withdraw_from_the_seat(staff, jordan):
    session = session_with_seats({jordan: 1}, status=SessionStatus.SELECTION)
    nomination = _nomination(session, jordan)

    with pytest.raises(ValidationError):
        services.withdraw_participant(nomination=nomination, by=staff)
    assert Nomination.objects.get().status == NominationStatus.NOMINATED


@pytest.mark.parametrize(
    ("status", "allowed"),
    [
        (SessionStatus.SELECTION, True),
        (SessionStatus.CONFIRMED, True),
        (SessionStatus.RUNNING, True),
        (SessionStatus.COMPLETED, False),
        (SessionStatus.CLOSED, False),
    ],
)
def test_participants_withdraw_until_the_session_has_run(staff, jordan, status, allowed):
    session = session_with_seats({jordan: 1}, status=status)
    nomination = _nomination(session, jordan, NominationStatus.SELECTED)
    SeatQuota.objects.filter(session=session).update(selected=1)

    if allowed:
        services.withdraw_participant(nomination=nomination, by=staff)
        assert SeatQuota.objects.get().selected == 0
    else:
        with pytest.raises(ValidationError):
            services.withdraw_participant(nomination=nomination, by=staff)
        assert SeatQuota.objects.get().selected == 1


def test_withdraw_page_is_refused_to_the_officer_and_hidden_from_others(
    client_for, officer, outsider, donor, jordan
):
    session = session_with_seats({jordan: 2}, status=SessionStatus.SELECTION)
    nomination = NominationFactory(
        session=session, officer=officer.profile, status=NominationStatus.NOMINATED
    )
    url = f"/en/training/nominations/{nomination.pk}/withdraw/"

    assert client_for(officer).post(url).status_code == 403
    assert client_for(outsider).post(url).status_code == 404
    assert client_for(donor).post(url).status_code == 404
    assert Nomination.objects.get().status == NominationStatus.NOMINATED


def test_focal_point_withdrawing_a_participant_sees_who_took_the_seat(
    client_for, focal_point, staff, jordan
):
    session = session_with_seats({jordan: 1}, status=SessionStatus.CONFIRMED)
    leaving = _nomination(session, jordan, NominationStatus.SELECTED)
    SeatQuota.objects.filter(session=session).update(selected=1)
    waiting = _nomination(session, jordan, NominationStatus.WAITLISTED)
    Nomination.objects.filter(pk=waiting.pk).update(waitlist_position=1)

    response = client_for(focal_point).post(
        f"/en/training/nominations/{leaving.pk}/withdraw/", follow=True
    )

    waiting.refresh_from_db()
    assert waiting.status == NominationStatus.SELECTED
    messages = [str(message) for message in response.context["messages"]]
    assert any("first on the waiting list, was offered the seat" in m for m in messages)


def test_an_officer_promoted_after_confirmation_gets_the_calendar_invitation(
    staff, jordan, mailoutbox, django_capture_on_commit_callbacks
):
    session = session_with_seats({jordan: 1}, status=SessionStatus.SELECTION)
    leaving = _nomination(session, jordan)
    services.select_nomination(nomination=leaving, by=staff)
    waiting = _nomination(session, jordan)
    services.waitlist_nomination(nomination=waiting, by=staff)
    session.status = SessionStatus.CONFIRMED
    session.save(update_fields=["status"])

    with django_capture_on_commit_callbacks(execute=True):
        services.withdraw_participant(nomination=leaving, by=staff, reason="Posted abroad.")

    to_officer = [m for m in mailoutbox if m.to == [waiting.officer.user.email]]
    assert len(to_officer) == 1
    attachments = [name for name, _content, kind in to_officer[0].attachments]
    assert attachments == [f"{session.course.code}-{session.starts_on:%Y%m%d}.ics"]


def test_an_officer_promoted_during_selection_gets_no_calendar_invitation_yet(
    staff, jordan, mailoutbox, django_capture_on_commit_callbacks
):
    session = session_with_seats({jordan: 1}, status=SessionStatus.SELECTION)
    leaving = _nomination(session, jordan)
    services.select_nomination(nomination=leaving, by=staff)
    waiting = _nomination(session, jordan)
    services.waitlist_nomination(nomination=waiting, by=staff)

    with django_capture_on_commit_callbacks(execute=True):
        services.withdraw_participant(nomination=leaving, by=staff)

    to_officer = [m for m in mailoutbox if m.to == [waiting.officer.user.email]]
    assert len(to_officer) == 1
    assert to_officer[0].attachments == []
