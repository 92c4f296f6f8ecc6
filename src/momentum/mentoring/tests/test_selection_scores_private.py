"""Panel scores are for the panel and staff only: the applicant's and her focal point's
pages never show them, nor the panel's comments."""

from __future__ import annotations

from decimal import Decimal

import pytest

from momentum.mentoring.models import ApplicationStatus, CohortStatus, Review
from momentum.mentoring.tests.factories import ApplicationFactory, CohortFactory, panelist_for
from momentum.people.models import Sex

pytestmark = pytest.mark.django_db

SCORE = Decimal("87.65")
SCORE_SPELLINGS = ("87.65", "87,65", "٨٧٫٦٥")
COMMENT = "Exceptional field record, rare among applicants."


@pytest.fixture
def application(officer, jordan, morocco):  # type: ignore[no-untyped-def]
    officer.profile.sex = Sex.FEMALE
    officer.profile.save()
    cohort = CohortFactory(status=CohortStatus.SELECTION, places={jordan: 2, morocco: 2})
    application = ApplicationFactory(
        cohort=cohort,
        applicant=officer.profile,
        status=ApplicationStatus.ENDORSED,
        score=SCORE,
        reviews_count=3,
    )
    Review.objects.create(application=application, panelist=panelist_for(cohort), comment=COMMENT)
    return application


def _pages(application):  # type: ignore[no-untyped-def]
    return [
        f"/{language}{path}"
        for language in ("en", "fr", "ar")
        for path in (
            f"/mentoring/applications/{application.pk}/",
            f"/mentoring/cohorts/{application.cohort_id}/",
            f"/mentoring/cohorts/{application.cohort_id}/?country=JO",
        )
    ]


def _assert_private(content: str) -> None:
    for spelling in SCORE_SPELLINGS:
        assert spelling not in content
    assert COMMENT not in content


def test_the_applicant_never_sees_her_score(client_for, officer, application):
    client = client_for(officer)

    for url in [*_pages(application), "/en/mentoring/my/", "/fr/mentoring/my/"]:
        response = client.get(url)
        assert response.status_code == 200, url
        _assert_private(response.content.decode())


def test_her_focal_point_never_sees_the_score(client_for, focal_point, application):
    client = client_for(focal_point)

    for url in _pages(application):
        response = client.get(url)
        assert response.status_code == 200, url
        _assert_private(response.content.decode())


@pytest.mark.parametrize("path", ["panel", "selection"])
def test_the_focal_point_has_no_way_to_the_scores(client_for, focal_point, application, path):
    response = client_for(focal_point).get(f"/en/mentoring/cohorts/{application.cohort_id}/{path}/")

    assert response.status_code == 403


def test_staff_see_the_score_on_the_board(client_for, staff, application):
    content = (
        client_for(staff)
        .get(f"/en/mentoring/cohorts/{application.cohort_id}/selection/")
        .content.decode()
    )

    assert "87.65" in content
    assert COMMENT in content
