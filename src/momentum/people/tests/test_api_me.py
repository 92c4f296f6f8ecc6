"""GET /api/v1/me: the caller's own account and roles, whatever the role."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from momentum.people.models import Role
from momentum.people.tests.factories import person_with_role

pytestmark = pytest.mark.django_db

URL = "/api/v1/me"


def test_officer_sees_own_account_and_country_role(client_for, officer):
    response = client_for(officer).get(URL)

    assert response.status_code == 200
    assert response.json() == {
        "id": officer.pk,
        "email": officer.email,
        "given_name": "Leila",
        "family_name": "Haddad",
        "given_name_ar": "ليلى",
        "family_name_ar": "حداد",
        "preferred_language": "en",
        "roles": [{"role": "officer", "country": "JO"}],
    }


@pytest.mark.parametrize(
    ("role", "country_code"),
    [
        (Role.STAFF, None),
        (Role.FOCAL_POINT, "JO"),
        (Role.BOARD_MEMBER, "JO"),
        (Role.TRAINER, None),
        (Role.MENTOR, None),
        (Role.MODERATOR, None),
        (Role.DONOR, None),
    ],
)
def test_every_role_sees_its_own_role_and_scope(client_for, jordan, role, country_code):
    user = person_with_role(role, jordan if country_code else None)

    body = client_for(user).get(URL).json()

    assert body["id"] == user.pk
    assert body["email"] == user.email
    assert body["roles"] == [{"role": role, "country": country_code}]


def test_someone_with_several_roles_sees_them_all(client_for, focal_point, morocco):
    from momentum.people.models import RoleAssignment

    RoleAssignment.objects.create(user=focal_point, role=Role.FOCAL_POINT, country=morocco)
    RoleAssignment.objects.create(user=focal_point, role=Role.TRAINER)

    roles = client_for(focal_point).get(URL).json()["roles"]

    assert sorted((role["role"], role["country"] or "") for role in roles) == [
        ("focal_point", "JO"),
        ("focal_point", "MA"),
        ("trainer", ""),
    ]


def test_me_reflects_the_preferred_language(client_for, officer):
    officer.preferred_language = "ar"
    officer.save()

    assert client_for(officer).get(URL).json()["preferred_language"] == "ar"


def test_me_never_exposes_the_password_hash_or_flags(client_for, staff):
    body = client_for(staff).get(URL).json()

    assert not {"password", "is_superuser", "is_staff", "search_key"} & set(body)


def test_anonymous_gets_401_in_the_json_error_shape(client):
    response = client.get(URL)

    assert response.status_code == 401
    assert response["Content-Type"].startswith("application/json")
    assert response.json() == {
        "error": {"code": "unauthorized", "message": "Sign in or send a valid access token."}
    }


def test_me_queries_are_bounded(client_for, focal_point):
    client = client_for(focal_point)

    with CaptureQueriesContext(connection) as queries:
        assert client.get(URL).status_code == 200

    # session, user, roles with their countries
    assert len(queries) == 3, [query["sql"] for query in queries]
