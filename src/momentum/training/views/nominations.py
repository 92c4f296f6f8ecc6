"""Nominations and selection: focal points nominate their country's officers for a session,
staff select on one board per session, officers follow where their nominations stand."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import groupby
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import prefetch_related_objects
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from momentum.core.forms import add_service_errors
from momentum.core.models import Country
from momentum.people.http import AuthenticatedRequest
from momentum.people.models import Profile, RankLevel, Role, User
from momentum.training import selectors
from momentum.training.forms import CandidateSearchForm, DecisionForm, NominationForm, WithdrawForm
from momentum.training.models import Nomination, NominationStatus, SeatQuota, Session, SessionStatus
from momentum.training.services import nominations as services

# How many officers the nomination page offers at once: a search narrows the rest.
CANDIDATES_SHOWN = 20
# Each row of the board carries its decision forms: 25 rows a page, like every list, keep the
# page quick (100 rows took four times as long to render); the filters narrow a country.
BOARD_PAGE_SIZE = 25


def _nominating_countries(user: User, session: Session) -> list[Country]:
    """The countries the user nominates for: staff, those with seats in the session (or any,
    before seats are shared out); a focal point, their own."""
    if user.is_programme_staff:
        with_seats = Country.objects.filter(
            pk__in=SeatQuota.objects.filter(session=session).values("country")
        )
        return list(with_seats) or list(Country.objects.all())
    return list(Country.objects.filter(pk__in=user.countries_for(Role.FOCAL_POINT)))


def _chosen_country(request: AuthenticatedRequest, countries: list[Country]) -> Country:
    code = (request.GET.get("country") or "").upper()
    if not code:
        if not countries:
            raise PermissionDenied
        return countries[0]
    for country in countries:
        if country.code == code:
            return country
    # Another country's nominations are not the user's to see or make.
    raise PermissionDenied


def _nominations_open(session: Session) -> bool:
    return session.status == SessionStatus.OPEN and timezone.now() <= session.nomination_deadline


@login_required
def nominate(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    user = request.user
    session = selectors.get_session_for_nominations(user, pk)
    if not user.has_perm("training.nominate", session):
        raise PermissionDenied
    countries = _nominating_countries(user, session)
    country = _chosen_country(request, countries)
    course = session.course
    prefetch_related_objects([course], "target_areas")
    quota = SeatQuota.objects.filter(session=session, country=country).first()
    search = CandidateSearchForm({"q": request.GET.get("q", "")})
    text = search.cleaned_data["q"] if search.is_valid() else ""
    found = list(selectors.nomination_candidates(session, country, text)[: CANDIDATES_SHOWN + 1])
    more_found, found = len(found) > CANDIDATES_SHOWN, found[:CANDIDATES_SHOWN]
    is_open = _nominations_open(session) and quota is not None
    form = None
    if is_open:
        if request.method == "POST":
            chosen = request.POST.get("officer", "")
            if chosen.isdigit() and all(profile.pk != int(chosen) for profile in found):
                # Keep the officer chosen before a refusal on offer, if the user may see them.
                found += list(
                    Profile.objects.visible_to(user).with_related().filter(pk=int(chosen))
                )
        ineligible = {
            profile.pk: reason
            for profile in found
            if (reason := services.ineligibility(course, profile))
        }
        form = NominationForm(
            request.POST if request.method == "POST" else None,
            course=course,
            candidates=found,
            ineligible=ineligible,
        )
        if form.is_bound and form.is_valid():
            data = form.cleaned_data
            try:
                nomination = services.nominate_officer(
                    session=session,
                    officer=data["officer"],
                    by=user,
                    justification=data["justification"],
                    motivation=data.get("motivation", ""),
                    supervisor_name=data.get("supervisor_name", ""),
                    supervisor_endorsement=data.get("supervisor_endorsement", ""),
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(
                    request,
                    _("%(name)s was nominated for %(course)s.")
                    % {
                        "name": nomination.officer.user.display_name(get_language()),
                        "course": course.title,
                    },
                )
                return redirect(_nominate_url(session, nomination.country))
    elif request.method == "POST":
        messages.error(request, _("Nominations to this session are closed."))
        return redirect(_nominate_url(session, country))
    made = (
        selectors.with_officers(
            selectors.session_nominations_for(user, session).filter(country=country)
        )
        .select_related("nominated_by")
        .order_by("created_at", "pk")
    )
    return render(
        request,
        "training/nominations/nominate.html",
        {
            "session": session,
            "course": course,
            "country": country,
            "countries": countries,
            "quota": quota,
            "rank_levels": [
                RankLevel(level).label
                for level in course.target_rank_levels
                if level in RankLevel.values
            ],
            "is_open": is_open,
            "search": search,
            "form": form,
            "found": found,
            "more_found": more_found,
            "nominations": made,
            "can_invite": user.has_perm("people.invite", None),
            "withdrawal_open": session.status in services.WITHDRAWAL_STATUSES,
        },
    )


def _nominate_url(session: Session, country: Country) -> str:
    url = reverse("training:nominate", kwargs={"pk": session.pk})
    return f"{url}?{urlencode({'country': country.code})}"


@login_required
@require_POST
def withdraw(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """A focal point (or staff) takes back a nomination, or withdraws a selected participant."""
    user = request.user
    nomination = get_object_or_404(
        Nomination.objects.visible_to(user).select_related("session", "country", "officer__user"),
        pk=pk,
    )
    if not user.has_perm("training.withdraw_nomination", nomination):
        raise PermissionDenied
    form = WithdrawForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    try:
        if nomination.status == NominationStatus.SELECTED:
            promoted = services.withdraw_participant(nomination=nomination, by=user, reason=reason)
        else:
            promoted = None
            services.withdraw_nomination(nomination=nomination, by=user, reason=reason)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        name = nomination.officer.user.display_name()
        messages.success(request, _("The nomination of %(name)s was withdrawn.") % {"name": name})
        if promoted is not None:
            messages.info(request, _promoted_message(promoted))
    return redirect(_nominate_url(nomination.session, nomination.country))


def _promoted_message(promoted: Nomination) -> str:
    return _("%(name)s, first on the waiting list, was offered the seat and is now selected.") % {
        "name": promoted.officer.user.display_name()
    }


@dataclass(frozen=True)
class BoardCountry:
    """One country's part of a board page: its rows, pending ones first, and how many of its
    nominations (on every page) await a decision — its section is open while some do."""

    country: Country
    waiting: int
    rows: list[Nomination]


def _by_country(rows: Iterable[Nomination]) -> Iterator[tuple[int, list[Nomination]]]:
    for country_id, group in groupby(rows, key=lambda nomination: nomination.country_id):
        yield country_id, list(group)


def _board_context(session: Session) -> dict[str, object]:
    return {"session": session, "summary": selectors.selection_summary(session)}


@login_required
def selection_board(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    user = request.user
    if not user.has_perm("training.select"):
        raise PermissionDenied
    session = selectors.get_session_for_nominations(user, pk)
    country = request.GET.get("country", "").upper()
    status = request.GET.get("status", "")
    nominations = selectors.board_nominations(session, country=country, status=status)
    # The page is chosen on the nominations alone, then its rows are read with their officers.
    page = Paginator(nominations.only("pk"), BOARD_PAGE_SIZE).get_page(request.GET.get("page"))
    page.object_list = selectors.with_officers_in_order(page.object_list)
    query = request.GET.copy()
    query.pop("page", None)
    summary = selectors.selection_summary(session)
    waiting = {line.country.pk: line.waiting for line in summary.countries}
    groups = [
        BoardCountry(country=rows[0].country, waiting=waiting.get(country_id, 0), rows=rows)
        for country_id, rows in _by_country(page.object_list)
    ]
    return render(
        request,
        "training/nominations/board.html",
        {
            "session": session,
            "summary": summary,
            "page": page,
            "groups": groups,
            "query": query.urlencode(),
            "export_query": urlencode({"country": country, "status": status}),
            "country_filter": country,
            "status_filter": status,
            "statuses": NominationStatus.choices,
            "can_decide": session.status in services.DECISION_STATUSES,
            "can_withdraw": session.status in services.WITHDRAWAL_STATUSES,
        },
    )


@login_required
def selection_export(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """The selection board as XLSX, with the board's filters: staff only, audited."""
    from momentum.training.exports import XLSX_CONTENT_TYPE, selection_workbook

    user = request.user
    if not user.has_perm("training.select"):
        raise PermissionDenied
    session = selectors.get_session_for_nominations(user, pk)
    data = selection_workbook(
        user=user,
        session=session,
        language=request.LANGUAGE_CODE,
        country=request.GET.get("country", ""),
        status=request.GET.get("status", ""),
    )
    response = HttpResponse(data, content_type=XLSX_CONTENT_TYPE)
    filename = f"selection-{session.pk}-{session.starts_on:%Y%m%d}.xlsx"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
