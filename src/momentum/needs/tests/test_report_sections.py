"""The report's executive summary, career-cycle section and two-page country profiles: every
sentence from the snapshot (nothing said without its figure), the career answers of approved
questionnaires only, and each profile on exactly two pages of the PDF."""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

import pytest
from django.utils import translation

from momentum.core.tests.factories import CountryFactory
from momentum.needs.models import SubmissionStatus, TrainingOffer
from momentum.needs.report_view import context_for
from momentum.needs.services import figures as figure_services
from momentum.needs.services import reports as services
from momentum.needs.tests import factories

pytestmark = pytest.mark.django_db

CSV = (Path(__file__).resolve().parents[1] / "fixtures" / "women-in-police.csv").read_text("utf-8")


def _career_round() -> Any:
    form = factories.questionnaire()
    section = factories.section(form, "gender")
    factories.question(
        section,
        "main_obstacle",
        "single",
        label_en="The main obstacle to women's careers",
        choices=factories.choices("recruitment", "promotion", "retention"),
    )
    factories.question(section, "environment", "scale", min_value=1, max_value=5)
    factories.question(section, "gender_unit", "yes_no")
    return factories.assessment_round(form)


@pytest.fixture
def world(staff: Any) -> Any:
    countries = {}
    for code, en, ar in (
        ("EG", "Egypt", "مصر"),
        ("MA", "Morocco", "المغرب"),
        ("PS", "Palestine", "فلسطين"),
        ("DZ", "Algeria", "الجزائر"),
    ):
        countries[code] = CountryFactory(code=code, name_en=en, name_fr=en, name_ar=ar)
    figure_services.import_published_figures(by=staff, text=CSV)
    round = _career_round()
    answers = {
        "MA": {"main_obstacle": "promotion", "environment": 3, "gender_unit": "yes"},
        "PS": {"main_obstacle": "promotion", "environment": 2, "gender_unit": "no"},
        "DZ": {"main_obstacle": "retention", "environment": 4, "gender_unit": "yes"},
    }
    for code, values in answers.items():
        # Algeria's questionnaire is only submitted: its answers stay out of the report.
        status = SubmissionStatus.SUBMITTED if code == "DZ" else SubmissionStatus.ACCEPTED
        submission = factories.submission(round, countries[code], status=status)
        for question in submission.questionnaire.sections.get().questions.all():
            submission.answers.create(question=question, value=values[question.name])
    for index in range(9):
        TrainingOffer.objects.create(
            country=countries["MA"],
            course=f"Course {index}",
            provider="Royal Police Institute",
            frequency="yearly",
            duration_days=5,
            language="French",
            participants_a_year=30,
            women_a_year=6,
        )
    return round


def test_the_career_section_counts_approved_answers_only(world: Any) -> None:
    snapshot = services.build_snapshot(world)

    career = {entry["name"]: entry for entry in snapshot["career"]}
    obstacle = {
        option["value"]: option["countries"] for option in career["main_obstacle"]["options"]
    }
    assert obstacle == {"recruitment": [], "promotion": ["MA", "PS"], "retention": []}
    assert career["environment"]["mean"] == 2.5
    assert career["gender_unit"]["by_country"] == {"MA": "yes", "PS": "no"}


def test_the_executive_summary_says_what_the_snapshot_holds(world: Any) -> None:
    snapshot = services.build_snapshot(world)

    with translation.override("en"):
        summary = " ".join(context_for(snapshot, "en")["summary"])

    assert "3 of the 4 partner countries publish the share of women in their police." in summary
    assert "No public figure exists for Egypt" in summary
    assert "“Promotion” (2 of 2 countries)" in summary
    assert "at 2.5 out of 5 on average" in summary
    assert "9 courses with 270 participants a year, 20 % of them women" in summary
    assert "18.2 %" in summary  # the global average the countries are compared with


def test_the_summary_of_a_round_without_any_figure_invents_none(staff: Any) -> None:
    CountryFactory(code="EG", name_en="Egypt")
    snapshot = services.build_snapshot(_career_round())

    with translation.override("en"):
        summary = context_for(snapshot, "en")["summary"]

    assert summary[0] == "No partner country publishes the share of women in its police."
    assert not any("%" in sentence and "ranges" in sentence for sentence in summary)


def test_each_country_profile_fills_exactly_two_pages_of_the_pdf(
    world: Any, staff: Any, django_capture_on_commit_callbacks: Any
) -> None:
    from pypdf import PdfReader

    with django_capture_on_commit_callbacks(execute=True):
        report, _job = services.start_report(by=staff, round=world)
    report.refresh_from_db()
    with report.pdf_en.open("rb") as pdf:
        pages = [
            re.sub(r"\s+", " ", page.extract_text())
            for page in PdfReader(io.BytesIO(pdf.read())).pages
        ]

    for name in ("Algeria", "Egypt", "Morocco", "Palestine"):
        first = next(i for i, text in enumerate(pages) if f"Country profile: {name}" in text)
        assert f"Country profile: {name} (continued)" in pages[first + 1]
        following = pages[first + 2] if first + 2 < len(pages) else ""
        assert f"Country profile: {name}" not in following  # no third page
    morocco = next(text for text in pages if "Country profile: Morocco (continued)" in text)
    assert "9 courses, 270 participants a year, 54 of them women" in morocco
    assert "And 3 more courses" in morocco
    assert "Promotion" in morocco and "3 out of 5" in morocco
