"""The toolkit's background tasks (thin: the work is in the services)."""

from __future__ import annotations

from django_tasks import task


@task()
def build_edition_booklets(job_id: int, edition_id: int) -> None:
    """An edition's PDF booklets, one per language."""
    from momentum.core.models import Job
    from momentum.toolkit.models import Edition
    from momentum.toolkit.services.booklets import build_booklets

    build_booklets(
        job=Job.objects.get(pk=job_id),
        edition=Edition.objects.select_related("publication").get(pk=edition_id),
    )


@task()
def build_curriculum_booklets(job_id: int, curriculum_id: int) -> None:
    from momentum.core.models import Job
    from momentum.toolkit.models import Curriculum
    from momentum.toolkit.services.booklets import build_curriculum_pdfs

    build_curriculum_pdfs(
        job=Job.objects.get(pk=job_id), curriculum=Curriculum.objects.get(pk=curriculum_id)
    )
