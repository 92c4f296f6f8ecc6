"""Membership: joining, asking to join, invitations, leaving, the moderators' list of requests,
inviting, removing a member, and the members' list."""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from momentum.hub.forms.members import (
    DecisionForm,
    InvitationAnswerForm,
    InviteForm,
    JoinRequestForm,
    PeopleSearchForm,
    RemoveMemberForm,
)
from momentum.hub.models import Membership, MembershipStatus, Space
from momentum.hub.selectors import access
from momentum.hub.selectors.members import (
    active_members,
    display_names,
    invitable_people,
    pending_invitations,
    pending_requests,
)
from momentum.hub.services import members as services
from momentum.people.http import AuthenticatedRequest
from momentum.people.models import User

MEMBERS_PER_PAGE = 50


def _space(request: AuthenticatedRequest, pk: int) -> Space:
    if not request.user.has_perm("hub.use_hub"):
        raise PermissionDenied
    return access.get_space_for(request.user, pk)


def _moderated_space(request: AuthenticatedRequest, pk: int) -> Space:
    space = _space(request, pk)
    if not request.user.has_perm("hub.moderate_space", space):
        raise PermissionDenied
    return space


def _say(request: AuthenticatedRequest, error: ValidationError) -> None:
    messages.error(request, " ".join(error.messages))


@login_required
@require_POST
def join(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    space = _space(request, pk)
    form = JoinRequestForm(request.POST)
    message = form.cleaned_data["message"] if form.is_valid() else ""
    try:
        membership = services.join_space(space=space, user=request.user, message=message)
    except ValidationError as error:
        _say(request, error)
    else:
        if membership.status == MembershipStatus.ACTIVE:
            messages.success(request, _("Welcome: you are now a member of this space."))
        else:
            messages.success(request, _("Your request was sent: a moderator will answer it soon."))
    return redirect("hub:space", pk=space.pk)


@login_required
@require_POST
def leave(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    space = _space(request, pk)
    try:
        services.leave_space(space=space, user=request.user)
    except ValidationError as error:
        _say(request, error)
        return redirect("hub:space", pk=space.pk)
    messages.success(request, _("You left the space."))
    return redirect("hub:spaces")


@login_required
@require_POST
def answer_invitation(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    space = _space(request, pk)
    form = InvitationAnswerForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose to accept or decline the invitation."))
        return redirect("hub:space", pk=space.pk)
    accept = form.cleaned_data["answer"] == "accept"
    try:
        services.respond_to_invitation(space=space, user=request.user, accept=accept)
    except ValidationError as error:
        _say(request, error)
        return redirect("hub:space", pk=space.pk)
    if accept:
        messages.success(request, _("Welcome: you are now a member of this space."))
        return redirect("hub:space", pk=space.pk)
    messages.success(request, _("You declined the invitation."))
    return redirect("hub:spaces")


@login_required
def requests(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """The moderators' list of requests to join and invitations still open."""
    space = _moderated_space(request, pk)
    waiting = list(pending_requests(space))
    invited = list(pending_invitations(space))
    people = [m.user for m in waiting + invited]
    return render(
        request,
        "hub/members/requests.html",
        {
            "space": space,
            "waiting": waiting,
            "invited": invited,
            "displays": display_names(people, get_language()),
            "form": DecisionForm(),
        },
    )


@login_required
@require_POST
def decide_request(request: AuthenticatedRequest, pk: int, membership_pk: int) -> HttpResponse:
    space = _moderated_space(request, pk)
    form = DecisionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose to accept or decline the request."))
        return redirect("hub:space_requests", pk=space.pk)
    approve = form.cleaned_data["action"] == "approve"
    try:
        services.decide_request(
            space=space,
            membership_id=membership_pk,
            by=request.user,
            approve=approve,
            reason=form.cleaned_data["reason"],
        )
    except ValidationError as error:
        _say(request, error)
    else:
        messages.success(
            request, _("The request was accepted.") if approve else _("The request was declined.")
        )
    return redirect("hub:space_requests", pk=space.pk)


@login_required
def invite(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """Find people by name (any script) and invite them."""
    space = _moderated_space(request, pk)
    if request.method == "POST":
        form = InviteForm(request.POST)
        person = (
            User.objects.filter(pk=form.cleaned_data["user"]).first() if form.is_valid() else None
        )
        if person is None:
            messages.error(request, _("Choose the person to invite."))
        else:
            try:
                services.invite_member(space=space, user=person, by=request.user)
            except ValidationError as error:
                _say(request, error)
            else:
                messages.success(
                    request,
                    _("%(name)s was invited.") % {"name": person.display_name(get_language())},
                )
        return redirect(f"{request.path}?{urlencode({'q': request.GET.get('q', '')})}")
    search = PeopleSearchForm(request.GET)
    text = search.cleaned_data["q"] if search.is_valid() else ""
    found = invitable_people(space, text) if text else []
    return render(
        request,
        "hub/members/invite.html",
        {"space": space, "search": search, "found": found, "searched": bool(text)},
    )


@login_required
def members(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    space = _space(request, pk)
    if not request.user.has_perm("hub.view_members", space):
        raise PermissionDenied
    page = Paginator(active_members(space), MEMBERS_PER_PAGE).get_page(request.GET.get("page"))
    memberships = list(page.object_list)
    return render(
        request,
        "hub/members/list.html",
        {
            "space": space,
            "page": page,
            "memberships": memberships,
            "displays": display_names([m.user for m in memberships], get_language()),
            "can_moderate": access.can_moderate(request.user, space),
        },
    )


@login_required
def remove(request: AuthenticatedRequest, pk: int, membership_pk: int) -> HttpResponse:
    """A moderator removes a member, saying why (asked on a page of its own)."""
    space = _moderated_space(request, pk)
    membership = (
        Membership.objects.select_related("user")
        .filter(pk=membership_pk, space=space, status=MembershipStatus.ACTIVE)
        .first()
    )
    if membership is None:
        messages.error(request, _("This person is not a member of this space."))
        return redirect("hub:space_members", pk=space.pk)
    form = RemoveMemberForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.remove_member(
                space=space,
                membership_id=membership.pk,
                by=request.user,
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as error:
            if hasattr(error, "error_dict"):
                for field, field_messages in error.message_dict.items():
                    for message in field_messages:
                        form.add_error(field if field in form.fields else None, message)
            else:
                form.add_error(None, error)
        else:
            messages.success(request, _("The member was removed from the space."))
            return redirect("hub:space_members", pk=space.pk)
    return render(
        request,
        "hub/members/remove.html",
        {
            "space": space,
            "membership": membership,
            "form": form,
            "displays": display_names([membership.user], get_language()),
        },
    )
