"""`momentum demo`: the support office's part shows every state, across countries and queues,
one request about to miss its target, misses, held e-mails and articles in three languages."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import transaction
from django.utils import timezone

from momentum.core.demo import seeders
from momentum.core.models import Notification
from momentum.support.models import Article, Category, HeldMail, Request, Status

pytestmark = pytest.mark.django_db

# What the support office's demo needs: the programme's countries and its people.
NEEDED = ("programme", "people", "support")


@pytest.fixture(scope="module")
def _seeded_once(django_db_setup, django_db_blocker):  # type: ignore[no-untyped-def]
    with django_db_blocker.unblock(), transaction.atomic():
        lines: list[str] = []
        for seeder in seeders():
            if seeder.name in NEEDED:
                seeder.seed(lines.append)
        yield "\n".join(lines)
        transaction.set_rollback(True)


@pytest.fixture
def seeded(_seeded_once, db) -> str:  # type: ignore[no-untyped-def]
    return str(_seeded_once)


def test_every_state_across_countries_and_queues(seeded):
    assert set(Request.objects.values_list("status", flat=True)) == set(Status.values)
    assert Request.objects.values("country").distinct().count() == 7
    assert Request.objects.values("category").distinct().count() == Category.objects.count() == 6
    assert Request.objects.filter(requester__isnull=True).exists()  # a visitor's
    assert Request.objects.exclude(rating="").count() >= 2
    assert "Support:" in seeded


def test_one_request_is_about_to_miss_its_target_and_some_missed(seeded):
    now = timezone.now()
    soon = Request.objects.filter(
        first_response_at__isnull=True,
        first_response_due__gt=now,
        first_response_due__lte=now + timedelta(hours=1),
    )
    assert soon.count() == 1
    assert Request.objects.breached().count() >= 2


def test_every_past_time_is_in_the_past_whatever_the_hour(seeded):
    now = timezone.now()
    assert not Request.objects.filter(created_at__gt=now).exists()
    assert not Request.objects.filter(first_response_at__gt=now).exists()
    assert not Request.objects.filter(resolved_at__gt=now).exists()


def test_articles_in_three_languages_with_a_stale_translation(seeded):
    assert set(Article.objects.values_list("language", flat=True)) == {"ar", "fr", "en"}
    assert Article.objects.stale().count() == 2
    assert HeldMail.objects.count() == 2


def test_the_history_is_not_news(seeded):
    assert not Notification.objects.filter(kind__startswith="support.").exists()
