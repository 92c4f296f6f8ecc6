from __future__ import annotations

import csv
import json
import logging
from collections.abc import Iterator
from io import BytesIO

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import DatabaseError, connection
from django.http import (
    HttpRequest,
    HttpResponse,
    HttpResponseServerError,
    JsonResponse,
    StreamingHttpResponse,
)
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST
from django_htmx.middleware import HtmxDetails
from django_tasks_db.models import DBTaskResult

from momentum.core import audit, notifications
from momentum.core.forms import AuditFilterForm
from momentum.core.models import AuditEntry, Country
from momentum.core.selectors import audit_entries, audit_verbs, get_job_for

logger = logging.getLogger(__name__)


@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    """200 when the database, the task queue and a task worker answer, 503 otherwise.

    ``workers`` is "unavailable" when no worker has renewed its heartbeat for
    ``WORKER_SILENCE_SECONDS``; the figures say when one was last seen and how long the oldest
    waiting task has waited (seconds), for a monitor to graph."""
    from momentum.core.workers import queue_health

    checks: dict[str, str] = {}
    figures: dict[str, int | None] = {}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        checks["database"] = "ok"
    except DatabaseError:
        checks["database"] = "unavailable"
    try:
        DBTaskResult.objects.exists()
        checks["tasks"] = "ok"
    except DatabaseError:
        checks["tasks"] = "unavailable"
    try:
        health = queue_health()
        checks["workers"] = health.pop("workers")
        figures = health
    except DatabaseError:
        checks["workers"] = "unavailable"
    healthy = all(value == "ok" for value in checks.values())
    body: dict[str, object] = {"status": "ok" if healthy else "unavailable", "checks": checks}
    if figures:
        body["queue"] = figures
    return JsonResponse(body, status=200 if healthy else 503)


# The API's one error shape (see momentum.api), for errors raised before a route is found.
_API_ERRORS = {
    400: ("bad_request", "The request is not valid."),
    403: ("forbidden", "You do not have permission to do this."),
    404: ("not_found", "Not found."),
    500: ("server_error", "An error occurred on our side and has been recorded."),
}


def _is_api(request: HttpRequest) -> bool:
    return request.path.startswith("/api/")


def _api_error(status: int) -> JsonResponse:
    code, message = _API_ERRORS[status]
    return JsonResponse({"error": {"code": code, "message": message}}, status=status)


def _render_error(request: HttpRequest, status: int, title: str, message: str) -> HttpResponse:
    if _is_api(request):
        return _api_error(status)
    return render(
        request, "error.html", {"status": status, "title": title, "message": message}, status=status
    )


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _render_error(
        request, 400, _("Bad request"), _("The request could not be understood. Please try again.")
    )


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _render_error(
        request,
        403,
        _("Access denied"),
        _(
            "You do not have permission to see this page. If you think you should, "
            "ask the programme's support office."
        ),
    )


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _render_error(
        request,
        404,
        _("Page not found"),
        _("This page does not exist, or you do not have access to it."),
    )


def server_error(request: HttpRequest) -> HttpResponse:
    if _is_api(request):
        return _api_error(500)
    title = _("Something went wrong")
    message = _(
        "An error occurred on our side and has been recorded. Nothing you saved before "
        "was lost. Please try again in a moment."
    )
    try:
        return _render_error(request, 500, title, message)
    except Exception:
        # The failure may be the database itself, which the page's context (the signed-in user,
        # the navigation) needs: fall back to the page without any request context.
        logger.exception("The full error page could not be rendered; serving the plain one.")
        content = render_to_string(
            "error.html", {"status": 500, "title": title, "message": message}
        )
        return HttpResponseServerError(content)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    return _render_error(
        request,
        403,
        _("Your form expired"),
        _("For your security, forms expire. Go back, reload the page and send the form again."),
    )


class _HtmxRequest(HttpRequest):
    htmx: HtmxDetails


@login_required
def job_status(request: _HtmxRequest, pk: int) -> HttpResponse:
    job = get_job_for(request.user, pk)
    template = "core/_job_progress.html" if request.htmx else "core/job.html"
    return render(request, template, {"job": job})


