from __future__ import annotations

import pytest

from momentum.mentoring.models import ApplicationStatus, CohortStatus, PairingStatus
from momentum.mentoring.tests.factories import (
    ApplicationFactory,
    CohortFactory,
    PairingFactory,
    running_cohort,
)
from momentum.people.models import Sex

pytestmark = pytest.mark.django_db


def test_cohort_factory_has_places_and_criteria(jordan, morocco):
    cohort = CohortFactory()
    assert cohort.status == CohortStatus.OPEN
    assert cohort.accepts_applications
    assert {place.country.code for place in cohort.places.all()} == {"JO", "MA"}
    assert cohort.criteria.count() == 2


def test_application_factory_applicant_is_a_woman_officer():
    application = ApplicationFactory()
    assert application.applicant.sex == Sex.FEMALE
    assert application.country == application.applicant.country
    assert application.applicant.user.has_role("officer")


def test_pairing_factory_is_active_with_plan():
    pairing = PairingFactory()
    assert pairing.status == PairingStatus.ACTIVE
    assert pairing.plan.summary
    assert pairing.mentee.status == ApplicationStatus.ACCEPTED


def test_running_cohort_has_accepted_mentees():
    cohort = running_cohort(pairs=True)
    assert cohort.status == CohortStatus.RUNNING
    assert cohort.applications.filter(status=ApplicationStatus.ACCEPTED).count() == 3
    assert cohort.pairings.filter(status=PairingStatus.ACTIVE).count() == 3
