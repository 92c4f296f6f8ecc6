"""The after-action report: staff draft it from the observations, edit it, keep the
improvement plan, raise items to the Advisory Board and publish the PDFs; others read it."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from momentum.core.forms import add_service_errors
from momentum.exercise import selectors
from momentum.exercise.forms import ItemForm
from momentum.exercise.models import ImprovementItem, ItemStatus, Rating, Report
from momentum.exercise.services import report as services
from momentum.people.http import AuthenticatedRequest


@login_required
def report(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    user = request.user
    exercise = selectors.get_exercise_for(user, pk, perm="exercise.view_report")
    found = Report.objects.filter(exercise=exercise).first()
    can_edit = user.has_perm("exercise.edit_report")
    item_form = ItemForm(
        request.POST if request.POST.get("do") == "item" else None,
        exercise=exercise,
        prefix="item",
    )
    if request.method == "POST":
        if not can_edit:
            raise PermissionDenied
        do = request.POST.get("do", "")
        try:
            if do == "draft":
                services.draft_report(exercise=exercise, by=user)
                messages.success(request, _("The report was drafted from the observations."))
                return redirect("exercise:report", pk)
            if found is None:
                raise Http404
            if do == "edit":
                findings = {
                    finding.pk: {
                        "strengths": request.POST.get(f"strengths-{finding.pk}", ""),
                        "improvements": request.POST.get(f"improvements-{finding.pk}", ""),
                        "overall": request.POST.get(f"overall-{finding.pk}", ""),
                    }
                    for finding in found.findings.all()
                }
                services.edit_report(
                    report=found,
                    summary=request.POST.get("summary", ""),
                    findings=findings,
                    by=user,
                    version=int(request.POST.get("version", 0)),
                )
                messages.success(request, _("The report was saved."))
                return redirect("exercise:report", pk)
            if do == "item":
                if item_form.is_valid():
                    services.add_item(report=found, by=user, **item_form.cleaned_data)
                    messages.success(request, _("The item was added to the improvement plan."))
                    return redirect("exercise:report", pk)
            elif do in ("item_status", "raise"):
                item = ImprovementItem.objects.filter(
                    report=found, pk=request.POST.get("item") or 0
                ).first()
                if item is None:
                    raise Http404
                if do == "raise":
                    reference = services.raise_to_board(item=item, by=user)
                    messages.success(
                        request,
                        _("The item is now the board's recommendation %(reference)s.")
                        % {"reference": reference},
                    )
                else:
                    services.set_item_status(
                        item=item,
                        status=request.POST.get("status", ""),
                        by=user,
                        version=int(request.POST.get("version", 0)),
                    )
                    messages.success(request, _("The item's status was changed."))
                return redirect("exercise:report", pk)
            elif do == "publish":
                services.publish_report(report=found, by=user)
                messages.success(
                    request, _("The PDFs are being made in Arabic, French and English.")
                )
                return redirect("exercise:report", pk)
            else:
                raise Http404
        except ValidationError as error:
            if do == "item":
                add_service_errors(item_form, error)
            else:
                messages.error(request, " ".join(error.messages))
    view = selectors.report_view(found) if found is not None else None
    return render(
        request,
        "exercise/report.html",
        {
            "exercise": exercise,
            "view": view,
            "can_edit": can_edit,
            "item_form": item_form,
            "ratings": Rating.choices,
            "item_statuses": ItemStatus.choices,
            "job": found.job if found is not None else None,
            "languages": (("ar", "العربية"), ("fr", "Français"), ("en", "English")),
        },
    )


@login_required
def report_pdf(request: AuthenticatedRequest, pk: int, language: str) -> FileResponse:
    exercise = selectors.get_exercise_for(request.user, pk, perm="exercise.view_report")
    found = Report.objects.filter(exercise=exercise).first()
    if found is None or language not in ("ar", "fr", "en"):
        raise Http404
    pdf = found.pdf_in(language)
    if not pdf:
        raise Http404
    return FileResponse(
        pdf.open("rb"),
        as_attachment=False,
        filename=f"after-action-report-{exercise.pk}-{language}.pdf",
        content_type="application/pdf",
    )
