"""Background jobs that failed, on the home page of the person who started them (and of staff,
who see every job): one query."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from momentum.core.home import NextStep, register
from momentum.core.models import Job, JobStatus

RECENT = timedelta(days=7)
JOBS_SHOWN = 5


@register
def failed_jobs(user: Any) -> list[NextStep]:
    jobs = Job.objects.filter(status=JobStatus.FAILED, created_at__gte=timezone.now() - RECENT)
    if not user.is_programme_staff:
        jobs = jobs.filter(created_by=user)
    return [
        NextStep(
            _("Background work started on %(when)s failed: see what went wrong.")
            % {"when": date_format(timezone.localtime(job.created_at), "SHORT_DATETIME_FORMAT")},
            reverse("core:job", args=[job.pk]),
            priority=25,
            app="core",
        )
        for job in jobs.order_by("-created_at")[:JOBS_SHOWN]
    ]
