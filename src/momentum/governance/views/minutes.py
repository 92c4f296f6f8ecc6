"""Minutes: the page with every version and a readable diff, comments from the attendees,
and staff's steps (draft, circulate, revise, approve, publish)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from momentum.governance.forms import (
    ApproveMinutesForm,
    CirculateForm,
    MinutesCommentForm,
    MinutesTextForm,
)
from momentum.governance.models import ApprovalRoute, Minutes
from momentum.governance.selectors import meetings as selectors
from momentum.governance.services import minutes as services
from momentum.governance.views.common import require_board, require_staff, show_refusal
from momentum.people.http import AuthenticatedRequest


def _url(meeting_pk: int) -> str:
    return reverse("governance:minutes", kwargs={"pk": meeting_pk})


@login_required
def minutes_page(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    require_board(request)
    meeting = selectors.get_meeting_for(request.user, pk)
    is_staff = request.user.has_perm("governance.manage_board")
    minutes = Minutes.objects.filter(meeting=meeting).first()
    if minutes is None:
        if not is_staff:
            raise Http404
        form = MinutesTextForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            try:
                services.draft_minutes(
                    meeting=meeting, text=form.cleaned_data["text"], by=request.user
                )
            except ValidationError as error:
                show_refusal(request, error)
            else:
                messages.success(request, _("The draft minutes are saved."))
                return redirect(_url(pk))
        return render(request, "governance/minutes_draft.html", {"meeting": meeting, "form": form})
    minutes = selectors.get_minutes_for(request.user, pk)
    versions = list(minutes.versions.all())
    latest = versions[-1] if versions else None
    diff = (
        services.readable_diff(versions[-2].text, latest.text)
        if latest is not None and len(versions) > 1
        else []
    )
    return render(
        request,
        "governance/minutes.html",
        {
            "meeting": meeting,
            "minutes": minutes,
            "versions": versions,
            "latest": latest,
            "diff": diff,
            "comments": list(minutes.comments.all()),
            "is_staff": is_staff,
            "comment_form": MinutesCommentForm(),
            "revise_form": MinutesTextForm(
                initial={"text": latest.text if latest else "", "version": minutes.version}
            ),
            "circulate_form": CirculateForm(initial={"version": minutes.version}),
            "approve_form": ApproveMinutesForm(
                minutes=minutes, initial={"version": minutes.version}
            ),
        },
    )


def _minutes(request: AuthenticatedRequest, pk: int) -> Minutes:
    return selectors.get_minutes_for(request.user, pk)


@login_required
@require_POST
def minutes_comment(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    require_board(request)
    form = MinutesCommentForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError(_("Write your comment."))
        services.comment_on_minutes(
            minutes=_minutes(request, pk), by=request.user, text=form.cleaned_data["text"]
        )
    except ValidationError as error:
        show_refusal(request, error)
    else:
        messages.success(request, _("Your comment is recorded."))
    return redirect(_url(pk))


@login_required
@require_POST
def minutes_step(request: AuthenticatedRequest, pk: int, step: str) -> HttpResponse:
    """Staff's steps on the minutes: circulate, revise, approve, publish."""
    require_staff(request)
    minutes = _minutes(request, pk)
    try:
        if step == "circulate":
            form = CirculateForm(request.POST)
            if not form.is_valid():
                raise ValidationError(_("Give the deadline for comments."))
            services.circulate_minutes(
                minutes=minutes,
                comments_due=form.cleaned_data["comments_due"],
                by=request.user,
                version=form.cleaned_data["version"],
            )
            done = _("The minutes are circulated to the attendees.")
        elif step == "revise":
            text_form = MinutesTextForm(request.POST)
            if not text_form.is_valid():
                raise ValidationError(_("The minutes cannot be empty."))
            services.revise_minutes(
                minutes=minutes,
                text=text_form.cleaned_data["text"],
                by=request.user,
                version=text_form.cleaned_data["version"] or minutes.version,
            )
            done = _("A new version of the minutes is saved.")
        elif step == "approve":
            approve_form = ApproveMinutesForm(request.POST, minutes=minutes)
            if not approve_form.is_valid():
                raise ValidationError(_("Name the later meeting that approved them."))
            services.approve_minutes(
                minutes=minutes,
                by=request.user,
                route=ApprovalRoute.MEETING,
                at_meeting=approve_form.cleaned_data["at_meeting"],
                version=approve_form.cleaned_data["version"],
            )
            done = _("The minutes are approved; their text is now frozen.")
        elif step == "publish":
            services.publish_minutes(minutes=minutes, by=request.user)
            done = _("The approved minutes are published in the board's space.")
        else:
            raise Http404
    except ValidationError as error:
        show_refusal(request, error)
    else:
        messages.success(request, done)
    return redirect(_url(pk))
