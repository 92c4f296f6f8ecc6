"""The results framework on the large programme of training_generate.py: the snapshot of every
indicator for a period, and the dashboard against the raw SQL that computes the same figures.

    MOMENTUM_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/momentum_bench \\
        .venv/bin/python bench/results_measure.py [--repeat 10]

It (re)creates a logframe on the bench database: every registered indicator as a computed
indicator with an end-of-programme target, and half-year periods from 2019 to the current one
(earlier runs' logframes are deleted first). Then:

1. **Snapshot.** The latest finished half-year is closed through the worker's own function
   (``services.figures.run_snapshot``, what the ``snapshot_period`` task runs), timed, with its
   SQL queries counted.
2. **Live refresh.** The current (open) half-year's figures are computed and stored as the
   periodic task does (``services.figures.refresh_live_figures``), timed, queries counted.
3. **Dashboard.** The open half-year's dashboard is requested as programme staff through
   Django's test client (HTTPS, production settings): once to warm up, once to count the
   queries, then ``--repeat`` times for the median and the 95th percentile — reading the stored
   figures, and again with nothing stored before each request (the first view after a period
   or an indicator is added: every indicator computed during the request, then stored; what
   every request cost before the figures were stored).
4. **Raw SQL.** The SQL statements that compute the dashboard's figures (every indicator's
   country-by-sex table for the period and since the start, the reported values and the
   trend) are captured once, then run ``--repeat`` times straight on a database cursor, with no
   ORM, no Python per row and no template: the floor any computation could reach.

Prints the figures as a Markdown table.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import time
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from training_generate import configure


def _half_years(first_year: int, today: date) -> list[tuple[str, date, date]]:
    periods = []
    for year in range(first_year, today.year + 1):
        for half, start, end in (
            ("H1", date(year, 1, 1), date(year, 6, 30)),
            ("H2", date(year, 7, 1), date(year, 12, 31)),
        ):
            if start <= today:
                periods.append((f"{year} {half}", start, end))
    return periods


def _logframe(staff: Any) -> Any:
    from django.utils import timezone

    from momentum.core import indicators as registry
    from momentum.core.models import Programme
    from momentum.results.models import Indicator, IndicatorKind, Level, Logframe, Result
    from momentum.results.services import logframe as logframe_services
    from momentum.results.services import periods as period_services

    Logframe.objects.all().delete()
    programme = Programme.objects.order_by("pk").first()
    logframe = Logframe.objects.create(programme=programme)
    outcome = Result.objects.create(
        logframe=logframe, level=Level.OUTCOME, code="O1", name_en="Officers upskilled"
    )
    for order, registered in enumerate(registry.all_indicators()):
        indicator = Indicator.objects.create(
            result=outcome,
            code=f"C{order + 1:02d}",
            name_en=str(registered.name),
            kind=IndicatorKind.COMPUTED,
            registry_code=registered.code,
            unit=registered.unit,
            baseline_value=Decimal(0),
            order=order,
        )
        target = "80" if registered.unit != "count" else "1000"
        logframe_services.set_target(indicator=indicator, by=staff, raw=target)
    for name, start, end in _half_years(2019, timezone.localdate()):
        period_services.create_period(
            logframe=logframe, by=staff, name=name, starts_on=start, ends_on=end
        )
    return logframe


def _close(period: Any, staff: Any) -> tuple[float, int]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from momentum.core import services as jobs
    from momentum.results.models import Period, PeriodStatus
    from momentum.results.services import figures as figure_services
    from momentum.results.services import periods as period_services

    job = jobs.create_job(kind=period_services.SNAPSHOT_JOB_KIND, by=staff, period=period.pk)
    Period.objects.filter(pk=period.pk).update(status=PeriodStatus.CLOSING, job=job)
    with CaptureQueriesContext(connection) as queries:
        started = time.perf_counter()
        figure_services.run_snapshot(job)
        seconds = time.perf_counter() - started
    return seconds, len(queries)


def _timings(function: Any, repeat: int, before: Any = None) -> tuple[float, float]:
    times = []
    for _ in range(repeat):
        if before is not None:
            before()  # not timed
        started = time.perf_counter()
        function()
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
    return statistics.median(times), p95


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=10)
    parser.add_argument(
        "--keep",
        action="store_true",
        help="reuse the logframe of an earlier run (re-open and close again the measured period)",
    )
    arguments = parser.parse_args()
    configure()

    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from momentum.people.models import Profile, User
    from momentum.results.models import LiveFigures, Period, Snapshot
    from momentum.results.selectors.dashboard import dashboard
    from momentum.results.selectors.logframe import audience_for
    from momentum.training.models import Certificate, Nomination

    started = time.perf_counter()

    def say(text: str) -> None:
        print(f"[{time.perf_counter() - started:6.1f} s] {text}", file=sys.stderr, flush=True)

    from django.test.utils import setup_test_environment

    from momentum.results.models import Logframe
    from momentum.results.services import figures as figure_services
    from momentum.results.services import periods as period_services

    staff = User.objects.get(email="staff@bench.example.org")
    kept = Logframe.objects.order_by("pk").first() if arguments.keep else None
    if kept is None:
        call_command("collectstatic", interactive=False, verbosity=0)
        say("static files collected")
        logframe = _logframe(staff)
        say("logframe and periods created")
    else:
        logframe = kept
    periods = list(Period.objects.filter(logframe=logframe).order_by("starts_on"))
    current, latest_finished = periods[-1], periods[-2]

    # Earlier periods are closed first, so that the trend has its points (their time is not
    # the one measured: the one measured is the latest finished half-year).
    for period in periods[:-2]:
        if not period.is_closed:
            seconds, _queries = _close(period, staff)
            say(f"{period.name} closed in {seconds:.1f} s")
    if latest_finished.is_closed:
        period_services.reopen_period(period=latest_finished, by=staff, reason="benchmark")
        latest_finished.refresh_from_db()
    snapshot_seconds, snapshot_queries = _close(latest_finished, staff)
    say(f"{latest_finished.name} closed in {snapshot_seconds:.1f} s (measured)")
    indicators = Snapshot.objects.filter(period=latest_finished).count()

    connection.queries_log.clear()  # a full log (9,000 entries) would count nothing
    with CaptureQueriesContext(connection) as refresh_queries:
        refresh_started = time.perf_counter()
        figure_services.refresh_live_figures(period=current)
        refresh_seconds = time.perf_counter() - refresh_started
    say(f"{current.name} live figures stored in {refresh_seconds:.1f} s")

    setup_test_environment()  # lets the test client in (ALLOWED_HOSTS)
    client = Client()
    client.force_login(staff)
    url = f"/en/results/?period={current.pk}"
    response = client.get(url, secure=True)
    assert response.status_code == 200, response.status_code
    with CaptureQueriesContext(connection) as page_queries:
        client.get(url, secure=True)
    page_median, page_p95 = _timings(lambda: client.get(url, secure=True), arguments.repeat)
    say("open period's dashboard from the stored figures measured")

    def forget() -> None:
        LiveFigures.objects.filter(period=current).delete()

    forget()
    with CaptureQueriesContext(connection) as unstored_queries:
        client.get(url, secure=True)
    unstored_median, unstored_p95 = _timings(
        lambda: client.get(url, secure=True), arguments.repeat, before=forget
    )
    say("open period's dashboard with nothing stored measured")

    closed_url = f"/en/results/?period={latest_finished.pk}"
    client.get(closed_url, secure=True)
    with CaptureQueriesContext(connection) as closed_queries:
        client.get(closed_url, secure=True)
    closed_median, closed_p95 = _timings(
        lambda: client.get(closed_url, secure=True), arguments.repeat
    )
    audience = audience_for(staff)
    forget()  # the selectors then compute every figure, as the raw SQL does
    with CaptureQueriesContext(connection) as figure_queries:
        dashboard(logframe=logframe, period=current, audience=audience)
    # A server-side cursor's DECLARE is replayed as a plain query.
    statements = [
        re.sub(r"^DECLARE .*? CURSOR (WITH HOLD )?FOR ", "", query["sql"])
        for query in figure_queries.captured_queries
    ]

    def raw() -> None:
        with connection.cursor() as cursor:
            for sql in statements:
                cursor.execute(sql)
                if cursor.description is not None:
                    cursor.fetchall()

    raw_median, raw_p95 = _timings(raw, arguments.repeat)
    figures_median, figures_p95 = _timings(
        lambda: dashboard(logframe=logframe, period=current, audience=audience), arguments.repeat
    )
    figure_services.refresh_live_figures(period=current)  # leaves the figures stored

    print(
        f"Data: {Profile.objects.count():,} officers, {Nomination.objects.count():,} "
        f"nominations, {Certificate.objects.count():,} certificates; "
        f"{len(periods)} half-year periods, {indicators} indicators."
    )
    print()
    print("| measure | queries | median ms | p95 ms |")
    print("|---|---:|---:|---:|")
    print(
        f"| snapshot of every indicator, {latest_finished.name} (worker function, once) "
        f"| {snapshot_queries} | {snapshot_seconds * 1000:.0f} | |"
    )
    print(
        f"| live figures of {current.name} computed and stored (the periodic task, once) "
        f"| {len(refresh_queries)} | {refresh_seconds * 1000:.0f} | |"
    )
    print(
        f"| dashboard page, {current.name} open, stored figures (staff, whole request) "
        f"| {len(page_queries)} | {page_median:.0f} | {page_p95:.0f} |"
    )
    print(
        f"| dashboard page, {current.name} open, nothing stored (computed, then stored) "
        f"| {len(unstored_queries)} | {unstored_median:.0f} | {unstored_p95:.0f} |"
    )
    print(
        f"| dashboard page, {latest_finished.name} closed (staff, read from the snapshot) "
        f"| {len(closed_queries)} | {closed_median:.0f} | {closed_p95:.0f} |"
    )
    print(
        f"| dashboard figures only (selectors, no template) "
        f"| {len(statements)} | {figures_median:.0f} | {figures_p95:.0f} |"
    )
    print(
        f"| raw SQL of the same figures (cursor) | {len(statements)} "
        f"| {raw_median:.0f} | {raw_p95:.0f} |"
    )
    print()
    print(f"Open dashboard, stored figures / raw SQL: {page_median / raw_median:.2f}x (median)")
    print(f"Open dashboard, nothing stored / raw SQL: {unstored_median / raw_median:.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
