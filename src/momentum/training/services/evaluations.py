"""Writes for evaluations: anonymous answers, and the follow-up survey's invitations.

Anonymity is structural: an ``Evaluation`` names the session and the kind of survey and carries
only the date; the ``EvaluationReceipt`` records that a nomination answered, never what. No audit
entry is written for an answer: its time and actor would tie the answer to a person.
"""

from __future__ import annotations

import calendar
import logging
from collections.abc import Mapping
from datetime import date, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from momentum.core import audit
from momentum.training.models import (
    Evaluation,
    EvaluationKind,
    EvaluationReceipt,
    FollowUpInvitation,
    Nomination,
    NominationStatus,
    Session,
    SessionStatus,
)

logger = logging.getLogger(__name__)

# The questions of each survey: the rating fields of ``Evaluation`` it fills, all required.
QUESTIONS: dict[str, tuple[str, ...]] = {
    EvaluationKind.END_OF_SESSION: ("relevance", "content", "trainers", "organisation"),
    EvaluationKind.FOLLOW_UP: ("applied_on_job",),
}
QUESTION_LABELS = {
    "relevance": gettext_lazy("Relevance to my work"),
    "content": gettext_lazy("Content"),
    "trainers": gettext_lazy("Trainers"),
    "organisation": gettext_lazy("Organisation"),
    "applied_on_job": gettext_lazy("I apply what I learned in my work"),
}
MAX_COMMENT_LENGTH = 4000
# Sessions ended longer ago than the follow-up delay plus this are not surveyed any more (a
# first run of the command does not write to everyone ever trained).
FOLLOW_UP_WINDOW_DAYS = 60


def follow_up_months() -> int:
    """``TRAINING_FOLLOW_UP_MONTHS``: how long after a session its follow-up survey is sent."""
    return int(getattr(settings, "TRAINING_FOLLOW_UP_MONTHS", 3))


def months_before(day: date, months: int) -> date:
    """The same day ``months`` months earlier (the month's last day when it is shorter)."""
    year, month_index = divmod(day.year * 12 + day.month - 1 - months, 12)
    last_day = calendar.monthrange(year, month_index + 1)[1]
    return date(year, month_index + 1, min(day.day, last_day))


def months_after(day: date, months: int) -> date:
    return months_before(day, -months)


def session_today(session: Session) -> date:
    """Today's date where the session takes place."""
    try:
        zone = ZoneInfo(session.time_zone)
    except (ZoneInfoNotFoundError, ValueError):
        zone = ZoneInfo("UTC")
    return timezone.localdate(timezone=zone)


def end_of_session_open(session: Session) -> bool:
    """Open once the session is completed, or while it runs on its last day."""
    if session.status == SessionStatus.COMPLETED:
        return True
    return session.status == SessionStatus.RUNNING and session_today(session) >= session.ends_on


def follow_up_opens_on(session: Session) -> date:
    return months_after(session.ends_on, follow_up_months())


def follow_up_open(session: Session) -> bool:
    return session.status in {
        SessionStatus.COMPLETED,
        SessionStatus.CLOSED,
    } and session_today(session) >= follow_up_opens_on(session)


def survey_open(session: Session, kind: str) -> bool:
    if kind == EvaluationKind.FOLLOW_UP:
        return follow_up_open(session)
    return end_of_session_open(session)


def has_answered(*, nomination: Nomination, kind: str) -> bool:
    return EvaluationReceipt.objects.filter(nomination=nomination, kind=kind).exists()


def _already_answered() -> ValidationError:
    return ValidationError(
        _("You have already answered this survey. Each participant answers once."),
        code="already_answered",
    )


def _clean_ratings(kind: str, ratings: Mapping[str, object]) -> dict[str, int]:
    cleaned: dict[str, int] = {}
    errors: dict[str, str] = {}
    for question in QUESTIONS[kind]:
        value = ratings.get(question)
        try:
            number = int(value)  # type: ignore[call-overload]
        except (TypeError, ValueError):
            number = 0
        if not 1 <= number <= 5:
            errors[question] = _("Choose a rating from 1 to 5.")
        else:
            cleaned[question] = number
    if errors:
        raise ValidationError(errors)
    return cleaned


