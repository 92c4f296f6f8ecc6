"""Offers not answered in time expire (a daily command): each is closed as declined with no
answer and its place goes to the next ranked applicant of the same country. Idempotent."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from momentum.core.models import AuditEntry, Notification
from momentum.mentoring.models import ApplicationStatus, CohortStatus
from momentum.mentoring.services.selection import expire_offers
from momentum.mentoring.tasks import expire_mentoring_offers
from momentum.mentoring.tests.factories import CohortFactory, endorsed_application

pytestmark = pytest.mark.django_db


@pytest.fixture
def cohort(jordan, morocco):  # type: ignore[no-untyped-def]
    return CohortFactory(status=CohortStatus.SELECTION, places={jordan: 1, morocco: 1})


def _offered(cohort, country, *, expires_in):  # type: ignore[no-untyped-def]
    now = timezone.now()
    return endorsed_application(
        cohort,
        country,
        status=ApplicationStatus.OFFERED,
        score=Decimal("95"),
        offered_at=now - timedelta(days=14),
        offer_expires_at=now + expires_in,
    )


def _ranked(cohort, country, score):  # type: ignore[no-untyped-def]
    return endorsed_application(cohort, country, score=Decimal(score), reviews_count=2)


def test_the_command_expires_offers_and_passes_the_places_on(cohort, jordan, morocco):
    expired = _offered(cohort, jordan, expires_in=-timedelta(hours=1))
    current = _offered(cohort, morocco, expires_in=timedelta(days=2))
    following = _ranked(cohort, jordan, "80")
    moroccan = _ranked(cohort, morocco, "99")
    out = StringIO()

    call_command("expire_mentoring_offers", stdout=out)

    assert "1 expired offer(s) closed; 1 place(s) offered again." in out.getvalue()
    for application in (expired, current, following, moroccan):
        application.refresh_from_db()
    assert expired.status == ApplicationStatus.DECLINED
    assert expired.responded_at is None
    assert current.status == ApplicationStatus.OFFERED
    assert following.status == ApplicationStatus.OFFERED
    assert moroccan.status == ApplicationStatus.ENDORSED
    assert Notification.objects.filter(
        recipient=expired.applicant.user, kind="mentoring.offer_expired"
    ).exists()
    assert Notification.objects.filter(
        recipient=following.applicant.user, kind="mentoring.offer"
    ).exists()
    expiry = AuditEntry.objects.get(verb="mentoring.offer.expire")
    assert expiry.actor_label == "system"
    assert expiry.details["on_behalf_of"] == expired.applicant.user_id
    passed = AuditEntry.objects.get(verb="mentoring.offer.send")
    assert passed.details["why"] == "expired"
    assert passed.target_id == str(following.pk)


def test_running_it_again_changes_nothing(cohort, jordan):
    _offered(cohort, jordan, expires_in=-timedelta(hours=1))
    _ranked(cohort, jordan, "80")
    first = expire_offers()
    entries = AuditEntry.objects.count()

    second = expire_offers()

    assert (first.expired, first.passed_on) == (1, 1)
    assert (second.expired, second.passed_on) == (0, 0)
    assert AuditEntry.objects.count() == entries


def test_an_expired_place_with_no_one_left_stays_free(cohort, jordan):
    expired = _offered(cohort, jordan, expires_in=-timedelta(minutes=5))

    done = expire_offers()

    expired.refresh_from_db()
    assert expired.status == ApplicationStatus.DECLINED
    assert (done.expired, done.passed_on) == (1, 0)


def test_the_task_does_the_same(cohort, jordan):
    _offered(cohort, jordan, expires_in=-timedelta(hours=1))

    result = expire_mentoring_offers.call()

    assert result == {"expired": 1, "passed_on": 0}
