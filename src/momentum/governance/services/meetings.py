"""Writes for meetings: scheduling with the agenda, documents, invitations (with .ics, in each
member's language) after the notice period is checked, answers, attendance with proxies, and
the meeting held or cancelled. Every change is audited."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from momentum.core import audit
from momentum.core.notifications import notify
from momentum.governance.models import (
    AgendaItem,
    Attendance,
    AttendanceStatus,
    BoardMember,
    Meeting,
    MeetingDocument,
    MeetingKind,
    MeetingStatus,
    Seat,
    in_language,
)

DEFAULT_NOTICE_DAYS = {
    MeetingKind.ORDINARY: 21,
    MeetingKind.EXTRAORDINARY: 7,
    MeetingKind.WORKING_GROUP: 7,
}


def meeting_path(meeting: Meeting | int) -> str:
    pk = meeting if isinstance(meeting, int) else meeting.pk
    return f"/governance/meetings/{pk}/"


def notice_respected(meeting: Meeting, *, now: datetime | None = None) -> bool:
    now = now or timezone.now()
    return meeting.starts_at - now >= timedelta(days=meeting.notice_days)


@transaction.atomic
def schedule_meeting(
    *,
    kind: str,
    format: str,
    titles: dict[str, str],
    starts_at: datetime,
    ends_at: datetime,
    by: Any,
    location: str = "",
    online_link: str = "",
    requested_by: str = "",
    quorum_rule: str = "majority",
    notice_days: int | None = None,
    agenda: Sequence[dict[str, str]] = (),
) -> Meeting:
    """Plan a meeting with its agenda (each item a dict of titles by language)."""
    errors: dict[str, str] = {}
    if not any(value.strip() for value in titles.values()):
        errors["title_en"] = _("Give the meeting a title in at least one language.")
    if ends_at <= starts_at:
        errors["ends_at"] = _("The meeting must end after it starts.")
    if kind == MeetingKind.EXTRAORDINARY and not requested_by.strip():
        errors["requested_by"] = _(
            "An extraordinary meeting is held at the written request of members: say who "
            "asked for it and when."
        )
    if errors:
        raise ValidationError(errors)
    meeting = Meeting.objects.create(
        kind=kind,
        format=format,
        title_ar=titles.get("ar", "").strip(),
        title_fr=titles.get("fr", "").strip(),
        title_en=titles.get("en", "").strip(),
        starts_at=starts_at,
        ends_at=ends_at,
        location=location.strip(),
        online_link=online_link.strip(),
        requested_by=requested_by.strip(),
        quorum_rule=quorum_rule,
        notice_days=DEFAULT_NOTICE_DAYS[MeetingKind(kind)] if notice_days is None else notice_days,
    )
    for position, item in enumerate(agenda, start=1):
        add_agenda_item(meeting=meeting, titles=item, by=by, position=position, audited=False)
    audit.record(by, "governance.meeting_scheduled", meeting, kind=kind)
    return meeting


def add_agenda_item(
    *,
    meeting: Meeting,
    titles: dict[str, str],
    by: Any,
    position: int | None = None,
    audited: bool = True,
) -> AgendaItem:
    if not any(value.strip() for value in titles.values()):
        raise ValidationError(_("An agenda item needs a title in at least one language."))
    if position is None:
        position = (
            meeting.agenda.order_by("-position").values_list("position", flat=True).first() or 0
        ) + 1
    item = AgendaItem.objects.create(
        meeting=meeting,
        position=position,
        title_ar=titles.get("ar", "").strip(),
        title_fr=titles.get("fr", "").strip(),
        title_en=titles.get("en", "").strip(),
    )
    if audited:
        audit.record(by, "governance.agenda_item_added", meeting, position=position)
    return item


@transaction.atomic
def add_document(
    *,
    meeting: Meeting,
    title: str,
    by: Any,
    agenda_item: AgendaItem | None = None,
    language: str = "",
    file: UploadedFile | None = None,
    url: str = "",
) -> MeetingDocument:
    if not title.strip():
        raise ValidationError({"title": _("Give the document a title.")})
    if file is None and not url.strip():
        raise ValidationError(_("Attach a file or give a link."))
    document = MeetingDocument.objects.create(
        meeting=meeting, agenda_item=agenda_item, title=title.strip(), language=language, url=url
    )
    if file is not None:
        document.file.save(file.name or "document", file)
    audit.record(by, "governance.document_added", meeting, document=document.title)
    return document


def _current_members(on: Any) -> list[BoardMember]:
    return list(BoardMember.objects.current(on).select_related("user", "country"))


@transaction.atomic
def send_invitations(*, meeting: Meeting, by: Any, now: datetime | None = None) -> int:
    """Invite every country's current representative (and tell the alternates), once the
    notice period is respected. Returns the number of countries invited."""
    now = now or timezone.now()
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if meeting.status not in (MeetingStatus.PLANNED, MeetingStatus.CONVENED):
        raise ValidationError(_("Invitations can only be sent for a meeting still to come."))
    if not notice_respected(meeting, now=now):
        raise ValidationError(
            _(
                "The notice period is %(days)s days: invitations must go out by %(date)s. "
                "Move the meeting or shorten its notice period with a reason."
            )
            % {
                "days": meeting.notice_days,
                "date": date_format(
                    timezone.localtime(meeting.starts_at - timedelta(days=meeting.notice_days)),
                    "DATE_FORMAT",
                ),
            }
        )
    members = _current_members(timezone.localdate(meeting.starts_at))
    representatives = {m.country_id: m for m in members if m.seat == Seat.REPRESENTATIVE}
    countries = {m.country_id for m in members}
    existing = set(meeting.attendances.values_list("country_id", flat=True))
    Attendance.objects.bulk_create(
        [
            Attendance(meeting=meeting, country_id=country, member=representatives.get(country))
            for country in sorted(countries - existing)
        ]
    )
    meeting.status = MeetingStatus.CONVENED
    meeting.invitations_sent_at = now
    meeting.sequence += 1 if existing else 0
    meeting.save(update_fields=["status", "invitations_sent_at", "sequence"])
    audit.record(by, "governance.invitations_sent", meeting, countries=len(countries))
    recipients = [member.user for member in members]
    notify(
        recipients=recipients,
        kind="governance.invitation",
        message=lambda: (
            _("You are invited to the board meeting: %(title)s.") % {"title": meeting.title}
        ),
        url=meeting_path(meeting),
    )
    member_ids = [member.pk for member in members]
    transaction.on_commit(lambda: _queue_invitation_emails(meeting.pk, member_ids))
    return len(countries)


def _queue_invitation_emails(meeting_id: int, member_ids: list[int]) -> None:
    from momentum.governance.tasks import email_meeting_invitation

    for member_id in member_ids:
        email_meeting_invitation.enqueue(meeting_id, member_id)


def email_invitation(meeting_id: int, member_id: int) -> bool:
    """E-mail one member the invitation with its .ics, in her language."""
    from momentum.governance.calendar import CONTENT_TYPE, meeting_ics

    meeting = Meeting.objects.filter(pk=meeting_id).first()
    member = BoardMember.objects.select_related("user").filter(pk=member_id).first()
    if meeting is None or member is None or not member.user.email:
        return False
    language = member.user.preferred_language or "en"
    with translation.override(language):
        title = in_language(meeting, "title", language)
        when = date_format(timezone.localtime(meeting.starts_at), "DATETIME_FORMAT")
        subject = _("Advisory Board: %(title)s") % {"title": title}
        body = _(
            "You are invited to the Advisory Board meeting %(title)s on %(when)s. The agenda "
            "and the documents are on the platform; the attached file adds the meeting to "
            "your calendar."
        ) % {"title": title, "when": when}
    message = EmailMultiAlternatives(subject, body, to=[member.user.email])
    message.attach(f"meeting-{meeting.pk}.ics", meeting_ics(meeting, language), CONTENT_TYPE)
    message.send()
    return True


def _attendance_for(meeting: Meeting, member: BoardMember) -> Attendance:
    attendance = (
        Attendance.objects.select_for_update()
        .filter(meeting=meeting, country_id=member.country_id)
        .first()
    )
    if attendance is None:
        raise ValidationError(_("Your country was not invited to this meeting."))
    return attendance


@transaction.atomic
def answer_invitation(
    *, meeting: Meeting, by: Any, attending: bool, proxy: BoardMember | None = None
) -> Attendance:
    """A representative confirms or declines; declining, she may give her country's proxy to
    her alternate or to another member."""
    meeting = Meeting.objects.get(pk=meeting.pk)
    member = (
        BoardMember.objects.current(timezone.localdate(meeting.starts_at))
        .filter(user=by, seat=Seat.REPRESENTATIVE)
        .first()
    )
    if member is None:
        raise ValidationError(_("Only a country's current representative answers the invitation."))
    if meeting.status != MeetingStatus.CONVENED or meeting.starts_at <= timezone.now():
        raise ValidationError(_("This invitation can no longer be answered."))
    attendance = _attendance_for(meeting, member)
    if proxy is not None and (proxy.pk == member.pk or not proxy.is_current()):
        raise ValidationError({"proxy": _("Choose another current member as proxy.")})
    attendance.member = member
    attendance.status = AttendanceStatus.CONFIRMED if attending else AttendanceStatus.DECLINED
    attendance.proxy = None if attending else proxy
    attendance.updated_at = timezone.now()
    attendance.save(update_fields=["member", "status", "proxy", "updated_at"])
    audit.record(
        by,
        "governance.invitation_answered",
        meeting,
        country=member.country,
        attending=attending,
        proxy=proxy.pk if proxy else None,
    )
    return attendance


@transaction.atomic
def record_attendance(
    *, meeting: Meeting, country_id: int, status: str, by: Any, proxy: BoardMember | None = None
) -> Attendance:
    """Staff record who came: present, represented by a proxy, or absent."""
    attendance = (
        Attendance.objects.select_for_update()
        .filter(meeting=meeting, country_id=country_id)
        .first()
    )
    if attendance is None:
        raise ValidationError(_("This country was not invited to this meeting."))
    if status == AttendanceStatus.REPRESENTED and proxy is None:
        raise ValidationError({"proxy": _("Name the member who holds the proxy.")})
    attendance.status = status
    attendance.proxy = proxy if status == AttendanceStatus.REPRESENTED else attendance.proxy
    attendance.updated_at = timezone.now()
    attendance.save(update_fields=["status", "proxy", "updated_at"])
    audit.record(
        by,
        "governance.attendance_recorded",
        meeting,
        country=attendance.country,
        status=status,
    )
    return attendance


@transaction.atomic
def mark_held(*, meeting: Meeting, by: Any) -> Meeting:
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if meeting.status not in (MeetingStatus.PLANNED, MeetingStatus.CONVENED):
        raise ValidationError(_("Only a meeting still to come can be marked as held."))
    if meeting.starts_at > timezone.now():
        raise ValidationError(_("A meeting cannot be marked as held before it starts."))
    meeting.status = MeetingStatus.HELD
    meeting.save(update_fields=["status"])
    audit.record(by, "governance.meeting_held", meeting)
    return meeting


@transaction.atomic
def cancel_meeting(*, meeting: Meeting, by: Any) -> Meeting:
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if meeting.status == MeetingStatus.HELD:
        raise ValidationError(_("A meeting that was held cannot be cancelled."))
    meeting.status = MeetingStatus.CANCELLED
    meeting.sequence += 1
    meeting.save(update_fields=["status", "sequence"])
    audit.record(by, "governance.meeting_cancelled", meeting)
    return meeting
