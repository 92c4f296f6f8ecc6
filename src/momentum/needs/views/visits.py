"""A visit's participants (with their sex) and documents: read by whoever sees the visit,
kept up to date by programme staff."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from momentum.core.forms import add_service_errors
from momentum.needs import selectors
from momentum.needs.forms import DocumentForm, ParticipantForm
from momentum.needs.models import VisitDocument, VisitParticipant
from momentum.needs.services import rounds as services
from momentum.people.http import AuthenticatedRequest
from momentum.people.models import Sex


@login_required
def visit_participants(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    visit = selectors.get_visit_for(request.user, pk)
    can_manage = request.user.has_perm("needs.manage")
    form = ParticipantForm(request.POST or None)
    if request.method == "POST":
        if not can_manage:
            raise PermissionDenied
        if form.is_valid():
            try:
                services.add_participant(by=request.user, visit=visit, **form.cleaned_data)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("The participant is recorded."))
                return redirect("needs:visit_participants", pk=visit.pk)
    participants = list(visit.participants.all())
    by_sex = [
        (label, sum(1 for person in participants if person.sex == value))
        for value, label in Sex.choices
    ]
    return render(
        request,
        "needs/visits/participants.html",
        {
            "visit": visit,
            "participants": participants,
            "by_sex": by_sex,
            "form": form,
            "can_manage": can_manage,
        },
        status=422 if form.errors else 200,
    )


@login_required
@require_POST
def visit_participant_remove(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    participant = get_object_or_404(VisitParticipant, pk=pk)
    visit = selectors.get_visit_for(request.user, participant.visit_id)
    if not request.user.has_perm("needs.manage"):
        raise PermissionDenied
    services.remove_participant(by=request.user, participant=participant)
    messages.success(request, _("The participant was removed."))
    return redirect("needs:visit_participants", pk=visit.pk)


@login_required
def visit_documents(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    visit = selectors.get_visit_for(request.user, pk)
    can_manage = request.user.has_perm("needs.manage")
    form = DocumentForm(request.POST or None, request.FILES or None)
    if request.method == "POST":
        if not can_manage:
            raise PermissionDenied
        if form.is_valid():
            try:
                services.attach_visit_document(
                    by=request.user,
                    visit=visit,
                    title=form.cleaned_data["title"],
                    upload=form.cleaned_data["file"],
                )
            except ValidationError as error:
                form.add_error("file", error.messages[0])
            else:
                messages.success(request, _("The document is attached."))
                return redirect("needs:visit_documents", pk=visit.pk)
    return render(
        request,
        "needs/visits/documents.html",
        {
            "visit": visit,
            "documents": list(visit.documents.select_related("uploaded_by")),
            "form": form,
            "can_manage": can_manage,
        },
        status=422 if form.errors else 200,
    )


@login_required
def visit_document_file(request: AuthenticatedRequest, pk: int) -> FileResponse:
    document = get_object_or_404(VisitDocument, pk=pk)
    selectors.get_visit_for(request.user, document.visit_id)
    name = (document.file.name or "document").rsplit("/", 1)[-1]
    return FileResponse(document.file.open("rb"), as_attachment=True, filename=name)
