"""The life of a support request: asked, assigned, answered, waiting for the asker, resolved,
closed, merged, rated. Every change is one service that refuses an illegal step with a clear
sentence and writes the audit log in the same transaction.

Service levels: the first-response and resolution deadlines are set when the request is opened,
in working hours of the asker's country (``support.hours``). While the request waits for the
asker, the resolution clock stops: the working time left is kept and counted again from the
moment she answers.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from datetime import timedelta
from functools import partial
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from momentum.core import audit
from momentum.support import hours, selectors
from momentum.support.models import (
    Category,
    Message,
    MessageKind,
    Rating,
    Request,
    Status,
)
from momentum.support.services.files import CheckedFile, save_files

REOPEN_DAYS = 14
DEFAULT_FLOOD_LIMIT = 5  # requests per hour from one e-mail address or one network address


def flood_limit() -> int:
    return int(getattr(settings, "SUPPORT_REQUESTS_PER_HOUR", DEFAULT_FLOOD_LIMIT))


def hash_address(address: str) -> str:
    """Network addresses are kept only as a salted hash, enough to count a flood."""
    if not address:
        return ""
    return hashlib.sha256(f"{settings.SECRET_KEY}:{address}".encode()).hexdigest()[:32]


def _deadlines(request: Request, now: Any) -> None:
    spec = selectors.calendar_for(request.country)
    category = request.category
    request.first_response_due = hours.add_working_seconds(
        now, category.first_response_hours * 3600, spec
    )
    request.resolution_due = hours.add_working_seconds(now, category.resolution_hours * 3600, spec)


def _locked(request: Request, expected_version: int | None = None) -> Request:
    """The request re-read under a row lock, refusing a stale form."""
    locked = (
        Request.objects.select_for_update(of=("self",))
        .select_related("category", "country", "requester")
        .get(pk=request.pk)
    )
    if expected_version is not None and locked.version != expected_version:
        raise ValidationError(
            _("Someone changed this request while you were writing. Read it again, then send.")
        )
    return locked


def _touch(request: Request, now: Any, *fields: str) -> None:
    request.updated_at = now
    request.version = F("version") + 1  # type: ignore[assignment]
    request.save(update_fields=[*fields, "updated_at", "version"])
    request.refresh_from_db(fields=["version"])


def _audit(actor: Any, verb: str, request: Request, **details: Any) -> None:
    audit.record(actor, verb, request, country=request.country, **details)


# --- asking ------------------------------------------------------------------------------------


def _refuse_flood(*, email: str, address_hash: str, now: Any, signed_in: bool = False) -> None:
    """A visitor may open ``flood_limit()`` requests an hour from one e-mail or network
    address; a signed-in person, known and accountable, four times as many."""
    limit = flood_limit() * (4 if signed_in else 1)
    since = now - timedelta(hours=1)
    recent = Request.objects.filter(created_at__gte=since)
    by_email = recent.filter(contact_email__iexact=email).count() if email else 0
    by_address = recent.filter(source_address=address_hash).count() if address_hash else 0
    if max(by_email, by_address) >= limit:
        raise ValidationError(
            _(
                "Too many requests were sent from this address in the last hour. Please wait "
                "an hour, or add to the request you already opened."
            ),
            code="flood",
        )


def open_request(
    *,
    by: Any,
    category: Category,
    subject: str,
    description: str,
    files: Sequence[CheckedFile] = (),
    about: tuple[str, int, str] | None = None,
    address: str = "",
) -> Request:
    """A signed-in person asks the support office."""
    now = timezone.now()
    profile = getattr(by, "profile", None) if hasattr(by, "profile") else None
    with transaction.atomic():
        _refuse_flood(email=by.email, address_hash=hash_address(address), now=now, signed_in=True)
        request = Request(
            requester=by,
            contact_name=by.display_name(),
            contact_email=by.email,
            language=by.preferred_language,
            country=profile.country if profile is not None else _country_of(by),
            category=category,
            subject=subject.strip(),
            description=description.strip(),
            created_at=now,
            updated_at=now,
            source_address=hash_address(address),
        )
        if about is not None:
            request.about_kind, request.about_id, request.about_label = about
        _deadlines(request, now)
        request.save()
        message = Message.objects.create(
            request=request,
            kind=MessageKind.ASKER,
            author=by,
            body=request.description,
            created_at=now,
        )
        save_files(request=request, message=message, files=files)
        _audit(by, "support.request_opened", request, category=category.code)
        _notify_queue(request)
    return request


def _country_of(user: Any) -> Any:
    """A person without an officer profile (a focal point) belongs to her role's country."""
    from momentum.core.models import Country

    countries = user.countries_for(*{assignment.role for assignment in user.role_list})
    if len(countries) == 1:
        return Country.objects.filter(pk=next(iter(countries))).first()
    return None


