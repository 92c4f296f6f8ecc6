"""Mentoring's indicators for the results framework: exact values on a small known data set.

An ended cohort ("past") with Jordan: Amina (completed), Rania (left early); Morocco: Nour
(completed). A running cohort ("current") with Jordan: Salma (accepted, pair at risk: no
meeting for 60 days), Morocco: Hind (accepted, pair met 10 days ago) and Dalia (declined her
offer — not a mentee). Opportunities: Amina allocated to a conference, Hind shortlisted only,
Nour allocated to the field exercise (not a conference or speaking slot). Certificates of a
leadership course: Amina and Salma; of a crime-specific course: Hind.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from momentum.core import indicators
from momentum.core.indicators import Breakdown
from momentum.mentoring.models import (
    ApplicationStatus,
    Candidacy,
    CandidacyStatus,
    CohortStatus,
    Meeting,
    MeetingMode,
    Opportunity,
    OpportunityKind,
    PairingStatus,
)
from momentum.mentoring.tests.factories import (
    ApplicationFactory,
    CohortFactory,
    PairingFactory,
    female_officer_profile,
)
from momentum.people.models import Sex
from momentum.training.models import Track
from momentum.training.tests.factories import CertificateFactory, CourseFactory, NominationFactory

pytestmark = pytest.mark.django_db

F = Sex.FEMALE


def _opportunity(kind: str) -> Opportunity:
    today = timezone.localdate()
    return Opportunity.objects.create(
        kind=kind, title="Event", starts_on=today, ends_on=today, places=5
    )


def _certificate(profile, track: str) -> None:  # type: ignore[no-untyped-def]
    course = CourseFactory(track=track)
    nomination = NominationFactory(officer=profile, session__course=course)
    CertificateFactory(nomination=nomination)


@pytest.fixture
def records(jordan, morocco):  # type: ignore[no-untyped-def]
    past = CohortFactory(status=CohortStatus.COMPLETED)
    current = CohortFactory(status=CohortStatus.RUNNING)
    people = {}
    for name, cohort, country, status in (
        ("amina", past, jordan, ApplicationStatus.COMPLETED),
        ("rania", past, jordan, ApplicationStatus.LEFT),
        ("nour", past, morocco, ApplicationStatus.COMPLETED),
        ("salma", current, jordan, ApplicationStatus.ACCEPTED),
        ("hind", current, morocco, ApplicationStatus.ACCEPTED),
        ("dalia", current, morocco, ApplicationStatus.DECLINED),
    ):
        profile = female_officer_profile(country)
        people[name] = ApplicationFactory(cohort=cohort, applicant=profile, status=status)

    long_ago = timezone.now() - timedelta(days=60)
    PairingFactory(mentee=people["salma"], status=PairingStatus.ACTIVE, published_at=long_ago)
    met = PairingFactory(mentee=people["hind"], status=PairingStatus.ACTIVE, published_at=long_ago)
    Meeting.objects.create(
        pairing=met,
        held_on=timezone.localdate() - timedelta(days=10),
        duration_minutes=60,
        mode=MeetingMode.VIDEO,
        topics="Leading a unit",
    )

    conference = _opportunity(OpportunityKind.CONFERENCE)
    exercise = _opportunity(OpportunityKind.FIELD_EXERCISE)
    for name, opportunity, status in (
        ("amina", conference, CandidacyStatus.ALLOCATED),
        ("hind", conference, CandidacyStatus.SHORTLISTED),
        ("nour", exercise, CandidacyStatus.ALLOCATED),
    ):
        application = people[name]
        Candidacy.objects.create(
            opportunity=opportunity,
            person=application.applicant,
            country=application.country,
            status=status,
        )

    _certificate(people["amina"].applicant, Track.LEADERSHIP)
    _certificate(people["salma"].applicant, Track.LEADERSHIP)
    _certificate(people["hind"].applicant, Track.CRIME_SPECIFIC)
    _certificate(people["dalia"].applicant, Track.LEADERSHIP)  # not a mentee
    return people


def test_mentees_count_everyone_who_took_a_place(records):  # type: ignore[no-untyped-def]
    value = indicators.get("mentoring.mentees").value()

    assert value == Breakdown(total=5, by_sex={F: 5}, by_country={"JO": 3, "MA": 2})


def test_completion_rate_counts_ended_cohorts_only(records):  # type: ignore[no-untyped-def]
    value = indicators.get("mentoring.completion_rate").value()

    # Past cohort: Amina and Nour completed, Rania left: 2 of 3.
    assert value == Breakdown(total=67, by_sex={F: 67}, by_country={"JO": 50, "MA": 100})


def test_mentees_with_an_allocated_conference_or_speaking_place(records):  # type: ignore[no-untyped-def]
    value = indicators.get("mentoring.mentees_with_opportunity").value()

    assert value == Breakdown(total=1, by_sex={F: 1}, by_country={"JO": 1})


def test_leadership_courses_completed_by_mentees_only(records):  # type: ignore[no-untyped-def]
    value = indicators.get("mentoring.leadership_courses_completed").value()

    assert value == Breakdown(total=2, by_sex={F: 2}, by_country={"JO": 2})


def test_at_risk_pairs_of_running_cohorts(records):  # type: ignore[no-untyped-def]
    value = indicators.get("mentoring.at_risk_pairs").value()

    assert value == Breakdown(total=1, by_sex={F: 1}, by_country={"JO": 1})


def test_indicators_filter_by_country(records, morocco):  # type: ignore[no-untyped-def]
    value = indicators.get("mentoring.mentees").value(country__code="MA")

    assert value == Breakdown(total=2, by_sex={F: 2}, by_country={"MA": 2})
