"""The logframe's workflow (draft → submitted → approved), its results, indicators and
targets."""

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
    Level,
    Logframe,
    LogframeStatus,
    Period,
    Result,
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


def _return_to_draft(logframe_pk: int, by: Any, reason: str) -> bool:
    """Send a submitted or approved logframe back to draft because it changed: what was
    approved is no longer what it says. Returns whether it went back."""
    returned = bool(
        Logframe.objects.filter(pk=logframe_pk)
        .exclude(status=LogframeStatus.DRAFT)
        .update(status=LogframeStatus.DRAFT, version=F("version") + 1)
    )
    if returned:
        audit.record(
            by,
            "results.logframe_returned_to_draft",
            Logframe.objects.get(pk=logframe_pk),
            reason=reason,
        )
    return returned


def start_logframe(*, programme: Any, by: Any) -> Logframe:
    """Give the programme its (empty, draft) logframe; an existing one is kept as it is."""
    with transaction.atomic():
        logframe, created = Logframe.objects.get_or_create(programme=programme)
        if created:
            audit.record(by, "results.logframe_started", logframe)
    return logframe


def submit_logframe(*, logframe: Logframe, by: Any, version: int | None = None) -> Logframe:
    with transaction.atomic():
        current = _locked(logframe, version)
        if current.status != LogframeStatus.DRAFT:
            raise ValidationError(_("Only a draft logframe can be submitted."), code="not_draft")
        current.status = LogframeStatus.SUBMITTED
        current.submitted_by = by
        current.return_comment = ""
        current.version = F("version") + 1
        current.save(update_fields=["status", "submitted_by", "return_comment", "version"])
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


def return_logframe(
    *, logframe: Logframe, by: Any, comment: str, version: int | None = None
) -> Logframe:
    """Send a submitted logframe back to draft with what should change; as for approval,
    someone other than the person who submitted it decides."""
    comment = comment.strip()
    if not comment:
        raise ValidationError({"comment": _("Say what should change.")}, code="comment_required")
    with transaction.atomic():
        current = _locked(logframe, version)
        if current.status != LogframeStatus.SUBMITTED:
            raise ValidationError(
                _("Only a submitted logframe can be returned."), code="not_submitted"
            )
        if current.submitted_by_id == by.pk:
            raise ValidationError(
                _("Someone other than the person who submitted the logframe must return it."),
                code="own_submission",
            )
        current.status = LogframeStatus.DRAFT
        current.return_comment = comment
        current.version = F("version") + 1
        current.save(update_fields=["status", "return_comment", "version"])
        audit.record(by, "results.logframe_returned", current, comment=comment)
    current.refresh_from_db()
    return current


RESULT_NAMES = ("name_ar", "name_fr", "name_en")
# The chain: the impact stands alone, an outcome serves the impact, an output an outcome.
PARENT_LEVEL: dict[str, str | None] = {
    Level.IMPACT: None,
    Level.OUTCOME: Level.IMPACT,
    Level.OUTPUT: Level.OUTCOME,
}


def _check_result(
    *, logframe: Logframe, level: str, code: str, parent: Result | None, pk: int | None = None
) -> None:
    errors: dict[str, str] = {}
    if level not in PARENT_LEVEL:
        errors["level"] = _("Choose the level of the result.")
    if not code:
        errors["code"] = _("Give the result a code.")
    elif Result.objects.filter(logframe=logframe, code=code).exclude(pk=pk or 0).exists():
        errors["code"] = _("Another result of the logframe has this code.")
    if level == Level.OUTPUT and parent is None:
        errors["parent"] = _("An output serves an outcome: choose it.")
    elif parent is not None:
        if level == Level.IMPACT:
            errors["parent"] = _("The impact is at the top of the logframe: it has no parent.")
        elif parent.logframe_id != logframe.pk or parent.level != PARENT_LEVEL.get(level):
            errors["parent"] = _("An outcome serves the impact and an output serves an outcome.")
    if errors:
        raise ValidationError(errors, code="invalid_result")


def create_result(
    *,
    logframe: Logframe,
    by: Any,
    level: str,
    code: str,
    names: dict[str, str],
    parent: Result | None = None,
    order: int = 0,
) -> Result:
    """Add a result to the chain. A new result has not been approved: a submitted or
    approved logframe returns to draft."""
    code = code.strip()
    names = {field: (names.get(field) or "").strip() for field in RESULT_NAMES}
    with transaction.atomic():
        Logframe.objects.select_for_update().get(pk=logframe.pk)  # one code at a time
        _check_result(logframe=logframe, level=level, code=code, parent=parent)
        if not any(names.values()):
            raise ValidationError({"name_en": _("Name the result.")}, code="empty")
        result = Result.objects.create(
            logframe=logframe, level=level, code=code, parent=parent, order=order, **names
        )
        _return_to_draft(logframe.pk, by, f"result {code} added")
        audit.record(by, "results.result_created", result, level=level, code=code)
    return result


