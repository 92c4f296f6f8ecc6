"""The after-action report as a PDF in each language, laid out by WeasyPrint with the packaged
Noto fonts (training's setup), so Arabic is shaped and set right to left."""

from __future__ import annotations

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from momentum.exercise.models import Report, ReportStatus

LANGUAGES = ("ar", "fr", "en")


def report_pdf(report: Report, language: str) -> bytes:
    from momentum.exercise.selectors import report_view
    from momentum.training.pdf import render_pdf

    return render_pdf(
        "exercise/report_pdf.html",
        {"view": report_view(report), "exercise": report.exercise},
        language,
    )


def render_report_pdfs(job_id: int) -> None:
    """Make the three PDFs (one step each, resumable), then publish the report."""
    from momentum.core import audit
    from momentum.core.models import Job
    from momentum.core.services import done_steps, fail_job, finish_job, run_step, start_job

    job = Job.objects.get(pk=job_id)
    report = Report.objects.select_related("exercise").get(pk=job.parameters["report"])
    start_job(job, total=len(LANGUAGES))
    done = done_steps(job)
    try:
        for language in LANGUAGES:

            def work(language: str = language) -> dict[str, str]:
                data = report_pdf(report, language)
                field = report.pdf_in(language)
                field.save(f"after-action-{report.exercise_id}-{language}.pdf", ContentFile(data))
                return {"language": language}

            run_step(job, language, work, done=done)
        with transaction.atomic():
            Report.objects.filter(pk=report.pk).update(
                status=ReportStatus.PUBLISHED, published_at=timezone.now()
            )
            audit.record(job.created_by, "exercise.report_published", report)
        finish_job(job, report={"languages": list(LANGUAGES)})
    except Exception as error:  # the page shows why; the worker goes on
        fail_job(job, error=str(error))
        raise
