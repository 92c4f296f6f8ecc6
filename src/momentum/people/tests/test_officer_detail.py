"""One officer's page: who may see it, who is offered the edit button, a bounded query count."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from momentum.core.tests.factories import AreaOfWorkFactory
from momentum.people.tests.factories import officer as make_officer

pytestmark = pytest.mark.django_db


def _url(user) -> str:  # type: ignore[no-untyped-def]
    return f"/en/people/officers/{user.profile.pk}/"


@pytest.mark.parametrize(
    ("persona", "can_edit"), [("officer", True), ("focal_point", True), ("staff", True)]
)
def test_the_owner_and_colleagues_with_rights_see_the_profile(
    client_for, request, officer, persona, can_edit
):
    response = client_for(request.getfixturevalue(persona)).get(_url(officer))

    assert response.status_code == 200
    html = response.content.decode()
    assert officer.email in html
    assert "ليلى حداد" in html
    assert (f"/en/people/officers/{officer.profile.pk}/edit/" in html) is can_edit


@pytest.mark.parametrize("persona", ["outsider", "donor"])
def test_outsiders_get_404(client_for, request, officer, persona):
    response = client_for(request.getfixturevalue(persona)).get(_url(officer))

    assert response.status_code == 404
    assert officer.email not in response.content.decode()


def test_an_officer_cannot_see_a_colleague(client_for, officer, jordan):
    colleague = make_officer(jordan)

    assert client_for(officer).get(_url(colleague)).status_code == 404


@pytest.mark.parametrize("areas", [1, 10])
def test_the_page_queries_do_not_grow_with_areas_of_work(client_for, staff, officer, areas):
    officer.profile.areas_of_work.set([AreaOfWorkFactory() for _ in range(areas)])
    client = client_for(staff)

    with CaptureQueriesContext(connection) as queries:
        response = client.get(_url(officer))

    assert response.status_code == 200
    assert len(response.context["profile"].areas_of_work.all()) == areas
    # session, user, roles, the profile with user, country and agency, its areas of work
    assert len(queries) == 5, [query["sql"] for query in queries]
