"""Mentors: staff's list and the profiles staff create; each mentor's page and the part of her
profile she keeps up to date herself."""

from __future__ import annotations

from collections.abc import Iterable

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from momentum.core.forms import add_service_errors
from momentum.mentoring.forms.mentors import (
    MentorCreateForm,
    MentorFilterForm,
    MentorOwnForm,
    MentorStaffForm,
)
from momentum.mentoring.selectors import mentors as selectors
from momentum.mentoring.services import mentors as services
from momentum.people.http import AuthenticatedRequest
from momentum.people.models import Language

PAGE_SIZE = 50


def language_names(codes: Iterable[str]) -> list[str]:
    """The names of working languages, in the reader's language."""
    return [str(Language(code).label) for code in codes if code in Language.values]


@login_required
def mentor_list(request: AuthenticatedRequest) -> HttpResponse:
    user = request.user
    if not user.has_perm("mentoring.manage_mentors"):
        raise PermissionDenied
    form = MentorFilterForm(request.GET or None)
    filters = selectors.MentorFilters()
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        filters = selectors.MentorFilters(
            kind=data["kind"],
            language=data["language"],
            expertise=data["expertise"].pk if data["expertise"] else None,
            availability=data["availability"],
            with_places_left=data["places"],
        )
    page = Paginator(selectors.mentors_for(user, filters), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    for mentor in page:
        mentor.language_names = language_names(mentor.languages)  # type: ignore[attr-defined]
    template = "mentoring/mentors/_results.html" if request.htmx else "mentoring/mentors/list.html"
    return render(request, template, {"form": form, "page": page})


@login_required
def mentor_new(request: AuthenticatedRequest) -> HttpResponse:
    user = request.user
    if not user.has_perm("mentoring.manage_mentors"):
        raise PermissionDenied
    form = MentorCreateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        person = data.pop("email")
        try:
            mentor = services.create_mentor_profile(
                user=person, data=services.MentorData(**data), by=user
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("%(name)s is now a mentor.") % {"name": person.display_name(get_language())},
            )
            return redirect("mentoring:mentor", pk=mentor.pk)
    return render(request, "mentoring/mentors/form.html", {"form": form, "mentor": None})


@login_required
def mentor_detail(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    user = request.user
    mentor = selectors.get_mentor_for(user, pk)
    return render(
        request,
        "mentoring/mentors/detail.html",
        {
            "mentor": mentor,
            # Only staff and the mentor herself reach this page: both see her mentees' names.
            "pairs": list(selectors.current_mentees(mentor)),
            "can_edit": user.has_perm("mentoring.change_mentor", mentor),
            "is_self": mentor.user_id == user.pk,
            "language_names": language_names(mentor.languages),
        },
    )


@login_required
def mentor_edit(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    user = request.user
    mentor = selectors.get_mentor_for(user, pk, write=True)
    form_class = MentorStaffForm if user.is_programme_staff else MentorOwnForm
    form = form_class(
        request.POST if request.method == "POST" else None,
        initial=form_class.initial_from(mentor),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.update_mentor_profile(
                mentor=mentor,
                data=form.changes(),
                by=user,
                expected_version=form.cleaned_data["version"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The mentor's profile was saved."))
            return redirect("mentoring:mentor", pk=mentor.pk)
    return render(request, "mentoring/mentors/form.html", {"form": form, "mentor": mentor})


@login_required
def my_mentor_profile(request: AuthenticatedRequest) -> HttpResponse:
    """A mentor's own profile; a page saying so when staff have not prepared it yet."""
    user = request.user
    if not user.has_perm("mentoring.view_own_mentor_profile"):
        raise PermissionDenied
    mentor = selectors.own_mentor_profile(user)
    if mentor is not None:
        return redirect("mentoring:mentor", pk=mentor.pk)
    return render(request, "mentoring/mentors/not_set_up.html")
