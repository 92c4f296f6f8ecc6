"""Reads of the support office: requests as each person may see them, the staff queue, working
calendars, knowledge-base suggestions and the report's figures."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from momentum.core.text import search_terms
from momentum.support.hours import DEFAULTS, PROGRAMME, WorkingCalendarSpec
from momentum.support.models import (
    Article,
    CannedReply,
    Category,
    HeldMail,
    Holiday,
    Message,
    MessageKind,
    Request,
    Status,
    WorkingCalendar,
)

WARN_AHEAD = timedelta(hours=4)


# --- calendars ---------------------------------------------------------------------------------


def calendar_for(country: Any) -> WorkingCalendarSpec:
    """The working calendar of ``country`` (a Country or None), with its holidays. Two queries."""
    if country is None:
        zone, weekend = PROGRAMME
        return WorkingCalendarSpec(zone, weekend)
    own = WorkingCalendar.objects.filter(country=country).first()
    today = timezone.now().date()
    holidays = frozenset(
        Holiday.objects.filter(
            country=country,
            date__gte=today - timedelta(days=400),
            date__lte=today + timedelta(days=800),
        ).values_list("date", flat=True)
    )
    if own is not None:
        weekend = frozenset(int(day) for day in own.weekend_days.split(",") if day.strip())
        return WorkingCalendarSpec(own.time_zone, weekend, own.day_start, own.day_end, holidays)
    zone, weekend = DEFAULTS.get(country.code, PROGRAMME)
    return WorkingCalendarSpec(zone, weekend, holidays=holidays)


def holidays_between(country: Any, start: date, end: date) -> list[Holiday]:
    return list(Holiday.objects.filter(country=country, date__range=(start, end)))


# --- requests ----------------------------------------------------------------------------------


def requests_of(user: Any) -> QuerySet[Request]:
    """The requests ``user`` asked, newest first."""
    return (
        Request.objects.filter(requester=user)
        .select_related("category")
        .order_by("-created_at", "-pk")
    )


def get_request_for(user: Any, reference: str) -> Request:
    """The request if ``user`` may see it; 404 otherwise (nobody learns of another's)."""
    request = (
        Request.objects.visible_to(user)
        .select_related("category", "country", "requester", "assignee", "merged_into")
        .filter(reference=reference)
        .first()
    )
    if request is None:
        raise Http404
    return request


def get_request_by_token(token: str) -> Request:
    request = (
        Request.objects.select_related("category", "country", "merged_into")
        .filter(access_token=token, requester__isnull=True)
        .first()
    )
    if request is None:
        raise Http404
    return request


def conversation(request: Request, *, with_notes: bool) -> list[Message]:
    """The request's messages, oldest first, with their attachments; notes only for staff."""
    messages = request.messages.select_related("author").prefetch_related(Prefetch("attachments"))
    if not with_notes:
        messages = messages.exclude(kind=MessageKind.NOTE)
    return list(messages)


def queue_for(user: Any, *, scope: str = "mine", status: str = "") -> QuerySet[Request]:
    """The staff queue: requests of the categories ``user`` answers ("mine"), assigned to her
    ("assigned"), past a target ("breached") or all active ones ("all")."""
    requests = Request.objects.visible_to(user).select_related(
        "category", "country", "assignee", "requester"
    )
    requests = requests.filter(status=status) if status else requests.active()
    if scope == "mine":
        requests = requests.filter(Q(category__queue=user) | Q(assignee=user)).distinct()
    elif scope == "assigned":
        requests = requests.filter(assignee=user)
    elif scope == "breached":
        requests = requests.breached()
    return requests.order_by("first_response_due", "pk")


def queue_counts(user: Any) -> dict[str, int]:
    """What waits for a member of staff: unanswered requests in her queues, and misses. One
    query."""
    now = timezone.now()
    mine = Q(category__queue=user) | Q(assignee=user)
    return Request.objects.visible_to(user).aggregate(
        unanswered=Count(
            "pk",
            filter=mine & Q(status__in=(Status.NEW, Status.OPEN), first_response_at__isnull=True),
            distinct=True,
        ),
        breached=Count(
            "pk",
            filter=Q(first_response_at__isnull=True, first_response_due__lt=now)
            & Q(status__in=(Status.NEW, Status.OPEN, Status.WAITING))
            | Q(status__in=(Status.NEW, Status.OPEN), resolution_due__lt=now),
            distinct=True,
        ),
    )


def answered_for(user: Any) -> int:
    """How many of ``user``'s requests wait for her: answered and waiting, or resolved and not
    rated yet. One query."""
    return (
        Request.objects.filter(requester=user)
        .filter(Q(status=Status.WAITING) | Q(status=Status.RESOLVED, rating=""))
        .count()
    )


def staff_members() -> QuerySet[Any]:
    from momentum.people.models import Role, User

    return User.objects.filter(
        Q(role_assignments__role=Role.STAFF) | Q(is_superuser=True), is_active=True
    ).distinct()


def categories() -> QuerySet[Category]:
    return Category.objects.all()


def canned_replies(category: Category | None = None) -> QuerySet[CannedReply]:
    replies = CannedReply.objects.all()
    if category is not None:
        replies = replies.filter(Q(category=category) | Q(category__isnull=True))
    return replies


def held_mail() -> QuerySet[HeldMail]:
    return HeldMail.objects.filter(released_at__isnull=True).select_related("request")


# --- knowledge base ----------------------------------------------------------------------------


def articles_for(user: Any, language: str) -> QuerySet[Article]:
    return (
        Article.objects.visible_to(user)
        .filter(language=language)
        .select_related("category", "source")
        .order_by("title")
    )


def get_article_for(user: Any, pk: int) -> Article:
    article = (
        Article.objects.visible_to(user).select_related("source", "category").filter(pk=pk).first()
    )
    if article is None:
        raise Http404
    return article


def suggest_articles(text: str, language: str, *, limit: int = 5) -> list[Article]:
    """Published articles whose words match ``text``, folded the platform's way (Arabic forms,
    diacritics and prefixes, French accents): the reader's language first. One query."""
    terms = [term for term in search_terms(text) if len(term) >= 3][:8]
    if not terms:
        return []
    match = Q()
    for term in terms:
        match |= Q(search_key__contains=term)
    candidates = list(Article.objects.published().filter(match)[:50])
    scored = []
    for article in candidates:
        score = sum(1 for term in terms if term in article.search_key)
        scored.append(
            (-(score + (1 if article.language == language else 0)), article.title, article)
        )
    scored.sort(key=lambda row: (row[0], row[1]))
    return [row[2] for row in scored[:limit]]
