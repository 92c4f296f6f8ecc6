"""The regional report: its figures are the database's, a missing figure is never a number,
a derived share says so, and a published version is frozen at a public address."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError

from momentum.core.models import Job, JobStatus
from momentum.core.tests.factories import CountryFactory
from momentum.needs.models import Report, ReportStatus
from momentum.needs.services import figures as figure_services
from momentum.needs.services import reports as services
from momentum.needs.tests import factories

pytestmark = pytest.mark.django_db

CSV = (Path(__file__).resolve().parents[1] / "fixtures" / "women-in-police.csv").read_text("utf-8")


@pytest.fixture
def world(staff):  # type: ignore[no-untyped-def]
    for code, en, ar in (
        ("EG", "Egypt", "مصر"),
        ("MA", "Morocco", "المغرب"),
        ("PS", "Palestine", "فلسطين"),
        ("DZ", "Algeria", "الجزائر"),
    ):
        CountryFactory(code=code, name_en=en, name_fr=en, name_ar=ar)
    figure_services.import_published_figures(by=staff, text=CSV)
    return factories.assessment_round()


def test_a_missing_figure_is_none_in_the_snapshot_and_never_a_number(world):
    snapshot = services.build_snapshot(world)

    egypt = next(country for country in snapshot["countries"] if country["code"] == "EG")
    assert egypt["figures"]["share_of_women"] is None
    assert all(value is None for value in egypt["figures"].values())
    assert egypt["notes"] == [
        "No public figure found; women admitted to the police academy from 1984"
    ]


def test_a_share_from_a_headcount_and_a_total_is_labelled_derived(world):
    snapshot = services.build_snapshot(world)

    morocco = next(country for country in snapshot["countries"] if country["code"] == "MA")
    share = morocco["figures"]["share_of_women"]
    assert share["value"] == 7.5  # 5,895 of 78,146
    assert share["kind"] == "derived"


def test_the_pdf_shows_the_databases_figures_and_no_public_figure_for_egypt(
    world, staff, django_capture_on_commit_callbacks
):
    from pypdf import PdfReader

    with django_capture_on_commit_callbacks(execute=True):  # the immediate backend in tests
        report, job = services.start_report(by=staff, round=world)
    report.refresh_from_db()
    job.refresh_from_db()
    assert job.status == JobStatus.SUCCEEDED and job.done == 4

    with report.pdf_en.open("rb") as pdf:
        data = pdf.read()
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    text = re.sub(r"\s+", " ", text)
    assert "Palestine" in text and "4.4 %" in text
    assert "more than 10 %" in text  # Algeria, as published
    assert "7.5 %" in text and "Derived" in text  # Morocco
    assert "18.2 %" in text  # the global reference
    egypt = text[text.index("Country profile: Egypt") :][:600]
    assert "no public figure" in egypt
    assert not re.search(r"Share of women \d", egypt)
    assert "elmoudjahid.com" in text  # every figure's source is listed


def test_a_published_version_is_frozen(world, staff):
    report = Report.objects.create(round=world, created_by=staff, snapshot={"countries": []})
    services.advance_report(by=staff, report=report)
    report = services.advance_report(by=staff, report=report)

    assert report.status == ReportStatus.PUBLISHED and report.public_slug
    with pytest.raises(ValidationError):
        services.advance_report(by=staff, report=report)
    job = Job.objects.create(kind=services.JOB_KIND, created_by=staff)
    with pytest.raises(ValidationError):
        services.run_report(job=job, report=report)
    job.refresh_from_db()
    assert job.status == JobStatus.FAILED


def test_the_public_address_shows_a_published_report_to_anyone_and_hides_drafts(
    client, world, staff
):
    draft = Report.objects.create(
        round=world,
        created_by=staff,
        snapshot=services.build_snapshot(world),
        public_slug="draft-slug",
    )
    published = Report.objects.create(
        round=world,
        number=2,
        created_by=staff,
        snapshot=services.build_snapshot(world),
        status=ReportStatus.PUBLISHED,
        public_slug="2026-v2-abc",
    )

    assert client.get(f"/en/needs/public/{draft.public_slug}/").status_code == 404
    page = client.get(f"/fr/needs/public/{published.public_slug}/")
    assert page.status_code == 200
    content = page.content.decode()
    assert "aucun chiffre public" in content or "no public figure" in content
    assert "staff@example.org" not in content
