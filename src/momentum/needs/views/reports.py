"""The regional report: its versions (staff build, review and publish them), each version's
page and PDFs, and the public address of a published version (anonymous read)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from momentum.needs import selectors
from momentum.needs.models import Report, ReportStatus
from momentum.needs.report_view import context_for
from momentum.needs.services import reports as services
from momentum.people.http import AuthenticatedRequest


@login_required
def report_list(request: AuthenticatedRequest) -> HttpResponse:
    reports = list(selectors.reports_visible_to(request.user)[:50])
    if (
        not reports
        and not request.user.has_perm("needs.manage")
        and not request.user.has_perm("needs.view_figures")
    ):
        raise PermissionDenied
    from momentum.needs.models import Round

    return render(
        request,
        "needs/report/list.html",
        {
            "reports": reports,
            "rounds": list(Round.objects.all()[:20])
            if request.user.has_perm("needs.manage")
            else [],
        },
    )


@login_required
@require_POST
def report_build(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    if not request.user.has_perm("needs.manage"):
        raise PermissionDenied
    round = selectors.get_round_for(request.user, pk)
    _report, job = services.start_report(by=request.user, round=round)
    return redirect("core:job", pk=job.pk)


def _page(request: HttpRequest, report: Report, *, public: bool) -> HttpResponse:
    if not report.snapshot:
        return render(request, "needs/report/building.html", {"report": report})
    language = (get_language() or "en")[:2]
    context = context_for(report.snapshot, language, report=report)
    context["public"] = public
    context["can_manage"] = not public and request.user.has_perm("needs.manage")
    return render(request, "needs/report/detail.html", context)


@login_required
def report_detail(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    report = selectors.get_report_for(request.user, pk)
    return _page(request, report, public=False)


def public_report(request: HttpRequest, slug: str) -> HttpResponse:
    report = get_object_or_404(Report, public_slug=slug, status=ReportStatus.PUBLISHED)
    return _page(request, report, public=True)


def _pdf(report: Report, language: str) -> HttpResponseBase:
    if language not in services.LANGUAGES:
        raise Http404
    pdf = report.pdf_in(language)
    if not pdf:
        raise Http404
    return FileResponse(
        pdf.open("rb"),
        content_type="application/pdf",
        filename=f"regional-report-{report.round.year}-v{report.number}-{language}.pdf",
    )


@login_required
def report_pdf(request: AuthenticatedRequest, pk: int, language: str) -> HttpResponseBase:
    return _pdf(selectors.get_report_for(request.user, pk), language)


def public_report_pdf(request: HttpRequest, slug: str, language: str) -> HttpResponseBase:
    report = get_object_or_404(Report, public_slug=slug, status=ReportStatus.PUBLISHED)
    return _pdf(report, language)


@login_required
@require_POST
def report_advance(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    if not request.user.has_perm("needs.manage"):
        raise PermissionDenied
    report = selectors.get_report_for(request.user, pk)
    try:
        report = services.advance_report(by=request.user, report=report)
        messages.success(
            request, _("The report is now: %(status)s.") % {"status": report.get_status_display()}
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("needs:report", pk=report.pk)
