"""Staff tune the matching weights on the matching page: whole numbers, none negative, not all
zero; a change is audited and used by the next matching."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from momentum.core.models import AuditEntry
from momentum.mentoring import matching as engine
from momentum.mentoring.services import matching as services
from momentum.mentoring.tests.factories import matching_cohort

pytestmark = pytest.mark.django_db


def _url(cohort):  # type: ignore[no-untyped-def]
    return f"/en/mentoring/cohorts/{cohort.pk}/matching/weights/"


def test_staff_save_the_weights(client_for, staff):
    cohort = matching_cohort()

    response = client_for(staff).post(
        _url(cohort), {"goals": 10, "area_of_work": 0, "leadership": 5, "preferences": 85}
    )

    assert response.status_code == 302
    cohort.refresh_from_db()
    assert services.cohort_weights(cohort) == engine.Weights(10, 0, 5, 85)
    entry = AuditEntry.objects.get(verb="mentoring.weights_changed")
    assert entry.details["before"]["goals"] == 40
    assert entry.details["after"]["preferences"] == 85


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            {"goals": -1, "area_of_work": 25, "leadership": 20, "preferences": 15},
            "Ensure this value is greater than or equal to 0.",
        ),
        (
            {"goals": 0, "area_of_work": 0, "leadership": 0, "preferences": 0},
            "At least one weight must be greater than zero.",
        ),
        (
            {"goals": "a lot", "area_of_work": 25, "leadership": 20, "preferences": 15},
            "Enter a whole number.",
        ),
        ({"goals": 40, "area_of_work": 25, "leadership": 20}, "This field is required."),
    ],
)
def test_bad_weights_are_refused_beside_the_form(client_for, staff, data, message):
    cohort = matching_cohort()

    response = client_for(staff).post(_url(cohort), data)

    assert response.status_code == 200
    assert message in response.content.decode()
    cohort.refresh_from_db()
    assert services.cohort_weights(cohort) == engine.Weights()
    assert not AuditEntry.objects.filter(verb="mentoring.weights_changed").exists()


def test_the_service_refuses_weights_all_zero(staff):
    cohort = matching_cohort()

    with pytest.raises(ValidationError):
        services.set_matching_weights(cohort=cohort, weights=engine.Weights(0, 0, 0, 0), by=staff)


def test_only_staff_tune_the_weights(mentor):
    with pytest.raises(PermissionDenied):
        services.set_matching_weights(
            cohort=matching_cohort(), weights=engine.Weights(1, 1, 1, 1), by=mentor
        )
