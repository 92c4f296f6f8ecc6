"""The findings of the outside security review, each with the test that would have caught it."""

from __future__ import annotations

import threading
import time
from datetime import timedelta
from unittest import mock

import pytest
from django.core.cache import caches
from django.core.management import call_command
from django.db import connection, connections
from django.utils import timezone

from momentum.cli import demo_refusal

LOGIN = "/en/accounts/login/"
PASSWORD = "correct-horse-battery"  # the factories' password
PROXY = "10.0.0.5"


# --- Behind a reverse proxy: sign-in and rate limits count per client ------------------------


def _login(client, email: str, password: str, forwarded_for: str):  # type: ignore[no-untyped-def]
    return client.post(
        LOGIN,
        {"login": email, "password": password},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR=forwarded_for,
    )


@pytest.mark.django_db
def test_behind_a_trusted_proxy_one_clients_failures_do_not_lock_out_everyone(
    client, settings, officer, focal_point
):
    settings.TRUSTED_PROXIES = ["10.0.0.0/8"]
    for attempt in range(5):
        _login(client, f"guess{attempt}@example.org", "wrong", forwarded_for="198.51.100.7")

    _login(client, focal_point.email, PASSWORD, forwarded_for="203.0.113.9")

    assert client.session["_auth_user_id"] == str(focal_point.pk)


@pytest.mark.django_db
def test_behind_a_trusted_proxy_the_attacker_is_still_locked_out(client, settings, officer):
    settings.TRUSTED_PROXIES = ["10.0.0.0/8"]
    for attempt in range(5):
        _login(client, f"guess{attempt}@example.org", "wrong", forwarded_for="198.51.100.7")

    # A forged header in front of the proxy's does not help: the proxy appends the real one.
    _login(client, officer.email, PASSWORD, forwarded_for="1.2.3.4, 198.51.100.7")

    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_without_trusted_proxies_a_forwarded_header_is_ignored(client, settings, officer):
    settings.TRUSTED_PROXIES = []
    for attempt in range(5):
        _login(client, f"guess{attempt}@example.org", "wrong", forwarded_for=f"192.0.2.{attempt}")

    _login(client, officer.email, PASSWORD, forwarded_for="203.0.113.9")

    assert "_auth_user_id" not in client.session  # all five came from the proxy's address


@pytest.mark.django_db
def test_verification_lookups_count_the_client_behind_the_proxy(client, settings):
    settings.TRUSTED_PROXIES = [PROXY]
    for n in range(31):
        client.get(
            f"/en/verify/AAAA-BBBB-{n:04d}/", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="198.51.100.7"
        )

    other = client.get(
        "/en/verify/AAAA-BBBB-9999/", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="203.0.113.9"
    )

    assert other.status_code == 404  # not 429: another client


# --- The verification lock-out lasts what Retry-After says -------------------------------------


@pytest.fixture
def database_cache(settings, db):  # type: ignore[no-untyped-def]
    """The production cache (in the database), whose incr() resets the expiry."""
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "momentum_test_cache",
        }
    }
    call_command("createcachetable", verbosity=0)
    yield caches["default"]
    caches["default"].clear()


def test_the_verification_lock_out_ends_when_retry_after_says(client, database_cache):
    start = timezone.now().replace(second=0, microsecond=0) + timedelta(minutes=1)
    with mock.patch("django.utils.timezone.now", return_value=start + timedelta(seconds=5)):
        for n in range(30):
            client.get(f"/en/verify/AAAA-BBBB-{n:04d}/")
        refused = client.get("/en/verify/AAAA-BBBB-0000/")
        assert refused.status_code == 429
        retry_after = int(refused["Retry-After"])
    assert retry_after == 55
    # Refused requests meanwhile do not extend the lock-out.
    with mock.patch("django.utils.timezone.now", return_value=start + timedelta(seconds=50)):
        assert client.get("/en/verify/AAAA-BBBB-0000/").status_code == 429

    with mock.patch(
        "django.utils.timezone.now", return_value=start + timedelta(seconds=5 + retry_after)
    ):
        assert client.get("/en/verify/AAAA-BBBB-0000/").status_code == 404


# --- API: integers beyond 64 bits are refused with 422, 4xx are declared ------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/sessions/99999999999999999999999/nominations",
        "/api/v1/sessions/1/nominations?page=99999999999999999999999",
        "/api/v1/sessions/1/nominations?page=4611686018427387904",
        "/api/v1/people/-99999999999999999999999",
        "/api/v1/hub/spaces/99999999999999999999",
    ],
)
def test_integers_beyond_64_bits_answer_422_in_the_error_shape(client_for, staff, path):
    response = client_for(staff).get(path)

    assert response.status_code == 422
    assert response.json()["error"]["code"] == "invalid"


