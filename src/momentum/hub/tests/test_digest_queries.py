"""A digest costs a fixed number of queries, whatever the number of threads, replies and
resources; sending N digests costs N times that."""

from __future__ import annotations

import pytest
from django.core import mail

from momentum.core.tests.factories import NotificationFactory
from momentum.hub.models import DigestFrequency, MemberSettings
from momentum.hub.services.digests import enqueue_digests, send_digest
from momentum.hub.services.members import settings_for
from momentum.hub.tests.factories import PostFactory, ResourceFactory, SpaceFactory, ThreadFactory
from momentum.people.tests.factories import officer as make_officer

pytestmark = pytest.mark.django_db

# the person with their settings and profile, their roles, the spaces they read, new threads,
# active threads, new resources, unread notifications; then the claim, the notifications
# marked (and a savepoint pair around them on some databases)
ONE_DIGEST = 11


def _wants_daily(user):  # type: ignore[no-untyped-def]
    MemberSettings.objects.filter(pk=settings_for(user).pk).update(digest=DigestFrequency.DAILY)


def _content(rows: int, author) -> None:  # type: ignore[no-untyped-def]
    for _ in range(rows):
        space = SpaceFactory()
        thread = ThreadFactory(space=space, author=author)
        PostFactory.create_batch(2, thread=thread, author=author)
        ResourceFactory(space=space)


@pytest.mark.parametrize("rows", [2, 15])
def test_one_digest_costs_the_same_whatever_the_content(
    officer, focal_point, rows, django_assert_max_num_queries
):
    _content(rows, focal_point)
    NotificationFactory.create_batch(rows, recipient=officer)
    _wants_daily(officer)

    with django_assert_max_num_queries(ONE_DIGEST):
        assert send_digest(user_id=officer.pk, frequency="daily") is True


@pytest.mark.parametrize("people", [2, 6])
def test_n_digests_cost_n_times_one(jordan, focal_point, people, django_assert_max_num_queries):
    _content(3, focal_point)
    readers = [make_officer(jordan) for _ in range(people)]
    for reader in readers:
        _wants_daily(reader)

    # the list of people due, then one task each (run at once under the tests)
    with django_assert_max_num_queries(1 + people * ONE_DIGEST):
        assert enqueue_digests(frequency="daily") == people

    assert len(mail.outbox) == people
