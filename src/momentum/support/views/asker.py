"""The asker's pages: ask (the header's "Help"), her requests, one request with her answer
and her one-click rating, and the files of a request."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from momentum.core.forms import add_service_errors
from momentum.people.http import AuthenticatedRequest
from momentum.support import selectors
from momentum.support.forms import AskerReplyForm, AskForm, RateForm
from momentum.support.models import Attachment, Request, Status
from momentum.support.services import requests as services
from momentum.support.views.common import checked_files, client_address, page_of


def _about(request: AuthenticatedRequest) -> tuple[str, int, str] | None:
    """What the request is opened from (``?session=`` or ``?application=``), if the asker may
    see it; anything else is ignored."""
    for kind, read in (("training.session", _session), ("mentoring.application", _application)):
        raw = request.GET.get(kind.split(".")[1]) or request.POST.get(kind.split(".")[1])
        if raw and raw.isdigit():
            try:
                return kind, int(raw), read(request.user, int(raw))
            except (Http404, PermissionDenied):
                return None
    return None


def _session(user: Any, pk: int) -> str:
    from momentum.training.selectors.catalogue import get_session_for

    return str(get_session_for(user, pk))


def _application(user: Any, pk: int) -> str:
    from momentum.mentoring.selectors.applications import get_application_for

    return str(get_application_for(user, pk))


@login_required
def ask(request: AuthenticatedRequest) -> HttpResponse:
    if not request.user.has_perm("support.ask"):
        raise PermissionDenied
    about = _about(request)
    form = AskForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        files = checked_files(form)
        if files is not None:
            try:
                opened = services.open_request(
                    by=request.user,
                    category=form.cleaned_data["category"],
                    subject=form.cleaned_data["subject"],
                    description=form.cleaned_data["description"],
                    files=files,
                    about=about,
                    address=client_address(request),
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(
                    request,
                    _("Your request %(reference)s was sent to the support office.")
                    % {"reference": opened.reference},
                )
                return redirect("support:request", reference=opened.reference)
    return render(request, "support/ask.html", {"form": form, "about": about})


@login_required
def my_requests(request: AuthenticatedRequest) -> HttpResponse:
    page = page_of(request, selectors.requests_of(request.user))
    return render(request, "support/mine.html", {"page": page})


@login_required
def request_detail(request: AuthenticatedRequest, reference: str) -> HttpResponse:
    support_request = selectors.get_request_for(request.user, reference)
    if request.user.has_perm("support.answer"):
        from momentum.support.views.staff import staff_detail

        return staff_detail(request, support_request)
    return _asker_page(request, support_request, AskerReplyForm())


def _asker_page(
    request: Any, support_request: Request, form: AskerReplyForm, *, token: str = ""
) -> HttpResponse:
    return render(
        request,
        "support/detail.html",
        {
            "support_request": support_request,
            "conversation": selectors.conversation(support_request, with_notes=False),
            "form": form,
            "may_answer": support_request.is_active or services.may_reopen(support_request),
            "may_rate": support_request.status in (Status.RESOLVED, Status.CLOSED)
            and not support_request.rating,
            "token": token,
        },
    )


def answer(request: Any, support_request: Request, *, back: str, token: str = "") -> HttpResponse:
    form = AskerReplyForm(request.POST, request.FILES or None)
    if form.is_valid():
        files = checked_files(form)
        if files is not None:
            try:
                services.add_asker_message(
                    request=support_request,
                    body=form.cleaned_data["body"],
                    by=support_request.requester,
                    files=files,
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("Your answer was sent to the support office."))
                return redirect(back)
    support_request.refresh_from_db()
    return _asker_page(request, support_request, form, token=token)


@login_required
@require_POST
def asker_answer(request: AuthenticatedRequest, reference: str) -> HttpResponse:
    support_request = selectors.get_request_for(request.user, reference)
    if not request.user.has_perm("support.view_request", support_request) or (
        support_request.requester_id != request.user.pk
    ):
        raise PermissionDenied
    return answer(
        request, support_request, back=reverse("support:request", args=[support_request.reference])
    )


def rate_and_return(request: Any, support_request: Request, back: str) -> HttpResponse:
    form = RateForm(request.POST)
    if form.is_valid():
        try:
            services.rate(request=support_request, rating=form.cleaned_data["rating"])
        except ValidationError as error:
            messages.info(request, " ".join(error.messages))
        else:
            messages.success(request, _("Thank you for telling us."))
    return redirect(back)


@login_required
@require_POST
def rate(request: AuthenticatedRequest, reference: str) -> HttpResponse:
    support_request = selectors.get_request_for(request.user, reference)
    if support_request.requester_id != request.user.pk:
        raise PermissionDenied
    back = reverse("support:request", args=[support_request.reference])
    return rate_and_return(request, support_request, back)


@login_required
def attachment(request: AuthenticatedRequest, pk: int) -> FileResponse:
    item = Attachment.objects.select_related("request").filter(pk=pk).first()
    if item is None or not request.user.has_perm("support.view_request", item.request):
        raise Http404
    return FileResponse(
        item.file.open("rb"),
        as_attachment=True,
        filename=item.name,
        content_type=item.content_type,
    )
