"""Writes for minutes: drafted by staff, circulated to the attendees for comments by a
deadline, revised, approved at the next meeting or by written procedure (then frozen), and
published to the board's space in the Knowledge Hub. Every version is kept."""

from __future__ import annotations

import difflib
from datetime import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from momentum.core import audit
from momentum.core.notifications import notify
from momentum.governance.models import (
    ApprovalRoute,
    BoardMember,
    Meeting,
    MeetingStatus,
    Minutes,
    MinutesComment,
    MinutesStatus,
    MinutesVersion,
)


def minutes_path(minutes: Minutes) -> str:
    return f"/governance/meetings/{minutes.meeting_id}/minutes/"


def _frozen_error() -> ValidationError:
    return ValidationError(_("These minutes are approved: their text is frozen."))


def _locked(minutes: Minutes, version: int | None = None) -> Minutes:
    from momentum.people.services import StaleEditError

    locked = Minutes.objects.select_for_update().get(pk=minutes.pk)
    if version is not None and locked.version != version:
        raise StaleEditError(
            _("Someone else changed these minutes since you opened the page. Reload it.")
        )
    return locked


@transaction.atomic
def draft_minutes(*, meeting: Meeting, text: str, by: Any) -> Minutes:
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if meeting.status != MeetingStatus.HELD:
        raise ValidationError(_("Minutes are written for a meeting that was held."))
    if not text.strip():
        raise ValidationError({"text": _("The minutes cannot be empty.")})
    if Minutes.objects.filter(meeting=meeting).exists():
        raise ValidationError(_("This meeting already has minutes: revise them instead."))
    minutes = Minutes.objects.create(meeting=meeting)
    MinutesVersion.objects.create(minutes=minutes, number=1, text=text.strip(), written_by=by)
    audit.record(by, "governance.minutes_drafted", minutes)
    return minutes


def _attendees(minutes: Minutes) -> list[Any]:
    countries = minutes.meeting.attendances.values_list("country_id", flat=True)
    members = BoardMember.objects.current().filter(country_id__in=countries).select_related("user")
    return [member.user for member in members]


@transaction.atomic
def circulate_minutes(
    *, minutes: Minutes, comments_due: datetime, by: Any, version: int
) -> Minutes:
    minutes = _locked(minutes, version)
    if minutes.is_frozen:
        raise _frozen_error()
    if comments_due <= timezone.now():
        raise ValidationError(
            {"comments_due": _("The deadline for comments must be in the future.")}
        )
    minutes.status = MinutesStatus.CIRCULATED
    minutes.comments_due = comments_due
    minutes.version += 1
    minutes.save(update_fields=["status", "comments_due", "version"])
    audit.record(by, "governance.minutes_circulated", minutes, due=comments_due.isoformat())
    notify(
        recipients=_attendees(minutes),
        kind="governance.minutes_circulated",
        message=lambda: (
            _("The draft minutes of %(meeting)s wait for your comments.")
            % {"meeting": minutes.meeting.title}
        ),
        url=minutes_path(minutes),
    )
    return minutes


@transaction.atomic
def comment_on_minutes(*, minutes: Minutes, by: Any, text: str) -> MinutesComment:
    minutes = Minutes.objects.select_for_update().get(pk=minutes.pk)
    if minutes.status != MinutesStatus.CIRCULATED:
        raise ValidationError(_("These minutes are not open for comments."))
    if minutes.comments_due and minutes.comments_due <= timezone.now():
        raise ValidationError(_("The deadline for comments on these minutes has passed."))
    if not text.strip():
        raise ValidationError({"text": _("Write your comment.")})
    latest = minutes.versions.order_by("-number").first()
    comment = MinutesComment.objects.create(
        minutes=minutes, author=by, text=text.strip(), on_version=latest.number if latest else 1
    )
    audit.record(by, "governance.minutes_commented", minutes)
    return comment


@transaction.atomic
def revise_minutes(*, minutes: Minutes, text: str, by: Any, version: int) -> MinutesVersion:
    minutes = _locked(minutes, version)
    if minutes.is_frozen:
        raise _frozen_error()
    if not text.strip():
        raise ValidationError({"text": _("The minutes cannot be empty.")})
    latest = minutes.versions.order_by("-number").first()
    number = (latest.number if latest else 0) + 1
    revision = MinutesVersion.objects.create(
        minutes=minutes, number=number, text=text.strip(), written_by=by
    )
    if minutes.status == MinutesStatus.CIRCULATED:
        minutes.status = MinutesStatus.REVISED
    minutes.version += 1
    minutes.save(update_fields=["status", "version"])
    audit.record(by, "governance.minutes_revised", minutes, number=number)
    return revision


@transaction.atomic
def approve_minutes(
    *,
    minutes: Minutes,
    by: Any,
    route: str,
    at_meeting: Meeting | None = None,
    version: int | None = None,
) -> Minutes:
    """Approve the latest version; from then on the text is frozen."""
    minutes = _locked(minutes, version)
    if minutes.is_frozen:
        raise _frozen_error()
    if minutes.status == MinutesStatus.DRAFT:
        raise ValidationError(_("Circulate the minutes to the attendees before approving them."))
    if route == ApprovalRoute.MEETING and (
        at_meeting is None or at_meeting.starts_at <= minutes.meeting.starts_at
    ):
        raise ValidationError({"at_meeting": _("Name the later meeting that approved them.")})
    minutes.status = MinutesStatus.APPROVED
    minutes.approved_at = timezone.now()
    minutes.approved_by_route = route
    minutes.approved_at_meeting = at_meeting if route == ApprovalRoute.MEETING else None
    minutes.version += 1
    minutes.save(
        update_fields=[
            "status",
            "approved_at",
            "approved_by_route",
            "approved_at_meeting",
            "version",
        ]
    )
    audit.record(by, "governance.minutes_approved", minutes, route=route)
    return minutes


@transaction.atomic
def publish_minutes(*, minutes: Minutes, by: Any) -> Minutes:
    """Post the approved text as a thread in the board's hub space."""
    from momentum.hub.selectors.spaces import board_space
    from momentum.hub.services.threads import start_thread

    minutes = _locked(minutes)
    if minutes.status != MinutesStatus.APPROVED:
        raise ValidationError(_("Only approved minutes can be published."))
    space = board_space()
    if space is not None:
        latest = minutes.versions.order_by("-number").first()
        submission = start_thread(
            space=space,
            by=by,
            title=_("Approved minutes: %(meeting)s") % {"meeting": minutes.meeting.title},
            body=latest.text if latest else "",
        )
        minutes.published_thread_id = submission.post.thread_id
    minutes.status = MinutesStatus.PUBLISHED
    minutes.save(update_fields=["status", "published_thread_id"])
    audit.record(by, "governance.minutes_published", minutes)
    return minutes


def readable_diff(old: str, new: str) -> list[tuple[str, str]]:
    """The lines of ``new`` against ``old``: ("added"|"removed"|"same", line)."""
    lines: list[tuple[str, str]] = []
    for line in difflib.ndiff(old.splitlines(), new.splitlines()):
        code, text = line[:2], line[2:]
        if code == "+ ":
            lines.append(("added", text))
        elif code == "- ":
            lines.append(("removed", text))
        elif code == "  ":
            lines.append(("same", text))
    return lines
