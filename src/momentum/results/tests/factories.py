"""A small logframe for tests: one outcome, one output, a computed and a reported indicator."""

from __future__ import annotations

from datetime import date
from typing import Any

from momentum.core.tests.factories import ProgrammeFactory
from momentum.results.models import Indicator, IndicatorKind, Level, Logframe, Period, Result


def logframe_with_indicators() -> dict[str, Any]:
    programme = ProgrammeFactory()
    logframe = Logframe.objects.create(programme=programme)
    outcome = Result.objects.create(
        logframe=logframe, level=Level.OUTCOME, code="O2", name_en="Officers upskilled"
    )
    output = Result.objects.create(
        logframe=logframe,
        parent=outcome,
        level=Level.OUTPUT,
        code="OP2.1",
        name_en="Training delivered",
    )
    trained = Indicator.objects.create(
        result=output,
        code="C01",
        name_en="Officers trained",
        kind=IndicatorKind.COMPUTED,
        registry_code="training.officers_trained",
        unit="count",
    )
    share = Indicator.objects.create(
        result=output,
        code="R01",
        name_en="Women in specialised units (%)",
        kind=IndicatorKind.REPORTED,
        unit="percentage",
    )
    first = Period.objects.create(
        logframe=logframe, name="2026 H1", starts_on=date(2026, 1, 1), ends_on=date(2026, 6, 30)
    )
    second = Period.objects.create(
        logframe=logframe, name="2026 H2", starts_on=date(2026, 7, 1), ends_on=date(2026, 12, 31)
    )
    return {
        "logframe": logframe,
        "outcome": outcome,
        "trained": trained,
        "share": share,
        "first": first,
        "second": second,
    }


def close(period: Period, by: Any) -> Any:
    """Close a period and run its snapshot task now (as the worker would once committed)."""
    from django.test import TestCase

    from momentum.results.services import periods as period_services

    with TestCase.captureOnCommitCallbacks(execute=True):
        job = period_services.close_period(period=period, by=by)
    return job
