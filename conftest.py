"""Fixtures shared by every test: the countries and the personas of CONVENTIONS.md.

Each test module has at hand the owner (an officer), a colleague with rights (their country's
focal point, programme staff) and outsiders (another country's focal point, a donor).
"""

from __future__ import annotations

import time
from contextlib import ExitStack
from dataclasses import dataclass
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings

from momentum.core.catalogues import compile_catalogues

# Property tests check correctness, not speed: on a machine busy with other test runs, input
# generation may be slow and an example may pass Hypothesis' default 200 ms deadline.
hypothesis_settings.register_profile(
    "momentum", deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
hypothesis_settings.load_profile("momentum")


def pytest_configure(config: pytest.Config) -> None:
    compile_catalogues(*[Path(path) for path in settings.LOCALE_PATHS])


@pytest.fixture(autouse=True)
def _hermetic(settings, tmp_path):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.MEDIA_ROOT = tmp_path / "files"
    settings.CERTIFICATE_KEYS_DIR = tmp_path / "certificate-keys"
    settings.MOMENTUM_MFA_REQUIRED = False


@pytest.fixture(autouse=True)
def _english_unless_asked():
    """Every test starts in English: a request in Arabic leaves Arabic active in the thread."""
    from django.utils import translation

    translation.activate("en")
    yield
    translation.activate("en")


@pytest.fixture
def jordan(db):
    from momentum.core.tests.factories import CountryFactory

    return CountryFactory(code="JO", name_en="Jordan", name_fr="Jordanie", name_ar="الأردن")


@pytest.fixture
def morocco(db):
    from momentum.core.tests.factories import CountryFactory

    return CountryFactory(code="MA", name_en="Morocco", name_fr="Maroc", name_ar="المغرب")


@pytest.fixture
def officer(jordan):
    """The owner: an officer of Jordan."""
    from momentum.people.tests.factories import officer

    return officer(
        jordan,
        user__given_name="Leila",
        user__family_name="Haddad",
        user__given_name_ar="ليلى",
        user__family_name_ar="حداد",
    )


@pytest.fixture
def focal_point(jordan):
    """A colleague with rights: Jordan's focal point."""
    from momentum.people.models import Role
    from momentum.people.tests.factories import person_with_role

    return person_with_role(Role.FOCAL_POINT, jordan, email="focal.jo@example.org")


@pytest.fixture
def staff(db):
    from momentum.people.models import Role
    from momentum.people.tests.factories import person_with_role

    return person_with_role(Role.STAFF, None, email="staff@example.org")


@pytest.fixture
def outsider(morocco):
    """An outsider: the focal point of another country."""
    from momentum.people.models import Role
    from momentum.people.tests.factories import person_with_role

    return person_with_role(Role.FOCAL_POINT, morocco, email="focal.ma@example.org")


@pytest.fixture
def donor(db):
    from momentum.people.models import Role
    from momentum.people.tests.factories import person_with_role

    # A name of their own, so pages that must not show officers' names can be checked.
    return person_with_role(
        Role.DONOR,
        None,
        email="donor@example.org",
        given_name="Elena",
        family_name="Rossi",
        given_name_ar="إيلينا",
        family_name_ar="روسي",
    )


@pytest.fixture
def trainer(db):
    from momentum.people.models import Role
    from momentum.people.tests.factories import person_with_role

    return person_with_role(Role.TRAINER, None, email="trainer@example.org")


@pytest.fixture
def mentor(db):
    from momentum.people.models import Role
    from momentum.people.tests.factories import person_with_role

    return person_with_role(Role.MENTOR, None, email="mentor@example.org")


@pytest.fixture
def moderator(db):
    from momentum.people.models import Role
    from momentum.people.tests.factories import person_with_role

    return person_with_role(Role.MODERATOR, None, email="moderator@example.org")


@pytest.fixture
def board_member(jordan):
    """A member of the Advisory Board for Jordan."""
    from momentum.people.models import Role
    from momentum.people.tests.factories import person_with_role

    return person_with_role(Role.BOARD_MEMBER, jordan, email="board.jo@example.org")


@pytest.fixture(autouse=True)
def _empty_cache():
    """allauth keeps its rate-limit counters in the cache: every test starts afresh."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def client_for(client):
    """``client_for(user)``: the test client, signed in as ``user``."""

    def sign_in(user):
        client.force_login(user)
        return client

    return sign_in


@pytest.fixture(scope="session", autouse=True)
def _no_stray_database_sessions(django_db_setup, django_db_blocker):
    """At the end, close what a worker process or a server thread left connected to the test
    database, so that PostgreSQL lets the test database be dropped."""
    yield
    from django.db import connection

    if connection.vendor != "postgresql":
        return
    with django_db_blocker.unblock(), connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )


# --- The demo programme, seeded once for every test that reads it ---------------------------
#
# Seeding the whole demo takes half a minute or more, and a dozen modules read it (each
# activity's demo tests, the menus). They share one seeding: the tests that ask for
# ``seeded_demo`` are run one after another (``pytest_collection_modifyitems`` moves them
# together, where the first of them was), the demo is seeded in a transaction before the first
# of them, and rolled back as soon as the next test does not ask for it, so every other test
# starts from an empty database as before. Tests that change what they read get their own
# savepoint from ``db``, as any test does.


@dataclass(frozen=True)
class SeededDemo:
    """What seeding the demo printed, and the time each seeder took (by name): wall-clock
    seconds and processor seconds."""

    output: str
    seconds: dict[str, float]
    cpu_seconds: dict[str, float]


class _SharedDemo:
    """The demo seeded in a transaction that stays open across the tests that read it."""

    def __init__(self, blocker: Any) -> None:
        self._blocker = blocker
        self._open: ExitStack | None = None
        self.demo: SeededDemo | None = None

    @property
    def is_open(self) -> bool:
        return self._open is not None

    def open(self) -> None:
        from django.db import transaction

        from momentum.core.demo import seeders

        stack = ExitStack()
        stack.enter_context(self._blocker.unblock())
        stack.enter_context(transaction.atomic())
        out = StringIO()
        seconds: dict[str, float] = {}
        cpu_seconds: dict[str, float] = {}
        try:
            for seeder in seeders():
                started, started_cpu = time.perf_counter(), time.process_time()
                seeder.seed(lambda line: out.write(line + "\n"))
                seconds[seeder.name] = time.perf_counter() - started
                cpu_seconds[seeder.name] = time.process_time() - started_cpu
        except BaseException:
            stack.close()
            raise
        self._open = stack
        self.demo = SeededDemo(out.getvalue(), seconds, cpu_seconds)

    def close(self) -> None:
        from django.db import transaction

        if self._open is not None:
            transaction.set_rollback(True)
            self._open.close()
        self._open = None
        self.demo = None


_SHARED_DEMO = pytest.StashKey[_SharedDemo]()


def _reads_demo(item: pytest.Item | None) -> bool:
    return item is not None and "seeded_demo" in getattr(item, "fixturenames", ())


@pytest.fixture(scope="session")
def _shared_demo(request, django_db_setup, django_db_blocker):
    shared = _SharedDemo(django_db_blocker)
    request.config.stash[_SHARED_DEMO] = shared
    shared.open()
    yield shared
    shared.close()


@pytest.fixture
def seeded_demo(_shared_demo: _SharedDemo, db: None) -> SeededDemo:
    """The demo programme, seeded (see above); read it, or change it within the test."""
    assert _shared_demo.demo is not None, "the shared demo was rolled back before this test"
    return _shared_demo.demo


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The tests that read the demo run one after another, where the first of them was (after
    pytest-django has put the database tests first), so it is seeded once."""
    readers = [item for item in items if _reads_demo(item)]
    if not readers:
        return
    first = items.index(readers[0])
    others = [item for item in items if not _reads_demo(item)]
    items[:] = others[:first] + readers + others[first:]


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item: pytest.Item) -> None:
    """A test that reads the demo after it was rolled back (tests picked out of order) seeds it
    again, before its own fixtures open their transaction."""
    shared = item.config.stash.get(_SHARED_DEMO, None)
    if shared is not None and _reads_demo(item) and not shared.is_open:
        shared.open()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item: pytest.Item, nextitem: pytest.Item | None) -> Any:
    result = yield
    shared = item.config.stash.get(_SHARED_DEMO, None)
    if shared is not None and shared.is_open and not _reads_demo(nextitem):
        shared.close()
    return result
