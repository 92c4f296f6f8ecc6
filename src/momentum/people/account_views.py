"""Staff pages for accounts: every person on the platform, their roles, their access."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from momentum.people import selectors, services
from momentum.people.forms import AccountFilterForm, RoleAssignmentForm
from momentum.people.http import AuthenticatedRequest
from momentum.people.models import RoleAssignment, User, users_with_roles


def _require_staff(request: AuthenticatedRequest) -> None:
    if not request.user.has_perm("people.manage_accounts"):
        raise PermissionDenied


@login_required
def account_list(request: AuthenticatedRequest) -> HttpResponse:
    _require_staff(request)
    form = AccountFilterForm(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    accounts = selectors.accounts_for(
        request.user,
        text=data.get("q", ""),
        role=data.get("role", ""),
        country=data.get("country"),
    )
    page = Paginator(accounts, 25).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "people/account_list.html",
        {"form": form, "page": page, "query": query.urlencode()},
    )


@login_required
def account_detail(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    _require_staff(request)
    account = get_object_or_404(users_with_roles(), pk=pk)
    form = RoleAssignmentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.assign_role(
                user=account,
                role=form.cleaned_data["role"],
                country=form.cleaned_data["country"],
                by=request.user,
            )
        except ValidationError as error:
            for field, field_messages in error.message_dict.items():
                for message in field_messages:
                    form.add_error(field if field in form.fields else None, message)
        else:
            messages.success(request, _("The role was given."))
            return redirect("people:account", pk=account.pk)
    return render(request, "people/account_detail.html", {"account": account, "form": form})


@login_required
@require_POST
def role_remove(request: AuthenticatedRequest, pk: int, assignment_pk: int) -> HttpResponse:
    _require_staff(request)
    assignment = get_object_or_404(
        RoleAssignment.objects.select_related("user", "country"), pk=assignment_pk, user_id=pk
    )
    if assignment.user_id == request.user.pk and assignment.role == "staff":
        messages.error(request, _("You cannot remove your own staff role."))
    else:
        services.remove_role(assignment=assignment, by=request.user)
        messages.success(request, _("The role was removed."))
    return redirect("people:account", pk=pk)


@login_required
@require_POST
def account_set_active(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    _require_staff(request)
    account = get_object_or_404(User, pk=pk)
    active = request.POST.get("active") == "1"
    if account.pk == request.user.pk:
        messages.error(request, _("You cannot deactivate your own account."))
    else:
        services.set_account_active(user=account, active=active, by=request.user)
        messages.success(
            request,
            _("The account was reactivated.")
            if active
            else _("The account was deactivated. Its sessions and tokens stop working."),
        )
    return redirect("people:account", pk=pk)
