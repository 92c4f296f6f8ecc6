"""Reads for the programme's reference data, the audit log and jobs."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils import timezone

from momentum.core.models import AuditEntry, Country, Job


def countries_in_scope() -> QuerySet[Country]:
    return Country.objects.order_by("code")


def audit_entries(
    *,
    actor: str = "",
    verb: str = "",
    target_type: str = "",
    country: Country | None = None,
    since: date | None = None,
    until: date | None = None,
    text: str = "",
) -> QuerySet[AuditEntry]:
    entries = AuditEntry.objects.select_related("country")
    if actor:
        entries = entries.filter(actor_label__icontains=actor)
    if verb:
        entries = entries.filter(verb=verb)
    if target_type:
        entries = entries.filter(target_type=target_type)
    if country is not None:
        entries = entries.filter(country=country)
    tz = timezone.get_current_timezone()
    if since:
        entries = entries.filter(at__gte=datetime.combine(since, time.min, tzinfo=tz))
    if until:
        entries = entries.filter(at__lte=datetime.combine(until, time.max, tzinfo=tz))
    if text:
        entries = entries.filter(Q(target_label__icontains=text) | Q(target_id=text))
    return entries


def audit_verbs() -> list[str]:
    return list(AuditEntry.objects.order_by("verb").values_list("verb", flat=True).distinct())


def get_job_for(user: Any, pk: int) -> Job:
    """The job, if ``user`` started it (or is staff); 404 otherwise, never a hint it exists."""
    job = Job.objects.filter(pk=pk).first()
    if job is None or not (job.created_by_id == user.pk or user.is_programme_staff):
        raise Http404
    return job
