"""Written procedures: the list, launching one (staff), its page where a member answers for
her country, closing it, and the named answers as CSV."""

from __future__ import annotations

import csv

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from momentum.core import audit
from momentum.core.forms import add_service_errors
from momentum.governance.forms import AnswerForm, ProcedureForm
from momentum.governance.models import ProcedureStatus
from momentum.governance.selectors import procedures as selectors
from momentum.governance.services import procedures as services
from momentum.governance.views.common import require_board, require_staff, show_refusal
from momentum.people.http import AuthenticatedRequest


def _url(pk: int) -> str:
    return reverse("governance:procedure", kwargs={"pk": pk})


@login_required
def procedure_list(request: AuthenticatedRequest) -> HttpResponse:
    procedures = list(selectors.procedures_for(request.user).order_by("-deadline"))
    return render(
        request,
        "governance/procedures.html",
        {
            "open": [p for p in procedures if p.status == ProcedureStatus.OPEN],
            "closed": [p for p in procedures if p.status == ProcedureStatus.CLOSED],
            "is_staff": request.user.has_perm("governance.manage_board"),
        },
    )


@login_required
def procedure_new(request: AuthenticatedRequest) -> HttpResponse:
    require_staff(request)
    form = ProcedureForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            procedure = services.launch_procedure(
                title=data["title"],
                question=data["question"],
                link=data["link"],
                document=data["document"],
                deadline=data["deadline"],
                silence=data["silence"],
                minutes=data["minutes"],
                by=request.user,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The written procedure is open."))
            return redirect(_url(procedure.pk))
    return render(request, "governance/procedure_form.html", {"form": form})


def _page(request: AuthenticatedRequest, pk: int, form: AnswerForm | None = None) -> HttpResponse:
    procedure = selectors.get_procedure_for(request.user, pk)
    answers = list(procedure.answers.all())
    country_id = services.answering_country(request.user)
    mine = next((a for a in answers if a.country_id == country_id), None)
    can_answer = (
        country_id is not None
        and mine is None
        and procedure.status == ProcedureStatus.OPEN
        and procedure.deadline > timezone.now()
    )
    return render(
        request,
        "governance/procedure.html",
        {
            "procedure": procedure,
            "answers": answers,
            "mine": mine,
            "form": (form or AnswerForm()) if can_answer else None,
            "is_staff": request.user.has_perm("governance.manage_board"),
            "past_deadline": procedure.deadline <= timezone.now(),
        },
    )


@login_required
def procedure_detail(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    return _page(request, pk)


@login_required
@require_POST
def procedure_answer(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    require_board(request)
    procedure = selectors.get_procedure_for(request.user, pk)
    form = AnswerForm(request.POST)
    if form.is_valid():
        try:
            services.answer_procedure(
                procedure=procedure,
                by=request.user,
                choice=form.cleaned_data["choice"],
                text=form.cleaned_data["text"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Your country's answer is recorded."))
            return redirect(_url(pk))
    return _page(request, pk, form)


@login_required
@require_POST
def procedure_close(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    require_staff(request)
    procedure = selectors.get_procedure_for(request.user, pk)
    try:
        closed = services.close_procedure(procedure=procedure, by=request.user)
    except ValidationError as error:
        show_refusal(request, error)
    else:
        messages.success(request, closed.outcome_reason)
    return redirect(_url(pk))


@login_required
def procedure_export(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """The named answers, as CSV (staff and the board)."""
    require_board(request)
    procedure = selectors.get_procedure_for(request.user, pk)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="written-procedure-{procedure.pk}.csv"'
    response.write("\ufeff")  # so spreadsheet programs read Arabic names as UTF-8
    writer = csv.writer(response)
    writer.writerow(
        [_("Country"), _("Answer"), _("Reason or comment"), _("Answered by"), _("Answered at")]
    )
    for answer in procedure.answers.all():
        writer.writerow(
            [
                answer.country.name,
                answer.get_choice_display(),
                answer.text,
                answer.answered_by.display_name(),
                timezone.localtime(answer.answered_at).isoformat(timespec="minutes"),
            ]
        )
    audit.record(request.user, "governance.procedure_exported", procedure, format="csv")
    return response


@login_required
def procedure_export_pdf(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """The named answers, as a PDF in the reader's language (staff and the board)."""
    from momentum.governance.pdf import answers_pdf

    require_board(request)
    procedure = selectors.get_procedure_for(request.user, pk)
    language = get_language() or "en"
    content = answers_pdf(
        {"procedure": procedure, "answers": list(procedure.answers.all())}, language
    )
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="written-procedure-{procedure.pk}.pdf"'
    audit.record(request.user, "governance.procedure_exported", procedure, format="pdf")
    return response
