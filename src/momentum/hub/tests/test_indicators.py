"""The hub's indicators for the results framework: exact values on a small known data set.

Jordan: Amina (woman) and Karim (man); Morocco: Nour (woman); a staff member without an
officer profile. Spaces: "regional" (Amina, Karim, Nour, staff active; Omar removed) and
"jordan" (Amina). Threads: t1 with posts by Amina and Nour (two countries), t2 by Amina and
Karim (one country), t3 with a hidden reply by Nour (one country once hidden replies are left
out). Karim's only post is 120 days old.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from momentum.core import indicators
from momentum.core.indicators import Breakdown
from momentum.hub.models import Download, MembershipStatus, PostStatus
from momentum.hub.tests.factories import (
    PostFactory,
    ResourceFactory,
    SpaceFactory,
    ThreadFactory,
    member,
)
from momentum.people.models import Sex
from momentum.people.tests.factories import UserFactory, officer

pytestmark = pytest.mark.django_db

F, M = Sex.FEMALE, Sex.MALE


@pytest.fixture
def records(jordan, morocco):  # type: ignore[no-untyped-def]
    amina = officer(jordan, sex=F)
    karim = officer(jordan, sex=M)
    nour = officer(morocco, sex=F)
    omar = officer(morocco, sex=M)
    staff = UserFactory()
    regional = SpaceFactory()
    national = SpaceFactory(country=jordan)
    for person in (amina, karim, nour, staff):
        member(regional, person)
    member(regional, omar, status=MembershipStatus.REMOVED)
    member(national, amina)

    long_ago = timezone.now() - timedelta(days=120)
    t1 = ThreadFactory(space=regional, author=amina)
    PostFactory(thread=t1, author=nour)
    t2 = ThreadFactory(space=regional, author=karim)
    t2.posts.update(published_at=long_ago)
    PostFactory(thread=t2, author=amina)
    t3 = ThreadFactory(space=national, author=amina)
    PostFactory(thread=t3, author=nour, status=PostStatus.HIDDEN, published_at=None)

    resource = ResourceFactory()
    for person in (amina, amina, nour, staff):
        Download.objects.create(resource=resource, user=person)
    return {"amina": amina, "karim": karim, "nour": nour}


def test_members_counts_active_memberships_once_by_sex_and_country(records):  # type: ignore[no-untyped-def]
    value = indicators.get("hub.members").value()

    assert value == Breakdown(
        total=4, by_sex={F: 2, M: 1, "unknown": 1}, by_country={"JO": 2, "MA": 1, "unknown": 1}
    )


def test_members_filtered_by_profile_leave_out_people_without_one(records):  # type: ignore[no-untyped-def]
    value = indicators.get("hub.members").value(sex=F)

    assert value == Breakdown(total=2, by_sex={F: 2}, by_country={"JO": 1, "MA": 1})


def test_active_members_posted_in_the_last_90_days(records):  # type: ignore[no-untyped-def]
    value = indicators.get("hub.active_members").value()

    # Karim's only post is 120 days old; Nour's hidden reply does not count but her t1 reply does.
    assert value == Breakdown(total=2, by_sex={F: 2}, by_country={"JO": 1, "MA": 1})


def test_cross_country_threads_count_published_posts_only(records):  # type: ignore[no-untyped-def]
    value = indicators.get("hub.cross_country_threads").value()

    assert value == Breakdown(total=1, by_sex={}, by_country={"JO": 1, "MA": 1})


def test_resource_downloads_by_who_downloaded(records):  # type: ignore[no-untyped-def]
    value = indicators.get("hub.resource_downloads").value(country__code="JO")

    assert value == Breakdown(total=2, by_sex={F: 2}, by_country={"JO": 2})


def test_indicators_take_a_fixed_number_of_queries(records, django_assert_max_num_queries):  # type: ignore[no-untyped-def]
    with django_assert_max_num_queries(5):
        for code in ("hub.members", "hub.active_members", "hub.cross_country_threads"):
            indicators.get(code).value()
