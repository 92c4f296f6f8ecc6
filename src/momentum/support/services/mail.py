"""E-mail both ways.

Out: every reply, the acknowledgement of a visitor's request and the resolution are e-mailed
in the asker's language (right to left for Arabic), by a background task after the commit.
The subject carries the request's reference, so the asker's answer finds its way back.

In: ``receive(raw)`` takes one e-mail as bytes (from the IMAP mailbox, see
``fetch_support_mail``, or from a mail relay's HTTP call) and adds it to its request. A message
that cannot be read, names no request, or comes from another address than the asker's is set
aside for staff (``HeldMail``), never attached; a reply to a closed request opens a new request
that points to the old one. Each message is handled in its own transaction, so one bad message
never blocks the others.
"""

from __future__ import annotations

import email
import email.policy
import logging
import re
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import parseaddr
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from momentum.core import audit
from momentum.core.notifications import one_line
from momentum.support.models import HeldMail, HeldReason, Message, MessageKind, Request, Status
from momentum.support.services.files import AttachmentRejected, CheckedFile, check_one

logger = logging.getLogger(__name__)

REFERENCE = re.compile(r"\[(SUP-[A-Z0-9]{8})\]")
# The line above which the asker writes her answer, in the three languages (one is enough).
REPLY_MARKERS = (
    "## Reply above this line ##",
    "## Répondez au-dessus de cette ligne ##",
    "## اكتب ردك فوق هذا السطر ##",
)
MAX_BODY_CHARS = 20_000


def support_address() -> str:
    return str(getattr(settings, "SUPPORT_ADDRESS", "") or settings.DEFAULT_FROM_EMAIL)


# --- out ---------------------------------------------------------------------------------------


def asker_url(request: Request, language: str) -> str:
    """Where the asker reads her request: her page when signed in, the private link otherwise."""
    with translation.override(language):
        if request.requester_id:
            path = reverse("support:request", kwargs={"reference": request.reference})
        else:
            path = reverse("support:follow", kwargs={"token": request.access_token})
    return f"{settings.SITE_URL}{path}"


_silenced: list[bool] = []


@contextmanager
def silenced() -> Iterator[None]:
    """No e-mail is queued inside (the demo's history is not news)."""
    _silenced.append(True)
    try:
        yield
    finally:
        _silenced.pop()


def _queue(kind: str, request: Request, message: Message | None = None) -> None:
    from momentum.support.tasks import send_support_email

    if _silenced:
        return
    request_pk, message_pk = request.pk, message.pk if message else None
    transaction.on_commit(lambda: send_support_email.enqueue(kind, request_pk, message_pk))


def send_reply(message: Message) -> None:
    _queue("reply", message.request, message)


def send_resolved(request: Request) -> None:
    _queue("resolved", request)


def send_acknowledgement(request: Request) -> None:
    _queue("received", request)


def deliver(kind: str, request_pk: int, message_pk: int | None = None) -> bool:
    """Send one e-mail to the asker, in her language. Returns whether one left."""
    request = Request.objects.select_related("requester", "category").filter(pk=request_pk).first()
    if request is None or not request.asker_email:
        return False
    message = (
        Message.objects.select_related("author").filter(pk=message_pk).first()
        if message_pk
        else None
    )
    language = request.requester.preferred_language if request.requester else request.language
    with translation.override(language):
        context = {
            "kind": kind,
            "request": request,
            "message": message,
            "url": asker_url(request, language),
            "marker": REPLY_MARKERS[("en", "fr", "ar").index(language)]
            if language in ("en", "fr", "ar")
            else REPLY_MARKERS[0],
            "name": request.requester.display_name(language)
            if request.requester
            else request.contact_name,
            "category": request.category.name,
        }
        subject = one_line(f"[{request.reference}] {request.subject}")
        text = render_to_string("support/email/message.txt", context)
        html = render_to_string("support/email/message.html", context)
    mail = EmailMultiAlternatives(
        subject,
        text,
        from_email=support_address(),
        to=[request.asker_email],
        reply_to=[support_address()],
        headers={"Auto-Submitted": "auto-generated"} if kind != "reply" else {},
    )
    mail.attach_alternative(html, "text/html")
    mail.send()
    return True


