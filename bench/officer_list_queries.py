"""Queries and time of the officer list (page and API) as the number of officers grows.

    .venv/bin/python bench/officer_list_queries.py [--officers 20,2000] [--repeat 15] [--sql]

Runs with the production settings (not the test settings) against a throwaway SQLite database
in a temporary ``MOMENTUM_VAR_DIR``: migrates, collects static files, creates one programme
staff member and Jordan's focal point (each with a second factor, as production requires), then
bulk-creates officers, half in Jordan and half in Morocco, and requests

    GET /en/people/officers/     the page, as staff and as the focal point
    GET /api/v1/people           the JSON API (first page of 50), as both

through Django's test client over HTTPS. For each it reports the number of SQL queries (from
``CaptureQueriesContext``) and the median wall time of ``--repeat`` requests after one warm-up.
The query count must not grow with the number of officers.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

COUNTRY_SPLIT = ("JO", "MA")
FIRST_NAMES = [
    ("Amina", "أمينة"),
    ("Karim", "كريم"),
    ("Leila", "ليلى"),
    ("Omar", "عمر"),
    ("Salma", "سلمى"),
    ("Youssef", "يوسف"),
    ("Rania", "رانيا"),
    ("Tarek", "طارق"),
]
FAMILY_NAMES = [
    ("Haddad", "حداد"),
    ("Mansour", "منصور"),
    ("Benali", "بن علي"),
    ("Khalil", "خليل"),
    ("Alaoui", "العلوي"),
    ("Saleh", "صالح"),
]


def _configure(var_dir: str) -> None:
    os.environ["MOMENTUM_VAR_DIR"] = var_dir
    os.environ["MOMENTUM_TESTING"] = "false"  # production settings, whatever the shell says
    os.environ.pop("MOMENTUM_DATABASE_URL", None)  # always the throwaway SQLite database
    os.environ.pop("MOMENTUM_DEMO", None)
    os.environ.setdefault("MOMENTUM_LOG_LEVEL", "ERROR")
    os.environ["DJANGO_SETTINGS_MODULE"] = "momentum.settings"
    import django

    django.setup()


def _prepare_database() -> None:
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)
    call_command("createcachetable", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)


def _reference_data() -> dict[str, object]:
    from django.contrib.auth.hashers import make_password

    from momentum.core.models import Agency, AreaOfWork, Country
    from momentum.people.models import Role, RoleAssignment, User

    countries = {
        "JO": Country.objects.create(
            code="JO", name_en="Jordan", name_fr="Jordanie", name_ar="الأردن"
        ),
        "MA": Country.objects.create(
            code="MA", name_en="Morocco", name_fr="Maroc", name_ar="المغرب"
        ),
    }
    agencies = {
        code: Agency.objects.create(
            country=country,
            acronym="DGSN" if code == "MA" else "PSD",
            name_en=f"Police of {country.name_en}",
        )
        for code, country in countries.items()
    }
    areas = [
        AreaOfWork.objects.create(code=code, name_en=code.replace("-", " ").title())
        for code in ("border-management", "human-trafficking", "osint", "investigations")
    ]
    password = make_password("benchmark-password-not-used")
    staff = User.objects.create(
        email="staff@example.org", password=password, given_name="Claire", family_name="Martin"
    )
    RoleAssignment.objects.create(user=staff, role=Role.STAFF)
    focal = User.objects.create(
        email="focal.jo@example.org", password=password, given_name="Nour", family_name="Jaber"
    )
    RoleAssignment.objects.create(user=focal, role=Role.FOCAL_POINT, country=countries["JO"])
    _give_second_factor(staff, focal)
    return {
        "countries": countries,
        "agencies": agencies,
        "areas": areas,
        "password": password,
        "staff": staff,
        "focal": focal,
    }


def _give_second_factor(*users: object) -> None:
    """Production requires staff and focal points to have one; the middleware checks for it."""
    from allauth.mfa.models import Authenticator

    for user in users:
        Authenticator.objects.create(
            user=user, type=Authenticator.Type.TOTP, data={"secret": "not-used-by-the-benchmark"}
        )


def _add_officers(reference: dict[str, object], start: int, stop: int) -> None:
    """Officers ``start`` … ``stop - 1``, bulk-created (``User.save`` is bypassed, so the search
    key it would build is computed here)."""
    from momentum.core.text import search_key
    from momentum.people.models import Profile, RankLevel, Role, RoleAssignment, Sex, User

    countries = reference["countries"]
    agencies = reference["agencies"]
    areas = reference["areas"]
    users = []
    for number in range(start, stop):
        given, given_ar = FIRST_NAMES[number % len(FIRST_NAMES)]
        family, family_ar = FAMILY_NAMES[(number // len(FIRST_NAMES)) % len(FAMILY_NAMES)]
        email = f"officer{number}@example.org"
        users.append(
            User(
                email=email,
                password=reference["password"],
                given_name=given,
                family_name=family,
                given_name_ar=given_ar,
                family_name_ar=family_ar,
                search_key=search_key(given, family, given_ar, family_ar, email),
            )
        )
    User.objects.bulk_create(users, batch_size=500)
    # SQLite and PostgreSQL both return primary keys from bulk_create.
    roles, profiles = [], []
    for offset, user in enumerate(users):
        code = COUNTRY_SPLIT[(start + offset) % len(COUNTRY_SPLIT)]
        roles.append(RoleAssignment(user=user, role=Role.OFFICER, country=countries[code]))
        profiles.append(
            Profile(
                user=user,
                sex=Sex.FEMALE if offset % 2 else Sex.MALE,
                country=countries[code],
                agency=agencies[code],
                rank="Inspector",
                rank_level=RankLevel.JUNIOR,
                languages=["ar", "en"],
            )
        )
    RoleAssignment.objects.bulk_create(roles, batch_size=500)
    Profile.objects.bulk_create(profiles, batch_size=500)
    through = Profile.areas_of_work.through
    through.objects.bulk_create(
        [
            through(profile_id=profile.pk, areaofwork_id=areas[(index + k) % len(areas)].pk)
            for index, profile in enumerate(profiles)
            for k in range(2)
        ],
        batch_size=1000,
    )


def _measure(client: object, url: str, repeat: int, show_sql: bool) -> tuple[int, float]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    response = client.get(url, secure=True)  # warm-up: templates, caches, prepared statements
    assert response.status_code == 200, (url, response.status_code)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, secure=True)
    assert response.status_code == 200, (url, response.status_code)
    # Read them now: the next request's request_started signal clears the connection's log.
    queries = [query["sql"] for query in captured]
    if show_sql:
        print(f"\n{url}: {len(queries)} queries")
        for sql in queries:
            print("   ", sql[:160])
    timings = []
    for _ in range(repeat):
        started = time.perf_counter()
        response = client.get(url, secure=True)
        timings.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200
    return len(queries), statistics.median(timings)


def _rows_shown(client: object, url: str) -> int:
    response = client.get(url, secure=True)
    if url.startswith("/api/"):
        return len(response.json()["items"])
    return len(response.context["page"]) if response.context else -1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--officers",
        default="20,2000",
        help="comma-separated officer counts, increasing (default 20,2000)",
    )
    parser.add_argument("--repeat", type=int, default=15, help="timed requests per cell")
    parser.add_argument("--sql", action="store_true", help="print each request's SQL")
    args = parser.parse_args()
    sizes = sorted({int(size) for size in args.officers.split(",")})

    with tempfile.TemporaryDirectory(prefix="momentum-bench-") as var_dir:
        _configure(var_dir)
        from django.test import Client
        from django.test.utils import setup_test_environment

        setup_test_environment()  # lets the test client in (ALLOWED_HOSTS) and records context
        started = time.perf_counter()
        _prepare_database()
        reference = _reference_data()
        print(
            f"Prepared a fresh SQLite database in {time.perf_counter() - started:.1f} s "
            "(production settings, second factor set up for both readers)."
        )

        clients = {}
        for name in ("staff", "focal"):
            client = Client()
            client.force_login(reference[name])
            clients[name] = client

        urls = ("/en/people/officers/", "/api/v1/people")
        rows: list[tuple[int, str, str, int, int, float]] = []
        created = 0
        for size in sizes:
            started = time.perf_counter()
            _add_officers(reference, created, size)
            created = size
            print(f"{size} officers bulk-created in {time.perf_counter() - started:.1f} s")
            for name in ("staff", "focal"):
                for url in urls:
                    queries, median = _measure(clients[name], url, args.repeat, args.sql)
                    shown = _rows_shown(clients[name], url)
                    rows.append((size, name, url, shown, queries, median))

        print()
        header = (
            f"{'officers':>8}  {'reader':<12}  {'request':<22}  {'rows':>4}  "
            f"{'queries':>7}  {'median ms':>9}"
        )
        print(header)
        print("-" * len(header))
        for size, name, url, shown, queries, median in rows:
            reader = "staff" if name == "staff" else "focal point"
            print(f"{size:>8}  {reader:<12}  {url:<22}  {shown:>4}  {queries:>7}  {median:>9.1f}")
        by_cell: dict[tuple[str, str], set[int]] = {}
        for _size, name, url, _shown, queries, _median in rows:
            by_cell.setdefault((name, url), set()).add(queries)
        grows = [cell for cell, counts in by_cell.items() if len(counts) > 1]
        print()
        if grows:
            print(
                "Query counts change with the number of officers for: "
                + ", ".join(f"{name} {url}" for name, url in grows)
            )
            return 1
        print("Query counts do not change with the number of officers.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
