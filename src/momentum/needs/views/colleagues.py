"""Colleagues a focal point asks to answer sections of her country's questionnaire: who
answers what, asking one more, and withdrawing the request."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from momentum.core.forms import add_service_errors
from momentum.needs import selectors
from momentum.needs.forms import ColleagueForm
from momentum.needs.models import Contributor
from momentum.needs.services import submissions as services
from momentum.people.http import AuthenticatedRequest
from momentum.people.models import User


@login_required
def colleagues(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    submission = selectors.get_submission_for(request.user, pk)
    if not request.user.has_perm("needs.see_colleagues", submission):
        raise PermissionDenied
    may_invite = request.user.has_perm("needs.invite_colleagues", submission)
    form = ColleagueForm(request.POST or None, questionnaire_id=submission.questionnaire_id)
    if request.method == "POST":
        if not may_invite:
            raise PermissionDenied
        if form.is_valid():
            colleague = User.objects.filter(email__iexact=form.cleaned_data["email"]).first()
            if colleague is None:
                form.add_error(
                    "email",
                    _(
                        "No account has this address: invite your colleague to the platform "
                        "first, then ask her to answer."
                    ),
                )
            else:
                try:
                    services.invite_colleague(
                        by=request.user,
                        submission=submission,
                        colleague=colleague,
                        section_ids=[section.pk for section in form.cleaned_data["sections"]],
                    )
                except ValidationError as error:
                    add_service_errors(form, error)
                else:
                    messages.success(
                        request, _("Your colleague was asked to answer and was notified.")
                    )
                    return redirect("needs:submission_colleagues", pk=submission.pk)
    contributors = list(
        Contributor.objects.filter(submission=submission)
        .select_related("user")
        .prefetch_related("sections")
    )
    return render(
        request,
        "needs/submissions/colleagues.html",
        {
            "submission": submission,
            "contributors": contributors,
            "form": form,
            "may_invite": may_invite,
        },
        status=422 if form.errors else 200,
    )


@login_required
@require_POST
def colleague_remove(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    contributor = get_object_or_404(Contributor, pk=pk)
    submission = selectors.get_submission_for(request.user, contributor.submission_id)
    if not request.user.has_perm("needs.invite_colleagues", submission):
        raise PermissionDenied
    services.remove_colleague(by=request.user, contributor=contributor)
    messages.success(request, _("Your colleague no longer answers this questionnaire."))
    return redirect("needs:submission_colleagues", pk=submission.pk)
