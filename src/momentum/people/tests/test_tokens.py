"""Personal API access tokens: shown once, stored hashed, revocable, accepted by the API."""

from __future__ import annotations

import hashlib
from datetime import timedelta

import pytest
from django.utils import timezone

from momentum.core.models import AuditEntry
from momentum.people import services
from momentum.people.models import AccessToken
from momentum.people.tests.factories import officer as make_officer

pytestmark = pytest.mark.django_db

URL = "/en/people/me/tokens/"


def _api_get(client, path: str, secret: str):  # type: ignore[no-untyped-def]
    return client.get(path, headers={"Authorization": f"Bearer {secret}"})


# Creating ------------------------------------------------------------------------------------


def test_a_new_tokens_secret_is_shown_once_and_stored_hashed(client_for, officer):
    client = client_for(officer)

    response = client.post(URL, {"name": "Reporting script", "expires_in_days": "90"}, follow=True)

    # Redirected after the POST, so reloading the page cannot create a second token.
    assert response.redirect_chain == [(URL, 302)]
    secret = response.context["new_secret"]
    assert secret.startswith("mtm_")
    assert secret in response.content.decode()
    token = AccessToken.objects.get(user=officer)
    assert token.name == "Reporting script"
    assert token.key_hash == hashlib.sha256(secret.encode()).hexdigest()
    assert token.key_hash != secret
    assert secret.startswith(token.prefix)
    assert len(token.prefix) < len(secret)
    stored = AccessToken.objects.filter(pk=token.pk).values().get()
    assert all(secret not in str(value) for value in stored.values())
    # On the next visit the list names the token but never shows its secret again.
    again = client.get(URL).content.decode()
    assert "Reporting script" in again
    assert token.prefix in again
    assert secret not in again


def test_the_chosen_validity_sets_the_expiry(client_for, officer):
    client_for(officer).post(URL, {"name": "Thirty days", "expires_in_days": "30"})
    client_for(officer).post(URL, {"name": "Until revoked", "expires_in_days": ""})

    thirty = AccessToken.objects.get(name="Thirty days")
    assert abs(thirty.expires_at - (timezone.now() + timedelta(days=30))) < timedelta(minutes=1)
    assert AccessToken.objects.get(name="Until revoked").expires_at is None


def test_a_token_needs_a_name(client_for, officer):
    response = client_for(officer).post(URL, {"name": "", "expires_in_days": "30"})

    assert response.status_code == 200
    assert "name" in response.context["form"].errors
    assert response.context["new_secret"] is None
    assert not AccessToken.objects.exists()


def test_creating_a_token_is_audited_without_its_secret(officer):
    token, secret = services.create_access_token(user=officer, name="Script")

    entry = AuditEntry.objects.get(verb="token.created")
    assert entry.actor == officer
    assert entry.target_id == str(token.pk)
    assert secret not in str(AuditEntry.objects.filter(pk=entry.pk).values().get())


def test_the_list_shows_only_the_users_own_tokens(client_for, officer, jordan):
    services.create_access_token(user=officer, name="Mine")
    services.create_access_token(user=make_officer(jordan), name="Someone else's")

    response = client_for(officer).get(URL)

    assert [token.name for token in response.context["tokens"]] == ["Mine"]
    assert "Someone else" not in response.content.decode()


def test_an_anonymous_visitor_is_sent_to_the_login_page(client):
    response = client.get(URL)

    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/login/")


# Revoking ------------------------------------------------------------------------------------


def test_revoking_a_token_stops_it_working(client_for, officer, client):
    token, secret = services.create_access_token(user=officer, name="Script")
    assert _api_get(client, "/api/v1/me", secret).status_code == 200

    response = client_for(officer).post(f"/en/people/me/tokens/{token.pk}/revoke/")

    assert response.status_code == 302
    assert response["Location"] == URL
    token.refresh_from_db()
    assert token.revoked_at is not None
    assert AuditEntry.objects.filter(verb="token.revoked", target_id=str(token.pk)).count() == 1
    client.logout()
    assert _api_get(client, "/api/v1/me", secret).status_code == 401


