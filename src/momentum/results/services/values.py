"""Reported values: draft → submitted → returned with a comment, or approved by staff (never
by the person who submitted). Only approved values count."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from momentum.core import audit
from momentum.people.models import Role
from momentum.results.models import (
    Indicator,
    IndicatorKind,
    Period,
    PeriodStatus,
    ReportedValue,
    ValueStatus,
)
from momentum.results.services.logframe import check_in_range

EDITABLE = (ValueStatus.DRAFT, ValueStatus.RETURNED)


def _check_reporter(by: Any, country: Any) -> None:
    if by.is_programme_staff:
        return
    if country is None or country.pk not in by.countries_for(Role.FOCAL_POINT):
        raise PermissionDenied


def _check_open(period: Period) -> None:
    if period.status != PeriodStatus.OPEN:
        raise ValidationError(
            _("The period %(name)s is closed: its values can no longer change.")
            % {"name": period.name},
            code="closed",
        )


def _typed(
    indicator: Indicator, raw: str, text: str, not_available: bool, reason: str
) -> dict[str, Any]:
    """The value as the indicator's unit wants it, or a clear refusal. "Not available" is a
    flag with a reason, never a value."""
    if not_available:
        if not reason.strip():
            raise ValidationError(
                {"not_available_reason": _("Say why the value is not available.")},
                code="reason_required",
            )
        return {
            "value": None,
            "text": "",
            "not_available": True,
            "not_available_reason": reason.strip(),
        }
    if not indicator.is_numeric:
        if not text.strip():
            raise ValidationError({"text": _("Write the value.")}, code="empty")
        return {
            "value": None,
            "text": text.strip(),
            "not_available": False,
            "not_available_reason": "",
        }
    try:
        number = Decimal(str(raw).strip().replace(",", "."))
        if not number.is_finite():
            raise InvalidOperation
    except InvalidOperation:
        raise ValidationError(
            {"value": _("Write a number, or tick “not available” and say why.")},
            code="not_a_number",
        ) from None
    try:
        check_in_range(indicator.unit, number)
    except ValidationError as error:
        raise ValidationError({"value": error.messages}, code=error.code) from None
    return {"value": number, "text": "", "not_available": False, "not_available_reason": ""}


def _attach(value: ReportedValue, evidence: UploadedFile | None) -> None:
    if evidence is None:
        return
    from momentum.hub.files import check_upload

    checked = check_upload(evidence)  # the same checks as the hub's attachments
    value.evidence.save(checked.name, ContentFile(checked.data), save=False)


def save_value(
    *,
    indicator: Indicator,
    period: Period,
    country: Any,
    by: Any,
    raw: str = "",
    text: str = "",
    not_available: bool = False,
    reason: str = "",
    evidence: UploadedFile | None = None,
    submit: bool = False,
    version: int | None = None,
) -> ReportedValue:
    """Create or change the value of a country (or, ``country=None``, of the programme) for
    a period, and submit it if asked. A second value for the same country and period is
    refused; a submitted or approved value cannot be changed."""
    if indicator.kind != IndicatorKind.REPORTED:
        raise ValidationError(
            _("This indicator is computed from the records: nobody types its value."),
            code="computed",
        )
    _check_reporter(by, country)
    fields = _typed(indicator, raw, text, not_available, reason)
    with transaction.atomic():
        period = Period.objects.select_for_update().get(pk=period.pk)
        _check_open(period)
        existing = (
            ReportedValue.objects.select_for_update()
            .filter(indicator=indicator, period=period, country=country)
            .order_by("pk")  # no join on the nullable country for the default ordering
            .first()
        )
        if existing is not None and version is None:
            raise ValidationError(
                _("A value for this country and period exists already: open it to change it."),
                code="duplicate",
            )
        if existing is not None:
            if existing.version != version:
                raise ValidationError(
                    _("Someone changed this value meanwhile. Reload the page and try again."),
                    code="stale",
                )
            if existing.status not in EDITABLE:
                raise ValidationError(
                    _("This value was submitted: it can no longer be changed."),
                    code="not_editable",
                )
            value = existing
            for field, new in fields.items():
                setattr(value, field, new)
            value.version += 1
        else:
            value = ReportedValue(
                indicator=indicator, period=period, country=country, created_by=by, **fields
            )
        _attach(value, evidence)
        if submit:
            value.status = ValueStatus.SUBMITTED
            value.submitted_by = by
            value.submitted_at = timezone.now()
        try:
            with transaction.atomic():
                value.save()
        except IntegrityError:
            raise ValidationError(
                _("A value for this country and period exists already: open it to change it."),
                code="duplicate",
            ) from None
        audit.record(
            by,
            "results.value_submitted" if submit else "results.value_saved",
            value,
            country=country,
            value=str(fields["value"] if fields["value"] is not None else fields["text"]),
            not_available=fields["not_available"],
        )
    return value


def _decide(value: ReportedValue, by: Any, version: int | None) -> ReportedValue:
    if not by.is_programme_staff:
        raise PermissionDenied
    current = (
        ReportedValue.objects.select_for_update(of=("self",))
        .select_related("period")
        .get(pk=value.pk)
    )
    if version is not None and current.version != version:
        raise ValidationError(
            _("Someone changed this value meanwhile. Reload the page and try again."),
            code="stale",
        )
    _check_open(current.period)
    if current.status != ValueStatus.SUBMITTED:
        raise ValidationError(
            _("Only a value waiting for approval can be approved or returned."),
            code="not_submitted",
        )
    if current.submitted_by_id == by.pk:
        raise ValidationError(
            _("Someone other than the person who submitted this value must decide on it."),
            code="own_submission",
        )
    return current


def approve_value(*, value: ReportedValue, by: Any, version: int | None = None) -> ReportedValue:
    with transaction.atomic():
        current = _decide(value, by, version)
        current.status = ValueStatus.APPROVED
        current.decided_by = by
        current.decided_at = timezone.now()
        current.comment = ""
        current.version += 1
        current.save()
        audit.record(by, "results.value_approved", current, country=current.country)
    return current


def return_value(
    *, value: ReportedValue, by: Any, comment: str, version: int | None = None
) -> ReportedValue:
    if not comment.strip():
        raise ValidationError(
            {"comment": _("Say what should change before the value is approved.")},
            code="comment_required",
        )
    with transaction.atomic():
        current = _decide(value, by, version)
        current.status = ValueStatus.RETURNED
        current.decided_by = by
        current.decided_at = timezone.now()
        current.comment = comment.strip()
        current.version += 1
        current.save()
        audit.record(
            by, "results.value_returned", current, country=current.country, comment=comment.strip()
        )
    return current
