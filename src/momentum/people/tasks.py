from __future__ import annotations

from typing import Any

from django.utils import translation
from django.utils.translation import gettext as _
from django_tasks import task

from momentum.core.models import Job


@task()
def run_bulk_invitation(job_id: int) -> dict[str, Any]:
    from momentum.people import imports

    job = Job.objects.select_related("created_by").get(pk=job_id)
    try:
        return imports.run(job)
    except Exception:
        from momentum.core.services import fail_job

        # The person who uploaded the file sees a plain sentence in their language; the
        # exception itself (which may name tables or data) goes to the worker's log.
        with translation.override(job.parameters.get("language", "en")):
            fail_job(
                job,
                error=_(
                    "The work stopped because of an unexpected error. Try again "
                    "later, or tell the programme's support office."
                ),
            )
        raise
    finally:
        # The upload holds officers' personal data: once read, it is not kept.
        if job.input_file:
            job.input_file.delete(save=False)
            Job.objects.filter(pk=job.pk).update(input_file="")
