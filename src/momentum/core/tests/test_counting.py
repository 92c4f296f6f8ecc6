"""Cached counts and figures (core.counting): reused only for the very same query, and stale as
soon as the records they count change."""

from __future__ import annotations

import pytest
from django.core.cache import cache

from momentum.core import counting
from momentum.core.models import Country

pytestmark = pytest.mark.django_db

TOPIC = "tests.countries"


def _make_country(code: str) -> Country:
    return Country.objects.create(code=code, name=code, name_en=code)


def test_a_count_is_read_from_the_cache_until_its_topic_changes(django_assert_num_queries):
    _make_country("AA")
    countries = Country.objects.filter(code__startswith="A")
    assert counting.cached_count(TOPIC, countries) == 1

    _make_country("AB")  # nothing tells the topic: the cached figure stays
    with django_assert_num_queries(0):
        assert counting.cached_count(TOPIC, countries) == 1

    counting.bump(TOPIC)
    assert counting.cached_count(TOPIC, countries) == 2


def test_each_query_has_its_own_figure():
    _make_country("AA")
    _make_country("BB")

    assert counting.cached_count(TOPIC, Country.objects.filter(code="AA")) == 1
    assert counting.cached_count(TOPIC, Country.objects.filter(code__in=["AA", "BB"])) == 2
    assert counting.cached_count(TOPIC, Country.objects.filter(code="ZZ")) == 0


def test_a_lost_version_makes_every_figure_stale():
    _make_country("AA")
    countries = Country.objects.filter(code__startswith="A")
    assert counting.cached_count(TOPIC, countries) == 1
    _make_country("AB")

    cache.delete(f"momentum:version:{TOPIC}")  # evicted from the cache

    assert counting.cached_count(TOPIC, countries) == 2


def test_an_empty_queryset_counts_nothing_without_a_key():
    assert counting.cached_count(TOPIC, Country.objects.none()) == 0
    assert counting.cached_rows(TOPIC, Country.objects.none()) == []
