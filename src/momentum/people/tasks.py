from __future__ import annotations

from typing import Any

from django_tasks import task

from momentum.core.models import Job


@task()
def run_bulk_invitation(job_id: int) -> dict[str, Any]:
    from momentum.people import imports

    job = Job.objects.select_related("created_by").get(pk=job_id)
    try:
        return imports.run(job)
    except Exception as exc:
        from momentum.core.services import fail_job

        fail_job(job, error=str(exc)[:500])
        raise
