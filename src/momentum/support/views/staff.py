"""Staff pages: the queue, a request with its reply, note, assignment, status and merge forms,
the e-mails held for staff, and the report by category, sex and country."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from momentum.core.forms import add_service_errors
from momentum.people.http import AuthenticatedRequest
from momentum.support import selectors
from momentum.support.forms import AssignForm, MergeForm, NoteForm, StaffReplyForm, StatusForm
from momentum.support.models import Request, Status
from momentum.support.services import mail as mail_services
from momentum.support.services import requests as services
from momentum.support.views.common import checked_files, page_of

SCOPES = ("mine", "assigned", "breached", "all")
SMALL_CELL = 5


def _require_staff(request: AuthenticatedRequest) -> None:
    if not request.user.has_perm("support.answer"):
        raise PermissionDenied


@login_required
def queue(request: AuthenticatedRequest) -> HttpResponse:
    _require_staff(request)
    scope = request.GET.get("scope", "mine")
    scope = scope if scope in SCOPES else "mine"
    status = request.GET.get("status", "")
    status = status if status in Status.values else ""
    page = page_of(request, selectors.queue_for(request.user, scope=scope, status=status))
    return render(
        request,
        "support/queue.html",
        {
            "page": page,
            "scope": scope,
            "status": status,
            "statuses": Status.choices,
            "held_count": selectors.held_mail().count(),
        },
    )


def staff_detail(
    request: AuthenticatedRequest, support_request: Request, **forms: Any
) -> HttpResponse:
    staff = selectors.staff_members()
    canned = list(selectors.canned_replies(support_request.category))
    initial: dict[str, Any] = {"version": support_request.version}
    chosen = next(
        (reply for reply in canned if str(reply.pk) == request.GET.get("canned", "")), None
    )
    if chosen is not None:
        # A canned reply starts the answer, in the asker's language.
        initial["body"] = getattr(chosen, f"body_{support_request.language}", "") or chosen.body
    context = {
        "support_request": support_request,
        "conversation": selectors.conversation(support_request, with_notes=True),
        "reply_form": forms.get("reply_form") or StaffReplyForm(initial=initial),
        "note_form": forms.get("note_form") or NoteForm(),
        "assign_form": forms.get("assign_form")
        or AssignForm(staff=staff, initial={"assignee": support_request.assignee_id}),
        "status_form": forms.get("status_form")
        or StatusForm(
            initial={"status": support_request.status, "version": support_request.version}
        ),
        "merge_form": forms.get("merge_form") or MergeForm(),
        "canned": canned,
        "staff_view": True,
    }
    return render(request, "support/staff_detail.html", context)


def _back(support_request: Request) -> HttpResponse:
    return redirect(reverse("support:request", args=[support_request.reference]))


@login_required
@require_POST
def staff_reply(request: AuthenticatedRequest, reference: str) -> HttpResponse:
    _require_staff(request)
    support_request = selectors.get_request_for(request.user, reference)
    form = StaffReplyForm(request.POST, request.FILES or None)
    if form.is_valid():
        files = checked_files(form)
        if files is not None:
            try:
                services.reply(
                    request=support_request,
                    by=request.user,
                    body=form.cleaned_data["body"],
                    then=form.cleaned_data["then"],
                    files=files,
                    expected_version=form.cleaned_data.get("version"),
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("Your reply was sent to the asker."))
                return _back(support_request)
    return staff_detail(request, support_request, reply_form=form)


@login_required
@require_POST
def note(request: AuthenticatedRequest, reference: str) -> HttpResponse:
    _require_staff(request)
    support_request = selectors.get_request_for(request.user, reference)
    form = NoteForm(request.POST)
    if form.is_valid():
        services.add_note(request=support_request, by=request.user, body=form.cleaned_data["body"])
        messages.success(request, _("The note was added."))
        return _back(support_request)
    return staff_detail(request, support_request, note_form=form)


@login_required
@require_POST
def assign(request: AuthenticatedRequest, reference: str) -> HttpResponse:
    _require_staff(request)
    support_request = selectors.get_request_for(request.user, reference)
    form = AssignForm(request.POST, staff=selectors.staff_members())
    if form.is_valid():
        try:
            services.assign(
                request=support_request, by=request.user, assignee=form.cleaned_data["assignee"]
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The request was assigned."))
            return _back(support_request)
    return staff_detail(request, support_request, assign_form=form)


@login_required
@require_POST
def change_status(request: AuthenticatedRequest, reference: str) -> HttpResponse:
    _require_staff(request)
    support_request = selectors.get_request_for(request.user, reference)
    form = StatusForm(request.POST)
    if form.is_valid():
        try:
            services.change_status(
                request=support_request,
                by=request.user,
                status=form.cleaned_data["status"],
                expected_version=form.cleaned_data.get("version"),
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The status was changed."))
            return _back(support_request)
    return staff_detail(request, support_request, status_form=form)


@login_required
@require_POST
def merge(request: AuthenticatedRequest, reference: str) -> HttpResponse:
    _require_staff(request)
    support_request = selectors.get_request_for(request.user, reference)
    form = MergeForm(request.POST)
    if form.is_valid():
        into = Request.objects.filter(reference=form.cleaned_data["into"].strip().upper()).first()
        if into is None:
            form.add_error("into", _("No request has this reference."))
        else:
            try:
                services.merge(duplicate=support_request, into=into, by=request.user)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("The requests were merged."))
                return _back(into)
    return staff_detail(request, support_request, merge_form=form)


@login_required
def held_mail(request: AuthenticatedRequest) -> HttpResponse:
    _require_staff(request)
    page = page_of(request, selectors.held_mail())
    return render(request, "support/held_mail.html", {"page": page})


@login_required
@require_POST
def release_held(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    _require_staff(request)
    held = selectors.held_mail().filter(pk=pk).first()
    if held is None:
        raise Http404
    try:
        mail_services.release_held(
            held=held, by=request.user, attach=request.POST.get("action") == "attach"
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Your decision on the e-mail was recorded."))
    return redirect("support:held_mail")


@login_required
def report(request: AuthenticatedRequest) -> HttpResponse:
    """Requests by category, country and sex; observers see cells under five hidden."""
    if not request.user.has_perm("support.view_report"):
        raise PermissionDenied
    from momentum.support.indicators import (
        median_first_response,
        requests_received,
        satisfaction,
        within_target,
    )

    # The categories' names in the reader's language (a related field is not translated by
    # the query itself).
    language = (get_language() or "en")[:2]
    name_field = (
        f"category__name_{language}" if language in ("ar", "fr", "en") else "category__name"
    )
    rows = (
        Request.objects.exclude(status=Status.MERGED)
        .values("category__code", name_field, "country__code")
        .annotate(n=Count("pk"))
        .order_by("category__code", "country__code")
    )
    suppress = not request.user.is_programme_staff
    countries = sorted({row["country__code"] or "—" for row in rows})
    table: dict[str, dict[str, Any]] = {}
    for row in rows:
        cells = table.setdefault(row[name_field] or row["category__code"], {})
        cells[row["country__code"] or "—"] = row["n"]
    lines = [
        (name, [_cell(cells.get(code, 0), suppress) for code in countries])
        for name, cells in table.items()
    ]
    received = requests_received()
    return render(
        request,
        "support/report.html",
        {
            "countries": countries,
            "lines": lines,
            "by_sex": [(sex, _cell(n, suppress)) for sex, n in sorted(received.by_sex.items())],
            "total": received.total,
            "median_hours": median_first_response().total,
            "within_target": within_target().total,
            "satisfaction": satisfaction().total,
        },
    )


def _cell(value: int, suppress: bool) -> str:
    if suppress and 0 < value < SMALL_CELL:
        return "<5"
    return str(value)