@login_required
def audit_log(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("core.view_audit_log"):
        raise PermissionDenied
    form = AuditFilterForm(request.GET or None, verbs=audit_verbs())
    # An invalid form (e.g. an end date before the start date) shows its errors and no entries.
    valid = form.is_valid() or not request.GET
    entries = audit_entries(**form.filters()) if valid else AuditEntry.objects.none()
    page = Paginator(entries, 50).get_page(request.GET.get("page"))
    return render(
        request,
        "core/audit_log.html",
        {"form": form, "page": page, "query": _query_without_page(request)},
    )


def _query_without_page(request: HttpRequest) -> str:
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()


_AUDIT_COLUMNS = (
    "at",
    "actor_label",
    "verb",
    "target_type",
    "target_id",
    "target_label",
    "country",
    "details",
)


# A spreadsheet reads a cell starting with one of these as a formula: names and labels are
# typed by users, so an exported "=HYPERLINK(…)" must stay text (CSV/formula injection).
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _as_text_cell(value: str) -> str:
    return "'" + value if value.startswith(_FORMULA_STARTS) else value


def _audit_rows(entries) -> Iterator[list[str]]:  # type: ignore[no-untyped-def]
    for entry in entries.iterator(chunk_size=2000):
        row = [
            entry.at.isoformat(),
            entry.actor_label,
            entry.verb,
            entry.target_type,
            entry.target_id,
            entry.target_label,
            entry.country.code if entry.country else "",
            json.dumps(entry.details, ensure_ascii=False, sort_keys=True),
        ]
        yield [_as_text_cell(value) for value in row]


class _Echo:
    def write(self, value: str) -> str:
        return value


@login_required
def audit_export(request: HttpRequest) -> HttpResponse | StreamingHttpResponse:
    if not request.user.has_perm("core.export_audit_log"):
        raise PermissionDenied
    form = AuditFilterForm(request.GET or None, verbs=audit_verbs())
    if request.GET and not form.is_valid():
        return _render_error(request, 400, _("Bad request"), _("The filters are not valid."))
    filters = form.filters()
    entries = audit_entries(**filters)
    file_format = "xlsx" if request.GET.get("format") == "xlsx" else "csv"
    audit.record(
        request.user,
        "audit.exported",
        None,
        format=file_format,
        filters={key: _filter_label(value) for key, value in filters.items() if value},
    )
    stamp = timezone.now().strftime("%Y%m%d-%H%M")
    if file_format == "xlsx":
        from openpyxl import Workbook

        workbook = Workbook(write_only=True)
        sheet = workbook.create_sheet("audit")
        sheet.append(list(_AUDIT_COLUMNS))
        for row in _audit_rows(entries):
            sheet.append(row)
        buffer = BytesIO()
        workbook.save(buffer)
        response = HttpResponse(
            buffer.getvalue(),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        response["Content-Disposition"] = f'attachment; filename="audit-{stamp}.xlsx"'
        return response
    writer = csv.writer(_Echo())
    rows = (writer.writerow(row) for row in _chain_header(_audit_rows(entries)))
    streaming = StreamingHttpResponse(rows, content_type="text/csv; charset=utf-8")
    streaming["Content-Disposition"] = f'attachment; filename="audit-{stamp}.csv"'
    return streaming


def _filter_label(value: object) -> str:
    # A country is named by its code, the same in every language.
    return value.code if isinstance(value, Country) else str(value)


def _chain_header(rows: Iterator[list[str]]) -> Iterator[list[str]]:
    yield list(_AUDIT_COLUMNS)
    yield from rows


# --- notifications ---
NOTIFICATIONS_PER_PAGE = 30


def _unread_label(count: int) -> str:
    return ngettext("%(count)s unread notification", "%(count)s unread notifications", count) % {
        "count": count
    }


@login_required
def notification_list(request: HttpRequest) -> HttpResponse:
    """The person's own notifications, newest first, in the page's language."""
    language = get_language()
    page = Paginator(
        notifications.notifications_for(request.user), NOTIFICATIONS_PER_PAGE
    ).get_page(request.GET.get("page"))
    rows = [
        {
            "notification": notification,
            "message": notification.message_in(language),
            # Unread ones go through "open", which marks them read on the way.
            "href": f"/{language}{notification.url}"
            if notification.read_at is not None and notifications.is_local_path(notification.url)
            else reverse("core:notification_open", args=[notification.pk]),
        }
        for notification in page.object_list
    ]
    return render(
        request,
        "core/notifications/list.html",
        {"page": page, "rows": rows, "unread": notifications.unread_count(request.user)},
    )


@never_cache
@login_required
def notification_count(request: HttpRequest) -> HttpResponse:
    """The header's counter (a fragment polled by htmx): one query."""
    count = notifications.unread_count(request.user)
    return render(
        request,
        "core/notifications/_counter.html",
        {"count": count, "label": _unread_label(count), "polling": True},
    )


@login_required
def notification_open(request: HttpRequest, pk: int) -> HttpResponse:
    """Mark one's notification read and go to what it is about (on this site only)."""
    notification = notifications.get_notification_for(request.user, pk)
    notifications.mark_read(user=request.user, notification=notification)
    if notification.url and notifications.is_local_path(notification.url):
        return redirect(f"/{get_language()}{notification.url}")
    return redirect("core:notifications")


@require_POST
@login_required
def notifications_mark_read(request: HttpRequest) -> HttpResponse:
    marked = notifications.mark_all_read(user=request.user)
    if marked:
        messages.success(request, _unread_marked(marked))
    return redirect("core:notifications")


def _unread_marked(count: int) -> str:
    return ngettext(
        "%(count)s notification marked as read.", "%(count)s notifications marked as read.", count
    ) % {"count": count}
