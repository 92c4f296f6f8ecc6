"""Where one page's time goes: its SQL (with times) and a cProfile of the request.

    export MOMENTUM_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/momentum_bench
    .venv/bin/python bench/page_profile.py catalogue            # a page name of page_speed.py
    .venv/bin/python bench/page_profile.py officers-staff --explain --top 40

Production settings on the benchmark database, through Django's test client with the same
readers as ``bench/page_speed.py``; warms the page up twice, then prints each query with its
time (``--explain``: the slowest query's plan, EXPLAIN ANALYZE) and the profile of ``--repeat``
requests sorted by cumulative time.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from page_speed import DEFAULT_URL, HUB_URL, _setup_django, hub_pages, training_pages


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("page")
    parser.add_argument("--repeat", type=int, default=10)
    parser.add_argument("--top", type=int, default=30)
    parser.add_argument("--explain", action="store_true")
    args = parser.parse_args()
    hub = args.page.startswith("hub-")
    url = (
        os.environ.get("HUB_BENCH_DATABASE_URL", HUB_URL)
        if hub
        else os.environ.get("MOMENTUM_DATABASE_URL", DEFAULT_URL)
    )
    # Not setup_test_environment(): its instrumented template rendering copies every context
    # and would be most of what the profile shows. The test client's host is allowed instead.
    os.environ["MOMENTUM_ALLOWED_HOSTS"] = "testserver,127.0.0.1,localhost"
    _setup_django(url)
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    pages, cookies = hub_pages() if hub else training_pages()
    page = next((p for p in pages if p.name == args.page), None)
    if page is None:
        raise SystemExit(f"Unknown page {args.page!r}: {', '.join(p.name for p in pages)}")
    name, value = cookies[page.reader].split("=", 1)
    client = Client()
    client.cookies[name] = value
    for _ in range(2):
        response = client.get(page.path)
        assert response.status_code == 200, response.status_code
    with CaptureQueriesContext(connection) as captured:
        started = time.perf_counter()
        client.get(page.path)
        total = (time.perf_counter() - started) * 1000
    sql_ms = sum(float(query["time"]) for query in captured) * 1000
    print(f"{page.path}: {total:.1f} ms, {len(captured)} queries, {sql_ms:.1f} ms of SQL")
    for query in captured:
        print(f"  {float(query['time']) * 1000:7.1f} ms  {query['sql'][:300]}")
    if args.explain and captured:
        slowest = max(captured, key=lambda query: float(query["time"]))
        with connection.cursor() as cursor:
            cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + slowest["sql"])
            print("\n".join(row[0] for row in cursor.fetchall()))
    profile = cProfile.Profile()
    profile.enable()
    for _ in range(args.repeat):
        client.get(page.path)
    profile.disable()
    pstats.Stats(profile).sort_stats("cumulative").print_stats(args.top)
    return 0


if __name__ == "__main__":
    sys.exit(main())
