"""Curricula: the list, a curriculum with its modules and materials, publishing it, its PDFs
and the course it becomes in the training catalogue."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from momentum.people.http import AuthenticatedRequest
from momentum.toolkit import rules
from momentum.toolkit.forms import CourseForm
from momentum.toolkit.markup import render_text
from momentum.toolkit.models import LANGUAGES, Curriculum, Module
from momentum.toolkit.services import curricula as services


def _language() -> str:
    language = get_language() or "en"
    return language if language in LANGUAGES else "en"


@login_required
def curriculum_list(request: AuthenticatedRequest) -> HttpResponse:
    if not request.user.has_perm("toolkit.view_curricula"):
        raise PermissionDenied
    language = _language()
    curricula = [(item, item.title(language)) for item in Curriculum.objects.all()[:100]]
    return render(request, "toolkit/curricula.html", {"curricula": curricula})


@login_required
def curriculum(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    item = rules.get_curriculum_for(request.user, pk)
    language = _language()
    modules = list(Module.objects.filter(curriculum=item).prefetch_related("sections__texts"))
    resource_ids = sorted({rid for module in modules for rid in module.resource_ids})
    from momentum.hub.models import Resource

    resources = {r.pk: r for r in Resource.objects.filter(pk__in=resource_ids)}
    rows = []
    for module in modules:
        sections = []
        for section in module.sections.all():
            texts = {text.language: text for text in section.texts.all()}
            text = texts.get(language) or texts.get(section.source_language)
            sections.append((section, text.title if text else ""))
        rows.append(
            {
                "module": module,
                "title": module.text("title", language),
                "objectives": render_text(module.text("objectives", language)),
                "methods": render_text(module.text("methods", language)),
                "assessment": render_text(module.text("assessment", language)),
                "sections": sections,
                "resources": [resources[rid] for rid in module.resource_ids if rid in resources],
            }
        )
    course = None
    if item.course_id:
        from momentum.training.models import Course

        course = Course.objects.filter(pk=item.course_id).first()
    return render(
        request,
        "toolkit/curriculum.html",
        {
            "curriculum": item,
            "title": item.title(language),
            "summary": render_text(getattr(item, f"summary_{language}") or item.summary_en),
            "modules": rows,
            "course": course,
            "pdfs": [(code, bool(item.pdf_in(code))) for code in LANGUAGES],
            "can_manage": request.user.has_perm("toolkit.manage_curricula"),
            "course_form": CourseForm(),
        },
    )


@login_required
@require_POST
def publish(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    if not request.user.has_perm("toolkit.manage_curricula"):
        raise PermissionDenied
    item = rules.get_curriculum_for(request.user, pk)
    try:
        services.publish_curriculum(by=request.user, curriculum=item)
    except ValidationError as refused:
        messages.error(request, " ".join(refused.messages))
    else:
        messages.success(request, _("The curriculum is published; its PDFs are being built."))
    return redirect("toolkit:curriculum", pk=item.pk)


@login_required
@require_POST
def create_course(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    if not request.user.has_perm("toolkit.manage_curricula"):
        raise PermissionDenied
    item = rules.get_curriculum_for(request.user, pk)
    form = CourseForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give the course a code of letters, digits and dashes."))
        return redirect("toolkit:curriculum", pk=item.pk)
    try:
        services.create_course(by=request.user, curriculum=item, code=form.cleaned_data["code"])
    except ValidationError as refused:
        messages.error(request, " ".join(refused.messages))
    else:
        messages.success(request, _("The course is created in the training catalogue as a draft."))
    return redirect("toolkit:curriculum", pk=item.pk)


@login_required
def pdf(request: AuthenticatedRequest, pk: int, language: str) -> FileResponse:
    item = rules.get_curriculum_for(request.user, pk)
    if language not in LANGUAGES or not item.pdf_in(language):
        raise Http404
    return FileResponse(
        item.pdf_in(language).open("rb"),
        content_type="application/pdf",
        filename=f"curriculum-{item.pk}-{language}.pdf",
    )


@login_required
def consult(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    from django.urls import reverse

    from momentum.toolkit.views.writing import consult_on

    if not request.user.has_perm("toolkit.manage_curricula"):
        raise PermissionDenied
    item = rules.get_curriculum_for(request.user, pk)
    return consult_on(request, curriculum=item, back=reverse("toolkit:curriculum", args=[item.pk]))
