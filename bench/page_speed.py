"""Requests per second of Momentum's main pages as a share of a bare Django page's (the ceiling).

    export MOMENTUM_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/momentum_bench
    .venv/bin/python bench/training_generate.py          # once: 100,000 officers (see README)
    .venv/bin/python bench/page_speed.py                 # every page
    .venv/bin/python bench/page_speed.py --pages catalogue,officers-staff --duration 10
    .venv/bin/python bench/page_speed.py --list          # the pages' names

Serves the benchmark database with gunicorn (``momentum.wsgi``, production settings, 2 sync
workers) and the ceiling project of ``bench/ceiling`` (one model, 1,000 rows in its own
database ``CEILING_DATABASE_URL``, default ``momentum_bench_ceiling``, created and filled here;
a view rendering 25 rows through a template) with the same gunicorn, on local ports. Each page
is loaded right after the ceiling, alternately, by ``wrk`` (10 connections, ``--duration``
seconds each) with the session cookie of the reader who sees it: a session written directly
with Django's session engine (no sign-in form); the readers who must have a second factor get
one recorded, so the second-factor check runs as in production. The hub's pages are served
from ``HUB_BENCH_DATABASE_URL`` (``bench/hub_search.py``'s database) when it exists, and the
other activities' pages (mentoring, results, the board, support, toolkit, exercise, simulator,
self-assessment, needs) from ``DEMO_BENCH_DATABASE_URL`` (default ``momentum_bench_demo``: the
demo programme: with ``MOMENTUM_DEMO=true`` and that database, ``momentum migrate``,
``momentum createcachetable``, ``momentum demo``).

Prints page | reader | req/s | p50 | p95 | ceiling req/s | share of the ceiling, and the load
average before and after: the machine is shared, so compare the share, measured in the same run.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
BENCH = Path(__file__).resolve().parent
VENV_BIN = Path(sys.executable).parent
DEFAULT_URL = "postgresql://postgres@127.0.0.1:5432/momentum_bench"
CEILING_URL = "postgresql://postgres@127.0.0.1:5432/momentum_bench_ceiling"
HUB_URL = "postgresql://postgres@127.0.0.1:5432/momentum_bench_hub"
DEMO_URL = "postgresql://postgres@127.0.0.1:5432/momentum_bench_demo"

# wrk reports the 50th and 95th percentiles and the non-2xx/3xx answers as one JSON line.
WRK_REPORT = """
done = function(summary, latency, requests)
  io.write(string.format('{"requests": %d, "seconds": %f, "p50": %f, "p95": %f, "bad": %d, '
    .. '"errors": %d}\\n', summary.requests, summary.duration / 1e6,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, summary.errors.status,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
"""


@dataclass
class Page:
    name: str
    label: str
    reader: str
    path: str
    database: str = "training"  # or "hub", or "demo"


def _database_env(url: str) -> dict[str, str]:
    return {
        **os.environ,
        "MOMENTUM_DATABASE_URL": url,
        "MOMENTUM_TESTING": "false",
        "MOMENTUM_DEMO": "false",
        "MOMENTUM_MFA_REQUIRED": "true",
        "MOMENTUM_SSL_REDIRECT": "false",  # plain http on a local port
        "MOMENTUM_VAR_DIR": os.environ.get("MOMENTUM_VAR_DIR", str(ROOT / "var" / "bench")),
        "MOMENTUM_LOG_LEVEL": "ERROR",
        "DJANGO_SETTINGS_MODULE": "momentum.settings",
    }


def _admin(url: str) -> Any:
    import psycopg

    parsed = urlparse(url)
    return psycopg.connect(
        dbname="postgres",
        user=parsed.username or None,
        password=parsed.password or None,
        host=parsed.hostname or None,
        port=parsed.port or None,
        autocommit=True,
    )


def _exists(url: str) -> bool:
    name = urlparse(url).path.lstrip("/")
    with _admin(url) as admin:
        return bool(
            admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        )


def prepare_ceiling(url: str) -> None:
    """The ceiling's own database: one table of 1,000 rows (created once)."""
    import psycopg

    name = urlparse(url).path.lstrip("/")
    if "bench" not in name:
        raise SystemExit(f"Refusing to use {name!r}: the ceiling's database name must say bench.")
    if not _exists(url):
        with _admin(url) as admin:
            admin.execute(f'CREATE DATABASE "{name}"')
    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute(
            "CREATE TABLE IF NOT EXISTS ceiling_row (id bigserial PRIMARY KEY, "
            "name varchar(100) NOT NULL, country varchar(2) NOT NULL, "
            "created timestamptz NOT NULL)"
        )
        connection.execute("CREATE INDEX IF NOT EXISTS ceiling_row_name ON ceiling_row (name)")
        count = connection.execute("SELECT count(*) FROM ceiling_row").fetchone()
        if count and count[0] != 1000:
            connection.execute("TRUNCATE ceiling_row")
            connection.execute(
                "INSERT INTO ceiling_row (name, country, created) "
                "SELECT 'Officer ' || to_char(n, 'FM0000'), "
                "(ARRAY['DZ','JO','LB','MA','PS','TN','EG'])[1 + n % 7], "
                "now() - n * interval '1 day' FROM generate_series(1, 1000) AS n"
            )
            connection.execute("ANALYZE ceiling_row")


# --- The pages and their readers, chosen on the data (run inside Django) ---------------------


def _setup_django(url: str) -> None:
    os.environ.update(_database_env(url))
    sys.path.insert(0, str(ROOT / "src"))
    import django

    django.setup()


def _session_cookie(user: Any) -> str:
    """A signed-in session written with Django's session engine, as a sign-in would leave it."""
    from importlib import import_module

    from allauth.mfa.models import Authenticator
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY

    if user.needs_mfa and not Authenticator.objects.filter(user=user).exists():
        # The benchmark's readers "have" a second factor, so the middleware lets them through.
        Authenticator.objects.create(
            user=user, type=Authenticator.Type.TOTP, data={"secret": "bench"}
        )
    store = import_module(settings.SESSION_ENGINE).SessionStore()
    store[SESSION_KEY] = str(user.pk)
    store[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[-1]
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    store.set_expiry(24 * 3600)
    store.save()
    return f"{settings.SESSION_COOKIE_NAME}={store.session_key}"


def training_pages() -> tuple[list[Page], dict[str, str]]:
    from django.db.models import Count, Q
    from django.urls import reverse
    from django.utils import translation

    from momentum.people.models import Profile, Role, User
    from momentum.training.models import (
        Course,
        Nomination,
        NominationStatus,
        Session,
        SessionStatus,
    )

    board = (
        Session.objects.filter(status=SessionStatus.SELECTION)
        .annotate(n=Count("nominations"))
        .order_by("-n", "pk")
        .first()
    )
    closed = (
        Session.objects.filter(status=SessionStatus.CLOSED)
        .annotate(n=Count("nominations", filter=Q(nominations__status=NominationStatus.SELECTED)))
        .order_by("-n", "pk")
        .first()
    )
    course = Course.objects.annotate(n=Count("sessions")).order_by("-n", "pk").first()
    busiest = (
        Nomination.objects.values("officer")
        .annotate(n=Count("pk"))
        .order_by("-n", "officer")
        .first()
    )
    frequent = None
    if busiest:
        frequent = Profile.objects.select_related("user").get(pk=busiest["officer"])
        frequent.n = busiest["n"]
    if not (board and closed and course and frequent):
        raise SystemExit("No benchmark data: run bench/training_generate.py first.")
    readers = {
        "staff": User.objects.get(email="staff@bench.example.org"),
        "focal point": User.objects.filter(
            role_assignments__role=Role.FOCAL_POINT, role_assignments__country__code="JO"
        ).first(),
        "officer": frequent.user,
    }
    cookies = {name: _session_cookie(user) for name, user in readers.items()}
    sessions = Session.objects.count()
    officers = Profile.objects.count()
    with translation.override("en"):
        home = reverse("home")
        pages = [
            Page("home-officer", "officer's home", "officer", home),
            Page("home-focal", "focal point's home", "focal point", home),
            Page("home-staff", "staff home", "staff", home),
            Page("catalogue", "training catalogue", "staff", reverse("training:catalogue")),
            Page("api-sessions", "API sessions", "staff", "/api/v1/sessions"),
            Page(
                "sessions-staff",
                f"session list ({sessions:,})",
                "staff",
                reverse("training:sessions"),
            ),
            Page(
                "sessions-focal",
                f"session list ({sessions:,})",
                "focal point",
                reverse("training:sessions"),
            ),
            Page(
                "session-results",
                f"session results ({closed.n} participants)",
                "staff",
                reverse("training:session_results", kwargs={"pk": closed.pk}),
            ),
            Page(
                "transcript",
                f"transcript ({frequent.n} sessions)",
                "staff",
                reverse("training:transcript", kwargs={"pk": frequent.pk}),
            ),
            Page(
                "my-training",
                f"my training ({frequent.n} sessions)",
                "officer",
                reverse("training:my_training"),
            ),
            Page(
                "officers-focal",
                f"officer list ({officers:,})",
                "focal point",
                reverse("people:officers"),
            ),
            Page(
                "officers-staff",
                f"officer list ({officers:,})",
                "staff",
                reverse("people:officers"),
            ),
            Page("api-people", f"API people ({officers:,})", "staff", "/api/v1/people"),
            Page(
                "selection-board",
                f"selection board ({board.n} nominations)",
                "staff",
                reverse("training:selection_board", kwargs={"pk": board.pk}),
            ),
            Page(
                "course-results",
                f"course results ({course.n} sessions)",
                "staff",
                reverse("training:course_results", kwargs={"pk": course.pk}),
            ),
        ]
    return pages, cookies


def hub_pages() -> tuple[list[Page], dict[str, str]]:
    from django.db.models import Count
    from django.urls import reverse
    from django.utils import translation

    from momentum.hub.models import Membership, Thread

    member = Membership.objects.filter(status="active").select_related("user").first()
    if member is None:
        return [], {}
    # The longest thread of the spaces the member belongs to.
    thread = (
        Thread.objects.filter(space__in=member.user.hub_memberships.values("space"))
        .annotate(n=Count("posts"))
        .order_by("-n", "pk")
        .first()
    )
    if thread is None:
        return [], {}
    cookies = {"hub member": _session_cookie(member.user)}
    with translation.override("en"):
        pages = [
            Page(
                "hub-thread",
                f"hub thread (first page of {thread.n:,} posts)",
                "hub member",
                reverse("hub:thread", kwargs={"pk": thread.pk}),
                "hub",
            ),
            Page(
                "hub-search",
                "hub search",
                "hub member",
                reverse("hub:search") + "?q=border",
                "hub",
            ),
        ]
    return pages, cookies


def demo_pages() -> tuple[list[Page], dict[str, str]]:
    """The activities the training database does not hold (mentoring, results, the board, the
    support office, the toolkit, the field exercise, the simulator, the gender self-assessment,
    the needs assessment), on the demo programme: their pages' own cost, at the demo's size."""
    from django.urls import reverse
    from django.utils import translation

    from momentum.mentoring.models import Cohort
    from momentum.people.models import User

    cohort = Cohort.objects.order_by("pk").first()
    if cohort is None:
        return [], {}
    cookies = {
        "staff": _session_cookie(User.objects.get(email="staff@example.org")),
    }
    with translation.override("en"):
        names = [
            ("mentoring-cohorts", "mentoring cohorts", reverse("mentoring:cohorts")),
            (
                "mentoring-health",
                "mentoring programme health",
                reverse("mentoring:cohort_health", kwargs={"pk": cohort.pk}),
            ),
            ("results-dashboard", "results dashboard", reverse("results:dashboard")),
            ("board", "advisory board", reverse("governance:board")),
            ("board-meetings", "board meetings", reverse("governance:meetings")),
            ("support-queue", "support queue", reverse("support:queue")),
            ("toolkit", "toolkit", reverse("toolkit:index")),
            ("exercise", "field exercise", reverse("exercise:list")),
            ("screening", "screening simulator", reverse("screening:index")),
            ("selfassessment", "gender self-assessment", reverse("selfassessment:cycles")),
            ("needs", "needs assessment", reverse("needs:rounds")),
        ]
        pages = [Page(name, label, "staff", path, "demo") for name, label, path in names]
    return pages, cookies


def _describe(url: str, which: str, out: Path) -> None:
    """Child process: set Django up on ``url`` and write the pages and cookies as JSON."""
    _setup_django(url)
    describers = {"training": training_pages, "hub": hub_pages, "demo": demo_pages}
    pages, cookies = describers[which]()
    out.write_text(json.dumps({"pages": [p.__dict__ for p in pages], "cookies": cookies}))


def describe(url: str, which: str) -> tuple[list[Page], dict[str, str]]:
    with tempfile.NamedTemporaryFile(suffix=".json") as handle:
        subprocess.run(  # noqa: S603
            [sys.executable, __file__, "--describe", which, "--describe-out", handle.name],
            env=_database_env(url),
            check=True,
        )
        data = json.loads(Path(handle.name).read_text())
    return [Page(**p) for p in data["pages"]], data["cookies"]


# --- Serving and loading ----------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Server:
    def __init__(self, app: str, env: dict[str, str], cwd: Path, workers: int) -> None:
        self.port = _free_port()
        self.process = subprocess.Popen(  # noqa: S603
            [
                str(VENV_BIN / "gunicorn"),
                app,
                "--bind",
                f"127.0.0.1:{self.port}",
                "--workers",
                str(workers),
                "--log-level",
                "warning",
            ],
            env=env,
            cwd=cwd,
            start_new_session=True,
        )
        self.base = f"http://127.0.0.1:{self.port}"
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1):
                    return
            except OSError:
                time.sleep(0.3)
        raise SystemExit(f"{app} did not start on port {self.port}")

    def stop(self) -> None:
        os.killpg(self.process.pid, signal.SIGTERM)
        self.process.wait(timeout=30)


def check(url: str, cookie: str) -> int:
    """The page answers 200 to this reader (not a redirect to the sign-in or 2FA page)."""

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args: Any, **kwargs: Any) -> None:
            return None

    opener = urllib.request.build_opener(NoRedirect)
    request = urllib.request.Request(url, headers={"Cookie": cookie})  # noqa: S310
    try:
        with opener.open(request, timeout=120) as response:
            return int(response.status)
    except urllib.error.HTTPError as error:
        return error.code


def load(url: str, cookie: str, *, duration: int, connections: int, script: Path) -> dict[str, Any]:
    command = ["wrk", "-t2", f"-c{connections}", f"-d{duration}s", "--timeout", "30s"]
    command += ["-s", str(script)]
    if cookie:
        command += ["-H", f"Cookie: {cookie}"]
    output = subprocess.run(  # noqa: S603
        [*command, url], capture_output=True, text=True, check=True
    ).stdout
    report: dict[str, Any] = json.loads(output.strip().splitlines()[-1])
    report["rps"] = report["requests"] / report["seconds"]
    return report


def loadavg() -> str:
    return Path("/proc/loadavg").read_text().split(" ", 3)[:3].__str__()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", help="comma-separated page names (see --list); default all")
    parser.add_argument("--list", action="store_true", help="print the pages' names and stop")
    parser.add_argument("--duration", type=int, default=8, help="seconds of load per measure")
    parser.add_argument("--connections", type=int, default=10)
    parser.add_argument("--workers", type=int, default=2, help="gunicorn sync workers")
    parser.add_argument("--describe", help=argparse.SUPPRESS)
    parser.add_argument("--describe-out", help=argparse.SUPPRESS)
    args = parser.parse_args()
    urls = {
        "training": os.environ.get("MOMENTUM_DATABASE_URL", DEFAULT_URL),
        "hub": os.environ.get("HUB_BENCH_DATABASE_URL", HUB_URL),
        "demo": os.environ.get("DEMO_BENCH_DATABASE_URL", DEMO_URL),
    }
    training_url, hub_url = urls["training"], urls["hub"]
    if args.describe:
        _describe(urls[args.describe], args.describe, Path(args.describe_out))
        return 0
    if not shutil.which("wrk"):
        raise SystemExit("wrk is needed (Debian: apt-get install wrk).")
    for url in urls.values():
        if "bench" not in urlparse(url).path:
            raise SystemExit(f"Refusing {url}: a benchmark database's name must say bench.")

    pages, cookies = describe(training_url, "training")
    hub_ready = _exists(hub_url)
    if hub_ready:
        more, more_cookies = describe(hub_url, "hub")
        pages += more
        cookies.update(more_cookies)
    demo_ready = _exists(urls["demo"])
    if demo_ready:
        more, more_cookies = describe(urls["demo"], "demo")
        pages += more
        cookies.update({f"demo {reader}": cookie for reader, cookie in more_cookies.items()})
        for page in more:
            page.reader = f"demo {page.reader}"
    if args.list:
        for page in pages:
            print(f"{page.name:<18} {page.label} — {page.reader} — {page.path}")
        if not hub_ready:
            print("(hub-thread, hub-search: run bench/hub_search.py to build the hub's database)")
        if not demo_ready:
            print("(the other activities' pages: seed the demo into DEMO_BENCH_DATABASE_URL)")
        return 0
    if args.pages:
        wanted = args.pages.split(",")
        unknown = set(wanted) - {page.name for page in pages}
        if unknown:
            raise SystemExit(f"Unknown pages: {', '.join(sorted(unknown))} (see --list)")
        pages = [page for page in pages if page.name in wanted]

    ceiling_url = os.environ.get("CEILING_DATABASE_URL", CEILING_URL)
    prepare_ceiling(ceiling_url)
    subprocess.run(  # noqa: S603
        [str(VENV_BIN / "momentum"), "collectstatic", "--no-input", "-v0"],
        env=_database_env(training_url),
        check=True,
    )
    servers: dict[str, Server] = {}
    script = Path(tempfile.mkstemp(suffix=".lua")[1])
    script.write_text(WRK_REPORT)
    rows = []
    started_load = loadavg()
    try:
        servers["ceiling"] = Server(
            "ceiling.wsgi:application",
            {**os.environ, "CEILING_DATABASE_URL": ceiling_url},
            BENCH / "ceiling",
            args.workers,
        )
        for database in sorted({page.database for page in pages}):
            servers[database] = Server(
                "momentum.wsgi:application", _database_env(urls[database]), ROOT, args.workers
            )
        ceiling = servers["ceiling"].base + "/"
        for page in pages:
            cookie = cookies[page.reader]
            url = servers[page.database].base + page.path
            status = check(url, cookie)
            for _warm in range(3):  # both workers' templates, caches and connections
                check(url, cookie)
                check(ceiling, "")
            if status != 200:
                rows.append((page, None, None, loadavg()))
                print(f"  {page.name}: HTTP {status}", flush=True)
                continue
            options = {"duration": args.duration, "connections": args.connections, "script": script}
            base = load(ceiling, "", **options)
            measured = load(url, cookie, **options)
            rows.append((page, measured, base, loadavg()))
            print(
                f"  {page.name}: {measured['rps']:.1f} req/s, ceiling {base['rps']:.1f} "
                f"(load {rows[-1][3]})",
                flush=True,
            )
    finally:
        for server in servers.values():
            server.stop()
        script.unlink()

    print(f"\nLoad average at the start {started_load}, at the end {loadavg()}.")
    print(
        f"gunicorn {args.workers} sync workers, wrk {args.connections} connections, "
        f"{args.duration} s per measure, page right after the ceiling.\n"
    )
    print("| page | reader | req/s | p50 ms | p95 ms | ceiling req/s (p95 ms) | share of ceiling |")
    print("|---|---|---:|---:|---:|---:|---:|")
    for page, measured, base, _load in rows:
        if measured is None or base is None:
            print(f"| {page.label} | {page.reader} | failed | | | | |")
            continue
        bad = f" ({measured['bad']} non-2xx)" if measured["bad"] or measured["errors"] else ""
        print(
            f"| {page.label} | {page.reader} | {measured['rps']:.1f}{bad} | {measured['p50']:.0f} "
            f"| {measured['p95']:.0f} | {base['rps']:.0f} ({base['p95']:.0f}) "
            f"| {100 * measured['rps'] / base['rps']:.0f} % |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
