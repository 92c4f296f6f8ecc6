"""Who may apply to a cohort: each reason of ``eligibility_problems``."""

from __future__ import annotations

import pytest

from momentum.core.models import CountryStatus
from momentum.core.tests.factories import AreaOfWorkFactory, CountryFactory
from momentum.mentoring.eligibility import eligibility_problems
from momentum.mentoring.tests.factories import CohortFactory, female_officer_profile
from momentum.people.models import Sex

pytestmark = pytest.mark.django_db


def test_a_woman_officer_of_a_country_with_places_is_eligible(jordan):
    cohort = CohortFactory(places={jordan: 3}, min_years_of_service=2)

    assert eligibility_problems(cohort, female_officer_profile(jordan), years_of_service=2) == []


def test_a_man_is_not_eligible(jordan):
    cohort = CohortFactory(places={jordan: 3})
    profile = female_officer_profile(jordan)
    profile.sex = Sex.MALE

    assert eligibility_problems(cohort, profile, years_of_service=10) == [
        "The mentoring programme is for women officers."
    ]


def test_a_country_without_places_is_not_eligible(jordan, morocco):
    cohort = CohortFactory(places={morocco: 3})

    problems = eligibility_problems(cohort, female_officer_profile(jordan), years_of_service=10)

    assert problems == ["This cohort has no places for Jordan."]


def test_a_country_with_zero_places_is_not_eligible(jordan):
    cohort = CohortFactory(places={jordan: 0})

    problems = eligibility_problems(cohort, female_officer_profile(jordan), years_of_service=10)

    assert problems == ["This cohort has no places for Jordan."]


def test_a_country_not_yet_active_is_not_eligible():
    former = CountryFactory(code="LB", name_en="Lebanon", status=CountryStatus.NOT_YET_ACTIVE)
    cohort = CohortFactory(places={former: 3})

    problems = eligibility_problems(cohort, female_officer_profile(former), years_of_service=10)

    assert problems == ["Lebanon is not an active partner country of the programme."]


def test_an_area_of_work_outside_the_cohorts_is_not_eligible(jordan):
    borders = AreaOfWorkFactory(code="borders", name_en="Border management")
    cyber = AreaOfWorkFactory(code="cyber", name_en="Cybercrime")
    cohort = CohortFactory(places={jordan: 3})
    cohort.eligible_areas.set([borders])
    profile = female_officer_profile(jordan)
    profile.areas_of_work.set([cyber])

    problems = eligibility_problems(cohort, profile, years_of_service=10)

    assert problems == ["This cohort is for officers working in Border management."]
    assert eligibility_problems(cohort, profile, years_of_service=10, areas_of_work=[borders]) == []


def test_no_eligible_areas_means_any_area(jordan):
    cohort = CohortFactory(places={jordan: 3})
    profile = female_officer_profile(jordan)
    profile.areas_of_work.set([AreaOfWorkFactory()])

    assert eligibility_problems(cohort, profile, years_of_service=10) == []


def test_too_few_years_of_service_is_not_eligible(jordan):
    cohort = CohortFactory(places={jordan: 3}, min_years_of_service=5)

    problems = eligibility_problems(cohort, female_officer_profile(jordan), years_of_service=4)

    assert problems == ["This cohort asks for at least 5 years of service."]


def test_every_reason_is_given_at_once(jordan, morocco):
    cohort = CohortFactory(places={morocco: 3}, min_years_of_service=5)
    profile = female_officer_profile(jordan)
    profile.sex = Sex.MALE

    assert len(eligibility_problems(cohort, profile, years_of_service=1)) == 3