@require_POST
def decide(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """Select, waitlist, decline or withdraw one nomination from the selection board."""
    user = request.user
    if not user.has_perm("training.select"):
        raise PermissionDenied
    nomination = get_object_or_404(Nomination.objects.select_related("session"), pk=pk)
    form = DecisionForm(request.POST)
    error: str = ""
    promoted: Nomination | None = None
    if not form.is_valid():
        error = _("Choose what to do with this nomination.")
    else:
        action = form.cleaned_data["action"]
        reason = form.cleaned_data["reason"]
        try:
            if action == DecisionForm.SELECT:
                services.select_nomination(nomination=nomination, by=user)
            elif action == DecisionForm.WAITLIST:
                services.waitlist_nomination(nomination=nomination, by=user)
            elif action == DecisionForm.DECLINE:
                services.decline_nomination(nomination=nomination, by=user, reason=reason)
            else:
                promoted = services.withdraw_participant(
                    nomination=nomination, by=user, reason=reason
                )
        except ValidationError as refusal:
            error = " ".join(refusal.messages)
    session = nomination.session
    if not request.htmx:
        if error:
            messages.error(request, error)
        else:
            messages.success(request, _("The decision was saved."))
            if promoted is not None:
                messages.info(request, _promoted_message(promoted))
        board = reverse("training:selection_board", kwargs={"pk": session.pk})
        return redirect(f"{board}#nomination-{nomination.pk}")
    # htmx: the row in place, and the summary (and a promoted row) swapped out of band.
    changed = [nomination.pk] + ([promoted.pk] if promoted is not None else [])
    rows = {
        row.pk: row for row in selectors.with_officers(Nomination.objects.filter(pk__in=changed))
    }
    return render(
        request,
        "training/nominations/_decision_response.html",
        {
            **_board_context(session),
            "nomination": rows[nomination.pk],
            "promoted": rows.get(promoted.pk) if promoted is not None else None,
            "error": error,
            "can_decide": session.status in services.DECISION_STATUSES,
            "can_withdraw": session.status in services.WITHDRAWAL_STATUSES,
        },
    )


@login_required
def my_nominations(request: AuthenticatedRequest) -> HttpResponse:
    page = Paginator(selectors.my_nominations(request.user), 20).get_page(request.GET.get("page"))
    return render(request, "training/nominations/mine.html", {"page": page})
