"""The hub's home (the list of spaces), a space's page, and staff's space forms."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from momentum.core.forms import add_service_errors
from momentum.hub.forms.members import InvitationAnswerForm, JoinRequestForm
from momentum.hub.forms.spaces import SpaceForm
from momentum.hub.models import JoinPolicy, MembershipStatus, Space
from momentum.hub.selectors import access
from momentum.hub.selectors.members import display_names
from momentum.hub.selectors.spaces import published_threads, space_counts, space_groups
from momentum.hub.services import spaces as services
from momentum.people.http import AuthenticatedRequest

THREADS_PER_PAGE = 30


def url_or_none(name: str, *args: object) -> str | None:
    """The address of a route another part of the hub may not have added yet."""
    try:
        return reverse(name, args=args)
    except NoReverseMatch:
        return None


def _require_hub(request: AuthenticatedRequest) -> None:
    if not request.user.has_perm("hub.use_hub"):
        raise PermissionDenied


@login_required
def space_list(request: AuthenticatedRequest) -> HttpResponse:
    _require_hub(request)
    user = request.user
    return render(
        request,
        "hub/spaces/list.html",
        {
            "groups": space_groups(user),
            "can_manage": user.has_perm("hub.manage_spaces"),
            "statuses": MembershipStatus,
        },
    )


@login_required
def space_detail(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    _require_hub(request)
    user = request.user
    space = access.get_space_for(user, pk)
    membership = access.memberships_of(user).get(space.pk)
    can_read = access.can_read(user, space)
    context: dict[str, object] = {
        "space": space,
        "membership": membership,
        "statuses": MembershipStatus,
        "policies": JoinPolicy,
        "can_read": can_read,
        "can_post": access.can_post(user, space),
        "can_moderate": access.can_moderate(user, space),
        "can_manage": user.has_perm("hub.manage_spaces"),
        "can_view_members": user.has_perm("hub.view_members", space),
        "join_form": JoinRequestForm(),
        "answer_form": InvitationAnswerForm(),
    }
    if can_read:
        counted = space_counts(space)
        page = Paginator(published_threads(space), THREADS_PER_PAGE).get_page(
            request.GET.get("page")
        )
        threads = list(page.object_list)
        for thread in threads:
            thread.url = url_or_none("hub:thread", thread.pk)  # type: ignore[attr-defined]
        context.update(
            {
                "page": page,
                "threads": threads,
                "member_count": counted.member_count,  # type: ignore[attr-defined]
                "thread_count": counted.thread_count,  # type: ignore[attr-defined]
                "displays": display_names({t.author_id for t in threads}, get_language()),
                "new_thread_url": url_or_none("hub:thread_new", space.pk)
                if context["can_post"]
                else None,
            }
        )
    return render(request, "hub/spaces/detail.html", context)


def _space_form(
    request: AuthenticatedRequest, space: Space | None
) -> tuple[SpaceForm, Space | None]:
    if request.method != "POST":
        return SpaceForm(space=space), None
    form = SpaceForm(request.POST, space=space)
    if not form.is_valid():
        return form, None
    try:
        if space is None:
            return form, services.create_space(data=form.to_data(), by=request.user)
        version = form.cleaned_data.get("version") or 0
        return form, services.update_space(
            space=space, data=form.to_data(), version=version, by=request.user
        )
    except ValidationError as error:
        add_service_errors(form, error)
        return form, None


@login_required
def space_new(request: AuthenticatedRequest) -> HttpResponse:
    if not request.user.has_perm("hub.manage_spaces"):
        raise PermissionDenied
    form, saved = _space_form(request, None)
    if saved is not None:
        messages.success(request, _("The space was created."))
        return redirect("hub:space", pk=saved.pk)
    return render(request, "hub/spaces/form.html", {"form": form, "space": None})


@login_required
def space_edit(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    if not request.user.has_perm("hub.manage_spaces"):
        raise PermissionDenied
    space = access.get_space_for(request.user, pk)
    form, saved = _space_form(request, space)
    if saved is not None:
        messages.success(request, _("The space was saved."))
        return redirect("hub:space", pk=saved.pk)
    return render(request, "hub/spaces/form.html", {"form": form, "space": space})


@login_required
@require_POST
def space_archive(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    if not request.user.has_perm("hub.manage_spaces"):
        raise PermissionDenied
    space = access.get_space_for(request.user, pk)
    try:
        services.archive_space(space=space, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("hub:space", pk=space.pk)
    messages.success(request, _("The space was archived."))
    return redirect("hub:spaces")
