"""The questionnaire builder (staff): add a section, add or change a question of any kind in
three languages with its skip logic, move a question up or down, remove it; only on a version
no submission uses yet."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from momentum.core.forms import add_service_errors
from momentum.needs.builder_forms import QuestionForm, SectionForm
from momentum.needs.models import Question, Questionnaire, Section
from momentum.needs.services import builder as services
from momentum.people.http import AuthenticatedRequest


def _require_manager(request: AuthenticatedRequest) -> None:
    if not request.user.has_perm("needs.manage"):
        raise PermissionDenied


def _refuse_frozen(request: AuthenticatedRequest, questionnaire: Questionnaire) -> bool:
    if questionnaire.frozen:
        messages.error(
            request,
            _(
                "A submission uses this version: it is frozen. Make a new version to change "
                "its questions."
            ),
        )
        return True
    return False


@login_required
def section_new(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    _require_manager(request)
    questionnaire = get_object_or_404(Questionnaire, pk=pk)
    if _refuse_frozen(request, questionnaire):
        return redirect("needs:questionnaire", pk=questionnaire.pk)
    form = SectionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.add_section(
                by=request.user,
                questionnaire=questionnaire,
                name=form.cleaned_data["name"],
                titles={code: form.cleaned_data[f"title_{code}"] for code in ("en", "fr", "ar")},
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The section is added."))
            return redirect("needs:questionnaire", pk=questionnaire.pk)
    return render(
        request,
        "needs/questionnaires/section_form.html",
        {"questionnaire": questionnaire, "form": form},
        status=422 if form.errors else 200,
    )


def _question_form(
    request: AuthenticatedRequest, *, section: Section, question: Question | None
) -> HttpResponse:
    questionnaire = section.questionnaire
    if _refuse_frozen(request, questionnaire):
        return redirect("needs:questionnaire", pk=questionnaire.pk)
    form = QuestionForm(
        request.POST or None,
        initial=QuestionForm.initial_for(question) if question else None,
        questionnaire_id=questionnaire.pk,
        exclude=question.pk if question else None,
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.save_question(
                by=request.user,
                section=section,
                question=question,
                fields=form.service_fields(),
                show_if=form.cleaned_data["show_if"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The question is saved."))
            return redirect("needs:questionnaire", pk=questionnaire.pk)
    return render(
        request,
        "needs/questionnaires/question_form.html",
        {"questionnaire": questionnaire, "section": section, "question": question, "form": form},
        status=422 if form.errors else 200,
    )


@login_required
def question_new(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    _require_manager(request)
    section: Section = get_object_or_404(Section.objects.select_related("questionnaire"), pk=pk)
    return _question_form(request, section=section, question=None)


@login_required
def question_edit(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    _require_manager(request)
    question: Question = get_object_or_404(
        Question.objects.select_related("section__questionnaire"), pk=pk
    )
    return _question_form(request, section=question.section, question=question)


@login_required
@require_POST
def question_move(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    _require_manager(request)
    question: Question = get_object_or_404(
        Question.objects.select_related("section__questionnaire"), pk=pk
    )
    try:
        services.move_question(
            by=request.user, question=question, up=request.POST.get("direction") != "down"
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("needs:questionnaire", pk=question.section.questionnaire_id)


@login_required
@require_POST
def question_delete(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    _require_manager(request)
    question: Question = get_object_or_404(
        Question.objects.select_related("section__questionnaire"), pk=pk
    )
    try:
        services.remove_question(by=request.user, question=question)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The question was removed."))
    return redirect("needs:questionnaire", pk=question.section.questionnaire_id)


@login_required
@require_POST
def section_move(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    _require_manager(request)
    section: Section = get_object_or_404(Section.objects.select_related("questionnaire"), pk=pk)
    try:
        services.move_section(
            by=request.user, section=section, up=request.POST.get("direction") != "down"
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("needs:questionnaire", pk=section.questionnaire_id)
