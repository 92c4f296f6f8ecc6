"""Every page and API route, asked by every persona: who gets in, who is refused, and how.

The table below is the statement of who may do what, written out route by route. A URL pattern
added to the project without a row here makes ``test_every_url_pattern_is_in_the_matrix`` fail:
decide who may use it, then add its row.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from momentum.core import services as core_services
from momentum.core.tests.matrix import PERSONAS
from momentum.people import services as people_services
from momentum.people.models import Invitation, Role, RoleAssignment
from momentum.people.tests.factories import InvitationFactory

pytestmark = pytest.mark.django_db


# 302 for "anonymous" on a page means: sent to the sign-in page. 401 is the API's refusal of an
# unknown caller. 403 is a refusal the user may know about (a page of another role); 404 hides
# that a record exists (a person, a job, an invitation outside the caller's scope).
#
# The records used: Leila, an officer of Jordan (her profile, her token, her role), a job
# started by Jordan's focal point, an invitation Jordan's focal point sent to a Jordanian officer.
#
# fmt: off
#                                     anon off  fp  out stf don trn men mod brd
MATRIX: dict[str, tuple[int, ...]] = {
    "healthz":                       (200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
    # public: the certificates' signing keys and the page that checks a signature offline
    "certificate_keys":              (200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
    "verify_offline":                (200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
    "home":                          (302, 200, 200, 200, 200, 200, 200, 200, 200, 200),
    # core
    "core:job":                      (302, 404, 200, 404, 200, 404, 404, 404, 404, 404),
    "core:audit_log":                (302, 403, 403, 403, 200, 403, 403, 403, 403, 403),
    "core:audit_export":             (302, 403, 403, 403, 200, 403, 403, 403, 403, 403),
    # people: officers
    "people:officers":               (302, 403, 200, 200, 200, 403, 403, 403, 403, 403),
    "people:officer":                (302, 200, 200, 404, 200, 404, 404, 404, 404, 404),
    "people:officer_edit":           (302, 200, 200, 404, 200, 404, 404, 404, 404, 404),
    # people: one's own account
    "people:my_account":             (302, 200, 200, 200, 200, 200, 200, 200, 200, 200),
    "people:my_profile_edit":        (302, 200, 404, 404, 404, 404, 404, 404, 404, 404),
    "people:tokens":                 (302, 200, 200, 200, 200, 200, 200, 200, 200, 200),
    "people:token_revoke":           (302, 302, 404, 404, 404, 404, 404, 404, 404, 404),
    # people: invitations
    "people:invitations":            (302, 403, 200, 200, 200, 403, 403, 403, 403, 403),
    "people:invitation_new":         (302, 403, 200, 200, 200, 403, 403, 403, 403, 403),
    "people:bulk_invitation":        (302, 403, 200, 200, 200, 403, 403, 403, 403, 403),
    "people:invitation_revoke":      (302, 404, 302, 404, 302, 404, 404, 404, 404, 404),
    "people:accept_invitation":      (200, 409, 409, 409, 409, 409, 409, 409, 409, 409),
    # people: accounts (staff only)
    "people:accounts":               (302, 403, 403, 403, 200, 403, 403, 403, 403, 403),
    "people:account":                (302, 403, 403, 403, 200, 403, 403, 403, 403, 403),
    "people:account_active":         (302, 403, 403, 403, 302, 403, 403, 403, 403, 403),
    "people:role_remove":            (302, 403, 403, 403, 302, 403, 403, 403, 403, 403),
    # API
    "api:me":                        (401, 200, 200, 200, 200, 200, 200, 200, 200, 200),
    "api:list_countries":            (401, 200, 200, 200, 200, 200, 200, 200, 200, 200),
    "api:list_people":               (401, 403, 200, 200, 200, 403, 403, 403, 403, 403),
    "api:get_person":                (401, 200, 200, 404, 200, 404, 404, 404, 404, 404),
    "api:openapi-json":              (200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
    "api:openapi-view":              (200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
    "api:api-root":                  (404, 404, 404, 404, 404, 404, 404, 404, 404, 404),
}
# fmt: on


@dataclass(frozen=True)
class World:
    officer: Any
    profile_pk: int
    job_pk: int
    token_pk: int
    invitation_pk: int
    invitation_key: str
    officer_role_pk: int


@dataclass(frozen=True)
class Route:
    method: str
    url: Callable[[World], str]
    data: dict[str, str] | None = None


ROUTES: dict[str, Route] = {
    "healthz": Route("get", lambda w: "/healthz"),
    "certificate_keys": Route("get", lambda w: "/.well-known/momentum-certificate-keys.json"),
    "verify_offline": Route("get", lambda w: "/en/verify/offline/"),
    "home": Route("get", lambda w: "/en/"),
    "core:job": Route("get", lambda w: f"/en/jobs/{w.job_pk}/"),
    "core:audit_log": Route("get", lambda w: "/en/audit/"),
    "core:audit_export": Route("get", lambda w: "/en/audit/export/?format=csv"),
    "people:officers": Route("get", lambda w: "/en/people/officers/"),
    "people:officer": Route("get", lambda w: f"/en/people/officers/{w.profile_pk}/"),
    "people:officer_edit": Route("get", lambda w: f"/en/people/officers/{w.profile_pk}/edit/"),
    "people:my_account": Route("get", lambda w: "/en/people/me/"),
    "people:my_profile_edit": Route("get", lambda w: "/en/people/me/profile/"),
    "people:tokens": Route("get", lambda w: "/en/people/me/tokens/"),
    "people:token_revoke": Route("post", lambda w: f"/en/people/me/tokens/{w.token_pk}/revoke/"),
    "people:invitations": Route("get", lambda w: "/en/people/invitations/"),
    "people:invitation_new": Route("get", lambda w: "/en/people/invitations/new/"),
    "people:bulk_invitation": Route("get", lambda w: "/en/people/invitations/bulk/"),
    "people:invitation_revoke": Route(
        "post", lambda w: f"/en/people/invitations/{w.invitation_pk}/revoke/"
    ),
    "people:accept_invitation": Route(
        "get", lambda w: f"/en/people/invitations/accept/{w.invitation_key}/"
    ),
    "people:accounts": Route("get", lambda w: "/en/people/accounts/"),
    "people:account": Route("get", lambda w: f"/en/people/accounts/{w.officer.pk}/"),
    "people:account_active": Route(
        "post", lambda w: f"/en/people/accounts/{w.officer.pk}/active/", {"active": "0"}
    ),
    "people:role_remove": Route(
        "post",
        lambda w: f"/en/people/accounts/{w.officer.pk}/roles/{w.officer_role_pk}/remove/",
    ),
    "api:me": Route("get", lambda w: "/api/v1/me"),
    "api:list_countries": Route("get", lambda w: "/api/v1/countries"),
    "api:list_people": Route("get", lambda w: "/api/v1/people"),
    "api:get_person": Route("get", lambda w: f"/api/v1/people/{w.profile_pk}"),
    "api:openapi-json": Route("get", lambda w: "/api/v1/openapi.json"),
    "api:openapi-view": Route("get", lambda w: "/api/v1/docs"),
    "api:api-root": Route("get", lambda w: "/api/v1/"),
}

# Patterns that are not the project's own pages: Django's admin, allauth's account pages and
# Django's language switch (their own projects test them).
_FOREIGN_NAMESPACES = {"admin"}


def _project_url_names() -> set[str]:
    """The name of every URL pattern the project itself defines (its apps and its API)."""
    names: set[str] = set()

    def walk(patterns: list[Any], namespace: str) -> None:
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                inner = pattern.namespace or ""
                if inner in _FOREIGN_NAMESPACES:
                    continue
                walk(pattern.url_patterns, ":".join(filter(None, [namespace, inner])))
            elif isinstance(pattern, URLPattern):
                module = getattr(pattern.callback, "__module__", "") or ""
                ours = namespace or module.startswith("momentum.")
                if ours:
                    assert pattern.name, f"unnamed URL pattern {pattern.pattern} in {module}"
                    names.add(":".join(filter(None, [namespace, pattern.name])))

    walk(get_resolver().url_patterns, "")
    return names


def _app_matrices() -> dict[str, tuple[int, ...]]:
    """The rows of the activity apps' own matrices (``<app>/tests/test_matrix_*.py``): each
    activity states who may use its routes beside its own tests and records."""
    import importlib
    import pathlib

    import momentum

    rows: dict[str, tuple[int, ...]] = {}
    root = pathlib.Path(momentum.__file__).parent
    for path in sorted(root.glob("*/tests/test_matrix_*.py")):
        module = importlib.import_module(f"momentum.{path.parent.parent.name}.tests.{path.stem}")
        overlap = rows.keys() & module.MATRIX.keys()
        assert not overlap, f"{path.name} repeats rows of another matrix: {sorted(overlap)}"
        rows.update(module.MATRIX)
    return rows


def test_every_url_pattern_is_in_the_matrix():
    names = _project_url_names()
    rows = {**MATRIX, **_app_matrices()}

    missing = sorted(names - rows.keys())
    assert not missing, f"URL patterns with no row in an authorization matrix: {missing}"
    stale = sorted(rows.keys() - names)
    assert not stale, f"rows for URL patterns that no longer exist: {stale}"


def test_every_row_names_every_persona_and_has_a_request():
    assert MATRIX.keys() == ROUTES.keys()
    for name, row in MATRIX.items():
        assert len(row) == len(PERSONAS), name


@pytest.fixture
def world(officer, focal_point) -> World:  # type: ignore[no-untyped-def]
    job = core_services.create_job(kind="people.bulk_invitation", by=focal_point, total=1)
    token, _secret = people_services.create_access_token(user=officer, name="script")
    key = "matrix-invitation-key"
    invitation = InvitationFactory(
        country=officer.profile.country,
        role=Role.OFFICER,
        invited_by=focal_point,
        key_hash=Invitation.hash_key(key),
    )
    return World(
        officer=officer,
        profile_pk=officer.profile.pk,
        job_pk=job.pk,
        token_pk=token.pk,
        invitation_pk=invitation.pk,
        invitation_key=key,
        officer_role_pk=RoleAssignment.objects.get(user=officer).pk,
    )


def _ask(user: Any, route: Route, world: World):  # type: ignore[no-untyped-def]
    client = Client()
    if user is not None:
        client.force_login(user)
    send = getattr(client, route.method)
    return send(route.url(world), route.data or {})


@pytest.mark.parametrize("name", list(MATRIX))
def test_each_persona_gets_the_expected_answer(name, world, request):
    route = ROUTES[name]
    users = {
        persona: None if persona == "anonymous" else request.getfixturevalue(persona)
        for persona in PERSONAS
    }
    wrong = []
    for persona, expected in zip(PERSONAS, MATRIX[name], strict=True):
        # Each persona's request is undone afterwards, so a revocation by one does not change
        # what the next one sees.
        with transaction.atomic():
            response = _ask(users[persona], route, world)
            transaction.set_rollback(True)
        got = response.status_code
        if got != expected:
            wrong.append(f"{persona}: expected {expected}, got {got}")
            continue
        if name.startswith("api:") and got >= 400:
            body = response.json()
            if set(body) != {"error"} or not {"code", "message"} <= set(body["error"]):
                wrong.append(f"{persona}: {got} is not in the API's error shape: {body}")
        elif (
            persona == "anonymous" and got == 302 and "/accounts/login/" not in response["Location"]
        ):
            wrong.append(f"{persona}: sent to {response['Location']}, not to sign in")
    assert not wrong, f"{name} ({route.method.upper()} {route.url(world)}):\n" + "\n".join(wrong)


def test_a_donor_sees_aggregates_but_no_person_on_the_home_page(client_for, donor, officer):
    content = client_for(donor).get("/en/").content.decode()

    assert "Officers by country and sex" in content
    assert officer.email not in content
    assert officer.full_name not in content
    assert officer.full_name_ar not in content


def test_officer_of_jordan_may_not_open_a_moroccan_colleagues_profile(client_for, officer, morocco):
    from momentum.people.tests.factories import officer as make_officer

    colleague = make_officer(morocco)

    assert (
        client_for(officer).get(f"/en/people/officers/{colleague.profile.pk}/").status_code == 404
    )
    assert client_for(officer).get(f"/api/v1/people/{colleague.profile.pk}").status_code == 404


def test_board_member_is_not_a_focal_point(client_for, board_member, officer):
    assert RoleAssignment.objects.filter(user=board_member, role=Role.BOARD_MEMBER).exists()
    assert client_for(board_member).get("/en/people/officers/").status_code == 403
