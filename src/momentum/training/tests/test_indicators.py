"""Training's indicators for the results framework: exact values on a small known data set.

The data set (``records``): five officers — Jordan: Amina (woman), Karim (man), Salma (woman);
Morocco: Omar (man), Nour (woman) — and three sessions:

    s1 crime-specific, completed:  Amina, Karim, Omar selected; Salma declined
    s2 INTERPOL capabilities, completed:  Amina, Nour selected; Salma withdrew
    s3 crime-specific, cancelled:  Karim selected (before the cancellation)

Certificates: Amina s1 and s2, Karim s1, Nour s2, Omar s1 (revoked).
Tests (pre → post): Amina s1 40 → 80, Karim s1 50 → 70, Omar s1 30 → 90, Amina s2 55 → 80,
Nour s2 post 90 only, Salma s1 (declined) 0 → 100.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.utils import timezone

from momentum.core import indicators
from momentum.core.indicators import Breakdown
from momentum.people.models import Sex
from momentum.people.tests.factories import ProfileFactory
from momentum.training.models import (
    EvaluationKind,
    NominationStatus,
    SessionStatus,
    Track,
)
from momentum.training.models import TestKind as _TestKind
from momentum.training.tests.factories import (
    CertificateFactory,
    CourseFactory,
    EvaluationFactory,
    NominationFactory,
    SessionFactory,
    record_score,
)

pytestmark = pytest.mark.django_db

F, M = Sex.FEMALE, Sex.MALE
PRE, POST = _TestKind.PRE, _TestKind.POST
TRAINING_CODES = [
    "training.certificates_issued",
    "training.knowledge_gain",
    "training.officers_trained",
    "training.officers_trained.crime_specific",
    "training.officers_trained.gender_sensitive",
    "training.officers_trained.interpol_capabilities",
    "training.officers_trained.leadership",
    "training.satisfied_participants",
    "training.women_among_participants",
]


def _value(code: str, **filters: object) -> Breakdown:
    return indicators.get(code).value(**filters)


@pytest.fixture
def records(jordan, morocco):  # type: ignore[no-untyped-def]
    amina = ProfileFactory(country=jordan, sex=F)
    karim = ProfileFactory(country=jordan, sex=M)
    salma = ProfileFactory(country=jordan, sex=F)
    omar = ProfileFactory(country=morocco, sex=M)
    nour = ProfileFactory(country=morocco, sex=F)
    crime = CourseFactory(track=Track.CRIME_SPECIFIC)
    interpol = CourseFactory(track=Track.INTERPOL_CAPABILITIES)
    s1 = SessionFactory(course=crime, status=SessionStatus.COMPLETED, venue_country=jordan)
    s2 = SessionFactory(course=interpol, status=SessionStatus.COMPLETED, venue_country=jordan)
    s3 = SessionFactory(course=crime, status=SessionStatus.CANCELLED, venue_country=jordan)

    def take_part(session, officer, status=NominationStatus.SELECTED):  # type: ignore[no-untyped-def]
        return NominationFactory(session=session, officer=officer, status=status)

    a1, k1, o1 = take_part(s1, amina), take_part(s1, karim), take_part(s1, omar)
    s_declined = take_part(s1, salma, NominationStatus.DECLINED)
    a2, n2 = take_part(s2, amina), take_part(s2, nour)
    take_part(s2, salma, NominationStatus.WITHDRAWN)
    take_part(s3, karim)

    for nomination in (a1, a2, k1, n2):
        CertificateFactory(nomination=nomination)
    CertificateFactory(nomination=o1, revoked_at=timezone.now(), revocation_reason="Audit.")

    for nomination, pre, post in (
        (a1, "40", "80"),
        (k1, "50", "70"),
        (o1, "30", "90"),
        (a2, "55", "80"),
        (s_declined, "0", "100"),
    ):
        record_score(nomination, PRE, Decimal(pre))
        record_score(nomination, POST, Decimal(post))
    record_score(n2, POST, Decimal("90"))  # no pre-test: no gain

    # End-of-session evaluations: ratings summing to 18, 16 and 20 are satisfied (mean >= 4);
    # 15 and 11 are not; one with a rating left out and a follow-up answer are not counted.
    for ratings in ((5, 5, 4, 4), (4, 4, 4, 4), (3, 4, 4, 4), (5, 5, 5, 5), (2, 3, 3, 3)):
        relevance, content, trainers, organisation = ratings
        EvaluationFactory(
            session=s1,
            relevance=relevance,
            content=content,
            trainers=trainers,
            organisation=organisation,
        )
    EvaluationFactory(session=s2, organisation=None)
    EvaluationFactory(
        session=s2,
        kind=EvaluationKind.FOLLOW_UP,
        relevance=None,
        content=None,
        trainers=None,
        organisation=None,
        applied_on_job=5,
    )
    return {"s1": s1, "s2": s2}


def test_officers_trained_counts_each_certificate_holder_once_revoked_excluded(records):
    # Amina (two certificates) counts once; Omar's only certificate was revoked.
    assert _value("training.officers_trained") == Breakdown(
        total=3, by_sex={F: 2, M: 1}, by_country={"JO": 2, "MA": 1}
    )


def test_officers_trained_per_track(records):
    assert _value("training.officers_trained.crime_specific") == Breakdown(
        total=2, by_sex={F: 1, M: 1}, by_country={"JO": 2}
    )
    assert _value("training.officers_trained.interpol_capabilities") == Breakdown(
        total=2, by_sex={F: 2}, by_country={"JO": 1, "MA": 1}
    )
    assert _value("training.officers_trained.leadership") == Breakdown(total=0)
    assert _value("training.officers_trained.gender_sensitive") == Breakdown(total=0)


def test_officers_trained_narrowed_to_one_country(records):
    assert _value("training.officers_trained", country__code="MA") == Breakdown(
        total=1, by_sex={F: 1}, by_country={"MA": 1}
    )


def test_certificates_issued_counts_every_certificate_not_revoked(records):
    assert _value("training.certificates_issued") == Breakdown(
        total=4, by_sex={F: 3, M: 1}, by_country={"JO": 3, "MA": 1}
    )


def test_certificates_issued_narrowed_to_women(records):
    assert _value("training.certificates_issued", sex=F) == Breakdown(
        total=3, by_sex={F: 3}, by_country={"JO": 2, "MA": 1}
    )


def test_share_of_women_among_selected_participants_of_sessions_not_cancelled(records):
    # s1: Amina, Karim, Omar; s2: Amina, Nour -> 3 women of 5 places (Karim's place in the
    # cancelled s3, Salma's declined and withdrawn nominations do not count).
    # Jordan: Amina twice, Karim -> 2 of 3 = 66.7 %; Morocco: Omar, Nour -> 1 of 2.
    assert _value("training.women_among_participants") == Breakdown(
        total=60, by_country={"JO": 67, "MA": 50}
    )


def test_mean_knowledge_gain_by_sex_and_country_rounded_half_up(records):
    # Gains of selected participants with both tests: Amina 40 and 25, Karim 20, Omar 60
    # (Nour has no pre-test; Salma was declined). Mean 145 / 4 = 36.25; women 65 / 2 = 32.5
    # -> 33 (half up); men 80 / 2 = 40; Jordan 85 / 3 = 28.3; Morocco 60.
    assert _value("training.knowledge_gain") == Breakdown(
        total=36, by_sex={F: 33, M: 40}, by_country={"JO": 28, "MA": 60}
    )


def test_mean_knowledge_gain_narrowed_to_men(records):
    assert _value("training.knowledge_gain", sex=M) == Breakdown(
        total=40, by_sex={M: 40}, by_country={"JO": 20, "MA": 60}
    )


def test_share_of_satisfied_participants_over_complete_end_of_session_evaluations(records):
    # 3 satisfied of the 5 complete end-of-session answers.
    assert _value("training.satisfied_participants") == Breakdown(total=60)


def test_satisfied_participants_cannot_be_narrowed_to_officers(records):
    with pytest.raises(ValueError, match="anonymous"):
        _value("training.satisfied_participants", country__code="JO")


@pytest.mark.parametrize("code", TRAINING_CODES)
def test_every_indicator_is_zero_without_records(code):
    assert _value(code) == Breakdown(total=0)


@pytest.mark.parametrize("code", TRAINING_CODES)
def test_each_indicator_costs_one_query_whatever_the_rows(
    code, records, django_assert_num_queries, jordan
):
    # One grouped query each (values().annotate()), not one per officer or session.
    with django_assert_num_queries(1):
        _value(code)
    for _ in range(3):
        NominationFactory(session=records["s1"], officer=ProfileFactory(country=jordan))
    with django_assert_num_queries(1):
        _value(code)


def test_training_indicators_are_registered_with_definitions_and_goals():
    registered = {indicator.code: indicator for indicator in indicators.all_indicators()}

    assert set(TRAINING_CODES) <= set(registered)
    for code in TRAINING_CODES:
        assert registered[code].app == "training"
        assert registered[code].goal in {1, 2, 3, 4}
    assert registered["training.women_among_participants"].goal == 3
    assert registered["training.officers_trained.interpol_capabilities"].goal == 1
    assert "anonymous" in str(registered["training.satisfied_participants"].definition)
    assert "whole percent" in str(registered["training.women_among_participants"].definition)
    assert "by sex" in str(registered["training.officers_trained"].definition).lower()
