"""An application's score: the mean, over the reviews without a conflict of interest, of
Σ weight·score/max_score / Σ weight * 100, exact, rounded to two decimals half up."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest

from momentum.mentoring.models import Application, CriterionScore, RubricCriterion
from momentum.mentoring.services.selection import aggregate_score, reaggregate_cohort, review_total
from momentum.mentoring.tests.factories import (
    CohortFactory,
    endorsed_application,
    panelist_for,
    review_of,
)

pytestmark = pytest.mark.django_db


def _application(**cohort_fields):  # type: ignore[no-untyped-def]
    return endorsed_application(CohortFactory(**cohort_fields))


def test_one_review_is_weighted_and_normalised():
    # Motivation: weight 2, out of 5; leadership potential: weight 1, out of 10.
    application = _application()

    review_of(application, panelist_for(application.cohort), [4, 7])

    application.refresh_from_db()
    # (2 × 4/5 + 1 × 7/10) / 3 × 100 = 230/3 = 76.666…
    assert application.score == Decimal("76.67")
    assert application.reviews_count == 1


def test_the_mean_of_several_reviews():
    application = _application()
    cohort = application.cohort

    review_of(application, panelist_for(cohort), [4, 7])
    review_of(application, panelist_for(cohort), [5, 10])

    application.refresh_from_db()
    # (230/3 + 100) / 2 = 88.333…
    assert application.score == Decimal("88.33")
    assert application.reviews_count == 2


def test_a_conflicted_review_does_not_count():
    application = _application()
    cohort = application.cohort

    review_of(application, panelist_for(cohort), [5, 10])
    review_of(application, panelist_for(cohort), conflict=True)

    application.refresh_from_db()
    assert application.score == Decimal("100.00")
    assert application.reviews_count == 1


def test_only_conflicts_leave_no_score():
    application = _application()

    review_of(application, panelist_for(application.cohort), conflict=True)

    application.refresh_from_db()
    assert application.score is None
    assert application.reviews_count == 0


def test_rounding_is_half_up_on_the_exact_mean():
    # One criterion out of 8: scores 1, 0, 0, 0 give 12.5, 0, 0, 0 and a mean of 3.125.
    application = _application(criteria=[("Only", 1, 8)])
    cohort = application.cohort

    for score in (1, 0, 0, 0):
        review_of(application, panelist_for(cohort), [score])

    application.refresh_from_db()
    assert application.score == Decimal("3.13")
    assert application.reviews_count == 4


def test_a_review_missing_a_criterion_added_later_does_not_count():
    application = _application()
    cohort = application.cohort
    review_of(application, panelist_for(cohort), [5, 10])
    review_of(application, panelist_for(cohort), [0, 0])
    RubricCriterion.objects.create(cohort=cohort, name_en="Languages", weight=1, max_score=3)
    newest = RubricCriterion.objects.get(name_en="Languages")
    first = application.reviews.order_by("pk").first()
    CriterionScore.objects.create(review=first, criterion=newest, score=3)

    assert reaggregate_cohort(cohort) == 1

    application.refresh_from_db()
    assert application.score == Decimal("100.00")
    assert application.reviews_count == 1


def test_review_total_is_exact():
    cohort = CohortFactory(criteria=[("A", 3, 7), ("B", 2, 9)])
    first, second = RubricCriterion.objects.filter(cohort=cohort)

    total = review_total({first.pk: 5, second.pk: 4}, [first, second])

    assert total == (Fraction(3 * 5, 7) + Fraction(2 * 4, 9)) / 5 * 100


def test_aggregate_returns_the_application_updated():
    application = _application()
    review_of(application, panelist_for(application.cohort), [5, 5], aggregate=False)

    result = aggregate_score(application)

    # (2 × 5/5 + 1 × 5/10) / 3 × 100 = 250/3
    assert result.score == Decimal("83.33")
    assert Application.objects.get(pk=application.pk).score == Decimal("83.33")
