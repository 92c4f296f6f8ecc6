"""The resource library: readers browse, filter and download what they may read; staff and
the moderators of a space add resources, edit them and upload new versions."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.forms import Form
from django.http import FileResponse, Http404, HttpResponse, HttpResponseRedirect
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from momentum.hub.forms.resources import ResourceFilterForm, ResourceForm, VersionForm
from momentum.hub.models import Resource
from momentum.hub.selectors import resources as selectors
from momentum.hub.services import resources as services
from momentum.people.http import AuthenticatedRequest

PAGE_SIZE = 20
_LANGUAGES = ("en", "fr", "ar")


def in_reader_language(resource: Resource, field: str) -> str:
    """The resource's ``field`` (title, description) in the reader's language, or else in the
    first other language it was written in."""
    current = (get_language() or "en")[:2]
    order = [current, *(code for code in _LANGUAGES if code != current)]
    for code in order:
        value = getattr(resource, f"{field}_{code}", "") or ""
        if value.strip():
            return str(value)
    return ""


def _show_refusal(form: Form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, field_messages in error.message_dict.items():
            for message in field_messages:
                form.add_error(field if field in form.fields else None, message)
    else:
        for message in error.messages:
            form.add_error(None, message)


def _query_without_page(request: AuthenticatedRequest) -> str:
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()


@login_required
def resource_list(request: AuthenticatedRequest) -> HttpResponse:
    user = request.user
    if not user.has_perm("hub.use_hub"):
        raise PermissionDenied
    tags = [(tag.slug, tag.name) for tag in selectors.used_tags(user)]
    form = ResourceFilterForm(request.GET or None, tags=tags)
    filters = form.cleaned_data if form.is_valid() else {}
    found = selectors.resources_for(
        user,
        kind=filters.get("kind", ""),
        language=filters.get("language", ""),
        thematic_area=filters.get("thematic_area"),
        country=filters.get("country"),
        tag=filters.get("tag", ""),
        text=filters.get("q", ""),
    )
    page = Paginator(found, PAGE_SIZE).get_page(request.GET.get("page"))
    for resource in page:
        resource.shown_title = in_reader_language(resource, "title")  # type: ignore[attr-defined]
        resource.shown_description = in_reader_language(resource, "description")  # type: ignore[attr-defined]
    template = "hub/resources/_results.html" if request.htmx else "hub/resources/list.html"
    return render(
        request,
        template,
        {
            "form": form,
            "page": page,
            "query": _query_without_page(request),
            "searching": any(value for value in filters.values()),
            "can_add": user.has_perm("hub.add_resource"),
        },
    )


@login_required
def resource_detail(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    resource = selectors.get_resource_for(request.user, pk)
    versions = list(resource.versions.all())
    return render(
        request,
        "hub/resources/detail.html",
        {
            "resource": resource,
            "title": in_reader_language(resource, "title"),
            "description": in_reader_language(resource, "description"),
            "versions": versions,
            "newest": versions[0] if versions else None,
            "tags": list(resource.tags.all()),
            "can_manage": request.user.has_perm("hub.manage_resource", resource),
        },
    )


def _resource_form(
    request: AuthenticatedRequest, resource: Resource | None
) -> tuple[ResourceForm, Resource | None]:
    user = request.user
    options: dict[str, Any] = {
        "spaces": selectors.manageable_spaces(user),
        "with_file": resource is None,
        "allow_whole_hub": user.is_programme_staff,
    }
    if request.method != "POST":
        initial = ResourceForm.initial_for(resource) if resource is not None else None
        return ResourceForm(initial=initial, **options), None
    form = ResourceForm(request.POST, request.FILES, **options)
    if not form.is_valid():
        return form, None
    data = dict(form.cleaned_data)
    try:
        if resource is None:
            saved = services.create_resource(by=user, **data)
        else:
            saved = services.update_resource(by=user, resource=resource, **data)
    except ValidationError as error:
        _show_refusal(form, error)
        return form, None
    return form, saved


@login_required
def resource_new(request: AuthenticatedRequest) -> HttpResponse:
    if not request.user.has_perm("hub.add_resource"):
        raise PermissionDenied
    form, saved = _resource_form(request, None)
    if saved is not None:
        messages.success(request, _("The resource was added to the library."))
        return redirect(reverse("hub:resource", kwargs={"pk": saved.pk}))
    return render(request, "hub/resources/form.html", {"form": form, "resource": None})


@login_required
def resource_edit(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    resource = selectors.get_resource_for(request.user, pk, write=True)
    form, saved = _resource_form(request, resource)
    if saved is not None:
        messages.success(request, _("The resource was saved."))
        return redirect(reverse("hub:resource", kwargs={"pk": saved.pk}))
    return render(
        request,
        "hub/resources/form.html",
        {"form": form, "resource": resource, "title": in_reader_language(resource, "title")},
    )


@login_required
def resource_version_new(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    resource = selectors.get_resource_for(request.user, pk, write=True)
    form = VersionForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            version = services.add_version(
                by=request.user,
                resource=resource,
                file=form.cleaned_data["file"],
                note=form.cleaned_data["note"],
            )
        except ValidationError as error:
            _show_refusal(form, error)
        else:
            messages.success(
                request,
                _("Version %(number)s of the file was uploaded.") % {"number": version.number},
            )
            return redirect(reverse("hub:resource", kwargs={"pk": resource.pk}))
    return render(
        request,
        "hub/resources/version_form.html",
        {"form": form, "resource": resource, "title": in_reader_language(resource, "title")},
    )


@login_required
def resource_download(request: AuthenticatedRequest, pk: int) -> HttpResponseBase:
    """The newest version's file, as an attachment (never shown inline), or the link's page."""
    resource = selectors.get_resource_for(request.user, pk)
    versions = list(resource.versions.all())
    if versions:
        newest = versions[0]
        try:
            handle = newest.file.open("rb")
        except FileNotFoundError as error:
            raise Http404 from error
        services.record_download(resource=resource, user=request.user)
        # FileResponse writes Content-Disposition with an RFC 5987 ``filename*`` for names that
        # are not plain ASCII, and escapes quotes in those that are.
        response = FileResponse(
            handle,
            as_attachment=True,
            filename=newest.name,
            content_type=newest.content_type,
        )
        response["X-Content-Type-Options"] = "nosniff"
        return response
    if resource.url and services.is_web_address(resource.url):
        services.record_download(resource=resource, user=request.user)
        return HttpResponseRedirect(resource.url)
    raise Http404
