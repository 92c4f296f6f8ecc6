"""Generate a large training programme on PostgreSQL, for ``bench/training_measure.py``.

    MOMENTUM_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/momentum_bench \\
        .venv/bin/python bench/training_generate.py [--officers 100000] [--sessions 5000]

Drops and recreates the database named in ``MOMENTUM_DATABASE_URL`` (its name must contain
"bench", so no other database is ever dropped), migrates it — or, when the models have changes
that no migration carries yet, builds the schema from the models as the tests do, and says so —
then writes, with PostgreSQL's COPY:

- the programme's reference data (``core``'s demo seeder) and the demo's sixteen courses with
  their question banks (``training``'s demo seeder);
- 100,000 officers (users with their search keys, profiles, areas of work, roles) in the seven
  countries, a programme staff member, a trainer and a focal point per country;
- 5,000 sessions from 2019 to six months ahead, with seat quotas for the six active countries
  (Egypt, not yet active, has none) and about 40 nominations each (over 200,000 in all); one
  session in selection holds 500 nominations; one officer took part in 80 sessions;
- for the finished sessions: attendance for every day (over 1,000,000 rows), pre- and
  post-tests with their answers, anonymous evaluations with their receipts, and a certificate
  for each participant who met the completion rule.

The generated figures are deterministic (``--seed``). Production settings are used
(``MOMENTUM_TESTING=false``); files go to ``MOMENTUM_VAR_DIR`` (default ``var/bench``).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
import uuid
from collections.abc import Iterable, Iterator
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

GIVEN = [
    ("Amina", "أمينة", "female"),
    ("Fatima", "فاطمة", "female"),
    ("Leila", "ليلى", "female"),
    ("Nour", "نور", "female"),
    ("Salma", "سلمى", "female"),
    ("Rania", "رانيا", "female"),
    ("Samira", "سميرة", "female"),
    ("Meriem", "مريم", "female"),
    ("Ahmed", "أحمد", "male"),
    ("Karim", "كريم", "male"),
    ("Youssef", "يوسف", "male"),
    ("Omar", "عمر", "male"),
    ("Khaled", "خالد", "male"),
    ("Tarek", "طارق", "male"),
    ("Walid", "وليد", "male"),
    ("Hamza", "حمزة", "male"),
]
FAMILY = [
    ("Benali", "بن علي"),
    ("Haddad", "حداد"),
    ("Mansour", "منصور"),
    ("Khalil", "خليل"),
    ("Saleh", "صالح"),
    ("Bouzid", "بوزيد"),
    ("Jaber", "جابر"),
    ("Amrani", "العمراني"),
    ("Daher", "ضاهر"),
    ("Alaoui", "العلوي"),
    ("Chebbi", "الشابي"),
    ("Barakat", "بركات"),
]
VENUES = {
    "DZ": ("Algiers", "Africa/Algiers"),
    "JO": ("Amman", "Asia/Amman"),
    "LB": ("Beirut", "Asia/Beirut"),
    "MA": ("Rabat", "Africa/Casablanca"),
    "PS": ("Ramallah", "Asia/Hebron"),
    "TN": ("Tunis", "Africa/Tunis"),
}

# The venues' names in French and Arabic (cities are reference data in three languages).
CITY_NAMES = {
    "DZ": ("Alger", "الجزائر"),
    "JO": ("Amman", "عمّان"),
    "LB": ("Beyrouth", "بيروت"),
    "MA": ("Rabat", "الرباط"),
    "PS": ("Ramallah", "رام الله"),
    "TN": ("Tunis", "تونس"),
}


def configure() -> str:
    """Production settings on the bench database; returns the database's name."""
    url = os.environ.get("MOMENTUM_DATABASE_URL", "")
    if urlparse(url).scheme not in {"postgres", "postgresql"}:
        raise SystemExit("Set MOMENTUM_DATABASE_URL to a PostgreSQL database (see the docstring).")
    name = urlparse(url).path.lstrip("/")
    if "bench" not in name:
        raise SystemExit(f"Refusing to use {name!r}: the benchmark database's name must say bench.")
    os.environ["MOMENTUM_TESTING"] = "false"  # production settings, whatever the shell says
    os.environ["MOMENTUM_MFA_REQUIRED"] = "false"
    os.environ.pop("MOMENTUM_DEMO", None)
    os.environ.setdefault("MOMENTUM_VAR_DIR", str(ROOT / "var" / "bench"))
    os.environ.setdefault("MOMENTUM_LOG_LEVEL", "ERROR")
    os.environ["DJANGO_SETTINGS_MODULE"] = "momentum.settings"
    import django

    django.setup()
    return name


