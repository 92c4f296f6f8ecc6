"""The menu shows an activity to those who hold a place in it (an exercise's member, a toolkit
author, a mentoring panel member) without asking each activity's table on every page."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from momentum.core import memberships
from momentum.exercise.models import Member
from momentum.exercise.services import planning
from momentum.exercise.tests.factories import an_exercise

pytestmark = pytest.mark.django_db

NOTIFICATIONS = "/en/notifications/"


def _menu_shows_exercise(client: Any) -> bool:
    return 'href="/en/exercise/"' in client.get(NOTIFICATIONS).content.decode()


def test_a_member_of_an_exercise_finds_it_in_the_menu_until_she_is_removed(
    client_for, staff, officer
):
    setup = an_exercise(staff)
    client = client_for(officer)
    assert not _menu_shows_exercise(client)

    member = planning.place_member(
        exercise=setup.exercise,
        user=officer,
        role="screener",
        source="certified",
        site=setup.amman,
        shift=setup.shift,
        by=staff,
    )
    assert _menu_shows_exercise(client)

    planning.remove_member(member=member, by=staff)
    assert not _menu_shows_exercise(client)


def test_the_places_are_read_with_the_signed_in_user_in_one_query(client_for, staff, officer):
    setup = an_exercise(staff)
    planning.place_member(
        exercise=setup.exercise,
        user=officer,
        role="screener",
        source="certified",
        site=setup.amman,
        shift=setup.shift,
        by=staff,
    )
    client = client_for(officer)

    with CaptureQueriesContext(connection) as queries:
        client.get(NOTIFICATIONS)

    sql = [query["sql"] for query in queries]
    user_query = next(text for text in sql if 'FROM "people_user"' in text)
    assert '"exercise_member"' in user_query
    assert '"toolkit_chapterauthor"' in user_query
    assert not any(text.startswith('SELECT 1 AS "a" FROM "exercise_member"') for text in sql)


def test_a_user_loaded_another_way_is_asked_once(staff, officer):
    setup = an_exercise(staff)
    Member.objects.create(exercise=setup.exercise, user=officer, role="analyst")

    with CaptureQueriesContext(connection) as queries:
        first = memberships.holds(officer, "exercise")
        second = memberships.holds(officer, "exercise")

    assert first and second
    assert len(queries) == 1


def test_nobody_signed_out_holds_a_place():
    from django.contrib.auth.models import AnonymousUser

    assert not memberships.holds(AnonymousUser(), "exercise")
