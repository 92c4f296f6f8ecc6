"""The simulator's results for the programme: officers assessed and their screening quality,
by country and sex, computed in SQL over finished plays.

Staff and the observers (the donor, the Advisory Board) see every country; a focal point her
own. For observers, a cell of fewer than five officers shows "<5" with its complementary cells
hidden (the results framework's rule), and a country's rates are shown only when at least five
of its officers were assessed, so that no one's score can be read off.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Q, Sum

from momentum.core.indicators import CrossTab
from momentum.core.models import Country
from momentum.people.models import Role, Sex
from momentum.results.selectors.suppression import NOTHING_HIDDEN, THRESHOLD, Suppressed, suppress
from momentum.screening.models import Check, Expected
from momentum.screening.models.world import CaseKind

SEXES = [Sex.FEMALE.value, Sex.MALE.value]

_HIT = Q(item__presentation__expected=Expected.HIT)
_SAID_HIT = Q(decision="hit")


@dataclass
class CountryLine:
    country: Country
    officers: dict[str, int]
    total: int
    recall: int | None = None  # whole percent
    precision: int | None = None
    mean_seconds: float | None = None
    rates_hidden: bool = False
    missed_by_kind: list[tuple[str, int]] = field(default_factory=list)

    @property
    def missed_labels(self) -> list[str]:
        return [f"{kind} ({n})" for kind, n in self.missed_by_kind]


@dataclass
class Summary:
    lines: list[CountryLine]
    by_sex: dict[str, int]
    total: int
    hidden: Suppressed
    observer: bool

    def label(self, country: str, sex: str) -> str | None:
        return self.hidden.label(country, sex)


def _percent(part: float, whole: float) -> int | None:
    return round(100 * part / whole) if whole else None


def is_observer(user: Any) -> bool:
    """The donor or a board member who is not also staff: sees suppressed aggregates only."""
    return not user.is_programme_staff and bool({Role.DONOR, Role.BOARD_MEMBER} & user.roles)


def countries_for_summary(user: Any) -> list[int] | None:
    """None for every country (staff, observers); else the focal point's countries."""
    if user.is_programme_staff or is_observer(user):
        return None
    return sorted(user.countries_for(Role.FOCAL_POINT))


def summary_for(user: Any) -> Summary:
    """Three queries whatever the number of plays: the figures, the missed hits, the countries."""
    checks = Check.objects.filter(play__finished_at__isnull=False).exclude(decision="")
    scope = countries_for_summary(user)
    if scope is not None:
        checks = checks.filter(play__trainee__profile__country_id__in=scope)
    country_key = "play__trainee__profile__country_id"
    sex_key = "play__trainee__profile__sex"
    rows = (
        checks.values(country_key, sex_key)
        .annotate(
            officers=Count("play__trainee", distinct=True),
            hits=Count("pk", filter=_HIT),
            caught=Count("pk", filter=_HIT & _SAID_HIT),
            called=Count("pk", filter=_SAID_HIT),
            seconds_sum=Sum("seconds"),
            timed=Count("seconds"),
        )
        .order_by()
    )
    missed = (
        checks.filter(_HIT)
        .exclude(_SAID_HIT)
        .values(country_key, "item__presentation__case_kind")
        .annotate(n=Count("pk"))
        .order_by()
    )
    officers: dict[int, dict[str, int]] = defaultdict(dict)
    sums: dict[int, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for row in rows:
        country_id, sex = row[country_key], row[sex_key] or ""
        officers[country_id][sex] = officers[country_id].get(sex, 0) + row["officers"]
        totals = sums[country_id]
        for key in ("hits", "caught", "called"):
            totals[key] += row[key]
        totals["seconds"] += row["seconds_sum"] or 0.0
        totals["timed"] += row["timed"]
    missed_by: dict[int, list[tuple[str, int]]] = defaultdict(list)
    labels = dict(CaseKind.choices)
    for row in missed:
        kind = row["item__presentation__case_kind"]
        missed_by[row[country_key]].append((str(labels.get(kind, kind)), row["n"]))
    countries = {c.pk: c for c in Country.objects.filter(pk__in=list(officers))}
    observer = is_observer(user)
    table = CrossTab(
        n={
            (countries[cid].code, sex): n
            for cid, by_sex in officers.items()
            for sex, n in by_sex.items()
            if sex in SEXES
        }
    )
    codes = sorted(countries[cid].code for cid in officers)
    hidden = suppress(table, codes, SEXES) if observer else NOTHING_HIDDEN
    lines = []
    for cid, by_sex in officers.items():
        total = sum(by_sex.values())
        totals = sums[cid]
        line = CountryLine(country=countries[cid], officers=by_sex, total=total)
        if observer and total < THRESHOLD:
            line.rates_hidden = True
        else:
            line.recall = _percent(totals["caught"], totals["hits"])
            line.precision = _percent(totals["caught"], totals["called"])
            line.mean_seconds = totals["seconds"] / totals["timed"] if totals["timed"] else None
            line.missed_by_kind = sorted(missed_by[cid], key=lambda item: -item[1])
        lines.append(line)
    lines.sort(key=lambda line: line.country.name)
    by_sex = {sex: table.count(sex=sex) for sex in SEXES}
    return Summary(
        lines=lines,
        by_sex=by_sex,
        total=sum(line.total for line in lines),
        hidden=hidden,
        observer=observer,
    )
