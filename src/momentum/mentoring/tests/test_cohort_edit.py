"""Staff prepare a cohort: names in three languages, dates, eligibility, places per country,
panel and rubric; an edit made on a stale form is refused."""

from __future__ import annotations

from datetime import date

import pytest

from momentum.core.models import AuditEntry
from momentum.core.tests.factories import AreaOfWorkFactory
from momentum.mentoring.models import Cohort, CohortStatus
from momentum.mentoring.tests.factories import CohortFactory

pytestmark = pytest.mark.django_db


def _form(**changes):  # type: ignore[no-untyped-def]
    data = {
        "code": "cohort-2026",
        "name_en": "Women in policing 2026",
        "name_fr": "Femmes dans la police 2026",
        "name_ar": "النساء في الشرطة 2026",
        "applications_open_at": "2026-01-05T09:00",
        "applications_close_at": "2026-02-05T17:00",
        "starts_on": "2026-03-01",
        "ends_on": "",
        "min_years_of_service": "3",
        "offer_days": "14",
        "weight_goals": "40",
        "weight_area_of_work": "25",
        "weight_leadership": "20",
        "weight_preferences": "15",
        "required_meetings": "8",
        "places_JO": "6",
        "places_MA": "4",
        "criteria-TOTAL_FORMS": "1",
        "criteria-INITIAL_FORMS": "0",
        "criteria-MIN_NUM_FORMS": "0",
        "criteria-MAX_NUM_FORMS": "20",
        "criteria-0-name_en": "Motivation",
        "criteria-0-name_fr": "Motivation",
        "criteria-0-name_ar": "الدافع",
        "criteria-0-weight": "2",
        "criteria-0-max_score": "5",
    }
    data.update(changes)
    return data


def test_staff_create_a_cohort(client_for, staff, jordan, morocco, board_member):
    borders = AreaOfWorkFactory(code="borders")

    response = client_for(staff).post(
        "/en/mentoring/cohorts/new/",
        _form(eligible_areas=[borders.pk], panel=[board_member.pk]),
    )

    cohort = Cohort.objects.get()
    assert response.status_code == 302
    assert cohort.status == CohortStatus.DRAFT
    assert cohort.name_ar == "النساء في الشرطة 2026"
    # Left empty, the end is two years after the start.
    assert cohort.ends_on == date(2028, 2, 29)
    assert {(p.country.code, p.places) for p in cohort.places.all()} == {("JO", 6), ("MA", 4)}
    assert list(cohort.eligible_areas.all()) == [borders]
    assert list(cohort.panel.all()) == [board_member]
    [criterion] = cohort.criteria.all()
    assert (criterion.name_ar, criterion.weight, criterion.max_score) == ("الدافع", 2, 5)
    assert AuditEntry.objects.get(verb="cohort.created").actor == staff


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"ends_on": "2026-02-01"}, "ends_on", "The cohort must end after it starts."),
        (
            {"applications_close_at": "2026-01-01T09:00"},
            "applications_close_at",
            "Applications must close after they open.",
        ),
        (
            {"applications_close_at": "2026-03-05T09:00"},
            "applications_close_at",
            "Applications must close before the cohort starts.",
        ),
    ],
)
def test_dates_out_of_order_are_refused(client_for, staff, jordan, changes, field, message):
    response = client_for(staff).post("/en/mentoring/cohorts/new/", _form(**changes))

    assert response.status_code == 200
    assert response.context["form"].errors[field] == [message]
    assert not Cohort.objects.exists()


@pytest.mark.parametrize(
    ("changes", "field"),
    [({"criteria-0-weight": "0"}, "weight"), ({"criteria-0-max_score": "11"}, "max_score")],
)
def test_a_criterion_needs_a_weight_and_a_highest_score_from_1_to_10(
    client_for, staff, jordan, changes, field
):
    response = client_for(staff).post("/en/mentoring/cohorts/new/", _form(**changes))

    assert response.status_code == 200
    assert response.context["criteria"].forms[0].errors[field]
    assert not Cohort.objects.exists()


def test_staff_edit_a_cohort_and_the_change_is_audited(client_for, staff, jordan, morocco):
    cohort = CohortFactory(code="c1", places={jordan: 5, morocco: 5}, criteria=[])
    client = client_for(staff)
    initial = client.get(f"/en/mentoring/cohorts/{cohort.pk}/edit/").context["form"].initial
    assert initial["places_JO"] == 5

    response = client.post(
        f"/en/mentoring/cohorts/{cohort.pk}/edit/",
        _form(code="c1", version=str(cohort.version), places_JO="8", places_MA="0"),
    )

    cohort.refresh_from_db()
    assert response.status_code == 302
    assert cohort.version == 2
    assert {(p.country.code, p.places) for p in cohort.places.all()} == {("JO", 8)}
    entry = AuditEntry.objects.get(verb="cohort.changed")
    assert entry.details["places"] == {"JO": [5, 8], "MA": [5, 0]}


def test_an_edit_on_a_stale_form_is_refused(client_for, staff, jordan):
    cohort = CohortFactory(code="c1", places={jordan: 5})
    stale = cohort.version
    Cohort.objects.filter(pk=cohort.pk).update(version=stale + 1, min_years_of_service=9)

    response = client_for(staff).post(
        f"/en/mentoring/cohorts/{cohort.pk}/edit/", _form(code="c1", version=str(stale))
    )

    cohort.refresh_from_db()
    assert response.status_code == 200
    assert "Someone else saved this cohort" in response.context["form"].non_field_errors()[0]
    assert cohort.min_years_of_service == 9


def test_a_code_taken_by_another_cohort_is_refused(client_for, staff, jordan):
    CohortFactory(code="taken")

    response = client_for(staff).post("/en/mentoring/cohorts/new/", _form(code="taken"))

    assert response.context["form"].errors["code"] == ["Another cohort has this code."]


def test_the_rubric_is_fixed_once_selection_started(client_for, staff, jordan):
    cohort = CohortFactory(code="c1", status=CohortStatus.SELECTION, places={jordan: 5})

    response = client_for(staff).post(
        f"/en/mentoring/cohorts/{cohort.pk}/edit/", _form(code="c1", version=str(cohort.version))
    )

    assert response.status_code == 200
    assert response.context["form"].non_field_errors() == [
        "The scoring criteria cannot change once selection has started."
    ]
    assert cohort.criteria.count() == 2


def test_a_focal_point_cannot_edit_a_cohort(client_for, focal_point, jordan):
    cohort = CohortFactory(code="c1")

    response = client_for(focal_point).post(
        f"/en/mentoring/cohorts/{cohort.pk}/edit/", _form(code="c1")
    )

    assert response.status_code == 403
