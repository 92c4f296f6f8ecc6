"""Seats can never be overbooked, even when staff select at the same moment: the database
decides (a conditional UPDATE, and a CHECK constraint behind it). Run on PostgreSQL, where
requests truly run side by side; SQLite takes one writer at a time."""

from __future__ import annotations

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, connections, transaction

from momentum.people.tests.factories import officer as make_officer
from momentum.training.models import Nomination, NominationStatus, SeatQuota, SessionStatus
from momentum.training.services import nominations as services
from momentum.training.tests.factories import NominationFactory, session_with_seats

needs_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="concurrent writers need PostgreSQL"
)

THREADS = 8
SEATS = 3


def _run_together(work, items):  # type: ignore[no-untyped-def]
    """Run ``work(item)`` for every item in its own thread and connection, all released at
    the same moment; returns what each returned or raised."""
    barrier = threading.Barrier(len(items))
    outcomes: list[object] = [None] * len(items)

    def run(index: int, item: object) -> None:
        try:
            barrier.wait(timeout=10)
            outcomes[index] = work(item)
        except Exception as exc:  # the outcome is what the test inspects
            outcomes[index] = exc
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i, item)) for i, item in enumerate(items)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return outcomes


@needs_postgresql
@pytest.mark.django_db(transaction=True)
def test_concurrent_selections_never_overbook_a_country(staff, jordan):
    session = session_with_seats({jordan: SEATS}, status=SessionStatus.SELECTION)
    nominations = [
        NominationFactory(
            session=session,
            officer=make_officer(jordan).profile,
            status=NominationStatus.NOMINATED,
        )
        for _ in range(THREADS)
    ]

    outcomes = _run_together(
        lambda nomination: services.select_nomination(nomination=nomination, by=staff),
        nominations,
    )

    succeeded = [o for o in outcomes if isinstance(o, Nomination)]
    refused = [o for o in outcomes if isinstance(o, ValidationError)]
    assert len(succeeded) == SEATS, outcomes
    assert len(refused) == THREADS - SEATS, outcomes
    assert all("Every seat for Jordan is taken" in e.messages[0] for e in refused)
    assert SeatQuota.objects.get(session=session).selected == SEATS
    assert Nomination.objects.filter(status=NominationStatus.SELECTED).count() == SEATS


@needs_postgresql
@pytest.mark.django_db(transaction=True)
def test_concurrent_waitlisting_gives_each_a_place_of_its_own(staff, jordan):
    session = session_with_seats({jordan: SEATS}, status=SessionStatus.SELECTION)
    nominations = [
        NominationFactory(
            session=session,
            officer=make_officer(jordan).profile,
            status=NominationStatus.NOMINATED,
        )
        for _ in range(THREADS)
    ]

    outcomes = _run_together(
        lambda nomination: services.waitlist_nomination(nomination=nomination, by=staff),
        nominations,
    )

    assert all(isinstance(o, Nomination) for o in outcomes), outcomes
    positions = sorted(
        Nomination.objects.filter(session=session).values_list("waitlist_position", flat=True)
    )
    assert positions == list(range(1, THREADS + 1))


@needs_postgresql
@pytest.mark.django_db(transaction=True)
def test_a_withdrawal_amid_selections_neither_overbooks_nor_deadlocks(staff, jordan):
    session = session_with_seats({jordan: 1}, status=SessionStatus.SELECTION)

    def nominate(status: str) -> Nomination:
        return NominationFactory(
            session=session, officer=make_officer(jordan).profile, status=status
        )

    leaving = nominate(NominationStatus.SELECTED)
    SeatQuota.objects.filter(session=session).update(selected=1)
    waiting = nominate(NominationStatus.WAITLISTED)
    Nomination.objects.filter(pk=waiting.pk).update(waitlist_position=1)
    others = [nominate(NominationStatus.NOMINATED) for _ in range(THREADS - 2)]

    def act(nomination: Nomination) -> object:
        if nomination == leaving:
            return services.withdraw_participant(nomination=nomination, by=staff)
        return services.select_nomination(nomination=nomination, by=staff)

    outcomes = _run_together(act, [leaving, waiting, *others])

    # Refusals are expected (the country is full); a database error (a deadlock) is not.
    unexpected = [o for o in outcomes if isinstance(o, Exception)]
    assert all(isinstance(o, ValidationError) for o in unexpected), unexpected
    selected = Nomination.objects.filter(status=NominationStatus.SELECTED)
    assert selected.count() == 1
    assert SeatQuota.objects.get(session=session).selected == 1
    assert Nomination.objects.get(pk=leaving.pk).status == NominationStatus.WITHDRAWN


@pytest.mark.django_db
def test_the_check_constraint_refuses_more_selected_than_seats(jordan):
    session = session_with_seats({jordan: SEATS}, status=SessionStatus.SELECTION)
    quota = SeatQuota.objects.get(session=session)

    with pytest.raises(IntegrityError), transaction.atomic():
        SeatQuota.objects.filter(pk=quota.pk).update(selected=SEATS + 1)

    quota.refresh_from_db()
    assert quota.selected == 0