def test_the_openapi_document_bounds_integers_and_declares_refusals():
    from momentum.api import api

    document = api.get_openapi_schema()
    operation = document["paths"]["/api/v1/sessions/{session_id}/nominations"]["get"]
    parameters = {parameter["name"]: parameter["schema"] for parameter in operation["parameters"]}
    assert parameters["session_id"]["maximum"] == 2**63 - 1
    assert parameters["page"]["maximum"] == 2**31 - 1
    for path in document["paths"].values():
        for entry in path.values():
            assert {403, 404, 422} <= {int(code) for code in entry["responses"]}


# --- Evaluation results move in steps of five -------------------------------------------------


@pytest.mark.django_db
def test_one_more_answer_does_not_change_the_results_until_five_more(trainer):
    from momentum.training.models import EvaluationKind, SessionStatus
    from momentum.training.selectors import evaluation_results
    from momentum.training.tests.factories import EvaluationFactory, SessionFactory

    session = SessionFactory(status=SessionStatus.COMPLETED, trainers=[trainer])
    for _n in range(5):
        EvaluationFactory(session=session, relevance=5, comments="")
    before = evaluation_results(session, EvaluationKind.END_OF_SESSION)

    EvaluationFactory(session=session, relevance=1, comments="The trainer was late.")
    after_one = evaluation_results(session, EvaluationKind.END_OF_SESSION)

    assert after_one == before
    assert after_one.answers == 5
    for _n in range(4):
        EvaluationFactory(session=session, relevance=1, comments="")
    after_five = evaluation_results(session, EvaluationKind.END_OF_SESSION)
    assert after_five.answers == 10
    assert str(after_five.questions[0].mean) == "3.0"


# --- Overlapping nominations sent at the same moment ---------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_two_overlapping_nominations_at_the_same_moment_let_one_through(
    focal_point, officer, jordan
):
    if connection.vendor != "postgresql":
        pytest.skip("SQLite runs one writing transaction at a time")
    from django.core.exceptions import ValidationError

    from momentum.training.models import Nomination
    from momentum.training.services import nominations
    from momentum.training.tests.factories import CourseFactory, session_with_seats

    first = session_with_seats({jordan: 3})
    second = session_with_seats(
        {jordan: 3}, starts_on=first.starts_on, ends_on=first.ends_on, course=CourseFactory()
    )
    outcomes: dict[str, str] = {}
    other_done = threading.Event()

    def nominate(session, label: str) -> None:  # type: ignore[no-untyped-def]
        try:
            nominations.nominate_officer(
                session=session, officer=officer.profile, by=focal_point, justification="Ready."
            )
            outcomes[label] = "created"
        except ValidationError as error:
            outcomes[label] = error.messages[0]
        finally:
            connections.close_all()
            if label == "second":
                other_done.set()

    real_create = Nomination.objects.create
    started: list[threading.Thread] = []

    def create_after_the_other_tried(**fields):  # type: ignore[no-untyped-def]
        if not started:
            # The first has checked and is about to write: the second comes in now.
            thread = threading.Thread(target=nominate, args=(second, "second"))
            started.append(thread)
            thread.start()
            deadline = time.monotonic() + 10
            while not other_done.is_set() and time.monotonic() < deadline:
                with connections["default"].cursor() as cursor:
                    cursor.execute(
                        "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                    )
                    if cursor.fetchone()[0]:
                        break  # the second waits for the first's lock
                time.sleep(0.01)
        return real_create(**fields)

    with mock.patch.object(Nomination.objects, "create", create_after_the_other_tried):
        nominate(first, "first")
    started[0].join(timeout=20)

    assert outcomes["first"] == "created"
    assert "overlap" in outcomes["second"]
    assert Nomination.objects.filter(officer=officer.profile).count() == 1


# --- Demo mode only on this machine unless forced ------------------------------------------------


@pytest.mark.parametrize(
    ("host", "forced", "refused"),
    [
        ("127.0.0.1", False, False),
        ("localhost", False, False),
        ("::1", False, False),
        ("0.0.0.0", False, True),  # noqa: S104
        ("192.0.2.10", False, True),
        ("momentum.example.org", False, True),
        ("0.0.0.0", True, False),  # noqa: S104
    ],
)
def test_demo_mode_is_refused_on_a_public_address_unless_forced(host, forced, refused):
    assert bool(demo_refusal(demo=True, host=host, forced=forced)) is refused
    assert demo_refusal(demo=False, host=host, forced=False) == ""


def test_serve_exits_before_starting_anything_in_demo_mode_on_a_public_address(settings, capsys):
    from momentum import cli

    settings.DEMO = True
    with (
        mock.patch.object(cli, "_django_setup"),
        mock.patch.object(cli, "_prepare") as prepare,
    ):
        code = cli.serve(["--host", "0.0.0.0"])  # noqa: S104

    assert code == 2
    prepare.assert_not_called()
    assert "refusing to serve demo mode" in capsys.readouterr().err