def open_public_request(
    *,
    name: str,
    email: str,
    language: str,
    country: Any,
    category: Category,
    subject: str,
    description: str,
    files: Sequence[CheckedFile] = (),
    address: str = "",
) -> Request:
    """A visitor asks through the public form; she follows it by its private link."""
    now = timezone.now()
    with transaction.atomic():
        _refuse_flood(email=email, address_hash=hash_address(address), now=now)
        request = Request(
            contact_name=name.strip(),
            contact_email=email.strip(),
            language=language,
            country=country,
            category=category,
            subject=subject.strip(),
            description=description.strip(),
            created_at=now,
            updated_at=now,
            source_address=hash_address(address),
        )
        _deadlines(request, now)
        request.save()
        message = Message.objects.create(
            request=request, kind=MessageKind.ASKER, body=request.description, created_at=now
        )
        save_files(request=request, message=message, files=files)
        _audit(None, "support.request_opened", request, category=category.code, public=True)
        _notify_queue(request)
        _send_acknowledgement(request)
    return request


# --- the asker answers -------------------------------------------------------------------------


def may_reopen(request: Request, now: Any = None) -> bool:
    now = now or timezone.now()
    return (
        request.status == Status.RESOLVED
        and request.resolved_at is not None
        and now - request.resolved_at <= timedelta(days=REOPEN_DAYS)
    )


def add_asker_message(
    *,
    request: Request,
    body: str,
    by: Any = None,
    files: Sequence[CheckedFile] = (),
    by_email: bool = False,
) -> Message:
    """The asker writes again. Waiting → open (the clock runs again); resolved within 14 days →
    open again; closed, merged or resolved long ago → refused (she opens a new request)."""
    now = timezone.now()
    with transaction.atomic():
        request = _locked(request)
        if request.status in (Status.CLOSED, Status.MERGED) or (
            request.status == Status.RESOLVED and not may_reopen(request, now)
        ):
            raise ValidationError(
                _(
                    "This request is closed. Open a new request: you can mention its reference, "
                    "%(reference)s."
                )
                % {"reference": request.reference},
                code="closed",
            )
        message = Message.objects.create(
            request=request,
            kind=MessageKind.ASKER,
            author=by,
            body=body.strip(),
            by_email=by_email,
            created_at=now,
        )
        save_files(request=request, message=message, files=files)
        fields = ["status"]
        if request.status == Status.WAITING:
            _resume_clock(request, now)
            fields += ["resolution_due", "resolution_left_seconds", "waiting_since"]
        elif request.status == Status.RESOLVED:
            _restart_after_reopen(request, now)
            fields += ["resolution_due", "resolved_at", "resolved_within_target", "rating"]
            _audit(by, "support.request_reopened", request, by_email=by_email)
        if request.status != Status.NEW:
            request.status = Status.OPEN
        _touch(request, now, *fields)
        _notify_assignee(request)
    return message


def _resume_clock(request: Request, now: Any) -> None:
    spec = selectors.calendar_for(request.country)
    left = request.resolution_left_seconds or 0
    request.resolution_due = hours.add_working_seconds(now, left, spec)
    request.resolution_left_seconds = None
    request.waiting_since = None


def _restart_after_reopen(request: Request, now: Any) -> None:
    spec = selectors.calendar_for(request.country)
    request.resolution_due = hours.add_working_seconds(
        now, request.category.resolution_hours * 3600, spec
    )
    request.resolved_at = None
    request.resolved_within_target = None
    request.rating = ""


# --- staff -------------------------------------------------------------------------------------


def _require_staff(user: Any) -> None:
    if not user.has_perm("support.answer"):
        raise PermissionDenied


def reply(
    *,
    request: Request,
    by: Any,
    body: str,
    then: str = Status.WAITING,
    files: Sequence[CheckedFile] = (),
    expected_version: int | None = None,
) -> Message:
    """A member of staff answers the asker (e-mailed in her language); the request then waits
    for the asker, or is resolved."""
    _require_staff(by)
    if then not in (Status.WAITING, Status.RESOLVED, Status.OPEN):
        raise ValidationError(_("Choose what happens to the request after the reply."))
    now = timezone.now()
    with transaction.atomic():
        request = _locked(request, expected_version)
        if not request.is_active and request.status != Status.RESOLVED:
            raise ValidationError(_("This request is closed: it cannot be answered any more."))
        message = Message.objects.create(
            request=request, kind=MessageKind.REPLY, author=by, body=body.strip(), created_at=now
        )
        save_files(request=request, message=message, files=files)
        fields = ["status"]
        if request.first_response_at is None:
            spec = selectors.calendar_for(request.country)
            request.first_response_at = now
            request.first_response_seconds = hours.working_seconds_between(
                request.created_at, now, spec
            )
            fields += ["first_response_at", "first_response_seconds"]
        if request.assignee_id is None:
            request.assignee = by
            fields.append("assignee")
        fields += _move(request, then, now)
        _touch(request, now, *fields)
        _audit(by, "support.replied", request, then=then)
        from momentum.support.services.mail import send_reply

        send_reply(message)
    return message


