"""The officer lists' totals are cached (core.counting): never shared between readers who see
different officers, and up to date as soon as a profile changes."""

from __future__ import annotations

import pytest

from momentum.people.models import Sex
from momentum.people.tests.factories import officer as make_officer

pytestmark = pytest.mark.django_db


def _total(client, url: str = "/en/people/officers/") -> int:  # type: ignore[no-untyped-def]
    return int(client.get(url).context["page"].paginator.count)


def test_each_reader_counts_the_officers_they_may_see(
    client_for, staff, focal_point, jordan, morocco
):
    make_officer(jordan)
    make_officer(morocco)
    make_officer(morocco)

    staff_total = _total(client_for(staff))
    focal_total = _total(client_for(focal_point))  # the same page, asked after staff's

    assert staff_total == 3
    assert focal_total == 1
    assert _total(client_for(staff)) == 3  # and staff's figure is not the focal point's


def test_a_new_or_changed_officer_counts_at_once(client_for, staff, focal_point, jordan, morocco):
    client = client_for(focal_point)
    assert _total(client) == 0
    moved = make_officer(morocco)

    make_officer(jordan)
    assert _total(client) == 1

    moved.profile.country = jordan
    moved.profile.save()
    assert _total(client) == 2
    assert _total(client, "/en/people/officers/?sex=" + Sex.MALE) == _total(
        client_for(staff), f"/en/people/officers/?country={jordan.pk}&sex={Sex.MALE}"
    )


def test_the_api_total_follows_new_officers(client_for, staff, jordan):
    client = client_for(staff)
    assert client.get("/api/v1/people").json()["count"] == 0

    make_officer(jordan)

    assert client.get("/api/v1/people").json()["count"] == 1