def submit_evaluation(
    *, nomination: Nomination, kind: str, ratings: Mapping[str, object], comments: str
) -> None:
    """Record one participant's anonymous answer and the receipt that they answered, together.

    Returns nothing on purpose: nothing the caller keeps should tie the answer to the person.
    """
    if kind not in QUESTIONS:
        raise ValidationError(_("This survey does not exist."), code="unknown_kind")
    session = nomination.session
    if nomination.status != NominationStatus.SELECTED:
        raise ValidationError(
            _("Only the selected participants of a session answer its surveys."),
            code="not_participant",
        )
    if not survey_open(session, kind):
        if kind == EvaluationKind.FOLLOW_UP:
            raise ValidationError(
                _("The follow-up survey of this session opens on %(date)s.")
                % {"date": follow_up_opens_on(session).isoformat()},
                code="closed",
            )
        raise ValidationError(
            _(
                "The evaluation is open from the last day of the session until the session "
                "is closed."
            ),
            code="closed",
        )
    cleaned = _clean_ratings(kind, ratings)
    comments = (comments or "").strip()
    if len(comments) > MAX_COMMENT_LENGTH:
        raise ValidationError(
            {
                "comments": _("Keep your comments under %(limit)s characters.")
                % {"limit": MAX_COMMENT_LENGTH}
            }
        )
    if has_answered(nomination=nomination, kind=kind):
        raise _already_answered()
    try:
        with transaction.atomic():
            # The receipt first: its unique constraint stops a second answer sent at the
            # same moment (two tabs, a double click), and the answer is then never written.
            EvaluationReceipt.objects.create(nomination=nomination, kind=kind)
            Evaluation.objects.create(
                session_id=nomination.session_id,
                kind=kind,
                comments=comments,
                submitted_on=timezone.localdate(),
                **cleaned,
            )
    except IntegrityError as error:
        raise _already_answered() from error


# --- the follow-up survey's invitations -----------------------------------------------------


def follow_up_url(session: Session, language: str) -> str:
    with translation.override(language):
        path = reverse("training:follow_up", kwargs={"pk": session.pk})
    return f"{settings.SITE_URL}{path}"


def _send_follow_up_email(nomination: Nomination) -> None:
    user = nomination.officer.user
    language = user.preferred_language or settings.LANGUAGE_CODE
    session = nomination.session
    with translation.override(language):
        context = {
            "name": user.display_name(language),
            "course": session.course.title,
            "starts_on": session.starts_on,
            "ends_on": session.ends_on,
            "url": follow_up_url(session, language),
        }
        subject = _("How do you use your training on the job?")
        text = render_to_string("training/email/follow_up.txt", context)
        html = render_to_string("training/email/follow_up.html", context)
    message = EmailMultiAlternatives(subject, text, to=[user.email])
    message.attach_alternative(html, "text/html")
    message.send()


def follow_up_due(*, today: date) -> list[Nomination]:
    """The selected participants of finished sessions whose follow-up is due today and who
    were not invited yet."""
    latest_end = months_before(today, follow_up_months())
    earliest_end = latest_end - timedelta(days=FOLLOW_UP_WINDOW_DAYS)
    return list(
        Nomination.objects.filter(
            status=NominationStatus.SELECTED,
            session__status__in=[SessionStatus.COMPLETED, SessionStatus.CLOSED],
            session__ends_on__lte=latest_end,
            session__ends_on__gt=earliest_end,
        )
        .exclude(pk__in=FollowUpInvitation.objects.values("nomination_id"))
        .select_related("officer__user", "session__course")
        .order_by("pk")
    )


def send_follow_up_surveys(*, today: date | None = None) -> int:
    """E-mail each participant whose follow-up survey is due a link to it, once. Safe to run
    any number of times, even twice at once: a participant is written to only once. Returns
    the number of e-mails sent."""
    today = today or timezone.localdate()
    sent = 0
    for nomination in follow_up_due(today=today):
        try:
            with transaction.atomic():
                FollowUpInvitation.objects.create(nomination=nomination)
                # Inside the transaction: if the e-mail fails, no invitation is recorded and
                # the next run tries again.
                _send_follow_up_email(nomination)
        except IntegrityError:
            continue  # another run has just invited this participant
        except OSError:
            logger.exception("The follow-up survey for nomination %s was not sent", nomination.pk)
            continue
        sent += 1
    if sent:
        audit.record(None, "training.follow_up_sent", None, count=sent, on=today.isoformat())
    return sent
