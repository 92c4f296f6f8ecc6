"""Working hours: service-level clocks that count only the programme team's working time in the
asker's country (its time zone, weekend and public holidays).

The weekend is Friday and Saturday in Algeria, Egypt, Jordan and Palestine, Saturday and Sunday
in Lebanon, Morocco and Tunisia. Countries' calendars and holidays are editable (admin); the
defaults below apply to a country without a calendar of its own.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

FRI_SAT = frozenset({4, 5})
SAT_SUN = frozenset({5, 6})

DEFAULTS: dict[str, tuple[str, frozenset[int]]] = {
    "DZ": ("Africa/Algiers", FRI_SAT),
    "EG": ("Africa/Cairo", FRI_SAT),
    "JO": ("Asia/Amman", FRI_SAT),
    "PS": ("Asia/Hebron", FRI_SAT),
    "LB": ("Asia/Beirut", SAT_SUN),
    "MA": ("Africa/Casablanca", SAT_SUN),
    "TN": ("Africa/Tunis", SAT_SUN),
}
# The programme team's own calendar, for a visitor who gives no country.
PROGRAMME = ("Europe/Paris", SAT_SUN)
# A target never looks further than this for working time (a misconfigured calendar with no
# working day must not loop for ever).
_MAX_DAYS = 800


@dataclass(frozen=True)
class WorkingCalendarSpec:
    time_zone: str
    weekend: frozenset[int]
    day_start: time = time(8)
    day_end: time = time(16)
    holidays: frozenset[date] = field(default_factory=frozenset)

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.time_zone)

    def is_working_day(self, day: date) -> bool:
        return day.weekday() not in self.weekend and day not in self.holidays

    def _window(self, day: date) -> tuple[datetime, datetime]:
        zone = self.zone
        return (
            datetime.combine(day, self.day_start, tzinfo=zone),
            datetime.combine(day, self.day_end, tzinfo=zone),
        )

    @property
    def seconds_per_day(self) -> int:
        start = timedelta(hours=self.day_start.hour, minutes=self.day_start.minute)
        end = timedelta(hours=self.day_end.hour, minutes=self.day_end.minute)
        return int((end - start).total_seconds())


def default_spec(country_code: str | None, holidays: Iterable[date] = ()) -> WorkingCalendarSpec:
    zone, weekend = DEFAULTS.get((country_code or "").upper(), PROGRAMME)
    return WorkingCalendarSpec(zone, weekend, holidays=frozenset(holidays))


def add_working_seconds(start: datetime, seconds: int, spec: WorkingCalendarSpec) -> datetime:
    """The moment ``seconds`` of working time after ``start``."""
    local = start.astimezone(spec.zone)
    day = local.date()
    left = max(0, seconds)
    for _ in range(_MAX_DAYS):
        if spec.is_working_day(day):
            opens, closes = spec._window(day)
            begin = max(opens, local)
            if begin < closes:
                available = (closes - begin).total_seconds()
                if left <= available:
                    return begin + timedelta(seconds=left)
                left -= int(available)
        day += timedelta(days=1)
    raise ValueError("The working calendar has no working time.")


def working_seconds_between(start: datetime, end: datetime, spec: WorkingCalendarSpec) -> int:
    """The working time between ``start`` and ``end`` (0 when ``end`` is not after ``start``)."""
    if end <= start:
        return 0
    zone = spec.zone
    first, last = start.astimezone(zone), end.astimezone(zone)
    day = first.date()
    total = 0.0
    while day <= last.date():
        if spec.is_working_day(day):
            opens, closes = spec._window(day)
            begin, finish = max(opens, first), min(closes, last)
            if finish > begin:
                total += (finish - begin).total_seconds()
        day += timedelta(days=1)
    return int(total)
