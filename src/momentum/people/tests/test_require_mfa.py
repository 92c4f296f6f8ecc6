"""A second factor is required of staff, focal points and board members (outside demo mode)."""

from __future__ import annotations

import pytest
from allauth.mfa.models import Authenticator

from momentum.people.tests.factories import UserFactory

pytestmark = pytest.mark.django_db

SETUP = "/en/accounts/2fa/totp/activate/?required=1"
SENSITIVE = ["staff", "focal_point", "board_member"]


@pytest.fixture(autouse=True)
def _mfa_required(settings):
    settings.MOMENTUM_MFA_REQUIRED = True


def _signed_in(client, user):
    """Signed in through the login form, as allauth's own pages expect (no re-authentication)."""
    response = client.post(
        "/en/accounts/login/", {"login": user.email, "password": "correct-horse-battery"}
    )
    assert response.status_code == 302, response.content
    return client


def _with_totp(user):
    Authenticator.objects.create(
        user=user, type=Authenticator.Type.TOTP, data={"secret": "JBSWY3DPEHPK3PXP"}
    )
    return user


@pytest.mark.parametrize("persona", SENSITIVE)
@pytest.mark.parametrize(
    "path",
    [
        "/en/",
        "/en/people/officers/",
        "/en/people/invitations/",
        "/en/people/me/",
        "/en/people/me/tokens/",
    ],
)
def test_sensitive_roles_without_a_second_factor_are_sent_to_set_one_up(
    client_for, request, persona, path
):
    response = client_for(request.getfixturevalue(persona)).get(path)

    assert response.status_code == 302
    assert response["Location"] == SETUP


def test_the_setup_page_explains_why(client_for, staff):
    response = client_for(staff).get("/en/", follow=True)

    assert response.redirect_chain[0] == (SETUP, 302)
    assert response.status_code == 200
    assert "needs two-factor authentication" in response.content.decode()


def test_the_redirect_keeps_the_language_of_the_page(client_for, focal_point):
    response = client_for(focal_point).get("/ar/people/officers/")

    assert response["Location"] == "/ar/accounts/2fa/totp/activate/?required=1"


def test_a_post_is_refused_too_and_changes_nothing(client_for, focal_point, jordan):
    from momentum.people.models import Invitation

    response = client_for(focal_point).post(
        "/en/people/invitations/new/",
        {"email": "x@example.org", "role": "officer", "country": jordan.pk, "language": "en"},
    )

    assert response["Location"] == SETUP
    assert not Invitation.objects.exists()


@pytest.mark.parametrize("persona", SENSITIVE)
def test_they_can_still_reach_the_account_pages_and_set_up_a_second_factor(
    client, request, persona
):
    _signed_in(client, request.getfixturevalue(persona))

    # allauth asks for the password once more before a second factor is added.
    response = client.get("/en/accounts/2fa/totp/activate/", follow=True)
    assert response.redirect_chain[-1][0].startswith("/en/accounts/reauthenticate/")
    confirmed = client.post(
        response.redirect_chain[-1][0], {"password": "correct-horse-battery"}, follow=True
    )
    assert confirmed.redirect_chain[-1][0] == "/en/accounts/2fa/totp/activate/"
    assert "totp_url" in confirmed.context  # the authenticator app's set-up page itself
    assert client.get("/fr/accounts/2fa/").status_code == 200
    assert client.get("/en/accounts/password/change/").status_code == 200


def test_they_can_sign_out(client_for, staff):
    client = client_for(staff)

    response = client.post("/en/accounts/logout/")

    assert response.status_code == 302
    assert "_auth_user_id" not in client.session
    assert client.get("/en/")["Location"].startswith("/en/accounts/login/")


def test_the_api_refuses_them_with_json(client_for, staff):
    response = client_for(staff).get("/api/v1/me")

    assert response.status_code == 403
    assert response.json()["error"]["code"] == "mfa_required"


def test_a_superuser_without_a_role_needs_a_second_factor_too(client_for):
    admin = UserFactory(is_superuser=True, is_staff=True)

    assert client_for(admin).get("/en/")["Location"] == SETUP


@pytest.mark.parametrize("persona", ["officer", "donor"])
def test_officers_and_donors_are_not_asked_for_a_second_factor(client_for, request, persona):
    response = client_for(request.getfixturevalue(persona)).get("/en/")

    assert response.status_code == 200
    assert response.context["user"] == request.getfixturevalue(persona)


@pytest.mark.parametrize("persona", SENSITIVE)
def test_with_a_second_factor_they_pass(client_for, request, persona):
    user = _with_totp(request.getfixturevalue(persona))

    response = client_for(user).get("/en/")

    assert response.status_code == 200
    assert response.context["user"] == user


def test_anonymous_visitors_go_to_the_login_page_not_the_setup_page(client):
    response = client.get("/en/people/officers/")

    assert response["Location"].startswith("/en/accounts/login/")


def test_nothing_is_required_when_the_setting_is_off(client_for, staff, settings):
    settings.MOMENTUM_MFA_REQUIRED = False

    response = client_for(staff).get("/en/")

    assert response.status_code == 200


def test_whether_she_has_a_second_factor_is_read_with_her_own_record(client_for, staff):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = client_for(_with_totp(staff))

    with CaptureQueriesContext(connection) as queries:
        response = client.get("/en/notifications/")

    assert response.status_code == 200
    sql = [query["sql"] for query in queries]
    user_query = next(text for text in sql if 'FROM "people_user"' in text)
    assert '"mfa_authenticator"' in user_query
    assert not any(text.startswith('SELECT 1 AS "a" FROM "mfa_authenticator"') for text in sql)