# --- in ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Received:
    outcome: str  # "added", "reopened", "follow_up", "held"
    request: Request | None = None
    held: HeldMail | None = None
    rejected_files: tuple[str, ...] = ()


def _text_of(message: EmailMessage) -> str:
    part = message.get_body(preferencelist=("plain", "html"))
    if part is None:
        return ""
    content = part.get_content()
    if part.get_content_type() == "text/html":
        content = re.sub(r"<[^>]+>", " ", content)
    return str(content)


def _answer_only(text: str) -> str:
    """The asker's new words: what is above our marker, without the quoted lines."""
    for marker in REPLY_MARKERS:
        index = text.find(marker)
        if index >= 0:
            text = text[:index]
    lines = [line for line in text.splitlines() if not line.lstrip().startswith(">")]
    # Mail programs add "On <date>, <someone> wrote:" before what they quote.
    while lines and (not lines[-1].strip() or lines[-1].rstrip().endswith(":")):
        lines.pop()
    return "\n".join(lines).strip()[:MAX_BODY_CHARS]


def _attachments(message: EmailMessage) -> tuple[list[CheckedFile], list[str]]:
    checked: list[CheckedFile] = []
    refused: list[str] = []
    for part in message.iter_attachments():
        name = part.get_filename() or "attachment"
        data = part.get_payload(decode=True)
        if not isinstance(data, bytes):
            continue
        try:
            checked.append(check_one(SimpleUploadedFile(name, data)))
        except AttachmentRejected as error:
            refused.append(" ".join(error.messages))
    return checked, refused


def _text(value: str) -> str:
    """Text fit to store: PostgreSQL refuses NUL characters, which a broken message may hold."""
    return value.replace("\x00", "")


def _hold(
    raw: bytes,
    reason: str,
    *,
    sender: str = "",
    subject: str = "",
    body: str = "",
    request: Request | None = None,
) -> Received:
    held = HeldMail.objects.create(
        reason=reason,
        request=request,
        sender=_text(sender)[:254],
        subject=_text(subject)[:250],
        body=_text(body)[:MAX_BODY_CHARS],
        raw=raw,
    )
    audit.record(None, "support.mail_held", held, reason=reason)
    return Received("held", request=request, held=held)


def receive(raw: bytes) -> Received:
    """Add one incoming e-mail to its request, or set it aside. Never raises for a bad
    message: it is held and reported."""
    try:
        parsed = email.message_from_bytes(raw, policy=email.policy.default)
        assert isinstance(parsed, EmailMessage)
        sender = _text(parseaddr(str(parsed.get("From", "")))[1].strip().lower())
        subject = _text(str(parsed.get("Subject", "")))
        body = _text(_answer_only(_text_of(parsed)))
    except Exception:  # a broken message makes the parser fail in many ways
        logger.warning("Support mail: a message could not be read and was set aside.")
        with transaction.atomic():
            return _hold(raw, HeldReason.MALFORMED)
    found = REFERENCE.search(subject)
    request = Request.objects.filter(reference=found.group(1)).first() if found else None
    with transaction.atomic():
        if request is None:
            return _hold(raw, HeldReason.NO_REFERENCE, sender=sender, subject=subject, body=body)
        if sender != request.asker_email.lower():
            return _hold(
                raw,
                HeldReason.UNKNOWN_SENDER,
                sender=sender,
                subject=subject,
                body=body,
                request=request,
            )
        if not body:
            return _hold(raw, HeldReason.MALFORMED, sender=sender, subject=subject, request=request)
        files, refused = _attachments(parsed)
        if refused:
            body += "\n\n" + "\n".join(refused)
        return _add_to(request, body, files, tuple(refused))


