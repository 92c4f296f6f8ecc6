"""Queries and latency of the training pages on the large programme of training_generate.py.

    MOMENTUM_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/momentum_bench \\
        .venv/bin/python bench/training_measure.py [--repeat 20] [--sql]

Production settings (``MOMENTUM_TESTING=false``, ``MOMENTUM_MFA_REQUIRED=false`` so the
readers need no second factor), static files collected into ``MOMENTUM_VAR_DIR``. Signed in
with Django's test client over HTTPS as programme staff (and, where it matters, as Jordan's
focal point or as the officer concerned), it requests each page that exists in
``training/urls.py`` once to warm up, once under ``CaptureQueriesContext`` to count the SQL
queries, then ``--repeat`` times to time it, and prints a table: queries, median and 95th
percentile of the wall time in milliseconds.

The pages are chosen on the data: the session in selection with the most nominations (500),
the finished session with the most participants, the course with the most sessions (about 300
sessions, 10,000 participants), and the officer with the most sessions (80).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from training_generate import configure


def _targets() -> dict[str, Any]:
    from django.db.models import Count, Q

    from momentum.people.models import Profile, Role, User
    from momentum.training.models import Course, NominationStatus, Session, SessionStatus

    board = (
        Session.objects.filter(status=SessionStatus.SELECTION)
        .annotate(n=Count("nominations"))
        .order_by("-n")
        .first()
    )
    results = (
        Session.objects.filter(status=SessionStatus.CLOSED)
        .annotate(n=Count("nominations", filter=Q(nominations__status=NominationStatus.SELECTED)))
        .order_by("-n", "pk")
        .first()
    )
    course = Course.objects.annotate(n=Count("sessions")).order_by("-n", "pk").first()
    frequent = (
        Profile.objects.annotate(n=Count("nominations")).order_by("-n", "pk").select_related("user")
    ).first()
    if not (board and results and course and frequent):
        raise SystemExit("No benchmark data: run bench/training_generate.py first.")
    staff = User.objects.get(email="staff@bench.example.org")
    focal = User.objects.filter(
        role_assignments__role=Role.FOCAL_POINT, role_assignments__country__code="JO"
    ).first()
    return {
        "board": board,
        "results": results,
        "course": course,
        "frequent": frequent,
        "sessions": Session.objects.count(),
        "readers": {"staff": staff, "focal point JO": focal, "officer": frequent.user},
    }


def _pages(targets: dict[str, Any]) -> list[tuple[str, str, str, str]]:
    """(page, what it shows, reader, url) for each page that exists."""
    from django.urls import NoReverseMatch, reverse
    from django.utils import translation

    board, results, course = targets["board"], targets["results"], targets["course"]
    frequent = targets["frequent"]
    wanted = [
        (
            "selection board",
            f"{board.n} nominations",
            "staff",
            "training:selection_board",
            board.pk,
        ),
        (
            "session results",
            f"{results.n} participants",
            "staff",
            "training:session_results",
            results.pk,
        ),
        ("course results", f"{course.n} sessions", "staff", "training:course_results", course.pk),
        ("session list", f"{targets['sessions']:,} sessions", "staff", "training:sessions", None),
        (
            "session list",
            f"{targets['sessions']:,} sessions",
            "focal point JO",
            "training:sessions",
            None,
        ),
        ("transcript", f"{frequent.n} sessions", "staff", "training:transcript", frequent.pk),
        ("my training", f"{frequent.n} sessions", "officer", "training:my_training", None),
        (
            "evaluation results",
            f"{results.n} participants",
            "staff",
            "training:evaluation_results",
            results.pk,
        ),
        (
            "attendance summary",
            f"{results.n} participants",
            "staff",
            "training:attendance_summary",
            results.pk,
        ),
        ("catalogue", "16 courses", "staff", "training:catalogue", None),
    ]
    pages = []
    with translation.override("en"):
        for page, what, reader, name, pk in wanted:
            try:
                url = reverse(name, kwargs={"pk": pk}) if pk is not None else reverse(name)
            except NoReverseMatch:
                continue
            pages.append((page, what, reader, url))
    pages.append(("API sessions", "first page", "staff", "/api/v1/sessions"))
    pages.append(
        (
            "API nominations",
            f"{board.n} nominations",
            "staff",
            f"/api/v1/sessions/{board.pk}/nominations",
        )
    )
    return pages


def _measure(client: Any, url: str, repeat: int, show_sql: bool) -> tuple[int, int, float, float]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    response = client.get(url, secure=True)  # warm-up: templates, caches
    if response.status_code != 200:
        return response.status_code, 0, 0.0, 0.0
    with CaptureQueriesContext(connection) as captured:
        client.get(url, secure=True)
    queries = [query["sql"] for query in captured]
    if show_sql:
        print(f"\n{url}: {len(queries)} queries")
        for sql in queries:
            print("   ", sql[:200])
    timings = []
    for _ in range(repeat):
        started = time.perf_counter()
        client.get(url, secure=True)
        timings.append((time.perf_counter() - started) * 1000)
    timings.sort()
    p95 = timings[min(len(timings) - 1, max(0, round(0.95 * len(timings)) - 1))]
    return 200, len(queries), statistics.median(timings), p95


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20, help="timed requests per page")
    parser.add_argument("--sql", action="store_true", help="print each page's SQL")
    args = parser.parse_args()

    configure()
    from django.core.management import call_command
    from django.test import Client
    from django.test.utils import setup_test_environment

    call_command("collectstatic", interactive=False, verbosity=0)
    setup_test_environment()  # lets the test client in (ALLOWED_HOSTS)
    targets = _targets()
    clients = {}
    for name, user in targets["readers"].items():
        client = Client()
        client.force_login(user)
        clients[name] = client

    rows = []
    for page, what, reader, url in _pages(targets):
        status, queries, median, p95 = _measure(clients[reader], url, args.repeat, args.sql)
        rows.append((page, what, reader, url, status, queries, median, p95))
        print(f"  measured {url} as {reader}", flush=True)

    print()
    header = (
        f"{'page':<20} {'data':<18} {'reader':<15} {'status':>6} {'queries':>7} "
        f"{'median ms':>9} {'p95 ms':>8}"
    )
    print(header)
    print("-" * len(header))
    for page, what, reader, _url, status, queries, median, p95 in rows:
        if status != 200:
            print(f"{page:<20} {what:<18} {reader:<15} {status:>6} {'-':>7} {'-':>9} {'-':>8}")
            continue
        print(
            f"{page:<20} {what:<18} {reader:<15} {status:>6} {queries:>7} "
            f"{median:>9.0f} {p95:>8.0f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
