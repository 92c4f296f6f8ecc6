"""A country's places are never overfilled, even when staff offer at the same moment: each
decision locks the country's places row, then counts. Run on PostgreSQL, where requests
truly run side by side; SQLite takes one writer at a time."""

from __future__ import annotations

import threading
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections

from momentum.mentoring.models import Application, ApplicationStatus, CohortStatus
from momentum.mentoring.services import selection as services
from momentum.mentoring.tests.factories import CohortFactory, endorsed_application

needs_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="concurrent writers need PostgreSQL"
)

THREADS = 8
PLACES = 3


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


def _holding(cohort) -> int:  # type: ignore[no-untyped-def]
    return Application.objects.filter(
        cohort=cohort, status__in=[ApplicationStatus.OFFERED, ApplicationStatus.ACCEPTED]
    ).count()


@needs_postgresql
@pytest.mark.django_db(transaction=True)
def test_concurrent_offers_never_overfill_a_country(staff, jordan, morocco):
    cohort = CohortFactory(status=CohortStatus.SELECTION, places={jordan: PLACES, morocco: 1})
    applications = [
        endorsed_application(cohort, jordan, score=Decimal(50 + index)) for index in range(THREADS)
    ]

    outcomes = _run_together(
        lambda application: services.offer_place(application=application, by=staff),
        applications,
    )

    offered = [o for o in outcomes if isinstance(o, Application)]
    refused = [o for o in outcomes if isinstance(o, ValidationError)]
    assert len(offered) == PLACES, outcomes
    assert len(refused) == THREADS - PLACES, outcomes
    assert all(e.code == "full" for e in refused)
    assert _holding(cohort) == PLACES


@needs_postgresql
@pytest.mark.django_db(transaction=True)
def test_a_decline_amid_offers_neither_overfills_nor_deadlocks(staff, jordan, morocco):
    cohort = CohortFactory(status=CohortStatus.SELECTION, places={jordan: 1, morocco: 1})
    leaving = endorsed_application(cohort, jordan, score=Decimal("99"))
    services.offer_place(application=leaving, by=staff)
    leaving.refresh_from_db()
    others = [
        endorsed_application(cohort, jordan, score=Decimal(80 - index))
        for index in range(THREADS - 1)
    ]

    def act(application: Application) -> object:
        if application.pk == leaving.pk:
            return services.respond_to_offer(
                application=application, by=application.applicant.user, accept=False
            )
        return services.offer_place(application=application, by=staff)

    outcomes = _run_together(act, [leaving, *others])

    # Refusals are expected (the country is full); a database error (a deadlock) is not.
    unexpected = [o for o in outcomes if isinstance(o, Exception)]
    assert all(isinstance(o, ValidationError) for o in unexpected), unexpected
    assert _holding(cohort) == 1
    assert Application.objects.get(pk=leaving.pk).status == ApplicationStatus.DECLINED


@needs_postgresql
@pytest.mark.django_db(transaction=True)
def test_bulk_offers_beside_single_offers_never_overfill(staff, jordan, morocco):
    cohort = CohortFactory(status=CohortStatus.SELECTION, places={jordan: PLACES, morocco: 2})
    for index in range(THREADS):
        endorsed_application(cohort, jordan, score=Decimal(50 + index))
        endorsed_application(cohort, morocco, score=Decimal(50 + index))
    singles = list(Application.objects.filter(cohort=cohort, status=ApplicationStatus.ENDORSED))

    def act(item: object) -> object:
        if item == "bulk":
            return services.offer_to_top(cohort=cohort, by=staff)
        return services.offer_place(application=item, by=staff)  # type: ignore[arg-type]

    outcomes = _run_together(act, ["bulk", "bulk", *singles[:6]])

    unexpected = [o for o in outcomes if isinstance(o, Exception)]
    assert all(isinstance(o, ValidationError) for o in unexpected), unexpected
    per_country = {
        country.code: Application.objects.filter(
            cohort=cohort, country=country, status=ApplicationStatus.OFFERED
        ).count()
        for country in (jordan, morocco)
    }
    assert per_country == {"JO": PLACES, "MA": 2}
