"""What every signed-in request does before its page — read its session, its user with her
places and her roles, draw the menu — is done with queries built once and markup drawn once per
distinct menu, and stays exactly as right as when everything was built each time."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

import pytest
from django.contrib.auth import SESSION_KEY
from django.contrib.sessions.models import Session
from django.utils import timezone

from momentum.core.compiled import CompiledQuery
from momentum.core.sessions import SessionStore
from momentum.people.backends import AuthenticationBackend
from momentum.people.models import RoleAssignment, User

pytestmark = pytest.mark.django_db


def _menu(html: str) -> str:
    found = re.search(r'<nav class="main-nav".*?</nav>', html, re.S)
    return found.group(0) if found else ""


def test_a_query_built_once_answers_each_value_as_the_orm_would(officer, focal_point, staff):
    by_email = CompiledQuery(lambda email: User.objects.filter(email=email), "@stand-in@")

    for person in (officer, focal_point, staff):
        found = by_email.run(User, person.email, using="default")
        assert [user.pk for user in found] == [person.pk]
        assert found[0].date_joined == User.objects.get(pk=person.pk).date_joined
    assert by_email.run(User, "nobody@example.org", using="default") == []


def test_a_stand_in_that_a_query_does_not_hold_once_is_refused():
    twice = CompiledQuery(
        lambda email: User.objects.filter(email=email) | User.objects.filter(email=email),
        "@stand-in@",
    )

    with pytest.raises(ValueError, match="must appear once"):
        twice.run(User, "a@example.org", using="default")


def test_the_signed_in_user_is_read_with_her_roles_and_their_countries(focal_point, jordan):
    user = AuthenticationBackend().get_user(focal_point.pk)

    assert user == focal_point
    assert user.has_second_factor is not None  # read with the user, not asked later
    [assignment] = user.role_list
    assert assignment.country == jordan
    assert assignment.country.get_deferred_fields() == set()  # no query to show it, any language
    assert str(assignment.country.name) == str(jordan.name)
    assert user.countries_for(assignment.role) == {jordan.pk}


def test_a_removed_role_is_gone_at_the_next_request(focal_point):
    RoleAssignment.objects.filter(user=focal_point).delete()

    assert AuthenticationBackend().get_user(focal_point.pk).role_list == []


def test_an_unknown_or_inactive_user_is_not_signed_in(officer):
    backend = AuthenticationBackend()
    assert backend.get_user(10**9) is None

    User.objects.filter(pk=officer.pk).update(is_active=False)

    assert backend.get_user(officer.pk) is None


def test_a_session_is_read_until_it_expires(staff):
    store = SessionStore()
    store[SESSION_KEY] = str(staff.pk)
    store.create()
    key = store.session_key

    assert SessionStore(key).load()[SESSION_KEY] == str(staff.pk)

    Session.objects.filter(session_key=key).update(
        expire_date=timezone.now() - timedelta(seconds=1)
    )
    expired = SessionStore(key)
    assert expired.load() == {}
    assert expired.session_key is None  # a new one is made rather than the old one reused


def test_the_menu_drawn_once_never_crosses_readers_or_languages(client_for, staff, officer, donor):
    staff_menu = _menu(client_for(staff).get("/en/").content.decode())
    officer_menu = _menu(client_for(officer).get("/en/").content.decode())
    donor_menu = _menu(client_for(donor).get("/en/").content.decode())
    arabic_menu = _menu(client_for(officer).get("/ar/").content.decode())

    assert 'href="/en/people/officers/"' in staff_menu
    assert "/people/officers/" not in officer_menu
    assert "/people/officers/" not in donor_menu
    assert len({staff_menu, officer_menu, donor_menu}) == 3
    assert 'href="/ar/"' in arabic_menu and 'href="/en/"' not in arabic_menu
    assert _menu(client_for(staff).get("/en/").content.decode()) == staff_menu


def test_the_menu_marks_the_page_being_read(client_for, staff):
    client: Any = client_for(staff)

    home = _menu(client.get("/en/").content.decode())
    officers = _menu(client.get("/en/people/officers/").content.decode())

    assert '<a href="/en/" aria-current="page">' in home
    assert '<a href="/en/people/officers/" aria-current="page">' in officers
    assert '<a href="/en/" aria-current="page">' not in officers
