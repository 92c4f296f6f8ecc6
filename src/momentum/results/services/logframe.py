"""The logframe's workflow (draft → submitted → approved), its indicators and targets."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from momentum.core import audit
from momentum.core import indicators as registry
from momentum.results.models import (
    Indicator,
    IndicatorKind,
    Logframe,
    LogframeStatus,
    Period,
    Target,
    UnitKind,
)

WORDING = tuple(
    f"{field}_{language}"
    for field in ("name", "definition", "means_of_verification")
    for language in ("ar", "fr", "en")
)


def _locked(logframe: Logframe, version: int | None) -> Logframe:
    current = Logframe.objects.select_for_update().get(pk=logframe.pk)
    if version is not None and current.version != version:
        raise ValidationError(
            _("Someone changed the logframe meanwhile. Reload the page and try again."),
            code="stale",
        )
    return current


def submit_logframe(*, logframe: Logframe, by: Any, version: int | None = None) -> Logframe:
    with transaction.atomic():
        current = _locked(logframe, version)
        if current.status != LogframeStatus.DRAFT:
            raise ValidationError(_("Only a draft logframe can be submitted."), code="not_draft")
        current.status = LogframeStatus.SUBMITTED
        current.submitted_by = by
        current.version = F("version") + 1
        current.save(update_fields=["status", "submitted_by", "version"])
        audit.record(by, "results.logframe_submitted", current)
    current.refresh_from_db()
    return current


def approve_logframe(*, logframe: Logframe, by: Any, version: int | None = None) -> Logframe:
    with transaction.atomic():
        current = _locked(logframe, version)
        if current.status != LogframeStatus.SUBMITTED:
            raise ValidationError(
                _("Only a submitted logframe can be approved."), code="not_submitted"
            )
        if current.submitted_by_id == by.pk:
            raise ValidationError(
                _("Someone other than the person who submitted the logframe must approve it."),
                code="own_submission",
            )
        current.status = LogframeStatus.APPROVED
        current.approved_by = by
        current.approved_at = timezone.now()
        current.version = F("version") + 1
        current.save(update_fields=["status", "approved_by", "approved_at", "version"])
        Indicator.objects.filter(result__logframe=current).update(changed_since_approval=False)
        audit.record(by, "results.logframe_approved", current)
    current.refresh_from_db()
    return current


def update_indicator(
    *, indicator: Indicator, by: Any, version: int, changes: dict[str, Any]
) -> Indicator:
    """Change an indicator. Changing the wording of an indicator of an approved logframe
    returns the logframe to draft, as the donor's own system does."""
    with transaction.atomic():
        current = Indicator.objects.select_for_update().get(pk=indicator.pk)
        if current.version != version:
            raise ValidationError(
                _("Someone changed this indicator meanwhile. Reload the page and try again."),
                code="stale",
            )
        if changes.get("kind", current.kind) == IndicatorKind.COMPUTED:
            code = changes.get("registry_code", current.registry_code)
            if registry.find(code) is None:
                raise ValidationError(
                    {"registry_code": _("Choose one of the registered indicators.")},
                    code="unknown_indicator",
                )
        changed = {
            field: value for field, value in changes.items() if getattr(current, field) != value
        }
        for field, value in changed.items():
            setattr(current, field, value)
        wording_changed = bool(set(changed) & set(WORDING))
        logframe = current.result.logframe
        returned = False
        if wording_changed and logframe.status != LogframeStatus.DRAFT:
            Logframe.objects.filter(pk=logframe.pk).update(
                status=LogframeStatus.DRAFT, version=F("version") + 1
            )
            current.changed_since_approval = True
            returned = True
        current.version += 1
        current.updated_at = timezone.now()
        current.save()
        audit.record(
            by,
            "results.indicator_changed",
            current,
            fields=sorted(changed),
            logframe_returned_to_draft=returned,
        )
    return current


def parse_target(indicator: Indicator, raw: str) -> Decimal:
    """A target typed by a person, as a number of the indicator's unit, or a clear refusal."""
    try:
        value = Decimal(str(raw).strip().replace(",", "."))
    except InvalidOperation:
        raise ValidationError(
            _("A target of this indicator is a number."), code="not_a_number"
        ) from None
    if not value.is_finite():
        raise ValidationError(_("A target of this indicator is a number."), code="not_a_number")
    check_in_range(indicator.unit, value)
    return value


def check_in_range(unit: str, value: Decimal) -> None:
    if value < 0:
        raise ValidationError(_("The value cannot be negative."), code="negative")
    if unit == UnitKind.PERCENTAGE and value > 100:
        raise ValidationError(_("A percentage is between 0 and 100."), code="over_100")
    if unit == UnitKind.COUNT and value != value.to_integral_value():
        raise ValidationError(_("A count is a whole number."), code="not_whole")


def set_target(
    *,
    indicator: Indicator,
    by: Any,
    raw: str,
    period: Period | None = None,
    country: Any = None,
) -> Target:
    """Set (or replace) a target for a period or the end of the programme, overall or for a
    country. A qualitative indicator's target is text; any other's a number of its unit."""
    with transaction.atomic():
        if indicator.is_numeric:
            fields: dict[str, Any] = {"value": parse_target(indicator, raw), "text": ""}
        else:
            if not str(raw).strip():
                raise ValidationError(_("Write the target."), code="empty")
            fields = {"value": None, "text": str(raw).strip()}
        target = (
            Target.objects.select_for_update()
            .filter(indicator=indicator, period=period, country=country)
            .order_by("pk")  # no join on the nullable country for the default ordering
            .first()
        )
        if target is None:
            target = Target.objects.create(
                indicator=indicator, period=period, country=country, **fields
            )
        else:
            Target.objects.filter(pk=target.pk).update(**fields)
            target.refresh_from_db()
        audit.record(
            by,
            "results.target_set",
            indicator,
            period=period.name if period else "",
            country_code=country.code if country else "",
            value=str(fields["value"] if fields["value"] is not None else fields["text"]),
        )
    return target
