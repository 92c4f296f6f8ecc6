"""Periods, snapshots and reported values: the workflow, its refusals and the audit."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from momentum.core.models import AuditEntry
from momentum.people.models import Sex
from momentum.people.tests.factories import ProfileFactory
from momentum.results.models import PeriodStatus, Snapshot, ValueStatus
from momentum.results.services import periods as period_services
from momentum.results.services import values as value_services
from momentum.results.tests.factories import close, logframe_with_indicators
from momentum.training.tests.factories import CertificateFactory, NominationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def frame():
    return logframe_with_indicators()


def test_overlapping_periods_are_refused(frame, staff):
    with pytest.raises(ValidationError) as refused:
        period_services.create_period(
            logframe=frame["logframe"],
            by=staff,
            name="Overlap",
            starts_on=date(2026, 6, 1),
            ends_on=date(2026, 9, 30),
        )
    assert "overlap" in str(refused.value.messages[0])


def test_closing_freezes_a_snapshot_that_later_records_do_not_change(frame, staff, jordan):
    officer = ProfileFactory(country=jordan, sex=Sex.FEMALE)
    CertificateFactory(nomination=NominationFactory(officer=officer), issued_on=date(2026, 2, 1))

    job = close(frame["first"], staff)

    frame["first"].refresh_from_db()
    assert frame["first"].status == PeriodStatus.CLOSED
    job.refresh_from_db()
    assert job.report["indicators"] == 2
    snapshot = Snapshot.objects.get(period=frame["first"], indicator=frame["trained"])
    assert snapshot.value == 1
    assert snapshot.wording["name_en"] == "Officers trained"

    # Records change after closing: the report does not.
    other = ProfileFactory(country=jordan, sex=Sex.MALE)
    CertificateFactory(nomination=NominationFactory(officer=other), issued_on=date(2026, 3, 1))
    frame["trained"].name_en = "Renamed"
    frame["trained"].save()
    snapshot.refresh_from_db()
    assert snapshot.value == 1
    assert snapshot.wording["name_en"] == "Officers trained"
    assert AuditEntry.objects.filter(verb="results.period_closed").exists()


def test_reopening_needs_a_reason_and_is_audited(frame, staff):
    close(frame["first"], staff)
    frame["first"].refresh_from_db()

    with pytest.raises(ValidationError):
        period_services.reopen_period(period=frame["first"], by=staff, reason="  ")
    period_services.reopen_period(period=frame["first"], by=staff, reason="A late correction")

    frame["first"].refresh_from_db()
    assert frame["first"].status == PeriodStatus.OPEN
    entry = AuditEntry.objects.get(verb="results.period_reopened")
    assert entry.details["reason"] == "A late correction"


def test_a_focal_point_submits_and_staff_approve(frame, focal_point, staff, jordan):
    value = value_services.save_value(
        indicator=frame["share"],
        period=frame["first"],
        country=jordan,
        by=focal_point,
        raw="23,5",
        submit=True,
    )
    assert value.value == Decimal("23.5")

    approved = value_services.approve_value(value=value, by=staff)

    assert approved.status == ValueStatus.APPROVED
    assert AuditEntry.objects.filter(verb="results.value_approved").exists()


def test_nobody_approves_their_own_submission(frame, staff, jordan):
    value = value_services.save_value(
        indicator=frame["share"],
        period=frame["first"],
        country=jordan,
        by=staff,
        raw="20",
        submit=True,
    )

    with pytest.raises(ValidationError) as refused:
        value_services.approve_value(value=value, by=staff)
    assert refused.value.code == "own_submission"


def test_a_returned_value_carries_the_comment_and_can_be_corrected(
    frame, focal_point, staff, jordan
):
    value = value_services.save_value(
        indicator=frame["share"],
        period=frame["first"],
        country=jordan,
        by=focal_point,
        raw="20",
        submit=True,
    )
    returned = value_services.return_value(value=value, by=staff, comment="Attach the table.")
    assert returned.status == ValueStatus.RETURNED

    corrected = value_services.save_value(
        indicator=frame["share"],
        period=frame["first"],
        country=jordan,
        by=focal_point,
        raw="21",
        submit=True,
        version=returned.version,
    )
    assert corrected.status == ValueStatus.SUBMITTED
    assert corrected.value == 21


@pytest.mark.parametrize(
    ("raw", "message"),
    [("N/A", "Write a number"), ("120", "between 0 and 100"), ("-3", "cannot be negative")],
)
def test_a_value_outside_its_unit_is_refused(frame, focal_point, jordan, raw, message):
    with pytest.raises(ValidationError) as refused:
        value_services.save_value(
            indicator=frame["share"],
            period=frame["first"],
            country=jordan,
            by=focal_point,
            raw=raw,
        )
    assert message in refused.value.message_dict["value"][0]


def test_not_available_is_a_flag_with_a_reason(frame, focal_point, jordan):
    with pytest.raises(ValidationError):
        value_services.save_value(
            indicator=frame["share"],
            period=frame["first"],
            country=jordan,
            by=focal_point,
            not_available=True,
        )
    value = value_services.save_value(
        indicator=frame["share"],
        period=frame["first"],
        country=jordan,
        by=focal_point,
        not_available=True,
        reason="The ministry publishes in March.",
    )
    assert value.value is None and value.not_available


def test_a_second_value_for_the_same_country_and_period_is_refused(frame, focal_point, jordan):
    value_services.save_value(
        indicator=frame["share"], period=frame["first"], country=jordan, by=focal_point, raw="20"
    )

    with pytest.raises(ValidationError) as refused:
        value_services.save_value(
            indicator=frame["share"],
            period=frame["first"],
            country=jordan,
            by=focal_point,
            raw="22",
        )
    assert refused.value.code == "duplicate"


def test_focal_point_cannot_report_for_another_country(frame, outsider, jordan):
    with pytest.raises(PermissionDenied):
        value_services.save_value(
            indicator=frame["share"], period=frame["first"], country=jordan, by=outsider, raw="20"
        )


def test_values_of_a_closed_period_cannot_change(frame, focal_point, staff, jordan):
    close(frame["first"], staff)

    with pytest.raises(ValidationError) as refused:
        value_services.save_value(
            indicator=frame["share"],
            period=frame["first"],
            country=jordan,
            by=focal_point,
            raw="20",
        )
    assert refused.value.code == "closed"


def test_messages_are_in_the_users_language(frame, focal_point, jordan):
    from django.utils import translation

    with translation.override("fr"), pytest.raises(ValidationError) as refused:
        value_services.save_value(
            indicator=frame["share"],
            period=frame["first"],
            country=jordan,
            by=focal_point,
            raw="abc",
        )
    assert "nombre" in str(refused.value)


def test_evidence_is_checked_like_hub_attachments(frame, focal_point, jordan):
    from django.core.files.uploadedfile import SimpleUploadedFile

    with pytest.raises(ValidationError):
        value_services.save_value(
            indicator=frame["share"],
            period=frame["first"],
            country=jordan,
            by=focal_point,
            raw="20",
            evidence=SimpleUploadedFile("tool.exe", b"MZ\x90\x00\x03\x00\x00\x00"),
        )
    value = value_services.save_value(
        indicator=frame["share"],
        period=frame["first"],
        country=jordan,
        by=focal_point,
        raw="20",
        evidence=SimpleUploadedFile("table.txt", b"Women in specialised units: 20%\n"),
    )
    assert value.evidence.name.endswith(".txt")


def _reported_values(frame, staff, count):
    from momentum.results.models import Indicator, IndicatorKind, ReportedValue

    for number in range(count):
        indicator = Indicator.objects.create(
            result=frame["share"].result,
            code=f"R{number + 10}",
            name_en=f"Reported {number}",
            kind=IndicatorKind.REPORTED,
            unit="count",
        )
        ReportedValue.objects.create(
            indicator=indicator, period=frame["first"], value=number, created_by=staff
        )


@pytest.mark.parametrize("count", [3, 30])
def test_the_values_list_is_paged_by_25_and_its_queries_do_not_grow(
    frame, client_for, staff, count, django_assert_max_num_queries
):
    _reported_values(frame, staff, count)
    client = client_for(staff)

    # session, user, roles; the count; the page's values with indicator, period and country
    with django_assert_max_num_queries(6):
        response = client.get("/en/results/values/")

    assert len(response.context["values"]) == min(count, 25)
    assert response.context["page"].paginator.count == count
    assert ('href="?page=2"' in response.content.decode()) is (count > 25)
