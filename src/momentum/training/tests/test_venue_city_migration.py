"""The migration from free-text venue cities to reference data: every session keeps its city,
named in three languages when the programme knows it, and it can be undone."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("training", "0004_session_venue_city_ref")]
AFTER = [("training", "0006_session_venue_city")]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.fixture
def old_apps():
    apps = _migrate(BEFORE)
    yield apps
    _migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())


def _session(apps, city: str, country_code: str | None):
    Country = apps.get_model("core", "Country")
    Course = apps.get_model("training", "Course")
    Session = apps.get_model("training", "Session")
    country = None
    if country_code:
        country, _created = Country.objects.get_or_create(
            code=country_code, defaults={"name": country_code, "name_en": country_code}
        )
    course = Course.objects.first() or Course.objects.create(
        code="course-1",
        title="Course",
        title_en="Course",
        track="leadership",
        delivery="in_person",
        duration_hours=8,
    )
    return Session.objects.create(
        course=course,
        starts_on=date(2030, 1, 1),
        ends_on=date(2030, 1, 2),
        delivery="in_person" if city else "online",
        venue_city=city,
        venue_country=country,
        language="en",
        capacity=10,
        nomination_deadline=datetime(2029, 12, 1, tzinfo=UTC),
    )


def test_each_city_of_each_country_becomes_one_city_in_three_languages(old_apps):
    amman = _session(old_apps, "Amman", "JO")
    again = _session(old_apps, " amman ", "JO")
    zarqa = _session(old_apps, "Zarqa", "JO")
    online = _session(old_apps, "", None)

    apps = _migrate(AFTER)

    Session = apps.get_model("training", "Session")
    City = apps.get_model("core", "City")
    names = {
        city.name_en: (city.name_ar, city.name_fr, city.country.code)
        for city in City.objects.select_related("country")
    }
    assert names == {"Amman": ("عمّان", "Amman", "JO"), "Zarqa": (None, None, "JO")}
    by_pk = {
        session.pk: session.venue_city.name_en if session.venue_city_id else None
        for session in Session.objects.select_related("venue_city")
    }
    assert by_pk == {amman.pk: "Amman", again.pk: "Amman", zarqa.pk: "Zarqa", online.pk: None}


def test_undoing_the_migration_gives_back_the_english_text(old_apps):
    _session(old_apps, "Amman", "JO")
    _migrate(AFTER)

    apps = _migrate(BEFORE)

    Session = apps.get_model("training", "Session")
    assert list(Session.objects.values_list("venue_city", flat=True)) == ["Amman"]
    assert not apps.get_model("core", "City").objects.exists()
