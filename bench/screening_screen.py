"""Screen travellers against a large synthetic world: 1,000,000 stolen/lost documents and
100,000 nominal records on PostgreSQL (or a smaller world on SQLite).

    MOMENTUM_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/momentum_screening_bench \\
        .venv/bin/python bench/screening_screen.py [--lost 1000000] [--nominal 100000]
        [--travellers 1000] [--seed 2026]
    .venv/bin/python bench/screening_screen.py --sqlite --lost 2000 --nominal 1000

On PostgreSQL, drops and recreates the database named in ``MOMENTUM_DATABASE_URL`` (its name
must contain "bench"), migrates it and generates the world: the travellers at the counter with
their planted cases go through the app's generator; the background stolen/lost documents and
nominal records (with their blocking keys) are made by the same functions and written with
COPY. With ``--sqlite``, a throwaway SQLite database in a temporary folder.

Then it screens every traveller once as the console does (parse the MRZ with OCR correction,
the stolen/lost look-up, the nominal candidates scored) and prints the time of generation,
the rows, and the p50, p95 and maximum of one screening in milliseconds, with the share of
planted hits found.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))


def configure(sqlite: bool) -> str:
    if sqlite:
        os.environ.pop("MOMENTUM_DATABASE_URL", None)
        os.environ["MOMENTUM_VAR_DIR"] = tempfile.mkdtemp(prefix="screening-bench-")
        name = "sqlite"
    else:
        url = os.environ.get("MOMENTUM_DATABASE_URL", "")
        if urlparse(url).scheme not in {"postgres", "postgresql"}:
            raise SystemExit(
                "Set MOMENTUM_DATABASE_URL to a PostgreSQL database, or pass --sqlite."
            )
        name = urlparse(url).path.lstrip("/")
        if "bench" not in name:
            raise SystemExit(
                f"Refusing to use {name!r}: the benchmark database's name must say bench."
            )
        os.environ.setdefault("MOMENTUM_VAR_DIR", str(ROOT / "var" / "bench"))
    os.environ["MOMENTUM_TESTING"] = "false"
    os.environ["MOMENTUM_MFA_REQUIRED"] = "false"
    os.environ.pop("MOMENTUM_DEMO", None)
    os.environ.setdefault("MOMENTUM_LOG_LEVEL", "ERROR")
    os.environ["DJANGO_SETTINGS_MODULE"] = "momentum.settings"
    Path(os.environ["MOMENTUM_VAR_DIR"]).mkdir(parents=True, exist_ok=True)
    import django

    django.setup()
    return name


def _recreate_database(name: str) -> None:
    import psycopg
    from django.conf import settings

    database: dict[str, Any] = settings.DATABASES["default"]
    with psycopg.connect(
        dbname="postgres",
        user=database["USER"] or None,
        host=database["HOST"] or None,
        port=database["PORT"] or None,
        autocommit=True,
    ) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{name}"')


def _copy(table: str, columns: list[str], rows: Any) -> None:
    from django.db import connection

    connection.ensure_connection()
    raw = connection.connection
    names = ", ".join(f'"{c}"' for c in columns)
    with raw.cursor() as cursor, cursor.copy(f'COPY "{table}" ({names}) FROM STDIN') as copy:
        for row in rows:
            copy.write_row(row)


def _background(world: Any, lost: int, nominal: int, seed: int, postgres: bool) -> None:
    """The background records, from the generator's own functions."""
    import json

    from django.db import connection
    from django.utils import timezone

    from momentum.screening import mrz
    from momentum.screening.matching import blocking_keys
    from momentum.screening.models import LostDocument, LostStatus, NominalKey, NominalRecord
    from momentum.screening.names import OTHER_STATES, REGION_STATES
    from momentum.screening.services.generator import _nominal, document_number, random_person

    rng = random.Random(seed * 7)
    today = timezone.localdate()
    states = REGION_STATES + OTHER_STATES
    statuses = list(LostStatus)

    def lost_rows() -> Any:
        for _index in range(lost):
            number = document_number(rng)
            yield (
                world.pk,
                number,
                mrz.canonical_number(number),
                rng.choice(states),
                rng.choice(["TD3", "TD1", "TD2"]),
                rng.choice(statuses).value,
                today - timedelta(days=rng.randint(1, 3000)),
            )

    lost_columns = [
        "world_id",
        "number",
        "canonical",
        "issuing_state",
        "kind",
        "status",
        "reported_on",
    ]
    records = []
    for index in range(nominal):
        person = random_person(rng, today, region=rng.random() < 0.7)
        records.append(
            _nominal(
                rng,
                world,
                person,
                "planted" if rng.random() < 0.3 else "background",
                10_000_000 + index,
            )
        )
    if not postgres:
        LostDocument.objects.bulk_create(
            [LostDocument(**dict(zip(lost_columns, row, strict=True))) for row in lost_rows()],
            batch_size=5000,
        )
        NominalRecord.objects.bulk_create(records, batch_size=5000)
    else:
        _copy(LostDocument._meta.db_table, lost_columns, lost_rows())
        with connection.cursor() as cursor:
            table = NominalRecord._meta.db_table
            cursor.execute(f'SELECT COALESCE(MAX(id), 0) FROM "{table}"')  # noqa: S608
            start = cursor.fetchone()[0] + 1
        for offset, record in enumerate(records):
            record.pk = start + offset
        columns = [
            "id",
            "world_id",
            "reference",
            "kind",
            "surname",
            "given_names",
            "name_ar",
            "aliases",
            "birth_date",
            "birth_year",
            "nationality",
            "sex",
        ]
        _copy(
            NominalRecord._meta.db_table,
            columns,
            (
                (
                    r.pk,
                    world.pk,
                    r.reference,
                    r.kind,
                    r.surname,
                    r.given_names,
                    r.name_ar,
                    json.dumps(r.aliases),
                    r.birth_date,
                    r.birth_year,
                    r.nationality,
                    r.sex,
                )
                for r in records
            ),
        )
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), %s)",
                [start + len(records)],
            )
    keys = (
        (world.pk, record.pk, key)
        for record in records
        for key in blocking_keys(
            record.names(), record.birth_date.year if record.birth_date else record.birth_year
        )
    )
    if postgres:
        _copy(NominalKey._meta.db_table, ["world_id", "record_id", "key"], keys)
        with connection.cursor() as cursor:
            for model in (LostDocument, NominalRecord, NominalKey):
                cursor.execute(f'ANALYZE "{model._meta.db_table}"')
    else:
        NominalKey.objects.bulk_create(
            [NominalKey(world_id=w, record_id=r, key=k) for w, r, k in keys], batch_size=5000
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lost", type=int, default=1_000_000)
    parser.add_argument("--nominal", type=int, default=100_000)
    parser.add_argument("--travellers", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--sqlite", action="store_true")
    args = parser.parse_args()
    name = configure(args.sqlite)
    from django.core.management import call_command

    if not args.sqlite:
        _recreate_database(name)
    call_command("migrate", verbosity=0)

    from momentum.screening import mrz
    from momentum.screening.models import (
        Expected,
        LostDocument,
        NominalKey,
        NominalRecord,
        Presentation,
    )
    from momentum.screening.selectors.screen import identity_from, screen
    from momentum.screening.services.generator import generate_world

    started = time.perf_counter()
    world = generate_world(
        seed=args.seed,
        name="Bench world",
        travellers=args.travellers,
        lost_documents=0,
        nominal_records=0,
    )
    _background(world, args.lost, args.nominal, args.seed, postgres=not args.sqlite)
    generated = time.perf_counter() - started
    print(f"database: {name}")
    print(
        f"generated in {generated:.0f} s: {LostDocument.objects.filter(world=world).count():,} "
        f"stolen/lost documents, {NominalRecord.objects.filter(world=world).count():,} nominal "
        f"records, {NominalKey.objects.filter(world=world).count():,} blocking keys, "
        f"{args.travellers:,} travellers"
    )

    presentations = list(Presentation.objects.filter(world=world).order_by("pk"))
    for presentation in presentations[:20]:  # warm-up
        screen(world, identity_from(mrz.parse(presentation.mrz, correct=True)))
    timings, cpu, found, hits = [], [], 0, 0
    load_before = os.getloadavg()[0]
    for presentation in presentations:
        begin, begin_cpu = time.perf_counter(), time.process_time()
        result = screen(world, identity_from(mrz.parse(presentation.mrz, correct=True)))
        timings.append((time.perf_counter() - begin) * 1000)
        cpu.append((time.process_time() - begin_cpu) * 1000)
        if presentation.expected == Expected.HIT:
            hits += 1
            found += bool(result.lost or result.possible_hits)
    timings.sort()
    cpu.sort()
    p95 = timings[int(0.95 * (len(timings) - 1))]
    print(
        f"screenings: {len(timings)}; p50 {statistics.median(timings):.1f} ms, p95 {p95:.1f} ms, "
        f"max {timings[-1]:.1f} ms (wall clock)"
    )
    # On a shared machine the wall clock includes waiting for a core: the client's own CPU
    # time and the load average tell how much.
    print(
        f"client CPU per screening: p50 {statistics.median(cpu):.1f} ms, "
        f"p95 {cpu[int(0.95 * (len(cpu) - 1))]:.1f} ms; load average {load_before:.1f} before, "
        f"{os.getloadavg()[0]:.1f} after, on {os.cpu_count()} cores"
    )
    print(f"planted hits found by the automatic screening: {found} of {hits}")


if __name__ == "__main__":
    main()
