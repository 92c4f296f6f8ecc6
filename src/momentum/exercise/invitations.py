"""The invitation to an exercise: an e-mail and an .ics of the phases, in the member's language."""

from __future__ import annotations

from datetime import timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from momentum.core.ical import CONTENT_TYPE, Event, build_calendar
from momentum.exercise.models import Exercise, Member, Phase


def exercise_ics(exercise: Exercise, phases: list[Phase], language: str) -> str:
    """One all-day event per phase (end date exclusive), named in ``language``."""
    host = urlsplit(settings.SITE_URL).hostname or "momentum"
    url = f"{settings.SITE_URL}/{language}/exercise/{exercise.pk}/"
    with translation.override(language):
        events = [
            Event(
                uid=f"exercise-{exercise.pk}-{phase.kind}@{host}",
                summary=_("%(exercise)s: %(phase)s")
                % {"exercise": exercise.title, "phase": phase.get_kind_display()},
                starts=phase.starts_on,
                ends=phase.ends_on + timedelta(days=1),
                location=phase.location,
                url=url,
            )
            for phase in phases
        ]
        return build_calendar(events, name=exercise.title, method="PUBLISH")


def email_invitation(member_id: int) -> bool:
    member = (
        Member.objects.select_related("user", "exercise", "site", "shift")
        .filter(pk=member_id)
        .first()
    )
    if member is None or not member.user.email:
        return False
    exercise = member.exercise
    phases = list(exercise.phases.all())
    language = member.user.preferred_language or "en"
    with translation.override(language):
        subject = _("Field exercise: %(title)s") % {"title": exercise.title}
        if member.site is not None and member.shift is not None:
            place = _(
                "You will serve as %(role)s at %(site)s, on the shift %(shift)s starting %(when)s."
            ) % {
                "role": member.get_role_display(),
                "site": member.site.name,
                "shift": member.shift.name,
                "when": date_format(member.shift.starts_at, "DATETIME_FORMAT"),
            }
        else:
            place = _("You will serve as %(role)s on the INTERPOL team.") % {
                "role": member.get_role_display()
            }
        body = "\n\n".join(
            [
                _("You are invited to the field exercise %(title)s.") % {"title": exercise.title},
                place,
                _(
                    "Your site, shift, role and documents are on your home page; the attached "
                    "file adds the exercise's phases to your calendar."
                ),
            ]
        )
    message = EmailMultiAlternatives(subject, body, to=[member.user.email])
    message.attach(
        f"exercise-{exercise.pk}.ics", exercise_ics(exercise, phases, language), CONTENT_TYPE
    )
    message.send()
    return True
