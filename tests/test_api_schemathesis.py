"""Schemathesis against the OpenAPI document: requests generated from every route's schema
(valid and invalid: huge integers, wrong types, missing fields), sent as programme staff with
an access token, on whichever database the suite runs. No answer may be a server error.

Examples are bounded (``MAX_EXAMPLES`` per route) so the whole run stays well under a minute.
"""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error

from momentum.api import api
from momentum.wsgi import application

MAX_EXAMPLES = 8

schema = schemathesis.openapi.from_dict(api.get_openapi_schema(path_prefix="/api/v1/"))
schema.app = application
schema.location = "/api/v1/openapi.json"


@pytest.fixture
def staff_token(db, jordan) -> str:  # type: ignore[no-untyped-def]
    from momentum.people.models import Role
    from momentum.people.services import create_access_token
    from momentum.people.tests.factories import person_with_role

    staff = person_with_role(Role.STAFF, None, email="api-staff@example.org")
    _token, secret = create_access_token(user=staff, name="schemathesis")
    return secret


@schema.parametrize()
@settings(
    max_examples=MAX_EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    derandomize=True,
)
def test_no_route_answers_a_server_error(case, staff_token, settings_override) -> None:  # type: ignore[no-untyped-def]
    case.headers = {**(case.headers or {}), "Authorization": f"Bearer {staff_token}"}
    case.call_and_validate(checks=[not_a_server_error])


@pytest.fixture
def settings_override(settings):  # type: ignore[no-untyped-def]
    """Requests go straight to the WSGI application: like Django's test client, keep the
    test's database connection (and its transaction) open across them."""
    from django.core import signals
    from django.db import close_old_connections

    settings.ALLOWED_HOSTS = ["*"]
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield settings
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)
