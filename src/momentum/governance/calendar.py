"""The .ics invitation to a board meeting, written with the ``icalendar`` library, in the
language of the member who receives it."""

from __future__ import annotations

from email.utils import parseaddr
from urllib.parse import urlsplit

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _
from icalendar import Calendar, Event, vCalAddress, vText

from momentum.governance.models import Meeting, MeetingFormat, MeetingStatus, in_language

CONTENT_TYPE = "text/calendar; charset=utf-8"
PRODUCT_ID = "-//INTERPOL Project Momentum MENA//Momentum Advisory Board//EN"


def meeting_path(meeting: Meeting) -> str:
    return f"/governance/meetings/{meeting.pk}/"


def meeting_ics(meeting: Meeting, language: str) -> bytes:
    """One VEVENT for ``meeting``: title, agenda and place in ``language``."""
    with translation.override(language):
        site = settings.SITE_URL
        calendar = Calendar()
        calendar.add("prodid", PRODUCT_ID)
        calendar.add("version", "2.0")
        calendar.add("method", "CANCEL" if meeting.status == MeetingStatus.CANCELLED else "PUBLISH")
        event = Event()
        host = urlsplit(site).hostname or "momentum"
        event.add("uid", f"governance-meeting-{meeting.pk}@{host}")
        event.add("sequence", meeting.sequence)
        event.add("dtstamp", meeting.created_at)
        event.add("dtstart", meeting.starts_at)
        event.add("dtend", meeting.ends_at)
        event.add("summary", in_language(meeting, "title", language))
        agenda = [
            f"{item.position}. {in_language(item, 'title', language)}"
            for item in meeting.agenda.all()
        ]
        lines = [_("Agenda:"), *agenda] if agenda else []
        url = f"{site}/{language}{meeting_path(meeting)}"
        lines.append(url)
        event.add("description", "\n".join(lines))
        event.add("url", url)
        if meeting.format == MeetingFormat.ONLINE and meeting.online_link:
            event.add("location", vText(meeting.online_link))
        elif meeting.location:
            event.add("location", vText(meeting.location))
        event.add(
            "status", "CANCELLED" if meeting.status == MeetingStatus.CANCELLED else "CONFIRMED"
        )
        address = parseaddr(settings.DEFAULT_FROM_EMAIL)[1]
        if address:
            event.add("organizer", vCalAddress(f"mailto:{address}"))
        calendar.add_component(event)
        return calendar.to_ical()
