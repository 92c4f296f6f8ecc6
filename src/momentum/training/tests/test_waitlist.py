"""The waiting list: ordered per country; the first takes a seat freed by a withdrawal, and
they and their focal point are told in their own language."""

from __future__ import annotations

import pytest
from django.core import mail
from django.utils import translation
from django.utils.translation import gettext

from momentum.core.models import AuditEntry
from momentum.people.models import Role
from momentum.people.tests.factories import officer as make_officer
from momentum.people.tests.factories import person_with_role
from momentum.training.models import Nomination, NominationStatus, SeatQuota, SessionStatus
from momentum.training.services import nominations as services
from momentum.training.tests.factories import NominationFactory, session_with_seats

pytestmark = pytest.mark.django_db


def _nomination(session, country, **user_fields):  # type: ignore[no-untyped-def]
    officer = make_officer(country, **{f"user__{k}": v for k, v in user_fields.items()})
    return NominationFactory(
        session=session, officer=officer.profile, status=NominationStatus.NOMINATED
    )


def test_waitlist_positions_follow_each_other_per_country(staff, jordan, morocco):
    session = session_with_seats({jordan: 1, morocco: 1}, status=SessionStatus.SELECTION)
    jordanians = [_nomination(session, jordan) for _ in range(3)]
    moroccan = _nomination(session, morocco)

    for nomination in [jordanians[1], moroccan, jordanians[0], jordanians[2]]:
        services.waitlist_nomination(nomination=nomination, by=staff)

    positions = dict(
        Nomination.objects.filter(session=session).values_list("pk", "waitlist_position")
    )
    assert [positions[n.pk] for n in jordanians] == [2, 1, 3]
    assert positions[moroccan.pk] == 1
    entry = AuditEntry.objects.filter(verb="nomination.waitlisted").first()
    assert entry.details == {"position": 3}


def test_a_withdrawal_gives_the_seat_to_the_first_on_the_same_countrys_list(
    staff, jordan, morocco, django_capture_on_commit_callbacks
):
    session = session_with_seats({jordan: 1, morocco: 1}, status=SessionStatus.SELECTION)
    leaving = _nomination(session, jordan)
    services.select_nomination(nomination=leaving, by=staff)
    second, first = _nomination(session, jordan), _nomination(session, jordan)
    services.waitlist_nomination(nomination=first, by=staff)
    services.waitlist_nomination(nomination=second, by=staff)
    other_country = _nomination(session, morocco)
    services.waitlist_nomination(nomination=other_country, by=staff)

    with django_capture_on_commit_callbacks(execute=True):
        promoted = services.withdraw_participant(
            nomination=leaving, by=staff, reason="Posted abroad."
        )

    assert promoted == first
    statuses = dict(Nomination.objects.values_list("pk", "status"))
    assert statuses[leaving.pk] == NominationStatus.WITHDRAWN
    assert statuses[first.pk] == NominationStatus.SELECTED
    assert statuses[second.pk] == NominationStatus.WAITLISTED
    assert statuses[other_country.pk] == NominationStatus.WAITLISTED
    assert SeatQuota.objects.get(session=session, country=jordan).selected == 1
    assert AuditEntry.objects.filter(
        verb="nomination.selected", target_id=str(first.pk), details__from_waitlist=True
    ).exists()


def test_the_promoted_officer_and_their_focal_point_are_told_in_their_language(
    staff, focal_point, outsider, jordan, morocco, django_capture_on_commit_callbacks
):
    focal_point.preferred_language = "fr"
    focal_point.save()
    session = session_with_seats({jordan: 1}, status=SessionStatus.CONFIRMED)
    leaving = NominationFactory(
        session=session, officer=make_officer(jordan).profile, status=NominationStatus.SELECTED
    )
    SeatQuota.objects.filter(session=session).update(selected=1)
    waiting = _nomination(
        session,
        jordan,
        given_name="Rania",
        family_name="Saleh",
        given_name_ar="رانيا",
        family_name_ar="صالح",
        preferred_language="ar",
        email="rania@example.org",
    )
    Nomination.objects.filter(pk=waiting.pk).update(
        status=NominationStatus.WAITLISTED, waitlist_position=1
    )
    person_with_role(Role.FOCAL_POINT, morocco, email="not.this.one@example.org")

    with django_capture_on_commit_callbacks(execute=True):
        services.withdraw_participant(nomination=leaving, by=staff)

    by_recipient = {message.to[0]: message for message in mail.outbox}
    assert set(by_recipient) == {"rania@example.org", "focal.jo@example.org"}
    to_officer = by_recipient["rania@example.org"]
    with translation.override("ar"):
        subject = gettext("A seat opened in %(course)s") % {"course": session.course.title}
    assert to_officer.subject == subject
    assert session.course.title_ar in to_officer.body
    assert "/ar/training/my-nominations/" in to_officer.body
    to_focal_point = by_recipient["focal.jo@example.org"]
    with translation.override("fr"):
        subject = gettext("A seat opened in %(course)s") % {"course": session.course.title}
    assert to_focal_point.subject == subject
    assert f"/fr/training/sessions/{session.pk}/nominate/" in to_focal_point.body
    assert "Rania Saleh" in to_focal_point.body


def test_nobody_on_the_waiting_list_leaves_the_seat_free(
    staff, jordan, django_capture_on_commit_callbacks
):
    session = session_with_seats({jordan: 2}, status=SessionStatus.SELECTION)
    leaving = _nomination(session, jordan)
    services.select_nomination(nomination=leaving, by=staff)
    _nomination(session, jordan)  # nominated, not waitlisted: not offered the seat

    with django_capture_on_commit_callbacks(execute=True):
        assert services.withdraw_participant(nomination=leaving, by=staff) is None

    assert SeatQuota.objects.get(session=session).selected == 0
    assert mail.outbox == []
