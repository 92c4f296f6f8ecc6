"""The needs assessment's background tasks (thin: the work is in the services)."""

from __future__ import annotations

from django_tasks import task


@task()
def build_report(job_id: int, report_id: int) -> None:
    """Build a regional report version: its data snapshot and its PDFs in three languages."""
    from momentum.core.models import Job
    from momentum.needs.models import Report
    from momentum.needs.services.reports import run_report

    job = Job.objects.get(pk=job_id)
    report = Report.objects.select_related("round").get(pk=report_id)
    run_report(job=job, report=report)
