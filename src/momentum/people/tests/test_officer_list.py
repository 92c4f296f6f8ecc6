from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from momentum.people.tests.factories import officer as make_officer

pytestmark = pytest.mark.django_db


def test_focal_point_sees_only_own_countrys_officers(client_for, focal_point, officer, morocco):
    foreigner = make_officer(morocco, user__given_name="Youssef", user__family_name="Alaoui")

    response = client_for(focal_point).get("/en/people/officers/")

    assert response.status_code == 200
    page = list(response.context["page"])
    assert officer.profile in page
    assert foreigner.profile not in page


def test_donor_cannot_open_the_officer_list(client_for, donor, officer):
    assert client_for(donor).get("/en/people/officers/").status_code == 403


def test_officer_list_finds_a_name_whatever_its_arabic_spelling(client_for, staff, jordan):
    make_officer(jordan, user__given_name_ar="أسماء", user__family_name_ar="الخوري")

    response = client_for(staff).get("/en/people/officers/", {"q": "اسماء"})

    assert [p.user.given_name_ar for p in response.context["page"]] == ["أسماء"]


@pytest.mark.parametrize("rows", [20, 200])
def test_officer_list_queries_do_not_grow_with_rows(client_for, staff, jordan, rows):
    for _ in range(rows):
        make_officer(jordan)
    client = client_for(staff)
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/en/people/officers/")
    assert response.status_code == 200
    # session, user, roles, count, page of profiles, areas of work (prefetch), filter countries,
    # filter areas of work
    assert len(queries) <= 9, [q["sql"] for q in queries]
