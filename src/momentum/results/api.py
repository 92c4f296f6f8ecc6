"""The results framework's API: results, indicators, periods and values (read), and reported
values submitted, returned and approved through the same services as the pages."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest
from ninja import Router, Schema, Status
from ninja.errors import HttpError

from momentum.core.models import Country
from momentum.results.models import Period
from momentum.results.selectors import dashboard as board
from momentum.results.selectors.logframe import (
    audience_for,
    get_indicator,
    get_period,
    get_value_for,
    logframe_or_404,
    periods_of,
    values_visible_to,
)
from momentum.results.services import values as services

router = Router(tags=["results"])


class PeriodOut(Schema):
    id: int
    name: str
    starts_on: date
    ends_on: date
    status: str


class CellOut(Schema):
    country: str
    sex: str
    value: str


class IndicatorOut(Schema):
    id: int
    code: str
    name: str
    result: str
    kind: str
    unit: str
    baseline: Decimal | None
    target: str | None
    value: str
    status: str
    cells: list[CellOut]


class ValueOut(Schema):
    id: int
    indicator: str
    period: str
    country: str | None
    value: Decimal | None
    text: str
    not_available: bool
    status: str
    comment: str


class ValueIn(Schema):
    indicator: int
    period: int
    country: str | None = None
    value: str = ""
    text: str = ""
    not_available: bool = False
    not_available_reason: str = ""
    submit: bool = False


class DecisionIn(Schema):
    comment: str = ""


def _user(request: HttpRequest):  # type: ignore[no-untyped-def]
    return request.user


def _value_out(value) -> ValueOut:  # type: ignore[no-untyped-def]
    return ValueOut(
        id=value.pk,
        indicator=value.indicator.code,
        period=value.period.name,
        country=value.country.code if value.country else None,
        value=value.value,
        text=value.text,
        not_available=value.not_available,
        status=value.status,
        comment=value.comment,
    )


def _refusal(error: ValidationError) -> HttpError:
    return HttpError(409 if error.code in ("duplicate", "stale") else 400, " ".join(error.messages))


@router.get("/results/periods", response=list[PeriodOut])
def list_result_periods(request: HttpRequest) -> list[Period]:
    audience_for(_user(request))
    return periods_of(logframe_or_404())


@router.get("/results/periods/{period_id}/indicators", response=list[IndicatorOut])
def list_result_indicators(request: HttpRequest, period_id: int) -> list[IndicatorOut]:
    """Every indicator with its figures for the period, its table as the caller may see it."""
    audience = audience_for(_user(request))
    logframe = logframe_or_404()
    period = get_period(logframe, period_id)
    country = min(audience.country_codes) if audience.country_codes else None
    _results, rows = board.dashboard(
        logframe=logframe, period=period, audience=audience, country=country
    )
    out = []
    for row in rows:
        cells = []
        if row.table is not None:
            for line in [*row.table.rows, row.table.totals]:
                for sex, cell in zip([*row.table.sexes, "*"], line.cells, strict=True):
                    cells.append(CellOut(country=line.country, sex=sex, value=cell.text))
        target = row.target
        out.append(
            IndicatorOut(
                id=row.indicator.pk,
                code=row.indicator.code,
                name=str(row.indicator.name),
                result=row.indicator.result.code,
                kind=row.indicator.kind,
                unit=row.indicator.unit,
                baseline=row.indicator.baseline_value,
                target=(str(target.value) if target.value is not None else target.text)
                if target
                else None,
                value=row.headline,
                status=row.status,
                cells=cells,
            )
        )
    return out


@router.get("/results/values", response=list[ValueOut])
def list_result_values(request: HttpRequest) -> list[ValueOut]:
    user = _user(request)
    if not user.has_perm("results.view_results"):
        raise PermissionDenied
    return [_value_out(value) for value in values_visible_to(user).order_by("pk")[:500]]


@router.post("/results/values", response={201: ValueOut})
def create_result_value(request: HttpRequest, payload: ValueIn) -> Status:
    user = _user(request)
    if not user.has_perm("results.report_values"):
        raise PermissionDenied
    logframe = logframe_or_404()
    country = None
    if payload.country:
        country = Country.objects.filter(code=payload.country).first()
        if country is None:
            raise HttpError(400, "Unknown country.")
    try:
        value = services.save_value(
            indicator=get_indicator(payload.indicator),
            period=get_period(logframe, payload.period),
            country=country,
            by=user,
            raw=payload.value,
            text=payload.text,
            not_available=payload.not_available,
            reason=payload.not_available_reason,
            submit=payload.submit,
        )
    except ValidationError as error:
        raise _refusal(error) from None
    return Status(201, _value_out(value))


@router.post("/results/values/{value_id}/approve", response=ValueOut)
def approve_result_value(request: HttpRequest, value_id: int) -> ValueOut:
    user = _user(request)
    value = get_value_for(user, value_id)
    try:
        return _value_out(services.approve_value(value=value, by=user))
    except ValidationError as error:
        raise _refusal(error) from None


@router.post("/results/values/{value_id}/return", response=ValueOut)
def return_result_value(request: HttpRequest, value_id: int, payload: DecisionIn) -> ValueOut:
    user = _user(request)
    value = get_value_for(user, value_id)
    try:
        return _value_out(services.return_value(value=value, by=user, comment=payload.comment))
    except ValidationError as error:
        raise _refusal(error) from None
