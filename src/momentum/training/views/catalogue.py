"""The course catalogue: officers browse and search it in their language; staff maintain it."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.forms import Form
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from momentum.people.http import AuthenticatedRequest
from momentum.people.models import RankLevel
from momentum.training import selectors
from momentum.training.forms import CatalogueFilterForm, CourseForm
from momentum.training.models import Course
from momentum.training.services import catalogue as services

PAGE_SIZE = 20


def show_refusal(form: Form, error: ValidationError) -> None:
    """Show a service's refusal beside the fields it names, and the rest above the form."""
    if hasattr(error, "error_dict"):
        for field, field_messages in error.message_dict.items():
            for message in field_messages:
                form.add_error(field if field in form.fields else None, message)
    else:
        for message in error.messages:
            form.add_error(None, message)


def query_without_page(request: AuthenticatedRequest) -> str:
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()


@login_required
def catalogue(request: AuthenticatedRequest) -> HttpResponse:
    if not request.user.has_perm("training.browse_catalogue"):
        raise PermissionDenied
    form = CatalogueFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    can_manage = request.user.has_perm("training.manage_catalogue")
    courses = selectors.courses(
        text=filters.get("q", ""),
        track=filters.get("track", ""),
        delivery=filters.get("delivery", ""),
        include_inactive=can_manage,
    )
    page = Paginator(courses, PAGE_SIZE).get_page(request.GET.get("page"))
    template = (
        "training/catalogue/_results.html" if request.htmx else "training/catalogue/list.html"
    )
    return render(
        request,
        template,
        {
            "form": form,
            "page": page,
            "query": query_without_page(request),
            "can_manage": can_manage,
            "searching": any(filters.values()),
        },
    )


@login_required
def course_detail(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    course = selectors.get_course_for(request.user, pk)
    levels = dict(RankLevel.choices)
    return render(
        request,
        "training/catalogue/detail.html",
        {
            "course": course,
            "objectives": [
                line.strip() for line in (course.objectives or "").splitlines() if line.strip()
            ],
            "rank_levels": [levels.get(code, code) for code in course.target_rank_levels],
            "sessions": selectors.upcoming_sessions_of(request.user, course),
            "can_manage": request.user.has_perm("training.manage_catalogue"),
            "can_schedule": request.user.has_perm("training.manage_sessions"),
        },
    )


def _course_form(
    request: AuthenticatedRequest, course: Course | None
) -> tuple[CourseForm, Course | None]:
    """The form, and the course saved when the POST was accepted."""
    if request.method != "POST":
        initial = CourseForm.initial_for(course) if course is not None else None
        return CourseForm(initial=initial, course=course), None
    form = CourseForm(request.POST, course=course)
    if not form.is_valid():
        return form, None
    try:
        saved = services.save_course(by=request.user, course=course, **form.cleaned_data)
    except ValidationError as error:
        show_refusal(form, error)
        return form, None
    return form, saved


@login_required
def course_new(request: AuthenticatedRequest) -> HttpResponse:
    if not request.user.has_perm("training.manage_catalogue"):
        raise PermissionDenied
    form, saved = _course_form(request, None)
    if saved is not None:
        messages.success(request, _("The course was added to the catalogue."))
        return redirect(reverse("training:course", kwargs={"pk": saved.pk}))
    return render(request, "training/catalogue/form.html", {"form": form, "course": None})


@login_required
def course_edit(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    course = selectors.get_course_for(request.user, pk, write=True)
    form, saved = _course_form(request, course)
    if saved is not None:
        messages.success(request, _("The course was saved."))
        return redirect(reverse("training:course", kwargs={"pk": saved.pk}))
    return render(request, "training/catalogue/form.html", {"form": form, "course": course})
