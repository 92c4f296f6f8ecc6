"""Questionnaires (staff): the list, one version's questions, a new version, and XLSForm
export and import."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from momentum.needs import selectors
from momentum.needs.forms import XLSFormUploadForm
from momentum.needs.models import Questionnaire
from momentum.needs.services import questionnaires as services
from momentum.needs.xlsform import XLSFormError, export_xlsform, import_xlsform
from momentum.people.http import AuthenticatedRequest


def _require_manager(request: AuthenticatedRequest) -> None:
    if not request.user.has_perm("needs.manage"):
        raise PermissionDenied


@login_required
def questionnaire_list(request: AuthenticatedRequest) -> HttpResponse:
    _require_manager(request)
    form = XLSFormUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            questionnaire = import_xlsform(by=request.user, data=form.cleaned_data["file"].read())
        except XLSFormError as error:
            form.add_error("file", str(error))
        else:
            messages.success(request, _("The questionnaire was imported."))
            return redirect("needs:questionnaire", pk=questionnaire.pk)
    return render(
        request,
        "needs/questionnaires/list.html",
        {"questionnaires": list(Questionnaire.objects.all()[:100]), "form": form},
        status=422 if form.errors else 200,
    )


@login_required
def questionnaire_detail(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    _require_manager(request)
    questionnaire = get_object_or_404(Questionnaire, pk=pk)
    questions = selectors.questions_for(questionnaire.pk)
    names = {question.pk: question.name for question in questions}
    for question in questions:
        question.trigger_name = names.get(question.show_if_id or 0, "")  # type: ignore[attr-defined]
    sections = [
        {"section": section, "questions": [q for q in questions if q.section_id == section.pk]}
        for section in questionnaire.sections.all()
    ]
    return render(
        request,
        "needs/questionnaires/detail.html",
        {
            "questionnaire": questionnaire,
            "questions": questions,
            "sections": sections,
            "names": names,
            "can_build": not questionnaire.frozen,
        },
    )


@login_required
def questionnaire_export(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    _require_manager(request)
    questionnaire = get_object_or_404(Questionnaire, pk=pk)
    response = HttpResponse(
        export_xlsform(questionnaire),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = (
        f'attachment; filename="{questionnaire.code}-v{questionnaire.version}.xlsx"'
    )
    return response


@login_required
@require_POST
def questionnaire_new_version(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    _require_manager(request)
    questionnaire = get_object_or_404(Questionnaire, pk=pk)
    copy = services.new_version(by=request.user, questionnaire=questionnaire)
    messages.success(
        request, _("A new version was made: edit it, the frozen one stays as answered.")
    )
    return redirect("needs:questionnaire", pk=copy.pk)
