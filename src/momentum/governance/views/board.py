"""The board's page (members, current and past, and the warnings for staff), appointing a
member, the nomination letter, and the commitment to human rights and equality."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from momentum.core.forms import add_service_errors
from momentum.governance.forms import MemberForm
from momentum.governance.selectors import board as selectors
from momentum.governance.services import members as services
from momentum.governance.views.common import require_board, require_staff
from momentum.people.http import AuthenticatedRequest


@login_required
def board(request: AuthenticatedRequest) -> HttpResponse:
    members = selectors.members_for(request.user)
    today = timezone.localdate()
    current = [member for member in members if member.is_current(today)]
    past = [member for member in members if member.term_end is not None and member.term_end < today]
    is_staff = request.user.has_perm("governance.manage_board")
    return render(
        request,
        "governance/board.html",
        {
            "current": current,
            "past": past,
            "warnings": selectors.board_warnings(today=today) if is_staff else [],
            "is_staff": is_staff,
            "own_terms": [m for m in current if m.user_id == request.user.pk],
        },
    )


@login_required
def member_new(request: AuthenticatedRequest) -> HttpResponse:
    require_staff(request)
    form = MemberForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.appoint_member(
                user=data["email"],
                country=data["country"],
                seat=data["seat"],
                institution=data["institution"],
                function=data["function"],
                sex=data["sex"],
                languages=",".join(data["languages"]),
                term_start=data["term_start"],
                term_end=data["term_end"],
                nomination_letter=data["nomination_letter"],
                by=request.user,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The member's term is recorded."))
            return redirect("governance:board")
    return render(request, "governance/member_form.html", {"form": form})


@login_required
def member_letter(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    require_staff(request)
    member = selectors.get_member_for(request.user, pk)
    if not member.nomination_letter:
        raise Http404
    return _attachment(member.nomination_letter)


def _attachment(stored: Any) -> HttpResponse:
    """A small stored file, read whole and closed at once (letters and papers are small)."""
    with stored.open("rb") as handle:
        content = handle.read()
    response = HttpResponse(content, content_type="application/octet-stream")
    name = Path(stored.name).name
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@login_required
def commitment(request: AuthenticatedRequest) -> HttpResponse:
    require_board(request)
    terms = selectors.own_terms(request.user)
    if not terms:
        raise Http404
    if request.method == "POST":
        for term in terms:
            services.accept_commitment(
                member=term, by=request.user, language=get_language() or "en"
            )
        messages.success(request, _("Thank you: your commitment is recorded."))
        return redirect("governance:board")
    return render(request, "governance/commitment.html", {"terms": terms})
