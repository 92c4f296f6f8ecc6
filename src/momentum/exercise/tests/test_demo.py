"""`momentum demo`: the field exercise in six countries, played and reported on."""

from __future__ import annotations

from typing import Any

import pytest

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


@pytest.fixture
def seeded(seeded_demo: Any) -> str:
    """What seeding the demo printed (the demo is seeded once for the suite: ``conftest``)."""
    return str(seeded_demo.output)


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
