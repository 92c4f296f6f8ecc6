"""Sessions: the list and the page of each session, scheduling and the lifecycle (staff), and
each person's private calendar feed."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from momentum.core.models import Country
from momentum.people.http import AuthenticatedRequest
from momentum.training import calendar, selectors
from momentum.training.forms import CancelSessionForm, SessionFilterForm, SessionForm
from momentum.training.models import CalendarFeed, Session, SessionStatus
from momentum.training.services import sessions as services
from momentum.training.views.catalogue import query_without_page, show_refusal

PAGE_SIZE = 25

# The staff's buttons on a session page: action, the status it leads to, label, question.
_TRANSITION_BUTTONS = (
    (
        "open",
        SessionStatus.OPEN,
        gettext_lazy("Open nominations"),
        gettext_lazy("Open nominations for this session?"),
    ),
    (
        "selection",
        SessionStatus.SELECTION,
        gettext_lazy("Close nominations and start selection"),
        gettext_lazy("Close nominations and start the selection?"),
    ),
    (
        "confirm",
        SessionStatus.CONFIRMED,
        gettext_lazy("Confirm the session"),
        gettext_lazy(
            "Confirm the session? Each selected participant is sent an e-mail and an invitation."
        ),
    ),
    (
        "start",
        SessionStatus.RUNNING,
        gettext_lazy("Start the session"),
        gettext_lazy("Mark the session as running?"),
    ),
    (
        "complete",
        SessionStatus.COMPLETED,
        gettext_lazy("Mark as completed"),
        gettext_lazy("Mark the session as completed?"),
    ),
    (
        "close",
        SessionStatus.CLOSED,
        gettext_lazy("Close the record"),
        gettext_lazy("Close the session's record?"),
    ),
)


def _session_url(session: Session) -> str:
    return reverse("training:session", kwargs={"pk": session.pk})


def _partner_countries() -> list[Country]:
    return list(Country.objects.order_by("code"))


@login_required
def session_list(request: AuthenticatedRequest) -> HttpResponse:
    if not request.user.has_perm("training.list_sessions"):
        raise PermissionDenied
    form = SessionFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    sessions = selectors.sessions_for(
        request.user,
        status=filters.get("status", ""),
        course=filters.get("course"),
        track=filters.get("track", ""),
        when=filters.get("when", ""),
    )
    page = Paginator(sessions, PAGE_SIZE).get_page(request.GET.get("page"))
    template = "training/sessions/_results.html" if request.htmx else "training/sessions/list.html"
    return render(
        request,
        template,
        {
            "form": form,
            "page": page,
            "query": query_without_page(request),
            "can_manage": request.user.has_perm("training.manage_sessions"),
        },
    )


@login_required
def session_detail(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    session = selectors.get_session_for(request.user, pk)
    can_manage = request.user.has_perm("training.manage_sessions")
    buttons = []
    if can_manage:
        buttons = [
            {"action": action, "label": label, "question": question}
            for action, target, label, question in _TRANSITION_BUTTONS
            if session.can_move_to(target)
        ]
    quotas = list(session.quotas.all())
    languages = dict(settings.LANGUAGES)
    return render(
        request,
        "training/sessions/detail.html",
        {
            "session": session,
            "course": session.course,
            "quotas": quotas,
            "seats_shared": sum(quota.seats for quota in quotas),
            "seats_taken": sum(quota.selected for quota in quotas),
            "trainers": list(session.trainers.all()),
            "interpretation": [languages.get(code, code) for code in session.interpretation],
            "can_manage": can_manage,
            "can_edit": can_manage
            and session.status not in (SessionStatus.CLOSED, SessionStatus.CANCELLED),
            "can_cancel": can_manage and session.can_move_to(SessionStatus.CANCELLED),
            "buttons": buttons,
        },
    )


@login_required
def session_new(request: AuthenticatedRequest) -> HttpResponse:
    if not request.user.has_perm("training.manage_sessions"):
        raise PermissionDenied
    countries = _partner_countries()
    if request.method == "POST":
        form = SessionForm(request.POST, countries=countries)
        if form.is_valid():
            try:
                session = services.schedule_session(by=request.user, **form.service_arguments())
            except ValidationError as error:
                show_refusal(form, error)
            else:
                messages.success(request, _("The session was scheduled as a draft."))
                return redirect(_session_url(session))
    else:
        initial = {"time_zone": request.user.time_zone or "UTC", "language": "en"}
        course_id = request.GET.get("course", "")
        if course_id.isdigit():
            initial["course"] = course_id
        form = SessionForm(initial=initial, countries=countries)
    return render(request, "training/sessions/form.html", {"form": form, "session": None})


@login_required
def session_edit(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    session = selectors.get_session_for(request.user, pk, write=True)
    countries = _partner_countries()
    if request.method == "POST":
        form = SessionForm(request.POST, countries=countries, session=session)
        if form.is_valid():
            try:
                services.update_session(
                    by=request.user, session=session, **form.service_arguments()
                )
            except ValidationError as error:
                show_refusal(form, error)
            else:
                messages.success(request, _("The session was saved."))
                return redirect(_session_url(session))
    else:
        form = SessionForm(
            initial=SessionForm.initial_for(session), countries=countries, session=session
        )
    return render(request, "training/sessions/form.html", {"form": form, "session": session})


@login_required
@require_POST
def session_transition(request: AuthenticatedRequest, pk: int, action: str) -> HttpResponse:
    session = selectors.get_session_for(request.user, pk, write=True)
    service = services.TRANSITION_SERVICES.get(action)
    if service is None:
        raise Http404
    try:
        moved = service(by=request.user, session=session)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(
            request,
            _("The session is now “%(status)s”.") % {"status": moved.get_status_display()},
        )
    return redirect(_session_url(session))


@login_required
def session_cancel(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    session = selectors.get_session_for(request.user, pk, write=True)
    form = CancelSessionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.cancel_session(
                by=request.user, session=session, reason=form.cleaned_data["reason"]
            )
        except ValidationError as error:
            show_refusal(form, error)
        else:
            messages.success(
                request, _("The session was cancelled. Everyone concerned is being told.")
            )
            return redirect(_session_url(session))
    return render(request, "training/sessions/cancel.html", {"form": form, "session": session})


# --- the private calendar feed ---


def _feed_url(request: HttpRequest, feed: CalendarFeed) -> str:
    return request.build_absolute_uri(
        reverse("training:calendar_feed", kwargs={"token": feed.token})
    )


@login_required
def my_calendar(request: AuthenticatedRequest) -> HttpResponse:
    if not request.user.has_perm("training.use_calendar_feed"):
        raise PermissionDenied
    feed = services.calendar_feed_for(request.user)
    feed_url = _feed_url(request, feed)
    # webcal: asks the person's calendar program to subscribe rather than download once.
    subscribe_url = "webcal://" + feed_url.split("://", 1)[1]
    return render(
        request,
        "training/sessions/calendar.html",
        {"feed_url": feed_url, "subscribe_url": subscribe_url, "feed": feed},
    )


@login_required
@require_POST
def calendar_reset(request: AuthenticatedRequest) -> HttpResponse:
    if not request.user.has_perm("training.use_calendar_feed"):
        raise PermissionDenied
    services.reset_calendar_feed(user=request.user)
    messages.success(
        request,
        _(
            "Your calendar has a new address. Add it to your calendar again: the old one "
            "stopped working."
        ),
    )
    return redirect(reverse("training:calendar"))


@require_GET
def calendar_feed(request: HttpRequest, token: str) -> HttpResponse:
    """The feed, for calendar programs: no sign-in, the token is the key. Any unknown token
    gets the same 404."""
    feed = CalendarFeed.objects.select_related("user").filter(token=token).first()
    if feed is None or not feed.user.is_active:
        raise Http404
    sessions = selectors.calendar_sessions(feed.user)
    body = calendar.feed(sessions, language=translation.get_language() or "en")
    response = HttpResponse(body, content_type=calendar.CONTENT_TYPE)
    response["Cache-Control"] = "private, max-age=900"
    response["X-Robots-Tag"] = "noindex"
    return response
