"""`momentum demo`: the field exercise in six countries, played and reported on."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command
from django.db import transaction

from momentum.exercise.models import (
    Exercise,
    Inject,
    InjectStatus,
    Member,
    MemberSource,
    Observation,
    ReportStatus,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def _seeded_once(django_db_setup: Any, django_db_blocker: Any) -> Iterator[str]:
    with warnings.catch_warnings():
        # WeasyPrint's warning as it loads, where HarfBuzz's subsetter has another name.
        warnings.simplefilter("ignore", DeprecationWarning)
        import weasyprint  # noqa: F401
    with django_db_blocker.unblock(), transaction.atomic():
        out = StringIO()
        call_command("demo", stdout=out)
        yield out.getvalue()
        transaction.set_rollback(True)


@pytest.fixture
def seeded(_seeded_once: str, db: Any) -> str:
    return _seeded_once


def test_the_exercise_has_sites_in_six_countries_and_teams_from_the_records(seeded: str) -> None:
    exercise = Exercise.objects.get()

    assert exercise.sites.values("country").distinct().count() == 6
    sources = set(Member.objects.values_list("source", flat=True))
    assert {MemberSource.ALUMNA, MemberSource.CERTIFIED, MemberSource.INTERPOL} <= sources
    assert all(site.members.exists() for site in exercise.sites.all())


def test_the_injects_are_partly_played_and_observed(seeded: str) -> None:
    statuses = set(Inject.objects.values_list("status", flat=True))

    assert statuses == {InjectStatus.PLANNED, InjectStatus.FIRED, InjectStatus.CANCELLED}
    assert Inject.objects.filter(acted_at__isnull=False).exists()
    assert Observation.objects.values("site").distinct().count() == 6


def test_the_report_is_published_in_three_languages(seeded: str) -> None:
    report = Exercise.objects.get().report

    assert report.status == ReportStatus.PUBLISHED
    assert all(report.pdf_in(language) for language in ("ar", "fr", "en"))
    assert report.items.exclude(recommendation_reference="").exists()
    assert report.findings.count() == 5
