"""Writes for rounds and country visits, and the visits' calendar invitations."""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from momentum.core import audit
from momentum.core.models import Country
from momentum.needs.models import Round, Visit, VisitDocument, VisitParticipant

PRODUCT_ID = "-//INTERPOL Project Momentum MENA//Momentum needs assessment//EN"


def _require_staff(by: Any) -> None:
    if not by.is_programme_staff:
        raise PermissionDenied


@transaction.atomic
def open_round(*, by: Any, year: int, titles: dict[str, str], **fields: Any) -> Round:
    _require_staff(by)
    if Round.objects.filter(year=year).exists():
        raise ValidationError({"year": _("A round for this year exists already.")})
    round = Round.objects.create(
        year=year, **{f"title_{code}": text for code, text in titles.items()}, **fields
    )
    audit.record(by, "needs.round_opened", round, year=year)
    return round


@transaction.atomic
def plan_visit(
    *,
    by: Any,
    round: Round,
    country: Country,
    starts_on: datetime.date,
    ends_on: datetime.date,
    participants: list[tuple[str, str, str]] = (),  # type: ignore[assignment]
    **details: Any,
) -> Visit:
    """Plan (or re-plan) the round's visit to ``country``; raising the iCalendar sequence so
    calendar programs replace an invitation already sent."""
    _require_staff(by)
    if ends_on < starts_on:
        raise ValidationError({"ends_on": _("The visit cannot end before it starts.")})
    visit = Visit.objects.select_for_update().filter(round=round, country=country).first()
    if visit is None:
        visit = Visit(round=round, country=country, starts_on=starts_on, ends_on=ends_on)
    else:
        visit.sequence += 1
        visit.version += 1
    visit.starts_on, visit.ends_on = starts_on, ends_on
    for field, value in details.items():
        setattr(visit, field, value)
    visit.save()
    if participants:
        VisitParticipant.objects.bulk_create(
            VisitParticipant(visit=visit, name=name, organisation=organisation, sex=sex)
            for name, organisation, sex in participants
        )
    audit.record(by, "needs.visit_planned", visit, country=country)
    return visit


def visit_ics(visit: Visit, *, host: str = "momentum.local") -> bytes:
    """The visit as an iCalendar invitation (all-day event, end date exclusive)."""
    from icalendar import Calendar, Event

    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    event = Event()
    event.add("uid", f"needs-visit-{visit.pk}@{host}")
    event.add("dtstamp", timezone.now())
    event.add("dtstart", visit.starts_on)
    event.add("dtend", visit.ends_on + datetime.timedelta(days=1))
    event.add("sequence", visit.sequence)
    event.add(
        "summary",
        _("Needs-assessment visit: %(country)s") % {"country": visit.country.name},
    )
    if visit.location:
        event.add("location", visit.location)
    description = "\n\n".join(part for part in (visit.agenda, visit.agencies, visit.team) if part)
    if description:
        event.add("description", description)
    event.add("status", "CANCELLED" if visit.status == "cancelled" else "CONFIRMED")
    calendar.add_component(event)
    return calendar.to_ical()


@transaction.atomic
def add_participant(
    *, by: Any, visit: Visit, name: str, organisation: str, sex: str
) -> VisitParticipant:
    """Record someone the team met during the visit (with her or his sex, for the figures)."""
    _require_staff(by)
    name = name.strip()
    if not name:
        raise ValidationError({"name": _("Write the participant's name.")})
    participant = VisitParticipant.objects.create(
        visit=visit, name=name, organisation=organisation.strip(), sex=sex
    )
    audit.record(by, "needs.visit_participant_added", visit, country=visit.country)
    return participant


@transaction.atomic
def remove_participant(*, by: Any, participant: VisitParticipant) -> None:
    _require_staff(by)
    visit = participant.visit
    participant.delete()
    audit.record(by, "needs.visit_participant_removed", visit, country=visit.country)


@transaction.atomic
def attach_visit_document(
    *, by: Any, visit: Visit, title: str, upload: UploadedFile
) -> VisitDocument:
    """Keep a document of the visit (minutes, presentations, the country's own papers), checked
    like every attachment of the platform (type sniffed, size bounded, images stripped)."""
    from django.core.files.base import ContentFile

    from momentum.hub.services.attachments import check_upload

    _require_staff(by)
    checked = check_upload(upload)
    document = VisitDocument(visit=visit, title=title.strip() or checked.name, uploaded_by=by)
    document.file.save(checked.name, ContentFile(checked.data), save=True)
    audit.record(by, "needs.visit_document_attached", visit, country=visit.country)
    return document
