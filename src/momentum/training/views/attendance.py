"""Attendance: trainers mark each participant's day from a phone, see the rates and print the
signature sheet."""

from __future__ import annotations

from datetime import date
from zoneinfo import ZoneInfo

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from momentum.core import audit
from momentum.people.http import AuthenticatedRequest
from momentum.training import analytics
from momentum.training.forms import AttendanceDayForm, AttendanceMarkForm
from momentum.training.models import (
    Attendance,
    AttendanceMark,
    Nomination,
    NominationStatus,
    Session,
)
from momentum.training.pdf import render_pdf
from momentum.training.services import attendance as services
from momentum.training.services.attendance import MARKING_STATUSES, session_days


def _session_for_attendance(request: AuthenticatedRequest, pk: int) -> Session:
    """The session, if the user may see it (else 404) and keep its attendance (else 403)."""
    session = (
        Session.objects.visible_to(request.user)
        .select_related("course", "venue_city", "venue_country")
        .prefetch_related("trainers")
        .filter(pk=pk)
        .first()
    )
    if session is None:
        raise Http404
    if not request.user.has_perm("training.mark_attendance", session):
        raise PermissionDenied
    return session


def _default_day(session: Session) -> date:
    """Today in the session's time zone, kept within the session's days."""
    today = timezone.localtime(timezone.now(), ZoneInfo(session.time_zone)).date()
    return min(max(today, session.starts_on), session.ends_on)


def _day_from(value: str | None, session: Session) -> date:
    try:
        day = date.fromisoformat(value) if value else _default_day(session)
    except ValueError:
        day = _default_day(session)
    return day if session.starts_on <= day <= session.ends_on else _default_day(session)


def _selected(session: Session) -> list[Nomination]:
    """The selected participants, by country and name (one query)."""
    return list(
        Nomination.objects.filter(session=session, status=NominationStatus.SELECTED)
        .select_related("officer__user", "officer__agency", "country")
        .order_by("country__code", "officer__user__family_name", "officer__user__given_name", "pk")
    )


def _with_marks(participants: list[Nomination], day: date) -> list[Nomination]:
    """Each participant with ``mark``, their mark on ``day`` or "" (one query)."""
    marks = dict(
        Attendance.objects.filter(
            nomination__in=[participant.pk for participant in participants], day=day
        ).values_list("nomination_id", "mark")
    )
    for participant in participants:
        participant.mark = marks.get(participant.pk, "")  # type: ignore[attr-defined]
    return participants


def _page_url(session: Session, day: date) -> str:
    return f"{reverse('training:attendance', args=[session.pk])}?day={day.isoformat()}"


@login_required
@require_http_methods(["GET", "POST"])
def attendance(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """One day's attendance: a row per participant with four buttons; each tap saves."""
    session = _session_for_attendance(request, pk)
    if request.method == "POST":
        return _save(request, session)
    day = _day_from(request.GET.get("day"), session)
    participants = _with_marks(_selected(session), day)
    days = session_days(session)
    position = days.index(day)
    return render(
        request,
        "training/attendance/mark.html",
        {
            "session": session,
            "day": day,
            "days": days,
            "day_number": position + 1,
            "previous_day": days[position - 1] if position > 0 else None,
            "next_day": days[position + 1] if position + 1 < len(days) else None,
            "participants": participants,
            "marks": AttendanceMark.choices,
            "can_mark": session.status in MARKING_STATUSES,
        },
    )


def _save(request: AuthenticatedRequest, session: Session) -> HttpResponse:
    if "everyone_present" in request.POST:
        return _save_everyone_present(request, session)
    form = AttendanceMarkForm(request.POST)
    if not form.is_valid():
        raise Http404  # a tampered or truncated request: no such participant, day or mark
    # The selected participants only, as on the page: no other nominee is reached from here.
    nomination = (
        Nomination.objects.filter(
            session=session, pk=form.cleaned_data["nomination"], status=NominationStatus.SELECTED
        )
        .select_related("officer__user", "officer__agency", "country", "session")
        .first()
    )
    if nomination is None:
        raise Http404
    nomination.session = session  # with its trainers already fetched
    day, mark = form.cleaned_data["day"], form.cleaned_data["mark"]
    error = ""
    try:
        services.mark_attendance(nomination=nomination, day=day, mark=mark, by=request.user)
    except ValidationError as refusal:
        error = " ".join(refusal.messages)
        mark = (
            Attendance.objects.filter(nomination=nomination, day=day)
            .values_list("mark", flat=True)
            .first()
            or ""
        )
    if request.htmx:
        nomination.mark = mark  # type: ignore[attr-defined]
        return render(
            request,
            "training/attendance/_row.html",
            {
                "session": session,
                "participant": nomination,
                "day": day,
                "marks": AttendanceMark.choices,
                "can_mark": True,
                "error": error,
                "saved": not error,
            },
        )
    if error:
        messages.error(request, error)
    return redirect(_page_url(session, day))


def _save_everyone_present(request: AuthenticatedRequest, session: Session) -> HttpResponse:
    form = AttendanceDayForm(request.POST)
    if not form.is_valid():
        raise Http404
    day = form.cleaned_data["day"]
    try:
        count = services.mark_everyone_present(session=session, day=day, by=request.user)
    except ValidationError as refusal:
        for message in refusal.messages:
            messages.error(request, message)
    else:
        messages.success(
            request,
            ngettext(
                "%(count)s participant not yet marked was marked present.",
                "%(count)s participants not yet marked were marked present.",
                count,
            )
            % {"count": count}
            if count
            else _("Every participant already had a mark for this day."),
        )
    return redirect(_page_url(session, day))


@login_required
@require_GET
def attendance_summary(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """Each participant's days present, late, absent, excused and attendance rate."""
    session = _session_for_attendance(request, pk)
    rows = analytics.attendance_rows(session)
    minimum = session.course.min_attendance_percent
    return render(
        request,
        "training/attendance/summary.html",
        {
            "session": session,
            "rows": rows,
            "days": len(session_days(session)),
            "minimum": minimum,
            "below_minimum": sum(1 for row in rows if (row.rate or 0) < minimum),
        },
    )


@login_required
@require_GET
def attendance_sheet(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """The printable sheet: one page per day, a signature column, in the reader's language."""
    session = _session_for_attendance(request, pk)
    language = get_language() or "en"
    participants = _selected(session)
    pdf = render_pdf(
        "training/attendance/sheet.html",
        {"session": session, "days": session_days(session), "participants": participants},
        language,
    )
    audit.record(
        request.user,
        "attendance_sheet.exported",
        session,
        participants=len(participants),
        language=language,
    )
    response = HttpResponse(pdf, content_type="application/pdf")
    filename = f"attendance-{session.course.code}-{session.starts_on:%Y-%m-%d}.pdf"
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response