def test_another_users_token_cannot_be_revoked(client_for, officer, focal_point):
    token, _secret = services.create_access_token(user=focal_point, name="Focal point's")

    response = client_for(officer).post(f"/en/people/me/tokens/{token.pk}/revoke/")

    assert response.status_code == 404
    token.refresh_from_db()
    assert token.revoked_at is None


def test_revoking_needs_a_post(client_for, officer):
    token, _secret = services.create_access_token(user=officer, name="Script")

    assert client_for(officer).get(f"/en/people/me/tokens/{token.pk}/revoke/").status_code == 405
    token.refresh_from_db()
    assert token.revoked_at is None


# The API -------------------------------------------------------------------------------------


def test_the_api_accepts_a_bearer_token(client, officer):
    _token, secret = services.create_access_token(user=officer, name="Script")

    response = _api_get(client, "/api/v1/me", secret)

    assert response.status_code == 200
    body = response.json()
    assert body["email"] == officer.email
    assert body["given_name_ar"] == "ليلى"
    assert body["roles"] == [{"role": "officer", "country": "JO"}]


def test_using_a_token_notes_when_it_was_last_used(client, officer):
    token, secret = services.create_access_token(user=officer, name="Script")

    _api_get(client, "/api/v1/me", secret)

    token.refresh_from_db()
    assert token.last_used_at is not None


def test_a_token_carries_its_owners_scope(client, focal_point, officer, morocco):
    make_officer(morocco, user__email="moroccan@example.org")
    _token, secret = services.create_access_token(user=focal_point, name="Script")

    response = _api_get(client, "/api/v1/people", secret)

    assert response.status_code == 200
    assert [person["email"] for person in response.json()["items"]] == [officer.email]


def _assert_refused(response) -> None:  # type: ignore[no-untyped-def]
    assert response.status_code == 401
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["error"]["code"] == "unauthorized"


def test_the_api_refuses_a_revoked_token(client, officer):
    token, secret = services.create_access_token(user=officer, name="Script")
    services.revoke_access_token(token=token, by=officer)

    _assert_refused(_api_get(client, "/api/v1/me", secret))


def test_the_api_refuses_an_expired_token(client, officer):
    token, secret = services.create_access_token(user=officer, name="Script", expires_in_days=30)
    AccessToken.objects.filter(pk=token.pk).update(expires_at=timezone.now() - timedelta(seconds=1))

    _assert_refused(_api_get(client, "/api/v1/me", secret))


def test_the_api_refuses_a_token_of_a_deactivated_account(client, officer):
    _token, secret = services.create_access_token(user=officer, name="Script")
    officer.is_active = False
    officer.save(update_fields=["is_active"])

    _assert_refused(_api_get(client, "/api/v1/me", secret))


@pytest.mark.parametrize("secret", ["mtm_not-a-real-token", "not-even-the-prefix", ""])
def test_the_api_refuses_an_unknown_token(client, officer, secret):
    services.create_access_token(user=officer, name="Script")

    _assert_refused(_api_get(client, "/api/v1/me", secret))


def test_the_api_refuses_the_stored_hash_as_a_token(client, officer):
    token, _secret = services.create_access_token(user=officer, name="Script")

    _assert_refused(_api_get(client, "/api/v1/me", token.key_hash))
    _assert_refused(_api_get(client, "/api/v1/me", "mtm_" + token.key_hash))


def test_the_api_refuses_a_request_without_credentials(client):
    _assert_refused(client.get("/api/v1/me"))


@pytest.mark.parametrize("rows", [5, 50])
def test_api_queries_with_a_token_do_not_grow_with_rows(client, staff, jordan, rows):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for _ in range(rows):
        make_officer(jordan)
    _token, secret = services.create_access_token(user=staff, name="Script")

    with CaptureQueriesContext(connection) as queries:
        response = _api_get(client, "/api/v1/people", secret)

    assert response.status_code == 200
    assert response.json()["count"] == rows
    # the token with its user, noting its first use, the user's roles, the count, the page of
    # profiles with user, country and agency, their areas of work
    assert len(queries) == 6, [query["sql"] for query in queries]