class _NoMigrations(dict[str, None]):
    """``MIGRATION_MODULES`` that turns every app's migrations off (tables from the models)."""

    def __contains__(self, item: object) -> bool:
        return True

    def __getitem__(self, item: str) -> None:
        return None


def _recreate_database(name: str) -> None:
    import psycopg
    from django.conf import settings

    database: dict[str, Any] = settings.DATABASES["default"]
    with psycopg.connect(
        dbname="postgres",
        user=database["USER"] or None,
        password=database["PASSWORD"] or None,
        host=database["HOST"] or None,
        port=database["PORT"] or None,
        autocommit=True,
    ) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{name}"')


def _schema_gaps() -> list[str]:
    """Models whose table or columns the migrations did not create."""
    from django.apps import apps
    from django.db import connection

    gaps = []
    with connection.cursor() as cursor:
        tables = set(connection.introspection.table_names(cursor))
        for model in apps.get_models():
            table = model._meta.db_table
            if table not in tables:
                gaps.append(table)
                continue
            columns = {
                column.name
                for column in connection.introspection.get_table_description(cursor, table)
            }
            gaps += [
                f"{table}.{field.column}"
                for field in model._meta.concrete_fields
                if field.column not in columns
            ]
    return gaps


def prepare_schema(name: str) -> str:
    """A fresh database with the schema; says how it was built."""
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection

    _recreate_database(name)
    call_command("migrate", interactive=False, verbosity=0)
    gaps = _schema_gaps()
    how = "migrations"
    if gaps:
        print(f"The migrations lag behind the models ({', '.join(gaps[:6])}…): ", end="")
        print("building the schema from the models instead (as the tests do).")
        connection.close()
        _recreate_database(name)
        settings.MIGRATION_MODULES = _NoMigrations()
        call_command("migrate", interactive=False, verbosity=0, run_syncdb=True)
        how = "models (migrations lag behind: " + ", ".join(gaps) + ")"
    call_command("createcachetable", verbosity=0)
    return how


# --- COPY ---


def _is_json(field: Any) -> bool:
    from django.db.models import JSONField

    return isinstance(field, JSONField)


def copy_rows(model: Any, columns: list[str], rows: Iterable[tuple[Any, ...]]) -> int:
    """COPY ``rows`` (values for ``columns``, field names or columns) into ``model``'s table.
    Any other column gets its field's default (fields added later keep this script working);
    the primary key, when not given, its identity."""
    from django.db import connection
    from django.utils import timezone

    fields = {field.column: field for field in model._meta.concrete_fields}
    by_name = {field.name: field.column for field in model._meta.concrete_fields}
    given = [by_name.get(column, column) for column in columns]
    json_at = {index for index, column in enumerate(given) if _is_json(fields[column])}
    rest_columns, rest_values = [], []
    for column, field in fields.items():
        if column in given or field.primary_key:
            continue
        if field.has_default():
            value = field.get_default()
        elif field.null:
            value = None
        elif getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
            value = timezone.now()
        elif field.empty_strings_allowed:
            value = ""
        else:
            raise SystemExit(f"{model.__name__}.{field.name} needs a value in the generator.")
        rest_columns.append(column)
        rest_values.append(json.dumps(value) if _is_json(field) and value is not None else value)
    table = model._meta.db_table
    names = ", ".join(f'"{column}"' for column in [*given, *rest_columns])
    count = 0
    raw = connection.connection
    with raw.cursor() as cursor, cursor.copy(f'COPY "{table}" ({names}) FROM STDIN') as copy:
        for row in rows:
            if json_at:
                row = tuple(
                    json.dumps(value) if index in json_at else value
                    for index, value in enumerate(row)
                )
            copy.write_row((*row, *rest_values))
            count += 1
    return count


