"""iCalendar files for training sessions: a confirmed participant's invitation and each
person's private feed, built with ``momentum.core.ical`` (the ``icalendar`` package).

Sessions are scheduled in whole days, so their events are all-day events (``VALUE=DATE``, the
end date exclusive).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from momentum.core.ical import CONTENT_TYPE, PRODUCT_ID, Event, build_calendar
from momentum.training.models import Delivery, Session, SessionStatus

__all__ = ["CONTENT_TYPE", "PRODUCT_ID", "Event", "build_calendar", "feed", "session_invitation"]

# Sessions not yet confirmed appear as tentative, so nobody books travel on them.
_EVENT_STATUS: dict[str, str] = {
    SessionStatus.DRAFT: "TENTATIVE",
    SessionStatus.OPEN: "TENTATIVE",
    SessionStatus.SELECTION: "TENTATIVE",
    SessionStatus.CONFIRMED: "CONFIRMED",
    SessionStatus.RUNNING: "CONFIRMED",
    SessionStatus.COMPLETED: "CONFIRMED",
    SessionStatus.CLOSED: "CONFIRMED",
    SessionStatus.CANCELLED: "CANCELLED",
}


def session_uid(session: Session) -> str:
    """Stable for the session's whole life, so a calendar updates the event, never doubles it."""
    host = urlsplit(settings.SITE_URL).hostname or "momentum.invalid"
    return f"training-session-{session.pk}@{host}"


def session_url(session: Session) -> str:
    """The session's page in the active language."""
    return f"{settings.SITE_URL}{reverse('training:session', kwargs={'pk': session.pk})}"


def session_location(session: Session) -> str:
    if session.delivery == Delivery.ONLINE or (
        not session.venue_city and session.venue_country is None
    ):
        return str(_("Online"))
    return ", ".join(str(part) for part in (session.venue_city, session.venue_country) if part)


def session_event(session: Session) -> Event:
    """The session as an all-day event, in the active language. ``session.course``,
    ``session.venue_city`` and ``session.venue_country`` should be selected with it."""
    course = session.course
    description = "\n\n".join(
        part
        for part in (
            course.summary,
            _("Session page: %(url)s") % {"url": session_url(session)},
        )
        if part
    )
    return Event(
        uid=session_uid(session),
        summary=f"{course.title} ({course.code})",
        starts=session.starts_on,
        ends=session.ends_on + timedelta(days=1),
        status=_EVENT_STATUS.get(session.status, "TENTATIVE"),
        location=session_location(session),
        description=description,
        url=session_url(session),
    )


def session_invitation(session: Session, *, language: str) -> str:
    """The ``.ics`` attached to a participant's confirmation, in their language."""
    with translation.override(language):
        return build_calendar([session_event(session)], method="PUBLISH")


def feed(sessions: Iterable[Session], *, language: str) -> str:
    """A person's calendar feed, in ``language``."""
    with translation.override(language):
        return build_calendar(
            [session_event(session) for session in sessions],
            name=_("Momentum training sessions"),
            method="PUBLISH",
        )