def _add_to(
    request: Request, body: str, files: list[CheckedFile], refused: tuple[str, ...]
) -> Received:
    from momentum.support.services import requests as request_services

    was = request.status
    try:
        request_services.add_asker_message(
            request=request, body=body, by=request.requester, files=files, by_email=True
        )
    except ValidationError:
        # A reply to a closed request: a new request, pointing to the old one.
        follow_up = _open_follow_up(request, body, files)
        return Received("follow_up", request=follow_up, rejected_files=refused)
    outcome = "reopened" if was == Status.RESOLVED else "added"
    return Received(outcome, request=request, rejected_files=refused)


def _open_follow_up(old: Request, body: str, files: list[CheckedFile]) -> Request:
    from momentum.support.services import requests as request_services

    with translation.override(old.language):
        subject = one_line(old.subject, 200)
    if old.requester is not None:
        new = request_services.open_request(
            by=old.requester, category=old.category, subject=subject, description=body, files=files
        )
    else:
        new = request_services.open_public_request(
            name=old.contact_name,
            email=old.contact_email,
            language=old.language,
            country=old.country,
            category=old.category,
            subject=subject,
            description=body,
            files=files,
        )
    Request.objects.filter(pk=new.pk).update(follow_up_of=old)
    new.follow_up_of = old
    return new


# --- the IMAP mailbox --------------------------------------------------------------------------


@dataclass
class FetchReport:
    added: int = 0
    held: int = 0
    failed: int = 0


def fetch_imap(
    *,
    host: str,
    port: int,
    user: str,
    password: str,
    folder: str = "INBOX",
    ssl: bool = True,
    limit: int = 500,
) -> FetchReport:
    """Read the unseen messages of an IMAP mailbox, one at a time. Each message handled (added
    or held) is marked seen; one that fails is flagged and left for the next run."""
    import imaplib

    report = FetchReport()
    client: Any = imaplib.IMAP4_SSL(host, port) if ssl else imaplib.IMAP4(host, port)
    try:
        client.login(user, password)
        client.select(folder)
        _status, data = client.uid("search", None, "UNSEEN")
        uids = (data[0] or b"").split()[:limit]
        for uid in uids:
            try:
                _status, fetched = client.uid("fetch", uid, "(BODY.PEEK[])")
                raw = next(
                    bytes(item[1]) for item in fetched if isinstance(item, tuple) and len(item) > 1
                )
                result = receive(raw)
            except Exception:
                logger.exception("Support mail: message %s failed; left for the next run.", uid)
                report.failed += 1
                client.uid("store", uid, "+FLAGS", "(\\Flagged)")
                continue
            client.uid("store", uid, "+FLAGS", "(\\Seen)")
            if result.outcome == "held":
                report.held += 1
            else:
                report.added += 1
    finally:
        with suppress(Exception):  # the connection may already be gone
            client.logout()
    return report


# --- held e-mails ------------------------------------------------------------------------------


def release_held(*, held: HeldMail, by: Any, attach: bool) -> HeldMail:
    """Staff decide on a held e-mail: add it to its request (they checked who wrote it) or
    dismiss it. Either way it leaves the list; the decision is audited."""
    from django.core.exceptions import PermissionDenied
    from django.utils import timezone
    from django.utils.translation import gettext as _

    if not by.has_perm("support.answer"):
        raise PermissionDenied
    with transaction.atomic():
        held = HeldMail.objects.select_for_update().get(pk=held.pk)
        if held.released_at is not None:
            raise ValidationError(_("Someone already decided on this e-mail."))
        if attach:
            if held.request is None or not held.body:
                raise ValidationError(_("This e-mail names no request: it can only be dismissed."))
            Message.objects.create(
                request=held.request,
                kind=MessageKind.EVENT,
                author=by,
                body=_("E-mail from %(sender)s, added by the support office:")
                % {"sender": held.sender}
                + "\n\n"
                + held.body,
                by_email=True,
            )
        held.released_at = timezone.now()
        held.save(update_fields=["released_at"])
        audit.record(by, "support.mail_released", held, attached=attach, reason=held.reason)
    return held
