"""Curricula: modules with objectives, duration, methods, materials and assessment; published
with a PDF per language; turned into a course of the training catalogue in one action (the
curriculum keeps the course's id, so training's tests and evaluations measure it)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from momentum.core import audit
from momentum.core import services as jobs
from momentum.core.models import Job
from momentum.toolkit.models import LANGUAGES, Curriculum, CurriculumStatus, Module, Section
from momentum.toolkit.services import booklets

JOB_KIND = "toolkit.curriculum"


def _require_staff(by: Any) -> None:
    if not by.has_perm("toolkit.manage_curricula"):
        raise PermissionDenied(_("Only programme staff may do this."))


@transaction.atomic
def save_curriculum(
    *,
    by: Any,
    curriculum: Curriculum | None = None,
    title_ar: str = "",
    title_fr: str = "",
    title_en: str = "",
    summary_ar: str = "",
    summary_fr: str = "",
    summary_en: str = "",
) -> Curriculum:
    _require_staff(by)
    if not (title_ar.strip() or title_fr.strip() or title_en.strip()):
        raise ValidationError({"title_en": _("Give the curriculum a title in one language.")})
    curriculum = curriculum or Curriculum(created_by=by)
    for field, value in {
        "title_ar": title_ar,
        "title_fr": title_fr,
        "title_en": title_en,
        "summary_ar": summary_ar,
        "summary_fr": summary_fr,
        "summary_en": summary_en,
    }.items():
        setattr(curriculum, field, value.strip())
    curriculum.save()
    audit.record(by, "toolkit.curriculum_saved", curriculum)
    return curriculum


@transaction.atomic
def add_module(
    *,
    by: Any,
    curriculum: Curriculum,
    duration_minutes: int,
    sections: Iterable[Section] = (),
    resource_ids: Iterable[int] = (),
    **texts: str,
) -> Module:
    """``texts``: title_*, objectives_*, methods_*, assessment_* in ar, fr or en."""
    _require_staff(by)
    allowed = {
        f"{field}_{language}"
        for field in ("title", "objectives", "methods", "assessment")
        for language in LANGUAGES
    }
    unknown = set(texts) - allowed
    if unknown:
        raise ValueError(f"unknown module fields: {sorted(unknown)}")
    if duration_minutes <= 0:
        raise ValidationError({"duration_minutes": _("Give the module a duration.")})
    resources = _existing_resources(list(resource_ids))
    module = Module.objects.create(
        curriculum=curriculum,
        order=curriculum.modules.count() + 1,
        duration_minutes=duration_minutes,
        resource_ids=resources,
        **{key: value.strip() for key, value in texts.items()},
    )
    module.sections.set(list(sections))
    audit.record(by, "toolkit.module_added", curriculum, module=module.pk)
    return module


def _existing_resources(ids: list[int]) -> list[int]:
    if not ids:
        return []
    from momentum.hub.models import Resource

    found = set(Resource.objects.filter(pk__in=ids).values_list("pk", flat=True))
    if found != set(ids):
        raise ValidationError({"resource_ids": _("Choose resources of the hub's library.")})
    return sorted(found)


@transaction.atomic
def publish_curriculum(
    *, by: Any, curriculum: Curriculum, background: bool = True
) -> tuple[Curriculum, Job]:
    _require_staff(by)
    curriculum = Curriculum.objects.select_for_update().get(pk=curriculum.pk)
    if not curriculum.modules.exists():
        raise ValidationError(_("Add at least one module before publishing."))
    curriculum.status = CurriculumStatus.PUBLISHED
    curriculum.published_at = timezone.now()
    job = jobs.create_job(kind=JOB_KIND, by=by, total=len(LANGUAGES), curriculum=curriculum.pk)
    curriculum.job_id = job.pk
    curriculum.save(update_fields=["status", "published_at", "job_id"])
    audit.record(by, "toolkit.curriculum_published", curriculum)
    if not background:
        booklets.build_curriculum_pdfs(job=job, curriculum=curriculum)
        return curriculum, job
    from momentum.toolkit.tasks import build_curriculum_booklets

    job_pk, curriculum_pk = job.pk, curriculum.pk
    transaction.on_commit(
        lambda: build_curriculum_booklets.enqueue(job_id=job_pk, curriculum_id=curriculum_pk)
    )
    return curriculum, job


@transaction.atomic
def create_course(*, by: Any, curriculum: Curriculum, code: str) -> int:
    """The curriculum as a draft course of the training catalogue (through training's service);
    the curriculum keeps the course's id. Twice is refused."""
    from momentum.training.models import Delivery, Track
    from momentum.training.services.catalogue import save_course

    _require_staff(by)
    curriculum = Curriculum.objects.select_for_update().get(pk=curriculum.pk)
    if curriculum.course_id:
        raise ValidationError(_("This curriculum already has its course."), code="exists")
    modules = list(curriculum.modules.all())
    if not modules:
        raise ValidationError(_("Add at least one module before creating the course."))
    hours = max(1, round(sum(module.duration_minutes for module in modules) / 60))
    objectives = {
        language: "\n".join(
            module.text("objectives", language)
            for module in modules
            if module.text("objectives", language)
        )
        for language in LANGUAGES
    }
    course = save_course(
        by=by,
        code=code,
        title_ar=curriculum.title("ar"),
        title_fr=curriculum.title("fr"),
        title_en=curriculum.title("en"),
        summary_ar=curriculum.summary_ar,
        summary_fr=curriculum.summary_fr,
        summary_en=curriculum.summary_en,
        objectives_ar=objectives["ar"],
        objectives_fr=objectives["fr"],
        objectives_en=objectives["en"],
        track=Track.CRIME_SPECIFIC,
        delivery=Delivery.IN_PERSON,
        duration_hours=hours,
        is_active=False,
    )
    curriculum.course_id = course.pk
    curriculum.save(update_fields=["course_id"])
    audit.record(by, "toolkit.curriculum_course", curriculum, course=course.pk)
    return int(course.pk)
