"""The logframe's workflow: draft, submitted, approved by someone else; a change of wording
returns an approved logframe to draft; targets are typed."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from momentum.core.models import AuditEntry
from momentum.people.models import Role
from momentum.people.tests.factories import person_with_role
from momentum.results.models import LogframeStatus
from momentum.results.services import logframe as services
from momentum.results.tests.factories import logframe_with_indicators

pytestmark = pytest.mark.django_db


@pytest.fixture
def approved(staff):
    frame = logframe_with_indicators()
    colleague = person_with_role(Role.STAFF, None, email="colleague@example.org")
    services.submit_logframe(logframe=frame["logframe"], by=staff)
    services.approve_logframe(logframe=frame["logframe"], by=colleague)
    frame["logframe"].refresh_from_db()
    return frame


def test_the_person_who_submitted_cannot_approve(staff):
    frame = logframe_with_indicators()
    services.submit_logframe(logframe=frame["logframe"], by=staff)

    with pytest.raises(ValidationError) as refused:
        services.approve_logframe(logframe=frame["logframe"], by=staff)
    assert refused.value.code == "own_submission"


def test_changing_the_wording_of_an_approved_indicator_returns_the_logframe_to_draft(
    approved, staff
):
    assert approved["logframe"].status == LogframeStatus.APPROVED
    indicator = approved["trained"]

    services.update_indicator(
        indicator=indicator,
        by=staff,
        version=indicator.version,
        changes={"name_en": "Officers who completed a course"},
    )

    approved["logframe"].refresh_from_db()
    indicator.refresh_from_db()
    assert approved["logframe"].status == LogframeStatus.DRAFT
    assert indicator.changed_since_approval
    assert AuditEntry.objects.get(verb="results.indicator_changed").details[
        "logframe_returned_to_draft"
    ]


def test_a_baseline_change_keeps_the_logframe_approved(approved, staff):
    indicator = approved["trained"]

    services.update_indicator(
        indicator=indicator,
        by=staff,
        version=indicator.version,
        changes={"baseline_source": "Survey"},
    )

    approved["logframe"].refresh_from_db()
    assert approved["logframe"].status == LogframeStatus.APPROVED


def test_a_stale_edit_is_refused(approved, staff):
    indicator = approved["trained"]
    services.update_indicator(
        indicator=indicator, by=staff, version=indicator.version, changes={"name_en": "A"}
    )

    with pytest.raises(ValidationError) as refused:
        services.update_indicator(
            indicator=indicator, by=staff, version=indicator.version, changes={"name_en": "B"}
        )
    assert refused.value.code == "stale"


@pytest.mark.parametrize(("raw", "code"), [("many", "not_a_number"), ("12.5", "not_whole")])
def test_a_target_of_the_wrong_type_is_refused(approved, staff, raw, code):
    with pytest.raises(ValidationError) as refused:
        services.set_target(indicator=approved["trained"], by=staff, raw=raw)
    assert refused.value.code == code


def test_a_computed_indicator_must_name_a_registered_one(approved, staff):
    indicator = approved["trained"]

    with pytest.raises(ValidationError):
        services.update_indicator(
            indicator=indicator,
            by=staff,
            version=indicator.version,
            changes={"registry_code": "nothing.like.this"},
        )


def test_staff_change_an_indicator_from_its_page(client_for, approved, staff):
    indicator = approved["trained"]
    page = client_for(staff).get(f"/en/results/indicators/{indicator.pk}/edit/")
    assert "training.officers_trained" in page.content.decode()

    response = client_for(staff).post(
        f"/en/results/indicators/{indicator.pk}/edit/",
        {
            "save_indicator": "1",
            "code": "C01",
            "name_en": "Officers trained (renamed)",
            "name_fr": "Agents",
            "name_ar": "الضباط",
            "kind": "computed",
            "registry_code": "training.officers_trained",
            "unit": "count",
            "direction": "higher",
            "disaggregation": "sex_country",
            "version": indicator.version,
        },
    )

    assert response.status_code == 302
    approved["logframe"].refresh_from_db()
    assert approved["logframe"].status == LogframeStatus.DRAFT
