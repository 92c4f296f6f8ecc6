from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from momentum.core.indicators import get
from momentum.exercise.models import ItemStatus, Report, ReportStatus
from momentum.exercise.services import planning
from momentum.exercise.services import report as services
from momentum.exercise.services.observations import record_observation
from momentum.exercise.tests.factories import an_exercise

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True, scope="module")
def _weasyprint_loaded() -> None:
    """WeasyPrint warns once, as it loads, where the system's HarfBuzz has no subsetting
    library under the name it looks for; the PDFs are made all the same."""
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        import weasyprint  # noqa: F401


def _drafted(staff: Any, evaluator: Any) -> Any:
    s = an_exercise(staff, title="Opération Carrefour")
    planning.place_member(
        exercise=s.exercise,
        user=evaluator,
        role="evaluator",
        source="certified",
        site=s.amman,
        shift=s.shift,
        objectives=[s.screening],
        by=staff,
    )
    planning.set_status(exercise=s.exercise, status="running", by=staff)
    record_observation(
        objective=s.screening,
        site=s.amman,
        evaluator=evaluator,
        rating="M",
        justification="MIND was out of date.",
        improvements="تحديث نسخة MIND يوميًا.",
    )
    return s, services.draft_report(exercise=s.exercise, by=staff)


def test_an_improvement_item_becomes_a_recommendation_of_the_board_once(
    staff: Any, officer: Any
) -> None:
    from momentum.governance.models import Recommendation

    s, report = _drafted(staff, officer)
    today = timezone.localdate()
    item = services.add_item(
        report=report,
        objective=s.screening,
        action="Update MIND every day.",
        owner="Border police",
        contact="NCB Amman",
        starts_on=today,
        ends_on=today,
        by=staff,
    )

    reference = services.raise_to_board(item=item, by=staff)

    recommendation = Recommendation.objects.get(reference=reference)
    assert recommendation.source == "exercise"
    assert "Update MIND every day." in recommendation.text
    assert {c.code for c in recommendation.countries.all()} == {"JO", "MA"}
    with pytest.raises(ValidationError, match=reference):
        services.raise_to_board(item=item, by=staff)


def test_closing_items_counts_in_the_indicator(staff: Any, officer: Any) -> None:
    _s, report = _drafted(staff, officer)
    today = timezone.localdate()
    item = services.add_item(
        report=report,
        action="Train site leads.",
        owner="Academy",
        contact="Director",
        starts_on=today,
        ends_on=today,
        by=staff,
    )
    before = get("exercise.improvement_items_closed").value().total

    services.set_item_status(item=item, status=ItemStatus.CLOSED, by=staff, version=item.version)

    assert get("exercise.improvement_items_closed").value().total == before + 1
    with pytest.raises(ValidationError, match="reload"):
        services.set_item_status(item=item, status="open", by=staff, version=item.version)


def test_publishing_makes_the_pdf_in_three_languages(
    staff: Any, officer: Any, client_for: Any, django_capture_on_commit_callbacks: Any
) -> None:
    s, report = _drafted(staff, officer)

    with django_capture_on_commit_callbacks(execute=True):
        services.publish_report(report=report, by=staff)

    report = Report.objects.get(pk=report.pk)
    assert report.job is not None
    assert report.job.error == ""
    assert report.status == ReportStatus.PUBLISHED
    assert report.job is not None and report.job.status == "succeeded"
    for language in ("ar", "fr", "en"):
        with report.pdf_in(language).open("rb") as pdf:
            assert pdf.read(5) == b"%PDF-"
    # Published: team members may read it; the draft is no longer rewritten.
    response = client_for(officer).get(f"/en/exercise/{s.exercise.pk}/report/ar.pdf")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content).startswith(b"%PDF-")  # read, then closed
    with pytest.raises(ValidationError):
        services.draft_report(exercise=s.exercise, by=staff)


def test_the_arabic_report_is_laid_out_right_to_left_with_text_in_its_own_direction(
    staff: Any, officer: Any
) -> None:
    from momentum.exercise.selectors import report_view
    from momentum.training.pdf import render_html

    s, report = _drafted(staff, officer)

    html = render_html(
        "exercise/report_pdf.html", {"view": report_view(report), "exercise": s.exercise}, "ar"
    )

    assert '<html lang="ar" dir="rtl">' in html
    assert "تقرير ما بعد العمل" in html
    assert '<li dir="rtl">تحديث نسخة MIND يوميًا. — Queen Alia Airport</li>' in html
