"""The toolkit's long work, run by the worker (``toolkit.tasks``) or at once: the PDF booklets of
an edition and of a curriculum, one per language, reporting progress on their job. Kept apart
from the services that queue it, so that the tasks and the services never import each other."""

from __future__ import annotations

from django.core.files.base import ContentFile

from momentum.core import services as jobs
from momentum.core.models import Job
from momentum.toolkit.models import LANGUAGES, Curriculum, Edition


def build_booklets(*, job: Job, edition: Edition) -> None:
    """The background work: a PDF booklet per language, reporting progress."""
    from momentum.toolkit.pdf import render_booklet

    jobs.start_job(job, total=len(LANGUAGES))
    try:
        for language in LANGUAGES:
            pdf = render_booklet(edition, language)
            edition.pdf_in(language).save(
                f"toolkit-{edition.publication.slug}-{edition.number}-{language}.pdf",
                ContentFile(pdf),
                save=True,
            )
            jobs.advance_job(job)
    except Exception as error:  # the job page shows what went wrong
        jobs.fail_job(job, error=str(error))
        raise
    jobs.finish_job(job, report={"edition": edition.pk})


def build_curriculum_pdfs(*, job: Job, curriculum: Curriculum) -> None:
    from momentum.toolkit.pdf import render_curriculum

    jobs.start_job(job, total=len(LANGUAGES))
    try:
        for language in LANGUAGES:
            curriculum.pdf_in(language).save(
                f"curriculum-{curriculum.pk}-{language}.pdf",
                ContentFile(render_curriculum(curriculum, language)),
                save=True,
            )
            jobs.advance_job(job)
    except Exception as error:
        jobs.fail_job(job, error=str(error))
        raise
    jobs.finish_job(job, report={"curriculum": curriculum.pk})
