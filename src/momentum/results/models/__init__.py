"""The results framework's records, split by subject."""

from momentum.results.models.logframe import (
    Direction,
    Disaggregation,
    Indicator,
    IndicatorKind,
    Level,
    Logframe,
    LogframeStatus,
    Result,
    Target,
    UnitKind,
)
from momentum.results.models.periods import (
    LiveFigures,
    Narrative,
    Period,
    PeriodStatus,
    Snapshot,
)
from momentum.results.models.values import ReportedValue, ValueStatus

__all__ = [
    "Direction",
    "Disaggregation",
    "Indicator",
    "IndicatorKind",
    "Level",
    "LiveFigures",
    "Logframe",
    "LogframeStatus",
    "Narrative",
    "Period",
    "PeriodStatus",
    "ReportedValue",
    "Result",
    "Snapshot",
    "Target",
    "UnitKind",
    "ValueStatus",
]
