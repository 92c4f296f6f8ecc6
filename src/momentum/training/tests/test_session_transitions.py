"""The session lifecycle: draft → open → selection → confirmed → running → completed → closed,
one service per transition, every other move refused with a clear message, all audited."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from momentum.core.models import AuditEntry
from momentum.training.models import Session, SessionStatus
from momentum.training.services import sessions as services
from momentum.training.tests.factories import NominationFactory, SessionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(jordan):  # type: ignore[no-untyped-def]
    return SessionFactory(
        status=SessionStatus.DRAFT,
        starts_on=timezone.localdate() + timedelta(days=40),
        ends_on=timezone.localdate() + timedelta(days=42),
        nomination_deadline=timezone.now() + timedelta(days=20),
        quotas={jordan: 10},
    )


def _status(session: Session) -> str:
    return Session.objects.get(pk=session.pk).status


def test_a_session_goes_through_its_whole_life_and_each_step_is_audited(
    staff, draft, jordan, django_capture_on_commit_callbacks
):
    services.open_nominations(by=staff, session=draft)
    services.start_selection(by=staff, session=draft)
    NominationFactory(session=draft)
    with django_capture_on_commit_callbacks(execute=True):
        services.confirm_session(by=staff, session=draft)
    services.start_session(by=staff, session=draft)
    services.complete_session(by=staff, session=draft)
    services.close_session(by=staff, session=draft)

    assert _status(draft) == SessionStatus.CLOSED
    entries = AuditEntry.objects.filter(target_id=str(draft.pk)).order_by("at", "id")
    assert [
        (entry.verb, entry.details["previous"], entry.details["status"]) for entry in entries
    ] == [
        ("session.nominations_opened", "draft", "open"),
        ("session.selection_started", "open", "selection"),
        ("session.confirmed", "selection", "confirmed"),
        ("session.started", "confirmed", "running"),
        ("session.completed", "running", "completed"),
        ("session.closed", "completed", "closed"),
    ]
    assert all(entry.actor == staff for entry in entries)


def test_selection_can_reopen_nominations(staff, draft):
    services.open_nominations(by=staff, session=draft)
    services.start_selection(by=staff, session=draft)

    services.open_nominations(by=staff, session=draft)

    assert _status(draft) == SessionStatus.OPEN


@pytest.mark.parametrize(
    ("status", "service", "message"),
    [
        (
            SessionStatus.DRAFT,
            services.confirm_session,
            "A session that is “Draft” cannot move to “Confirmed”.",
        ),
        (
            SessionStatus.OPEN,
            services.start_session,
            "A session that is “Open for nominations” cannot move to “Running”.",
        ),
        (
            SessionStatus.CONFIRMED,
            services.complete_session,
            "A session that is “Confirmed” cannot move to “Completed”.",
        ),
        (
            SessionStatus.CLOSED,
            services.open_nominations,
            "A session that is “Closed” cannot move to “Open for nominations”.",
        ),
        (
            SessionStatus.CANCELLED,
            services.start_selection,
            "A session that is “Cancelled” cannot move to “Selection”.",
        ),
    ],
)
def test_an_illegal_transition_is_refused_with_a_clear_message(
    staff, draft, status, service, message
):
    Session.objects.filter(pk=draft.pk).update(status=status)

    with pytest.raises(ValidationError) as refusal:
        service(by=staff, session=draft)

    assert refusal.value.messages == [message]
    assert _status(draft) == status
    assert not AuditEntry.objects.exists()


def test_a_running_session_cannot_be_cancelled(staff, draft):
    Session.objects.filter(pk=draft.pk).update(status=SessionStatus.RUNNING)

    with pytest.raises(ValidationError) as refusal:
        services.cancel_session(by=staff, session=draft, reason="Venue closed")

    assert refusal.value.messages == ["A session that is “Running” cannot move to “Cancelled”."]


def test_nominations_open_only_with_seats_shared_out(staff, draft):
    draft.quotas.all().delete()

    with pytest.raises(ValidationError) as refusal:
        services.open_nominations(by=staff, session=draft)

    assert refusal.value.messages == [
        "Share the seats between the countries before opening nominations."
    ]
    assert _status(draft) == SessionStatus.DRAFT


def test_nominations_do_not_open_after_their_deadline(staff, draft):
    Session.objects.filter(pk=draft.pk).update(
        nomination_deadline=timezone.now() - timedelta(minutes=1)
    )

    with pytest.raises(ValidationError) as refusal:
        services.open_nominations(by=staff, session=draft)

    assert "The nomination deadline has passed" in refusal.value.messages[0]


def test_a_session_without_selected_participants_cannot_be_confirmed(staff, draft):
    Session.objects.filter(pk=draft.pk).update(status=SessionStatus.SELECTION)
    NominationFactory(session=draft, status="waitlisted")

    with pytest.raises(ValidationError) as refusal:
        services.confirm_session(by=staff, session=draft)

    assert refusal.value.messages == [
        "Select at least one participant before confirming the session."
    ]


@pytest.mark.parametrize("persona", ["focal_point", "trainer", "officer", "donor"])
def test_only_staff_move_a_session(request, persona, draft):
    with pytest.raises(PermissionDenied):
        services.open_nominations(by=request.getfixturevalue(persona), session=draft)
    assert _status(draft) == SessionStatus.DRAFT


# The staff's buttons on the session page ----------------------------------------------------


def test_staff_press_a_button_and_come_back_to_the_session(client_for, staff, draft):
    response = client_for(staff).post(f"/en/training/sessions/{draft.pk}/move/open/", follow=True)

    assert response.redirect_chain == [(f"/en/training/sessions/{draft.pk}/", 302)]
    assert _status(draft) == SessionStatus.OPEN
    assert "The session is now “Open for nominations”." in response.content.decode()


def test_an_illegal_button_press_shows_the_refusal_and_changes_nothing(client_for, staff, draft):
    response = client_for(staff).post(
        f"/en/training/sessions/{draft.pk}/move/complete/", follow=True
    )

    assert "A session that is “Draft” cannot move to “Completed”." in response.content.decode()
    assert _status(draft) == SessionStatus.DRAFT


def test_an_unknown_action_is_404_and_a_get_is_refused(client_for, staff, draft):
    client = client_for(staff)

    assert client.post(f"/en/training/sessions/{draft.pk}/move/explode/").status_code == 404
    assert client.get(f"/en/training/sessions/{draft.pk}/move/open/").status_code == 405


def test_a_focal_point_cannot_press_the_buttons(client_for, focal_point, draft):
    Session.objects.filter(pk=draft.pk).update(status=SessionStatus.OPEN)

    response = client_for(focal_point).post(f"/en/training/sessions/{draft.pk}/move/selection/")

    assert response.status_code == 403
    assert _status(draft) == SessionStatus.OPEN