def _move(request: Request, status: str, now: Any) -> list[str]:
    """Set ``status``, stopping or restarting the resolution clock. Returns changed fields."""
    fields: list[str] = []
    spec = selectors.calendar_for(request.country)
    if request.status == Status.WAITING and status != Status.WAITING:
        _resume_clock(request, now)
        fields += ["resolution_due", "resolution_left_seconds", "waiting_since"]
    if status == Status.WAITING and request.status != Status.WAITING:
        request.resolution_left_seconds = hours.working_seconds_between(
            now, request.resolution_due, spec
        )
        request.waiting_since = now
        fields += ["resolution_left_seconds", "waiting_since"]
    if status == Status.RESOLVED and request.status != Status.RESOLVED:
        request.resolved_at = now
        request.resolved_within_target = now <= request.resolution_due
        fields += ["resolved_at", "resolved_within_target"]
    request.status = status
    return fields


def add_note(*, request: Request, by: Any, body: str) -> Message:
    """An internal note: staff only, never shown or e-mailed to the asker."""
    _require_staff(by)
    with transaction.atomic():
        message = Message.objects.create(
            request=request, kind=MessageKind.NOTE, author=by, body=body.strip()
        )
        _audit(by, "support.note_added", request)
    return message


def assign(*, request: Request, by: Any, assignee: Any) -> Request:
    _require_staff(by)
    if assignee is not None and not assignee.has_perm("support.answer"):
        raise ValidationError({"assignee": _("Only programme staff can be assigned a request.")})
    now = timezone.now()
    with transaction.atomic():
        request = _locked(request)
        if not request.is_active:
            raise ValidationError(_("Only a request still in progress can be assigned."))
        request.assignee = assignee
        fields = ["assignee", "status"]
        if request.status == Status.NEW:
            request.status = Status.OPEN
        _touch(request, now, *fields)
        _audit(by, "support.assigned", request, assignee=getattr(assignee, "email", None))
        if assignee is not None and assignee != by:
            _notify_assignee(request)
    return request


_STAFF_TRANSITIONS: dict[str, tuple[str, ...]] = {
    Status.NEW: (Status.OPEN, Status.RESOLVED, Status.CLOSED),
    Status.OPEN: (Status.WAITING, Status.RESOLVED, Status.CLOSED),
    Status.WAITING: (Status.OPEN, Status.RESOLVED, Status.CLOSED),
    Status.RESOLVED: (Status.OPEN, Status.CLOSED),
    Status.CLOSED: (),
    Status.MERGED: (),
}


def change_status(
    *, request: Request, by: Any, status: str, expected_version: int | None = None
) -> Request:
    _require_staff(by)
    now = timezone.now()
    with transaction.atomic():
        request = _locked(request, expected_version)
        if status not in _STAFF_TRANSITIONS.get(request.status, ()):
            raise ValidationError(
                _("A request that is “%(current)s” cannot become “%(new)s”.")
                % {
                    "current": Status(request.status).label,
                    "new": Status(status).label if status in Status.values else status,
                }
            )
        previous = request.status
        fields = ["status"]
        if previous == Status.RESOLVED and status == Status.OPEN:
            _restart_after_reopen(request, now)
            fields += ["resolution_due", "resolved_at", "resolved_within_target", "rating"]
            request.status = status
        else:
            fields += _move(request, status, now)
        _touch(request, now, *fields)
        _audit(by, "support.status_changed", request, previous=previous, status=status)
        if status == Status.RESOLVED:
            from momentum.support.services.mail import send_resolved

            send_resolved(request)
    return request