def update_result(*, result: Result, by: Any, version: int, changes: dict[str, Any]) -> Result:
    """Change a result's code, names, parent or order. A new wording returns a submitted or
    approved logframe to draft."""
    with transaction.atomic():
        current = Result.objects.select_for_update().select_related("logframe").get(pk=result.pk)
        if current.version != version:
            raise ValidationError(
                _("Someone changed this result meanwhile. Reload the page and try again."),
                code="stale",
            )
        if "code" in changes:
            changes["code"] = str(changes["code"]).strip()
        _check_result(
            logframe=current.logframe,
            level=current.level,
            code=changes.get("code", current.code),
            parent=changes.get("parent", current.parent),
            pk=current.pk,
        )
        changed = {
            field: value for field, value in changes.items() if getattr(current, field) != value
        }
        for field, value in changed.items():
            setattr(current, field, value)
        returned = False
        if set(changed) & {"code", "parent", *RESULT_NAMES}:
            returned = _return_to_draft(current.logframe_id, by, f"result {current.code} changed")
        current.version += 1
        current.save()
        audit.record(
            by,
            "results.result_changed",
            current,
            fields=sorted(changed),
            logframe_returned_to_draft=returned,
        )
    return current


INDICATOR_FIELDS = (
    "code",
    *WORDING,
    "kind",
    "registry_code",
    "unit",
    "direction",
    "baseline_value",
    "baseline_text",
    "baseline_date",
    "baseline_source",
    "disaggregation",
    "order",
)


def _check_indicator(values: dict[str, Any], *, result: Result, pk: int | None = None) -> None:
    """What every indicator must be, whether new or changed; ``values`` is the whole
    indicator as it would be saved."""
    errors: dict[str, str] = {}
    code = values.get("code") or ""
    if not code:
        errors["code"] = _("Give the indicator a code.")
    elif Indicator.objects.filter(result=result, code=code).exclude(pk=pk or 0).exists():
        errors["code"] = _("Another indicator of this result has this code.")
    if not any(values.get(f"name_{language}") for language in ("ar", "fr", "en")):
        errors["name_en"] = _("Name the indicator.")
    if values.get("kind") not in IndicatorKind.values:
        errors["kind"] = _("Choose whether the indicator is computed or reported.")
    elif (
        values["kind"] == IndicatorKind.COMPUTED
        and registry.find(values.get("registry_code") or "") is None
    ):
        errors["registry_code"] = _("Choose one of the registered indicators.")
    unit = values.get("unit")
    if unit not in UnitKind.values:
        errors["unit"] = _("Choose the unit of the indicator.")
    baseline = values.get("baseline_value")
    if baseline is not None and unit == UnitKind.QUALITATIVE:
        errors["baseline_value"] = _(
            "The baseline of a qualitative indicator is written in words, not as a number."
        )
    elif baseline is not None and unit in UnitKind.values:
        try:
            check_in_range(unit, baseline)
        except ValidationError as error:
            errors["baseline_value"] = error.messages[0]
    if errors:
        raise ValidationError(errors, code="invalid_indicator")


def create_indicator(*, result: Result, by: Any, values: dict[str, Any]) -> Indicator:
    """Add an indicator to a result: computed (it names a registered indicator) or reported.
    A new indicator has not been approved: a submitted or approved logframe returns to draft."""
    fields = {field: values[field] for field in INDICATOR_FIELDS if values.get(field) is not None}
    fields["code"] = str(fields.get("code", "")).strip()
    if fields.get("kind") == IndicatorKind.REPORTED:
        fields["registry_code"] = ""
    with transaction.atomic():
        Logframe.objects.select_for_update().get(pk=result.logframe_id)
        _check_indicator(fields, result=result)
        indicator = Indicator.objects.create(result=result, **fields)
        _return_to_draft(result.logframe_id, by, f"indicator {indicator.code} added")
        audit.record(
            by, "results.indicator_created", indicator, code=indicator.code, kind=indicator.kind
        )
    return indicator


def update_indicator(
    *, indicator: Indicator, by: Any, version: int, changes: dict[str, Any]
) -> Indicator:
    """Change an indicator. Changing the wording of an indicator of an approved logframe
    returns the logframe to draft, as the donor's own system does."""
    with transaction.atomic():
        current = (
            Indicator.objects.select_for_update()
            .select_related("result__logframe")
            .get(pk=indicator.pk)
        )
        if current.version != version:
            raise ValidationError(
                _("Someone changed this indicator meanwhile. Reload the page and try again."),
                code="stale",
            )
        if "code" in changes:
            changes["code"] = str(changes["code"]).strip()
        if changes.get("kind") == IndicatorKind.REPORTED:
            changes["registry_code"] = ""
        whole = {field: getattr(current, field) for field in INDICATOR_FIELDS}
        _check_indicator({**whole, **changes}, result=current.result, pk=current.pk)
        changed = {
            field: value for field, value in changes.items() if getattr(current, field) != value
        }
        for field, value in changed.items():
            setattr(current, field, value)
        wording_changed = bool(set(changed) & set(WORDING))
        returned = wording_changed and _return_to_draft(
            current.result.logframe_id, by, f"indicator {current.code} reworded"
        )
        # Marked until the next approval, also when the logframe was already back in draft.
        if wording_changed and (returned or current.result.logframe.approved_at is not None):
            current.changed_since_approval = True
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
