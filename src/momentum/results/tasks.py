"""The results framework's background tasks (thin adapters over the services)."""

from __future__ import annotations

from django_tasks import task


# --- periods ---
@task()
def snapshot_period(job_id: int) -> dict[str, object]:
    """Freeze every indicator of a period and close it, advancing the job's progress."""
    from django.utils import translation
    from django.utils.translation import gettext as _

    from momentum.core.models import Job
    from momentum.core.services import fail_job
    from momentum.results.services.periods import fail_snapshot, run_snapshot

    job = Job.objects.select_related("created_by").get(pk=job_id)
    try:
        return run_snapshot(job)
    except Exception:
        fail_snapshot(job)
        with translation.override(job.parameters.get("language", "en")):
            fail_job(
                job,
                error=_(
                    "The work stopped because of an unexpected error. Try again "
                    "later, or tell the programme's support office."
                ),
            )
        raise
