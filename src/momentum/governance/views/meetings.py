"""Meetings: the list, scheduling (staff), each meeting's page with its agenda, documents,
attendance, quorum and motions, the .ics file, and the actions on it."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from momentum.core.forms import add_service_errors
from momentum.governance.calendar import CONTENT_TYPE, meeting_ics
from momentum.governance.forms import (
    AttendanceForm,
    DocumentForm,
    InvitationAnswerForm,
    MeetingForm,
    MotionForm,
    VoteForm,
)
from momentum.governance.models import (
    PRESENT_STATUSES,
    AgendaItem,
    BoardMember,
    MeetingDocument,
    MeetingStatus,
    MotionStatus,
    Seat,
)
from momentum.governance.quorum import quorum_needed
from momentum.governance.selectors import meetings as selectors
from momentum.governance.selectors.board import own_terms
from momentum.governance.services import decisions as decision_services
from momentum.governance.services import meetings as services
from momentum.governance.views.board import _attachment
from momentum.governance.views.common import require_board, require_staff, show_refusal
from momentum.people.http import AuthenticatedRequest


def _meeting_url(pk: int) -> str:
    return reverse("governance:meeting", kwargs={"pk": pk})


@login_required
def meeting_list(request: AuthenticatedRequest) -> HttpResponse:
    meetings = list(selectors.meetings_for(request.user))
    now = timezone.now()
    return render(
        request,
        "governance/meetings.html",
        {
            "upcoming": [
                m for m in meetings if m.ends_at >= now and m.status != MeetingStatus.CANCELLED
            ][::-1],
            "past": [m for m in meetings if m.ends_at < now or m.status == MeetingStatus.CANCELLED],
            "is_staff": request.user.has_perm("governance.manage_board"),
        },
    )


@login_required
def meeting_new(request: AuthenticatedRequest) -> HttpResponse:
    require_staff(request)
    form = MeetingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            meeting = services.schedule_meeting(
                kind=data["kind"],
                format=data["format"],
                titles={code: data[f"title_{code}"] for code in ("ar", "fr", "en")},
                starts_at=data["starts_at"],
                ends_at=data["ends_at"],
                location=data["location"],
                online_link=data["online_link"],
                requested_by=data["requested_by"],
                quorum_rule=data["quorum_rule"],
                agenda=form.agenda(),
                by=request.user,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The meeting is scheduled."))
            return redirect(_meeting_url(meeting.pk))
    return render(request, "governance/meeting_form.html", {"form": form})


def _vote_context(user: Any, item: AgendaItem) -> dict[str, Any]:
    motion = getattr(item, "motion", None)
    if motion is None:
        return {}
    votes = list(motion.votes.all())
    mandates = (
        decision_services.mandates_for(user, motion) if motion.status == MotionStatus.OPEN else []
    )
    voted = {vote.country_id for vote in votes}
    return {
        "votes": votes,
        "can_vote": [m for m in mandates if m.country_id not in voted]
        if motion.closes_at > timezone.now()
        else [],
        "tally": {
            choice: sum(1 for v in votes if v.choice == choice)
            for choice in ("yes", "no", "abstain")
        },
    }


@login_required
def meeting_detail(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    meeting = selectors.get_meeting_for(request.user, pk)
    attendances = list(meeting.attendances.all())
    present = sum(1 for a in attendances if a.status in PRESENT_STATUSES)
    items = [(item, _vote_context(request.user, item)) for item in meeting.agenda.all()]
    terms = own_terms(request.user, timezone.localdate(meeting.starts_at))
    representative = next((t for t in terms if t.seat == Seat.REPRESENTATIVE), None)
    my_attendance = next(
        (a for a in attendances if representative and a.country_id == representative.country_id),
        None,
    )
    answer_form = None
    if representative and my_attendance and meeting.status == MeetingStatus.CONVENED:
        answer_form = InvitationAnswerForm(
            proxies=BoardMember.objects.current()
            .exclude(pk=representative.pk)
            .select_related("user", "country")
        )
    is_staff = request.user.has_perm("governance.manage_board")
    return render(
        request,
        "governance/meeting.html",
        {
            "meeting": meeting,
            "items": items,
            "attendances": attendances,
            "present": present,
            "quorum": quorum_needed(meeting.quorum_rule, len(attendances)),
            "notice_respected": services.notice_respected(meeting),
            "my_attendance": my_attendance,
            "answer_form": answer_form,
            "is_staff": is_staff,
            "document_form": DocumentForm() if is_staff else None,
            "attendance_form": AttendanceForm() if is_staff else None,
            "proxy_choices": list(BoardMember.objects.current().select_related("user", "country"))
            if is_staff
            else [],
            "vote_form": VoteForm(),
            "has_minutes": hasattr(meeting, "minutes"),
            "loose_documents": [d for d in meeting.documents.all() if d.agenda_item_id is None],
        },
    )


@login_required
def meeting_ics_file(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    meeting = selectors.get_meeting_for(request.user, pk)
    language = request.user.preferred_language or get_language() or "en"
    response = HttpResponse(meeting_ics(meeting, language), content_type=CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="board-meeting-{meeting.pk}.ics"'
    return response


@login_required
@require_POST
def meeting_invite(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    require_staff(request)
    meeting = selectors.get_meeting_for(request.user, pk)
    try:
        count = services.send_invitations(meeting=meeting, by=request.user)
    except ValidationError as error:
        show_refusal(request, error)
    else:
        messages.success(
            request, _("Invitations were sent to %(count)s countries.") % {"count": count}
        )
    return redirect(_meeting_url(pk))


@login_required
@require_POST
def meeting_answer(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    require_board(request)
    meeting = selectors.get_meeting_for(request.user, pk)
    form = InvitationAnswerForm(
        request.POST, proxies=BoardMember.objects.current().select_related("user", "country")
    )
    if not form.is_valid():
        messages.error(request, _("Say whether you will attend."))
        return redirect(_meeting_url(pk))
    try:
        services.answer_invitation(
            meeting=meeting,
            by=request.user,
            attending=form.cleaned_data["attending"],
            proxy=form.cleaned_data["proxy"],
        )
    except ValidationError as error:
        show_refusal(request, error)
    else:
        messages.success(request, _("Your answer is recorded."))
    return redirect(_meeting_url(pk))


@login_required
@require_POST
def meeting_attendance(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    require_staff(request)
    meeting = selectors.get_meeting_for(request.user, pk)
    form = AttendanceForm(request.POST)
    if form.is_valid():
        try:
            services.record_attendance(
                meeting=meeting,
                country_id=form.cleaned_data["country"],
                status=form.cleaned_data["status"],
                proxy=form.cleaned_data["proxy"],
                by=request.user,
            )
        except ValidationError as error:
            show_refusal(request, error)
        else:
            messages.success(request, _("Attendance recorded."))
    else:
        messages.error(request, _("Choose the attendance to record."))
    return redirect(_meeting_url(pk))


@login_required
@require_POST
def meeting_held(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    require_staff(request)
    meeting = selectors.get_meeting_for(request.user, pk)
    try:
        services.mark_held(meeting=meeting, by=request.user)
    except ValidationError as error:
        show_refusal(request, error)
    else:
        messages.success(request, _("The meeting is recorded as held."))
    return redirect(_meeting_url(pk))


@login_required
@require_POST
def meeting_document_add(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    require_staff(request)
    meeting = selectors.get_meeting_for(request.user, pk)
    form = DocumentForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.add_document(
                meeting=meeting,
                title=form.cleaned_data["title"],
                language=form.cleaned_data["language"],
                file=form.cleaned_data["file"],
                url=form.cleaned_data["url"],
                by=request.user,
            )
        except ValidationError as error:
            show_refusal(request, error)
        else:
            messages.success(request, _("The document is added to the meeting."))
    else:
        messages.error(request, _("Give the document a title and a file or a link."))
    return redirect(_meeting_url(pk))


@login_required
def document_download(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    require_board(request)
    document = get_object_or_404(MeetingDocument, pk=pk)
    if document.file:
        return _attachment(document.file)
    if document.url:
        return redirect(document.url)
    raise Http404


@login_required
def motion_new(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    require_staff(request)
    item = get_object_or_404(AgendaItem.objects.select_related("meeting"), pk=pk)
    form = MotionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            decision_services.propose_motion(
                agenda_item=item,
                texts={code: data[f"text_{code}"] for code in ("ar", "fr", "en")},
                authoritative_language=data["authoritative_language"],
                majority=data["majority"],
                closes_at=data["closes_at"],
                by=request.user,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The motion is put to the vote."))
            return redirect(_meeting_url(item.meeting_id))
    return render(request, "governance/motion_form.html", {"form": form, "item": item})


@login_required
@require_POST
def motion_vote(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    require_board(request)
    motion = selectors.get_motion_for(request.user, pk)
    form = VoteForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose yes, no or abstain."))
    else:
        try:
            decision_services.cast_vote(
                motion=motion,
                by=request.user,
                choice=form.cleaned_data["choice"],
                country=form.cleaned_data["country"],
            )
        except ValidationError as error:
            show_refusal(request, error)
        else:
            messages.success(request, _("Your country's vote is recorded."))
    return redirect(_meeting_url(motion.agenda_item.meeting_id) + f"#item-{motion.agenda_item_id}")


@login_required
@require_POST
def motion_close(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    require_staff(request)
    motion = selectors.get_motion_for(request.user, pk)
    try:
        closed = decision_services.close_motion(motion=motion, by=request.user)
    except ValidationError as error:
        show_refusal(request, error)
    else:
        messages.success(request, closed.outcome_reason)
    return redirect(_meeting_url(motion.agenda_item.meeting_id))
