"""The regional report: a version's snapshot of the data, its PDFs in three languages, and
its review and publication. A published version is frozen: it keeps the snapshot it was built
from and is never rebuilt."""

from __future__ import annotations

import builtins
import secrets
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Max
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from momentum.core import audit
from momentum.core import services as jobs
from momentum.core.models import Country, Job
from momentum.needs.models import (
    Figure,
    FigureIndicator,
    FigureStatus,
    Initiative,
    Recommendation,
    Report,
    ReportStatus,
    Round,
    Submission,
    SubmissionStatus,
    TrainingOffer,
    Visit,
    VisitStatus,
)
from momentum.needs.services.report_career import career_snapshot

LANGUAGES = ("en", "fr", "ar")
JOB_KIND = "needs.report"


def _require_staff(by: Any) -> None:
    if not by.is_programme_staff:
        raise PermissionDenied


def _number(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


def _figure_entry(
    figure: Figure | None, sources: dict[str, int], derived: bool = False
) -> dict[str, Any] | None:
    if figure is None or figure.value is None:
        return None
    key = figure.source_url or figure.source_citation
    if key and key not in sources:
        sources[key] = len(sources) + 1
    return {
        "value": _number(figure.value),
        "percent": figure.is_percent,
        "qualifier": figure.qualifier,
        "year": figure.year,
        "year_certain": figure.year_certain,
        "source": sources.get(key),
        "kind": "derived" if derived else figure.source_kind,
    }


def build_snapshot(round: Round) -> dict[str, Any]:
    """Everything the report shows, read from the database now. Only published figures go
    in; a figure nobody published is None ("no public figure"), never computed or guessed —
    except a share derived from a published headcount and total of the same year, labelled
    as derived."""
    countries = list(Country.objects.order_by("code"))
    figures = list(
        Figure.objects.filter(status=FigureStatus.PUBLISHED, category="").order_by("-year", "-pk")
    )
    sources: dict[str, int] = {}
    source_rows: dict[str, Figure] = {}
    latest: dict[tuple[str | None, str], Figure] = {}
    trends: dict[str, list[tuple[int, float]]] = {}
    for figure in figures:
        code = None
        for country in countries:
            if country.pk == figure.country_id:
                code = country.code
        key = (code, figure.indicator)
        if figure.value is not None and key not in latest:
            latest[key] = figure
        if (
            code
            and figure.value is not None
            and figure.year
            and figure.indicator == FigureIndicator.WOMEN_HEADCOUNT
        ):
            trends.setdefault(code, []).append((figure.year, float(figure.value)))
    visits = {visit.country_id: visit for visit in Visit.objects.filter(round=round)}
    submissions = {
        submission.country_id: submission for submission in Submission.objects.filter(round=round)
    }
    offers: dict[int, list[dict[str, Any]]] = {}
    for offer in TrainingOffer.objects.select_related("area_of_work"):
        offers.setdefault(offer.country_id, []).append(
            {
                "course": offer.course,
                "provider": offer.provider,
                "participants": offer.participants_a_year,
                "women": offer.women_a_year,
                "days": offer.duration_days,
            }
        )
    initiatives: dict[int, list[dict[str, Any]]] = {}
    for initiative in Initiative.objects.all():
        initiatives.setdefault(initiative.country_id, []).append(
            {
                "what": initiative.what,
                "run_by": initiative.run_by,
                "funder": initiative.funder,
                "since": initiative.since,
            }
        )
    from momentum.needs.selectors import women_by_sex_and_country

    headcounts = women_by_sex_and_country(round)
    rows = []
    for country in countries:
        code = country.code
        share = _figure_entry(latest.get((code, FigureIndicator.SHARE_OF_WOMEN)), sources)
        women = latest.get((code, FigureIndicator.WOMEN_HEADCOUNT))
        total = latest.get((code, FigureIndicator.TOTAL_STAFF))
        if share is None and women and total and women.year == total.year and total.value:
            share = _figure_entry(women, sources, derived=True)
            assert share is not None
            share["value"] = builtins.round(float(women.value) * 100 / float(total.value), 1)  # type: ignore[arg-type]
            share["percent"] = True
            share["qualifier"] = "exact"
        entry_figures = {
            indicator: _figure_entry(latest.get((code, indicator)), sources)
            for indicator in (
                FigureIndicator.TOTAL_STAFF,
                FigureIndicator.WOMEN_HEADCOUNT,
                FigureIndicator.WOMEN_LEADERSHIP,
                FigureIndicator.WOMEN_SPECIALISED,
                FigureIndicator.WOMEN_TRAINERS,
                FigureIndicator.WOMEN_TRAINEES,
            )
        }
        entry_figures[FigureIndicator.SHARE_OF_WOMEN] = share
        notes = [
            f.note for f in figures if f.country_id == country.pk and f.value is None and f.note
        ]
        visit = visits.get(country.pk)
        submission = submissions.get(country.pk)
        rows.append(
            {
                "code": code,
                "name": {
                    language: getattr(country, f"name_{language}") or country.name
                    for language in LANGUAGES
                },
                "figures": entry_figures,
                "notes": notes,
                "visit": None
                if visit is None
                else {
                    "starts_on": visit.starts_on.isoformat(),
                    "ends_on": visit.ends_on.isoformat(),
                    "status": visit.status,
                },
                "submission": submission.status if submission else None,
                "offer": offers.get(country.pk, []),
                "initiatives": initiatives.get(country.pk, []),
                "headcount": headcounts.get(code, {}),
                "trend": sorted(trends.get(code, [])),
            }
        )
    global_share = _figure_entry(latest.get((None, FigureIndicator.SHARE_OF_WOMEN)), sources)
    for figure in figures:
        source_key = figure.source_url or figure.source_citation
        if source_key in sources and source_key not in source_rows:
            source_rows[source_key] = figure
    answered = sum(
        1
        for s in submissions.values()
        if s.status in (SubmissionStatus.SUBMITTED, SubmissionStatus.ACCEPTED)
    )
    return {
        "round": {
            "year": round.year,
            "title": {
                language: getattr(round, f"title_{language}") or round.title
                for language in LANGUAGES
            },
        },
        "methodology": {
            "countries": len(countries),
            "visits_planned": len(visits),
            "visits_done": sum(1 for v in visits.values() if v.status == VisitStatus.DONE),
            "submissions": len(submissions),
            "answered": answered,
            "accepted": sum(
                1 for s in submissions.values() if s.status == SubmissionStatus.ACCEPTED
            ),
            "response_rate": builtins.round(100 * answered / len(countries)) if countries else 0,
        },
        "global_share": global_share,
        "countries": rows,
        "sources": [
            {
                "number": number,
                "citation": source_rows[key].source_citation if key in source_rows else key,
                "url": source_rows[key].source_url if key in source_rows else "",
                "year": source_rows[key].year if key in source_rows else None,
                "kind": source_rows[key].source_kind if key in source_rows else "",
            }
            for key, number in sorted(sources.items(), key=lambda item: item[1])
        ],
        "career": career_snapshot(round),
        "recommendations": [
            {language: getattr(item, f"text_{language}") or item.text for language in LANGUAGES}
            | {"status": item.status}
            for item in Recommendation.objects.filter(round=round)
        ],
    }


@transaction.atomic
def start_report(*, by: Any, round: Round, background: bool = True) -> tuple[Report, Job]:
    """A new draft version of the round's report, built in the background (or at once, for
    the demo and the benchmark)."""
    _require_staff(by)
    number = (Report.objects.filter(round=round).aggregate(Max("number"))["number__max"] or 0) + 1
    report = Report.objects.create(round=round, number=number, created_by=by)
    job = jobs.create_job(kind=JOB_KIND, by=by, total=1 + len(LANGUAGES), report=report.pk)
    audit.record(by, "needs.report_started", report, number=number)
    from momentum.needs.tasks import build_report

    if not background:
        run_report(job=job, report=report)
        return report, job
    job_pk, report_pk = job.pk, report.pk
    transaction.on_commit(lambda: build_report.enqueue(job_id=job_pk, report_id=report_pk))
    return report, job


def run_report(*, job: Job, report: Report) -> None:
    """The background work: the snapshot, then a PDF per language, reporting progress."""
    jobs.start_job(job, total=1 + len(LANGUAGES))
    try:
        if report.status == ReportStatus.PUBLISHED:
            raise ValidationError("A published report is frozen.")
        report.snapshot = build_snapshot(report.round)
        report.built_at = timezone.now()
        report.save(update_fields=["snapshot", "built_at"])
        jobs.advance_job(job)
        for language in LANGUAGES:
            pdf = render_report_pdf(report, language)
            getattr(report, f"pdf_{language}").save(
                f"regional-report-{report.round.year}-v{report.number}-{language}.pdf",
                ContentFile(pdf),
                save=True,
            )
            jobs.advance_job(job)
    except Exception as error:  # the job page shows what went wrong
        jobs.fail_job(job, error=str(error))
        raise
    jobs.finish_job(job, report={"report": report.pk})


def report_context(report: Report, language: str) -> dict[str, Any]:
    from momentum.needs.report_view import context_for

    return context_for(report.snapshot, language, report=report, for_pdf=True)


def render_report_pdf(report: Report, language: str) -> bytes:
    from momentum.training.pdf import render_pdf

    with translation.override(language):
        context = report_context(report, language)
    return render_pdf("needs/report/pdf.html", context, language)


_NEXT = {ReportStatus.DRAFT: ReportStatus.REVIEWED, ReportStatus.REVIEWED: ReportStatus.PUBLISHED}


@transaction.atomic
def advance_report(*, by: Any, report: Report) -> Report:
    """Draft → reviewed → published. Publishing freezes the version and gives it a stable
    public address."""
    _require_staff(by)
    report = Report.objects.select_for_update().get(pk=report.pk)
    target = _NEXT.get(report.status)  # type: ignore[call-overload]
    if target is None:
        raise ValidationError(_("A published report cannot change."), code="state")
    if not report.snapshot:
        raise ValidationError(_("The report is still being built."), code="state")
    report.status = target
    report.version += 1
    if target == ReportStatus.PUBLISHED:
        report.published_at = timezone.now()
        report.public_slug = f"{report.round.year}-v{report.number}-{secrets.token_hex(3)}"
    report.save()
    audit.record(by, f"needs.report_{target}", report)
    return report
