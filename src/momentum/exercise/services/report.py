"""The after-action report: drafted from the observations, edited by staff, with the
improvement plan, and published as PDF in Arabic, French and English (in the background)."""

from __future__ import annotations

from collections import Counter
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from momentum.core import audit
from momentum.exercise.models import (
    Exercise,
    ImprovementItem,
    ItemStatus,
    Objective,
    Observation,
    Rating,
    Report,
    ReportFinding,
    ReportStatus,
)

# From the best to the worst: a tie between two ratings leans to the worse one.
RATING_ORDER = [Rating.P, Rating.S, Rating.M, Rating.U]


def overall_rating(counts: dict[str, int]) -> str:
    """The rating seen most often; on a tie, the worse of them. Empty when none was given."""
    if not counts:
        return ""
    return max(RATING_ORDER, key=lambda r: (counts.get(r, 0), RATING_ORDER.index(r)))


def _lines(observations: list[Observation], field: str) -> str:
    """One line per observation: its text, then its site (the text first, so each line reads
    in the direction of the language it was written in)."""
    return "\n".join(
        f"{getattr(o, field)} — {o.site.name}" for o in observations if getattr(o, field)
    )


@transaction.atomic
def draft_report(*, exercise: Exercise, by: Any) -> Report:
    """Write (or write again) the draft from the observations: per objective, the count of
    each rating, the overall rating, and every strength and area for improvement noted, each
    with its site. A published report is not redrafted."""
    report, _created = Report.objects.select_for_update().get_or_create(exercise=exercise)
    if report.status == ReportStatus.PUBLISHED:
        raise ValidationError(_("The report is published: it is no longer drafted again."))
    observations = list(
        Observation.objects.filter(exercise=exercise)
        .select_related("site")
        .order_by("objective_id", "site__name", "observed_at", "pk")
    )
    by_objective: dict[int, list[Observation]] = {}
    for observation in observations:
        by_objective.setdefault(observation.objective_id, []).append(observation)
    report.findings.all().delete()
    findings = []
    for objective in Objective.objects.filter(exercise=exercise):
        seen = by_objective.get(objective.pk, [])
        counts = dict(Counter(o.rating for o in seen))
        findings.append(
            ReportFinding(
                report=report,
                objective=objective,
                ratings=counts,
                overall=overall_rating(counts),
                strengths=_lines(seen, "strengths"),
                improvements=_lines(seen, "improvements"),
            )
        )
    ReportFinding.objects.bulk_create(findings)
    report.drafted_at = timezone.now()
    report.version += 1
    report.save(update_fields=["drafted_at", "version"])
    audit.record(by, "exercise.report_drafted", report, observations=len(observations))
    return report


@transaction.atomic
def edit_report(
    *, report: Report, summary: str, findings: dict[int, dict[str, str]], by: Any, version: int
) -> Report:
    """Staff edit the summary and each finding's text and overall rating."""
    locked = Report.objects.select_for_update().get(pk=report.pk)
    if locked.version != version:
        raise ValidationError(
            _("Someone changed the report since you opened the page: reload it and try again.")
        )
    if locked.status == ReportStatus.PUBLISHED:
        raise ValidationError(_("The report is published: it can no longer be edited."))
    locked.summary = summary.strip()
    locked.version += 1
    locked.save(update_fields=["summary", "version"])
    for finding in locked.findings.all():
        changes = findings.get(finding.pk)
        if not changes:
            continue
        finding.strengths = changes.get("strengths", finding.strengths).strip()
        finding.improvements = changes.get("improvements", finding.improvements).strip()
        overall = changes.get("overall", finding.overall)
        if overall and overall not in Rating.values:
            raise ValidationError(_("Choose one of the four ratings."))
        finding.overall = overall
        finding.save(update_fields=["strengths", "improvements", "overall"])
    audit.record(by, "exercise.report_edited", locked)
    return locked


@transaction.atomic
def add_item(
    *,
    report: Report,
    action: str,
    owner: str,
    contact: str,
    starts_on: date,
    ends_on: date,
    by: Any,
    objective: Objective | None = None,
) -> ImprovementItem:
    if not action.strip():
        raise ValidationError({"action": _("Say what is to be done.")})
    if ends_on < starts_on:
        raise ValidationError({"ends_on": _("The end date cannot come before the start date.")})
    if objective is not None and objective.exercise_id != report.exercise_id:
        raise ValidationError({"objective": _("This objective belongs to another exercise.")})
    item = ImprovementItem.objects.create(
        report=report,
        objective=objective,
        action=action.strip(),
        owner=owner.strip(),
        contact=contact.strip(),
        starts_on=starts_on,
        ends_on=ends_on,
    )
    audit.record(by, "exercise.improvement_added", item)
    return item


@transaction.atomic
def set_item_status(
    *, item: ImprovementItem, status: str, by: Any, version: int
) -> ImprovementItem:
    locked = ImprovementItem.objects.select_for_update().get(pk=item.pk)
    if locked.version != version:
        raise ValidationError(
            _("Someone changed this item since you opened the page: reload it and try again.")
        )
    if status not in ItemStatus.values:
        raise ValidationError({"status": _("Choose a status from the list.")})
    locked.status = status
    locked.closed_on = timezone.localdate() if status == ItemStatus.CLOSED else None
    locked.version += 1
    locked.save(update_fields=["status", "closed_on", "version"])
    audit.record(by, "exercise.improvement_status", locked, status=status)
    return locked


@transaction.atomic
def raise_to_board(*, item: ImprovementItem, by: Any) -> str:
    """Record the item as a recommendation in the Advisory Board's register (through
    governance's service), once; returns the recommendation's reference."""
    from momentum.governance.services.recommendations import record_recommendation

    locked = (
        ImprovementItem.objects.select_for_update()
        .select_related("report__exercise")
        .get(pk=item.pk)
    )
    if locked.recommendation_reference:
        raise ValidationError(
            _("This item is already in the board's register as %(reference)s.")
            % {"reference": locked.recommendation_reference}
        )
    exercise = locked.report.exercise
    countries = {site.country for site in exercise.sites.select_related("country")}
    recommendation = record_recommendation(
        text=_("%(exercise)s — improvement plan: %(action)s")
        % {"exercise": exercise.title, "action": locked.action},
        source="exercise",
        by=by,
        countries=sorted(countries, key=lambda c: c.code),
    )
    locked.recommendation_reference = recommendation.reference
    locked.version += 1
    locked.save(update_fields=["recommendation_reference", "version"])
    audit.record(by, "exercise.improvement_raised", locked, reference=recommendation.reference)
    return recommendation.reference


@transaction.atomic
def publish_report(*, report: Report, by: Any) -> Any:
    """Queue the PDFs in the three languages; the report is published once they are made."""
    from momentum.core.services import create_job

    if not report.findings.exists():
        raise ValidationError(_("Draft the report from the observations before publishing it."))
    job = create_job(
        kind="exercise.report_pdf",
        by=by,
        total=3,
        report=report.pk,
        report_template="exercise/_job_report.html",
    )
    Report.objects.filter(pk=report.pk).update(job=job)
    audit.record(by, "exercise.report_publish_requested", report)
    transaction.on_commit(lambda: _queue_pdfs(job.pk))
    return job


def _queue_pdfs(job_id: int) -> None:
    from momentum.exercise.tasks import render_report_pdfs

    render_report_pdfs.enqueue(job_id)