def merge(*, duplicate: Request, into: Request, by: Any) -> Request:
    """``duplicate`` asks what ``into`` asks: its messages and files move there, and it is kept
    as a pointer so its asker's link still leads somewhere."""
    _require_staff(by)
    if duplicate.pk == into.pk:
        raise ValidationError(_("A request cannot be merged into itself."))
    now = timezone.now()
    with transaction.atomic():
        first, second = sorted([duplicate.pk, into.pk])
        locked = {
            row.pk: row
            for row in Request.objects.select_for_update(of=("self",))
            .select_related("category", "country")
            .filter(pk__in=[first, second])
        }
        duplicate, into = locked[duplicate.pk], locked[into.pk]
        if not duplicate.is_active or into.status in (Status.CLOSED, Status.MERGED):
            raise ValidationError(
                _("Only a request in progress can be merged, into a request that is not closed.")
            )
        duplicate.messages.update(request=into)
        duplicate.attachments.update(request=into)
        Message.objects.create(
            request=into,
            kind=MessageKind.EVENT,
            author=by,
            body=_("Request %(reference)s was merged into this one.")
            % {"reference": duplicate.reference},
        )
        duplicate.merged_into = into
        duplicate.status = Status.MERGED
        _touch(duplicate, now, "merged_into", "status")
        _touch(into, now)
        _audit(by, "support.merged", duplicate, into=into.reference)
    return into


def rate(*, request: Request, rating: str) -> Request:
    """The asker says, in one click, whether her question was answered. Once."""
    if rating not in Rating.values:
        raise ValidationError(_("Choose yes or no."))
    with transaction.atomic():
        request = _locked(request)
        if request.status not in (Status.RESOLVED, Status.CLOSED):
            raise ValidationError(_("You can say whether it helped once the request is resolved."))
        if request.rating:
            raise ValidationError(_("Thank you: your answer was already recorded."), code="rated")
        request.rating = rating
        _touch(request, timezone.now(), "rating")
        _audit(request.requester, "support.rated", request, rating=rating)
    return request


# --- periodic work ---------------------------------------------------------------------------


def close_resolved(now: Any = None) -> int:
    """Requests resolved more than 14 days ago are closed. Returns how many."""
    now = now or timezone.now()
    stale = Request.objects.filter(
        status=Status.RESOLVED, resolved_at__lt=now - timedelta(days=REOPEN_DAYS)
    )
    closed = 0
    for pk in list(stale.values_list("pk", flat=True)[:5000]):
        with transaction.atomic():
            request = Request.objects.select_for_update().get(pk=pk)
            if request.status != Status.RESOLVED:
                continue
            request.status = Status.CLOSED
            _touch(request, now, "status")
            _audit(None, "support.closed_automatically", request)
            closed += 1
    return closed


def warn_deadlines(now: Any = None) -> int:
    """Warn the assignee (or the category's staff) of each request about to miss a target,
    once. Returns how many requests were warned about."""
    from momentum.core.notifications import notify

    now = now or timezone.now()
    soon = now + selectors.WARN_AHEAD
    from django.db.models import Q

    at_risk = (
        Request.objects.filter(warned_at__isnull=True)
        .filter(
            Q(
                first_response_at__isnull=True,
                first_response_due__lte=soon,
                status__in=(Status.NEW, Status.OPEN),
            )
            | Q(status__in=(Status.NEW, Status.OPEN), resolution_due__lte=soon)
        )
        .select_related("assignee", "category")
        .prefetch_related("category__queue")
    )
    warned = 0
    for request in at_risk[:1000]:
        recipients = [request.assignee] if request.assignee else list(request.category.queue.all())
        notify(
            recipients=recipients,
            kind="support.deadline",
            message=partial(_deadline_message, request.reference),
            url=_path(request),
            email=True,
        )
        Request.objects.filter(pk=request.pk).update(warned_at=now)
        warned += 1
    return warned


# --- notifications ---------------------------------------------------------------------------


def _deadline_message(reference: str) -> str:
    return _("Request %(reference)s is about to miss its service-level target.") % {
        "reference": reference
    }


def _path(request: Request) -> str:
    """The request's page without its language prefix (core adds the recipient's)."""
    from django.urls import reverse
    from django.utils import translation

    with translation.override("en"):
        return reverse("support:request", kwargs={"reference": request.reference}).removeprefix(
            "/en"
        )


def _notify_queue(request: Request) -> None:
    from momentum.core.notifications import notify

    reference, category = request.reference, request.category
    notify(
        recipients=list(category.queue.all()),
        kind="support.new_request",
        message=lambda: (
            _("A new support request, %(reference)s, waits in the queue “%(category)s”.")
            % {"reference": reference, "category": category.name}
        ),
        url=_path(request),
        email=True,
    )


def _notify_assignee(request: Request) -> None:
    from momentum.core.notifications import notify

    if request.assignee is None:
        return
    reference = request.reference
    notify(
        recipients=[request.assignee],
        kind="support.assigned",
        message=lambda: (
            _("Support request %(reference)s needs your answer.") % {"reference": reference}
        ),
        url=_path(request),
        email=False,
    )


def _send_acknowledgement(request: Request) -> None:
    from momentum.support.services.mail import send_acknowledgement

    send_acknowledgement(request)