def _reset_sequences() -> None:
    from django.apps import apps
    from django.db import connection

    with connection.cursor() as cursor:
        for model in apps.get_models():
            pk = model._meta.pk
            if pk is None or pk.get_internal_type() not in {"AutoField", "BigAutoField"}:
                continue
            table = model._meta.db_table
            # Names from the models, not from input.
            sql = (
                f"SELECT setval(pg_get_serial_sequence('\"{table}\"', '{pk.column}'), "  # noqa: S608
                f'COALESCE((SELECT MAX("{pk.column}") FROM "{table}"), 0) + 1, false)'
            )
            cursor.execute(sql)


def _years_later(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


# --- the programme ---

# What an upcoming session may be waiting for (open twice as often).
UPCOMING = ("open", "open", "selection", "confirmed", "draft")


class Generator:
    def __init__(self, *, officers: int, sessions: int, seed: int) -> None:
        from django.utils import timezone

        self.officer_count = officers
        self.session_count = sessions
        self.rng = random.Random(seed)
        self.now = timezone.now()
        self.today = timezone.localdate()
        self.counts: dict[str, int] = {}
        self.timings: list[tuple[str, float]] = []

    def _timed(self, label: str, started: float) -> None:
        self.timings.append((label, time.perf_counter() - started))
        print(f"  {label}: {time.perf_counter() - started:.1f} s", flush=True)

    def reference(self) -> None:
        from django.contrib.auth.hashers import make_password

        from momentum.core.demo_data import seed_programme
        from momentum.core.models import Agency, Country, CountryStatus
        from momentum.people.models import Role, RoleAssignment, User
        from momentum.training.demo_data import _Seeder

        started = time.perf_counter()
        seed_programme(lambda line: None)
        password = make_password(None)  # unusable: the benchmark signs in with force_login
        self.staff = User.objects.create(
            email="staff@bench.example.org", password=password, given_name="Claire"
        )
        RoleAssignment.objects.create(user=self.staff, role=Role.STAFF)
        self.trainer = User.objects.create(
            email="trainer@bench.example.org", password=password, given_name="Jonas"
        )
        RoleAssignment.objects.create(user=self.trainer, role=Role.TRAINER)
        self.countries = {country.code: country for country in Country.objects.all()}
        self.active = sorted(
            code
            for code, country in self.countries.items()
            if country.status != CountryStatus.NOT_YET_ACTIVE
        )
        self.focal: dict[str, int] = {}
        for code, country in self.countries.items():
            user = User.objects.create(
                email=f"focal.{code.lower()}@bench.example.org", password=password
            )
            RoleAssignment.objects.create(user=user, role=Role.FOCAL_POINT, country=country)
            self.focal[code] = user.pk
        self.agencies: dict[int, list[int]] = {}
        for agency in Agency.objects.all():
            self.agencies.setdefault(agency.country_id, []).append(agency.pk)
        seeder = _Seeder(lambda line: None)
        seeder.seed_courses()
        seeder.seed_question_banks()
        self.courses = list(seeder.courses.values())
        # Per course: (question id, correct choice ids, wrong choice ids, difficulty).
        self.bank: dict[int, list[tuple[int, list[int], list[int], float]]] = {}
        for course in self.courses:
            self.bank[course.pk] = [
                (
                    question.pk,
                    [ids[i] for i in sorted(spec.correct)],
                    [ids[i] for i in range(len(ids)) if i not in spec.correct],
                    spec.difficulty,
                )
                for question, spec, ids in seeder.bank[course.code]
            ]
        self._timed("reference data, 16 courses, 96 questions", started)

    def officers(self) -> None:
        from django.contrib.auth.hashers import make_password
        from django.db.models import Max

        from momentum.core.models import AreaOfWork
        from momentum.core.text import search_key
        from momentum.people.models import Profile, Rank, RankLevel, Role, RoleAssignment, User

        started = time.perf_counter()
        rng = self.rng
        first = (User.objects.aggregate(last=Max("pk"))["last"] or 0) + 1
        codes = sorted(self.countries)
        password = make_password(None)
        self.pool: dict[str, list[tuple[int, int, str]]] = {code: [] for code in codes}
        users, profiles, roles, areas = [], [], [], []
        area_ids = list(AreaOfWork.objects.values_list("pk", flat=True))
        levels = [RankLevel.JUNIOR] * 5 + [RankLevel.MID] * 4 + [RankLevel.SENIOR]
        # One rank per level, named in the three languages (reference data).
        ranks = {
            level: Rank.objects.create(
                name_en=en, name_fr=fr, name_ar=ar, level=level, order=order
            ).pk
            for order, (level, en, fr, ar) in enumerate(
                [
                    (RankLevel.JUNIOR, "Inspector", "Inspecteur", "مفتش"),
                    (RankLevel.MID, "Captain", "Capitaine", "نقيب"),
                    (RankLevel.SENIOR, "Colonel", "Colonel", "عقيد"),
                ]
            )
        }
        for index in range(self.officer_count):
            user_id = first + index
            code = codes[index % len(codes)]
            country_id = self.countries[code].pk
            given, given_ar, sex = GIVEN[rng.randrange(len(GIVEN))]
            family, family_ar = FAMILY[rng.randrange(len(FAMILY))]
            email = f"officer{index + 1}@bench.example.org"
            language = "fr" if code in {"DZ", "MA", "TN"} and rng.random() < 0.5 else "ar"
            users.append(
                (
                    user_id,
                    email,
                    password,
                    given,
                    family,
                    given_ar,
                    family_ar,
                    language,
                    search_key(given, family, given_ar, family_ar, email),
                    self.now,
                )
            )
            profiles.append(
                (
                    user_id,  # profile ids follow user ids
                    user_id,
                    sex,
                    country_id,
                    rng.choice(self.agencies[country_id]),
                    ranks[level := rng.choice(levels)],
                    level,
                    ["ar", "fr"] if language == "fr" else ["ar", "en"],
                    self.now,
                )
            )
            roles.append((user_id, Role.OFFICER, country_id, self.now))
            for area in rng.sample(area_ids, k=rng.randint(1, 3)):
                areas.append((user_id, area))
            self.pool[code].append((user_id, user_id, sex))
        self.counts["users"] = copy_rows(
            User,
            [
                "id",
                "email",
                "password",
                "given_name",
                "family_name",
                "given_name_ar",
                "family_name_ar",
                "preferred_language",
                "search_key",
                "date_joined",
            ],
            users,
        )
        self.counts["profiles"] = copy_rows(
            Profile,
            [
                "id",
                "user_id",
                "sex",
                "country_id",
                "agency_id",
                "rank_id",
                "rank_level",
                "languages",
                "updated_at",
            ],
            profiles,
        )
        copy_rows(Profile.areas_of_work.through, ["profile_id", "areaofwork_id"], areas)
        copy_rows(RoleAssignment, ["user_id", "role", "country_id", "created_at"], roles)
        self._timed(f"{self.officer_count:,} officers (users, profiles, areas, roles)", started)

    def sessions(self) -> None:
        """Sessions and their quotas; nominations are drawn per session and country."""
        from momentum.core.models import City
        from momentum.training.models import SeatQuota, Session, SessionStatus

        started = time.perf_counter()
        rng = self.rng
        first_day = date(2019, 1, 7)
        span = (self.today + timedelta(days=180) - first_day).days
        self.plan: list[dict[str, Any]] = []
        rows: list[tuple[Any, ...]] = []
        quotas: list[tuple[int, int, int, int]] = []
        trainers: list[tuple[int, int]] = []
        big = self.session_count // 2  # the session in selection with 500 nominations
        cities = {
            code: City.objects.create(
                name_en=VENUES[code][0], name_fr=fr, name_ar=ar, country=self.countries[code]
            ).pk
            for code, (fr, ar) in CITY_NAMES.items()
            if code in self.countries
        }
        for index in range(self.session_count):
            session_id = index + 1
            course = self.courses[rng.randrange(len(self.courses))]
            venue = rng.choice(self.active)
            if index == big:
                starts_on = self.today + timedelta(days=30)
                days = 5
            else:
                starts_on = first_day + timedelta(days=rng.randrange(span))
                days = rng.randint(4, 9)
            ends_on = starts_on + timedelta(days=days - 1)
            status: str
            if index == big:
                status = SessionStatus.SELECTION
            elif ends_on < self.today - timedelta(days=60):
                status = SessionStatus.CLOSED
            elif ends_on < self.today:
                status = SessionStatus.COMPLETED
            elif starts_on <= self.today:
                status = SessionStatus.RUNNING
            else:
                status = rng.choice(UPCOMING)
            seats = {code: (20 if index == big else rng.randint(5, 7)) for code in self.active}
            capacity = sum(seats.values())
            _city, zone = VENUES[venue]
            deadline = datetime.combine(
                starts_on - timedelta(days=21), datetime.min.time()
            ).replace(tzinfo=self.now.tzinfo)
            if index == big:
                deadline = self.now - timedelta(days=2)
            rows.append(
                (
                    session_id,
                    course.pk,
                    starts_on,
                    ends_on,
                    zone,
                    course.delivery,
                    cities[venue],
                    self.countries[venue].pk,
                    rng.choice(["en", "fr", "ar"]),
                    ["ar"],
                    capacity,
                    deadline,
                    status,
                    deadline - timedelta(days=42),
                )
            )
            trainers.append((session_id, self.trainer.pk))
            self.plan.append(
                {
                    "id": session_id,
                    "course": course,
                    "starts_on": starts_on,
                    "ends_on": ends_on,
                    "days": days,
                    "status": status,
                    "seats": seats,
                    "deadline": deadline,
                    "zone": zone,
                    "big": index == big,
                }
            )
        self.counts["sessions"] = copy_rows(
            Session,
            [
                "id",
                "course_id",
                "starts_on",
                "ends_on",
                "time_zone",
                "delivery",
                "venue_city_id",
                "venue_country_id",
                "language",
                "interpretation",
                "capacity",
                "nomination_deadline",
                "status",
                "created_at",
            ],
            rows,
        )
        copy_rows(Session.trainers.through, ["session_id", "user_id"], trainers)
        self.selected: dict[int, list[tuple[int, int, str]]] = {}
        nominations = self._nominations(quotas)
        copy_rows(SeatQuota, ["session_id", "country_id", "seats", "selected"], quotas)
        self.counts["quotas"] = len(quotas)
        from momentum.training.models import Nomination

        self.counts["nominations"] = copy_rows(
            Nomination,
            [
                "id",
                "session_id",
                "officer_id",
                "country_id",
                "nominated_by_id",
                "justification",
                "status",
                "waitlist_position",
                "decision_reason",
                "decided_by_id",
                "decided_at",
                "created_at",
            ],
            nominations,
        )
        self._timed(
            f"{self.counts['sessions']:,} sessions, {len(quotas):,} quotas, "
            f"{self.counts['nominations']:,} nominations",
            started,
        )

    def _nominations(self, quotas: list[tuple[int, int, int, int]]) -> Iterator[tuple[Any, ...]]:
        from momentum.training.models import NominationStatus, SessionStatus

        rng = self.rng
        decided = {
            SessionStatus.CONFIRMED,
            SessionStatus.RUNNING,
            SessionStatus.COMPLETED,
            SessionStatus.CLOSED,
        }
        finished = [p for p in self.plan if p["status"] in {"completed", "closed"}]
        # One officer of Jordan took part in 80 finished sessions (the transcript's worst case).
        self.frequent = self.pool["JO"][0]
        frequent_in = {p["id"] for p in rng.sample(finished, k=min(80, len(finished)))}
        rows = []
        nomination_id = 0
        for plan in self.plan:
            selected_here: list[tuple[int, int, str]] = []
            for code, seats in plan["seats"].items():
                pool = self.pool[code]
                wanted = 84 if plan["big"] else rng.randint(5, 9)
                picks = [pool[i] for i in rng.sample(range(1, len(pool)), k=wanted)]
                if plan["id"] in frequent_in and code == "JO":
                    picks[0] = self.frequent
                taken = 0
                waiting = 0
                for rank, (profile_id, user_id, sex) in enumerate(picks):
                    nomination_id += 1
                    created = plan["deadline"] - timedelta(days=rng.randint(1, 25))
                    status, position, reason, decided_at = (
                        NominationStatus.NOMINATED,
                        None,
                        "",
                        None,
                    )
                    if plan["status"] in decided or (plan["big"] and rank < 10):
                        decided_at = plan["deadline"] + timedelta(days=1)
                        if rank < seats:
                            status = NominationStatus.SELECTED
                        elif rng.random() < 0.6:
                            waiting += 1
                            status, position = NominationStatus.WAITLISTED, waiting
                        else:
                            status = NominationStatus.DECLINED
                            reason = "Every seat for the country is taken."
                    if status == NominationStatus.SELECTED:
                        taken += 1
                        selected_here.append((nomination_id, user_id, sex))
                    rows.append(
                        (
                            nomination_id,
                            plan["id"],
                            profile_id,
                            self.countries[code].pk,
                            self.focal[code],
                            "Works on cases where this training is needed.",
                            status,
                            position,
                            reason,
                            self.staff.pk if decided_at else None,
                            decided_at,
                            created,
                        )
                    )
                quotas.append((plan["id"], self.countries[code].pk, seats, taken))
            self.selected[plan["id"]] = selected_here
        return iter(rows)

    def activity(self) -> None:
        """Attendance, tests with answers, evaluations and certificates of finished sessions."""
        from momentum.training.models import (
            Answer,
            Attendance,
            Certificate,
            Evaluation,
            EvaluationReceipt,
            TestAttempt,
        )
        from momentum.training.services.certificates import CODE_ALPHABET, CODE_LENGTH

        started = time.perf_counter()
        rng = self.rng
        attendance, attempts, answers, chosen = [], [], [], []
        evaluations, receipts, certificates = [], [], []
        attempt_id = answer_id = 0
        codes: set[str] = set()
        titles: dict[int, dict[str, str]] = {}
        for plan in self.plan:
            if plan["status"] not in {"completed", "closed"}:
                continue
            course = plan["course"]
            bank = self.bank[course.pk]
            days = [plan["starts_on"] + timedelta(days=i) for i in range(plan["days"])]
            marked_at = datetime.combine(plan["starts_on"], datetime.min.time()).replace(
                tzinfo=self.now.tzinfo
            ) + timedelta(hours=8)
            for nomination_id, user_id, _sex in self.selected[plan["id"]]:
                ability = rng.gauss(0, 0.09)
                attended = 0
                for day in days:
                    mark = rng.choices(("present", "late", "absent", "excused"), (92, 5, 2, 1))[0]
                    attended += mark in {"present", "late"}
                    attendance.append((nomination_id, day, mark, self.trainer.pk, marked_at))
                post_score = None
                for kind, base in (("pre", 0.5), ("post", 0.9)):
                    attempt_id += 1
                    right = 0
                    for question_id, correct, wrong, difficulty in bank:
                        answer_id += 1
                        ok = rng.random() < base + ability + difficulty
                        right += ok
                        answers.append((answer_id, attempt_id, question_id, ok))
                        for choice_id in correct if ok else [rng.choice(wrong)]:
                            chosen.append((answer_id, choice_id))
                    score = (Decimal(100 * right) / Decimal(len(bank))).quantize(Decimal("0.01"))
                    when = marked_at + timedelta(days=0 if kind == "pre" else plan["days"] - 1)
                    attempts.append((attempt_id, nomination_id, kind, "ar", when, score))
                    post_score = score
                if rng.random() < 0.7:
                    evaluations.append(
                        (
                            uuid.UUID(int=rng.getrandbits(128), version=4),
                            plan["id"],
                            "end",
                            rng.randint(3, 5),
                            rng.randint(3, 5),
                            rng.randint(3, 5),
                            rng.randint(2, 5),
                            plan["ends_on"],
                        )
                    )
                    receipts.append((nomination_id, "end"))
                complete = 100 * attended >= course.min_attendance_percent * len(days) and (
                    post_score is not None and post_score >= course.min_post_test_score
                )
                if complete:
                    code = ""
                    while not code or code in codes:
                        raw = "".join(rng.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
                        code = "-".join(raw[i : i + 4] for i in range(0, CODE_LENGTH, 4))
                    codes.add(code)
                    if course.pk not in titles:
                        titles[course.pk] = {
                            language: getattr(course, f"title_{language}")
                            for language in ("en", "fr", "ar")
                        }
                    issued = plan["ends_on"] + timedelta(days=3)
                    certificates.append(
                        (
                            code,
                            user_id,
                            nomination_id,
                            "Bench officer",
                            "",
                            titles[course.pk],
                            plan["starts_on"],
                            plan["ends_on"],
                            course.duration_hours,
                            "ar",
                            issued,
                            _years_later(issued, 4),
                        )
                    )
        self.counts["attendance"] = copy_rows(
            Attendance, ["nomination_id", "day", "mark", "marked_by_id", "marked_at"], attendance
        )
        self._timed(f"{self.counts['attendance']:,} attendance rows", started)
        started = time.perf_counter()
        self.counts["attempts"] = copy_rows(
            TestAttempt,
            ["id", "nomination_id", "kind", "language", "submitted_at", "score"],
            attempts,
        )
        self.counts["answers"] = copy_rows(
            Answer, ["id", "attempt_id", "question_id", "is_correct"], answers
        )
        self.counts["answer choices"] = copy_rows(
            Answer.choices.through, ["answer_id", "choice_id"], chosen
        )
        self._timed(
            f"{self.counts['attempts']:,} test attempts, {self.counts['answers']:,} answers",
            started,
        )
        started = time.perf_counter()
        self.counts["evaluations"] = copy_rows(
            Evaluation,
            [
                "id",
                "session_id",
                "kind",
                "relevance",
                "content",
                "trainers",
                "organisation",
                "submitted_on",
            ],
            evaluations,
        )
        copy_rows(EvaluationReceipt, ["nomination_id", "kind"], receipts)
        self.counts["certificates"] = copy_rows(
            Certificate,
            [
                "code",
                "holder_id",
                "nomination_id",
                "holder_name",
                "holder_name_ar",
                "title",
                "starts_on",
                "ends_on",
                "hours",
                "language",
                "issued_on",
                "expires_on",
            ],
            certificates,
        )
        self._timed(
            f"{self.counts['evaluations']:,} evaluations, "
            f"{self.counts['certificates']:,} certificates",
            started,
        )

    def finish(self) -> None:
        from django.db import connection

        started = time.perf_counter()
        _reset_sequences()
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        self._timed("sequences reset, ANALYZE", started)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--officers", type=int, default=100_000)
    parser.add_argument("--sessions", type=int, default=5_000)
    parser.add_argument("--seed", type=int, default=2023)
    args = parser.parse_args()

    name = configure()
    from django.db import transaction

    began = time.perf_counter()
    print(f"Database {name}: recreating and building the schema …", flush=True)
    how = prepare_schema(name)
    print(f"  schema from {how}: {time.perf_counter() - began:.1f} s", flush=True)
    generating = time.perf_counter()
    generator = Generator(officers=args.officers, sessions=args.sessions, seed=args.seed)
    with transaction.atomic():
        generator.reference()
        generator.officers()
        generator.sessions()
        generator.activity()
    generator.finish()
    total = time.perf_counter() - generating
    print()
    for label, count in generator.counts.items():
        print(f"{label:>16}: {count:>10,}")
    print(f"Generated in {total:.0f} s (schema {generating - began:.0f} s before that).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
