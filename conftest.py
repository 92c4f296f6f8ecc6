"""Fixtures shared by every test: the countries and the personas of CONVENTIONS.md.

Each test module has at hand the owner (an officer), a colleague with rights (their country's
focal point, programme staff) and outsiders (another country's focal point, a donor).
"""

from __future__ import annotations

from pathlib import Path

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
def _hermetic(settings, tmp_path):  # type: ignore[no-untyped-def]
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.MEDIA_ROOT = tmp_path / "files"
    settings.CERTIFICATE_KEYS_DIR = tmp_path / "certificate-keys"
    settings.MOMENTUM_MFA_REQUIRED = False


@pytest.fixture(autouse=True)
def _english_unless_asked():  # type: ignore[no-untyped-def]
    """Every test starts in English: a request in Arabic leaves Arabic active in the thread."""
    from django.utils import translation

    translation.activate("en")
    yield
    translation.activate("en")


@pytest.fixture
def jordan(db):  # type: ignore[no-untyped-def]
    from momentum.core.tests.factories import CountryFactory

    return CountryFactory(code="JO", name_en="Jordan", name_fr="Jordanie", name_ar="الأردن")


@pytest.fixture
def morocco(db):  # type: ignore[no-untyped-def]
    from momentum.core.tests.factories import CountryFactory

    return CountryFactory(code="MA", name_en="Morocco", name_fr="Maroc", name_ar="المغرب")


@pytest.fixture
def officer(jordan):  # type: ignore[no-untyped-def]
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
def focal_point(jordan):  # type: ignore[no-untyped-def]
    """A colleague with rights: Jordan's focal point."""
    from momentum.people.models import Role
    from momentum.people.tests.factories import person_with_role

    return person_with_role(Role.FOCAL_POINT, jordan, email="focal.jo@example.org")


@pytest.fixture
def staff(db):  # type: ignore[no-untyped-def]
    from momentum.people.models import Role
    from momentum.people.tests.factories import person_with_role

    return person_with_role(Role.STAFF, None, email="staff@example.org")


@pytest.fixture
def outsider(morocco):  # type: ignore[no-untyped-def]
    """An outsider: the focal point of another country."""
    from momentum.people.models import Role
    from momentum.people.tests.factories import person_with_role

    return person_with_role(Role.FOCAL_POINT, morocco, email="focal.ma@example.org")


@pytest.fixture
def donor(db):  # type: ignore[no-untyped-def]
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
def trainer(db):  # type: ignore[no-untyped-def]
    from momentum.people.models import Role
    from momentum.people.tests.factories import person_with_role

    return person_with_role(Role.TRAINER, None, email="trainer@example.org")


@pytest.fixture
def mentor(db):  # type: ignore[no-untyped-def]
    from momentum.people.models import Role
    from momentum.people.tests.factories import person_with_role

    return person_with_role(Role.MENTOR, None, email="mentor@example.org")


@pytest.fixture
def moderator(db):  # type: ignore[no-untyped-def]
    from momentum.people.models import Role
    from momentum.people.tests.factories import person_with_role

    return person_with_role(Role.MODERATOR, None, email="moderator@example.org")


@pytest.fixture
def board_member(jordan):  # type: ignore[no-untyped-def]
    """A member of the Advisory Board for Jordan."""
    from momentum.people.models import Role
    from momentum.people.tests.factories import person_with_role

    return person_with_role(Role.BOARD_MEMBER, jordan, email="board.jo@example.org")


@pytest.fixture(autouse=True)
def _empty_cache():  # type: ignore[no-untyped-def]
    """allauth keeps its rate-limit counters in the cache: every test starts afresh."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def client_for(client):  # type: ignore[no-untyped-def]
    """``client_for(user)``: the test client, signed in as ``user``."""

    def sign_in(user):  # type: ignore[no-untyped-def]
        client.force_login(user)
        return client

    return sign_in


@pytest.fixture(scope="session", autouse=True)
def _no_stray_database_sessions(django_db_setup, django_db_blocker):  # type: ignore[no-untyped-def]
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
