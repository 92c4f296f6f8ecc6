"""Exports of a period: CSV, XLSX, IATI XML and the PDF report, scoped and audited."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.utils import translation
from django.utils.translation import get_language_bidi

from momentum.core import audit
from momentum.people.http import AuthenticatedRequest
from momentum.results import exports
from momentum.results.chart import trend_svg
from momentum.results.models import Narrative
from momentum.results.selectors import dashboard as board
from momentum.results.selectors.logframe import (
    audience_for,
    get_period,
    logframe_or_404,
    periods_of,
)

KINDS = {
    "csv": ("text/csv; charset=utf-8", "csv"),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
    "iati": ("application/xml", "xml"),
}


def _attachment(content: bytes, content_type: str, name: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@login_required
def export(request: AuthenticatedRequest, pk: int, kind: str) -> HttpResponse:
    if kind not in KINDS:
        raise Http404
    audience = audience_for(request.user)
    logframe = logframe_or_404()
    period = get_period(logframe, pk)
    country = min(audience.country_codes) if audience.country_codes else None
    results, rows = board.dashboard(
        logframe=logframe, period=period, audience=audience, country=country
    )
    content_type, extension = KINDS[kind]
    if kind == "csv":
        content = exports.to_csv(rows, period)
    elif kind == "xlsx":
        content = exports.to_xlsx(rows, period)
    else:
        rows_by_period = []
        for item in periods_of(logframe):
            if item.pk == period.pk:
                rows_by_period.append((item, rows))
            elif item.is_closed and item.ends_on < period.starts_on:
                rows_by_period.append(
                    (
                        item,
                        board.dashboard(
                            logframe=logframe, period=item, audience=audience, country=country
                        )[1],
                    )
                )
        rows_by_period.sort(key=lambda pair: pair[0].starts_on)
        content = exports.to_iati(
            rows_by_period,
            logframe,
            results,
            identifier=settings.RESULTS_IATI_IDENTIFIER,
            reporting_org=settings.RESULTS_IATI_ORGANISATION,
        )
    audit.record(request.user, "results.exported", period, format=kind, country_code=country or "")
    return _attachment(
        content, content_type, f"results-{period.name}.{extension}".replace(" ", "-")
    )


@login_required
def report(request: AuthenticatedRequest, pk: int, language: str) -> HttpResponse:
    from momentum.results.pdf import render_report

    if language not in ("ar", "fr", "en"):
        raise Http404
    audience = audience_for(request.user)
    logframe = logframe_or_404()
    period = get_period(logframe, pk)
    country = min(audience.country_codes) if audience.country_codes else None
    with translation.override(language):
        results, rows = board.dashboard(
            logframe=logframe, period=period, audience=audience, country=country
        )
        rtl = get_language_bidi()
        for row in rows:
            if row.trend and row.indicator.is_numeric:
                row.chart = trend_svg(  # type: ignore[attr-defined]
                    title=str(row.indicator.name),
                    points=[(item.name, value) for item, value in row.trend],
                    target=row.target.value if row.target else None,
                    rtl=rtl,
                )
        narratives = {item.result_id: item.text for item in Narrative.objects.filter(period=period)}
        by_result: dict[int, list[board.Row]] = {}
        for row in rows:
            by_result.setdefault(row.indicator.result_id, []).append(row)
        sections = [
            (result, narratives.get(result.pk, ""), by_result.get(result.pk, []))
            for result in results
        ]
        content = render_report(
            {"logframe": logframe, "period": period, "sections": sections, "audience": audience},
            language,
        )
    audit.record(request.user, "results.exported", period, format="pdf", language=language)
    return _attachment(
        content, "application/pdf", f"results-{period.name}-{language}.pdf".replace(" ", "-")
    )
