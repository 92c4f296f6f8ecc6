"""How the API knows the caller: the browser session or a personal access token."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from django.db import connection
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from ninja.errors import HttpError

from momentum.api import SessionAuth, api
from momentum.people import services
from momentum.people.models import AccessToken

pytestmark = pytest.mark.django_db

UNAUTHORIZED = {
    "error": {"code": "unauthorized", "message": "Sign in or send a valid access token."}
}


def _bearer(secret: str) -> dict[str, str]:
    return {"HTTP_AUTHORIZATION": f"Bearer {secret}"}


@pytest.fixture
def staff_token(staff) -> str:  # type: ignore[no-untyped-def]
    _token, secret = services.create_access_token(user=staff, name="script")
    return secret


# Bearer tokens -------------------------------------------------------------------------------


def test_a_valid_token_authenticates_without_a_session(staff, staff_token, officer):
    client = Client()

    me = client.get("/api/v1/me", **_bearer(staff_token))
    people = client.get("/api/v1/people", **_bearer(staff_token))

    assert me.status_code == 200
    assert me.json()["email"] == staff.email
    assert people.json()["count"] == 1
    assert "sessionid" not in client.cookies


def test_a_token_carries_its_owners_scope_not_more(focal_point, officer, morocco):
    from momentum.people.tests.factories import officer as make_officer

    make_officer(morocco)
    _token, secret = services.create_access_token(user=focal_point, name="script")

    response = Client().get("/api/v1/people", **_bearer(secret))

    assert [person["country"] for person in response.json()["items"]] == ["JO"]


def test_an_officers_token_is_refused_the_officer_list(officer):
    _token, secret = services.create_access_token(user=officer, name="mine")

    response = Client().get("/api/v1/people", **_bearer(secret))

    assert response.status_code == 403
    assert response.json()["error"]["code"] == "forbidden"


@pytest.mark.parametrize(
    "secret",
    ["mtm_not-a-real-token", "not-even-the-prefix", "mtm_", ""],
)
def test_a_bad_token_is_401_in_the_json_error_shape(staff_token, secret):
    response = Client().get("/api/v1/me", **_bearer(secret))

    assert response.status_code == 401
    assert response.json() == UNAUTHORIZED


def test_a_token_sent_without_bearer_is_401(staff_token):
    response = Client().get("/api/v1/me", HTTP_AUTHORIZATION=f"Token {staff_token}")

    assert response.status_code == 401


def test_a_revoked_token_is_401(staff, staff_token):
    token = AccessToken.objects.get(user=staff)
    services.revoke_access_token(token=token, by=staff)

    response = Client().get("/api/v1/me", **_bearer(staff_token))

    assert response.status_code == 401
    assert response.json() == UNAUTHORIZED


def test_an_expired_token_is_401(staff, staff_token):
    AccessToken.objects.filter(user=staff).update(expires_at=timezone.now() - timedelta(seconds=1))

    assert Client().get("/api/v1/me", **_bearer(staff_token)).status_code == 401


def test_a_deactivated_accounts_token_is_401(staff, staff_token):
    staff.is_active = False
    staff.save()

    assert Client().get("/api/v1/me", **_bearer(staff_token)).status_code == 401


def test_using_a_token_notes_when_it_was_last_used(staff, staff_token):
    Client().get("/api/v1/me", **_bearer(staff_token))

    assert AccessToken.objects.get(user=staff).last_used_at is not None


def test_token_requests_queries_are_bounded(staff, staff_token, officer):
    client = Client()
    client.get("/api/v1/me", **_bearer(staff_token))  # notes last use once

    with CaptureQueriesContext(connection) as queries:
        response = client.get("/api/v1/people", **_bearer(staff_token))

    assert response.status_code == 200
    # token with its user, roles, count, page of profiles, areas of work
    assert len(queries) == 5, [query["sql"] for query in queries]


# The browser session ---------------------------------------------------------------------------


def test_the_signed_in_browser_session_authenticates(client_for, staff):
    assert client_for(staff).get("/api/v1/me").json()["email"] == staff.email


def test_a_signed_out_browser_gets_401(client_for, staff):
    client = client_for(staff)
    client.logout()

    response = client.get("/api/v1/me")

    assert response.status_code == 401
    assert response.json() == UNAUTHORIZED


def test_a_deactivated_accounts_session_gets_401(client_for, staff):
    client = client_for(staff)
    staff.is_active = False
    staff.save()

    assert client.get("/api/v1/me").status_code == 401


def test_session_reads_need_no_csrf_token(staff):
    client = Client(enforce_csrf_checks=True)
    client.force_login(staff)

    assert client.get("/api/v1/me").status_code == 200


def test_session_authentication_checks_csrf_on_unsafe_methods(staff):
    """Every route is a read today; this guards the routes that will write."""
    session_auth = next(auth for auth in api.auth if isinstance(auth, SessionAuth))
    request = RequestFactory().post("/api/v1/anything", {})
    request.user = staff
    request.COOKIES["sessionid"] = "x"

    assert session_auth.csrf is True
    with pytest.raises(HttpError) as refusal:
        session_auth(request)
    assert refusal.value.status_code == 403


def test_a_failed_csrf_check_answers_in_the_json_error_shape(staff):
    request = RequestFactory().post("/api/v1/anything")

    response = api.on_exception(request, HttpError(403, "CSRF check Failed"))

    assert response.status_code == 403
    assert json.loads(response.content) == {
        "error": {"code": "forbidden", "message": "CSRF check Failed"}
    }


def test_unsafe_methods_on_read_only_routes_are_refused(client_for, staff):
    response = client_for(staff).post("/api/v1/people", {})

    assert response.status_code == 405


# Unknown routes -------------------------------------------------------------------------------


def test_an_unknown_api_route_answers_404_in_the_json_error_shape(client_for, staff):
    response = client_for(staff).get("/api/v1/no-such-route")

    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")
    assert response.json() == {"error": {"code": "not_found", "message": "Not found."}}


def test_an_invalid_path_parameter_is_422_in_the_json_error_shape(client_for, staff):
    response = client_for(staff).get("/api/v1/people/abc")

    assert response.status_code == 422
    assert response.json()["error"]["code"] == "invalid"
