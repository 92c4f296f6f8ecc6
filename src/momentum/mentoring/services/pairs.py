"""Writes for the pair's work: the development plan (goals, milestones, review), the meeting log
with each author's private note, the periodic check-ins and the reminders.

The mentee and her mentor write the plan and log meetings while the pair is active; the mentor
or staff mark the plan reviewed (a completion criterion). Plans and goals carry a ``version`` so
that an edit made on a stale page is refused instead of overwriting someone else's change.

A ``MeetingNote`` is written here and read only by its author (see ``selectors.pairs``); no
audit entry, notification or report ever includes its text.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F, Max, Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from momentum.core import audit
from momentum.core.notifications import notify
from momentum.mentoring.models import (
    CheckIn,
    DevelopmentPlan,
    GoalStatus,
    Meeting,
    MeetingMode,
    MeetingNote,
    Milestone,
    Pairing,
    PairingStatus,
    PlanGoal,
)
from momentum.people.models import User
from momentum.people.services import StaleEditError

FIRST_CHECK_IN_AFTER_DAYS = 30
CHECK_IN_EVERY_DAYS = 90
MIN_MEETING_MINUTES = 5
MAX_MEETING_MINUTES = 600
CHECK_IN_REMINDER_EVERY_DAYS = 7
MEETING_NUDGE_AFTER_DAYS = 30

GOAL_FIELDS = ("title", "measure", "target_date", "status", "evidence")


def pair_url(pairing: Pairing | int) -> str:
    """The pair page's path without the language prefix (for notifications)."""
    pk = pairing if isinstance(pairing, int) else pairing.pk
    return f"/mentoring/pairs/{pk}/"


def check_in_url(check_in: CheckIn) -> str:
    return f"/mentoring/check-ins/{check_in.pk}/"


def _stale(what: str) -> StaleEditError:
    messages = {
        "plan": _(
            "Someone else saved this plan while you were editing it. "
            "Reload the page to see their changes, then make yours again."
        ),
        "goal": _(
            "Someone else saved this goal while you were editing it. "
            "Reload the page to see their changes, then make yours again."
        ),
    }
    return StaleEditError(messages[what], code="stale")


def _require(by: User, permission: str, target: Any) -> None:
    if not by.has_perm(permission, target):
        raise PermissionDenied


def _require_active(pairing: Pairing) -> None:
    if pairing.status != PairingStatus.ACTIVE:
        raise ValidationError(
            _("This pair is no longer active: its plan and meetings can no longer change."),
            code="inactive",
        )


def _country(pairing: Pairing) -> Any:
    return pairing.mentee.country


# --- the development plan ---


@transaction.atomic
def ensure_plan(*, pairing: Pairing) -> DevelopmentPlan:
    """The pair's plan, created empty when publication did not create it."""
    plan, _created = DevelopmentPlan.objects.get_or_create(pairing=pairing)
    return plan


@transaction.atomic
def update_plan_summary(
    *, plan: DevelopmentPlan, by: User, summary: str, expected_version: int | None = None
) -> DevelopmentPlan:
    pairing = plan.pairing
    _require(by, "mentoring.edit_plan", pairing)
    _require_active(pairing)
    locked = DevelopmentPlan.objects.select_for_update().get(pk=plan.pk)
    if expected_version is not None and locked.version != expected_version:
        raise _stale("plan")
    summary = summary.strip()
    if summary == locked.summary:
        return locked
    locked.summary = summary
    locked.version = F("version") + 1
    locked.updated_at = timezone.now()
    locked.save(update_fields=["summary", "version", "updated_at"])
    locked.refresh_from_db(fields=["version"])
    audit.record(by, "mentoring.plan_changed", pairing, country=_country(pairing))
    return locked


def _clean_goal(data: dict[str, Any]) -> dict[str, Any]:
    cleaned = {field: data[field] for field in GOAL_FIELDS if field in data}
    for field in ("title", "measure", "evidence"):
        if field in cleaned:
            cleaned[field] = (cleaned[field] or "").strip()
    errors: dict[str, str] = {}
    if "title" in cleaned and not cleaned["title"]:
        errors["title"] = _("Name the goal.")
    elif len(cleaned.get("title", "")) > 200:
        errors["title"] = _("Keep the goal to 200 characters or fewer.")
    if "status" in cleaned and cleaned["status"] not in GoalStatus.values:
        errors["status"] = _("Choose one of the statuses offered.")
    if cleaned.get("status") == GoalStatus.ACHIEVED and not cleaned.get("evidence", "x"):
        errors["evidence"] = _("Say what shows that the goal was achieved.")
    if errors:
        raise ValidationError(
            {field: ValidationError(message, code="invalid") for field, message in errors.items()}
        )
    return cleaned


@transaction.atomic
def add_goal(
    *,
    plan: DevelopmentPlan,
    by: User,
    title: str,
    measure: str = "",
    target_date: date | None = None,
    status: str = GoalStatus.NOT_STARTED,
    evidence: str = "",
) -> PlanGoal:
    pairing = plan.pairing
    _require(by, "mentoring.edit_plan", pairing)
    _require_active(pairing)
    data = _clean_goal(
        {
            "title": title,
            "measure": measure,
            "target_date": target_date,
            "status": status,
            "evidence": evidence,
        }
    )
    order = (plan.goals.aggregate(last=Max("order"))["last"] or 0) + 1
    goal = PlanGoal.objects.create(plan=plan, order=order, **data)
    audit.record(by, "mentoring.goal_added", pairing, country=_country(pairing), goal=goal.pk)
    return goal


@transaction.atomic
def update_goal(
    *, goal: PlanGoal, by: User, data: dict[str, Any], expected_version: int | None = None
) -> PlanGoal:
    """Change a goal's title, measure, target date, status or evidence. An achieved goal needs
    its evidence; a stale edit is refused."""
    pairing = goal.plan.pairing
    _require(by, "mentoring.edit_plan", pairing)
    _require_active(pairing)
    locked = PlanGoal.objects.select_for_update().get(pk=goal.pk)
    if expected_version is not None and locked.version != expected_version:
        raise _stale("goal")
    merged = {field: getattr(locked, field) for field in GOAL_FIELDS}
    merged.update({field: value for field, value in data.items() if field in GOAL_FIELDS})
    cleaned = _clean_goal(merged)
    changed = [field for field in GOAL_FIELDS if getattr(locked, field) != cleaned[field]]
    if not changed:
        return locked
    for field in changed:
        setattr(locked, field, cleaned[field])
    locked.version = F("version") + 1
    locked.save(update_fields=[*changed, "version"])
    locked.refresh_from_db(fields=["version"])
    audit.record(
        by,
        "mentoring.goal_changed",
        pairing,
        country=_country(pairing),
        goal=locked.pk,
        fields=changed,
        status=locked.status,
    )
    return locked


def _clean_milestone(title: str, due_on: date | None, done_on: date | None) -> str:
    title = (title or "").strip()
    errors: dict[str, str] = {}
    if not title:
        errors["title"] = _("Name the milestone.")
    elif len(title) > 200:
        errors["title"] = _("Keep the milestone to 200 characters or fewer.")
    if done_on is not None and done_on > timezone.localdate():
        errors["done_on"] = _("A milestone cannot be done on a date still to come.")
    if errors:
        raise ValidationError(
            {field: ValidationError(message, code="invalid") for field, message in errors.items()}
        )
    return title


def _bump_goal(goal: PlanGoal, expected_version: int | None) -> PlanGoal:
    """Milestones belong to their goal: changing one is a change of the goal (its version)."""
    locked = PlanGoal.objects.select_for_update().get(pk=goal.pk)
    if expected_version is not None and locked.version != expected_version:
        raise _stale("goal")
    PlanGoal.objects.filter(pk=locked.pk).update(version=F("version") + 1)
    return locked


@transaction.atomic
def add_milestone(
    *,
    goal: PlanGoal,
    by: User,
    title: str,
    due_on: date | None = None,
    done_on: date | None = None,
    expected_goal_version: int | None = None,
) -> Milestone:
    pairing = goal.plan.pairing
    _require(by, "mentoring.edit_plan", pairing)
    _require_active(pairing)
    title = _clean_milestone(title, due_on, done_on)
    _bump_goal(goal, expected_goal_version)
    milestone = Milestone.objects.create(goal=goal, title=title, due_on=due_on, done_on=done_on)
    audit.record(by, "mentoring.milestone_added", pairing, country=_country(pairing), goal=goal.pk)
    return milestone


@transaction.atomic
def update_milestone(
    *,
    milestone: Milestone,
    by: User,
    title: str,
    due_on: date | None,
    done_on: date | None,
    expected_goal_version: int | None = None,
) -> Milestone:
    pairing = milestone.goal.plan.pairing
    _require(by, "mentoring.edit_plan", pairing)
    _require_active(pairing)
    title = _clean_milestone(title, due_on, done_on)
    _bump_goal(milestone.goal, expected_goal_version)
    milestone.title, milestone.due_on, milestone.done_on = title, due_on, done_on
    milestone.save(update_fields=["title", "due_on", "done_on"])
    audit.record(
        by,
        "mentoring.milestone_changed",
        pairing,
        country=_country(pairing),
        milestone=milestone.pk,
        done=done_on is not None,
    )
    return milestone


@transaction.atomic
def mark_plan_reviewed(*, plan: DevelopmentPlan, by: User) -> DevelopmentPlan:
    """The mentor (or staff) confirm they reviewed the plan: one of the completion criteria."""
    pairing = plan.pairing
    _require(by, "mentoring.review_plan", pairing)
    _require_active(pairing)
    locked = DevelopmentPlan.objects.select_for_update().get(pk=plan.pk)
    if not locked.goals.exists():
        raise ValidationError(
            _("Add at least one goal to the plan before marking it reviewed."), code="empty"
        )
    locked.reviewed_at = timezone.now()
    locked.reviewed_by = by
    locked.version = F("version") + 1
    locked.save(update_fields=["reviewed_at", "reviewed_by", "version"])
    locked.refresh_from_db(fields=["version"])
    audit.record(by, "mentoring.plan_reviewed", pairing, country=_country(pairing))
    return locked


# --- meetings ---


@transaction.atomic
def log_meeting(
    *,
    pairing: Pairing,
    by: User,
    held_on: date,
    duration_minutes: int,
    mode: str,
    topics: str,
    next_steps: str = "",
    private_note: str = "",
) -> Meeting:
    """Record a meeting of the pair, by either side. ``private_note`` is kept for its author
    alone (never audited, never shown to the other side or to staff)."""
    _require(by, "mentoring.log_meeting", pairing)
    _require_active(pairing)
    topics, next_steps, private_note = topics.strip(), next_steps.strip(), private_note.strip()
    errors: dict[str, str] = {}
    today = timezone.localdate()
    if held_on > today:
        errors["held_on"] = _("A meeting cannot be logged before it takes place.")
    elif pairing.published_at and held_on < timezone.localdate(pairing.published_at):
        errors["held_on"] = _("This date is before the pair started.")
    if not MIN_MEETING_MINUTES <= duration_minutes <= MAX_MEETING_MINUTES:
        errors["duration_minutes"] = _(
            "A meeting lasts between %(least)d and %(most)d minutes."
        ) % {"least": MIN_MEETING_MINUTES, "most": MAX_MEETING_MINUTES}
    if mode not in MeetingMode.values:
        errors["mode"] = _("Choose how you met from the list.")
    if not topics:
        errors["topics"] = _("Say what you talked about.")
    if errors:
        raise ValidationError(
            {field: ValidationError(message, code="invalid") for field, message in errors.items()}
        )
    meeting = Meeting.objects.create(
        pairing=pairing,
        held_on=held_on,
        duration_minutes=duration_minutes,
        mode=mode,
        topics=topics,
        next_steps=next_steps,
        logged_by=by,
    )
    if private_note:
        MeetingNote.objects.create(meeting=meeting, author=by, text=private_note)
    audit.record(
        by,
        "mentoring.meeting_logged",
        pairing,
        country=_country(pairing),
        held_on=held_on.isoformat(),
        minutes=duration_minutes,
    )
    return meeting


# --- check-ins ---


def check_in_dates(published_on: date, ends_on: date) -> list[date]:
    """30 days after the start, then every 90 days, while the cohort runs."""
    dates = []
    due = published_on + timedelta(days=FIRST_CHECK_IN_AFTER_DAYS)
    while due <= ends_on:
        dates.append(due)
        due += timedelta(days=CHECK_IN_EVERY_DAYS)
    return dates


@transaction.atomic
def schedule_check_ins(pairing: Pairing) -> list[CheckIn]:
    """Create the check-ins of both sides of a pair just made active (called by publication).
    Safe to call again: existing check-ins are kept, none is created twice."""
    published = timezone.localdate(pairing.published_at or timezone.now())
    dates = check_in_dates(published, pairing.cohort.ends_on)
    respondents = [pairing.mentee.applicant.user_id, pairing.mentor.user_id]
    existing = set(CheckIn.objects.filter(pairing=pairing).values_list("respondent_id", "due_on"))
    created = CheckIn.objects.bulk_create(
        [
            CheckIn(pairing=pairing, respondent_id=respondent, due_on=due)
            for respondent in respondents
            for due in dates
            if (respondent, due) not in existing
        ]
    )
    return created


@transaction.atomic
def submit_check_in(
    *,
    check_in: CheckIn,
    by: User,
    satisfaction: int | None,
    progress: int | None,
    comment: str = "",
) -> CheckIn:
    """Answer a due check-in: satisfaction and progress from 1 to 5, and a comment."""
    _require(by, "mentoring.answer_check_in", check_in)
    _require_active(check_in.pairing)
    locked = CheckIn.objects.select_for_update().get(pk=check_in.pk)
    if locked.submitted_at is not None:
        raise ValidationError(_("This check-in was already answered."), code="answered")
    if locked.due_on > timezone.localdate():
        raise ValidationError(
            _("This check-in opens on %(date)s.")
            % {"date": date_format(locked.due_on, "DATE_FORMAT")},
            code="not_due",
        )
    errors: dict[str, str] = {}
    for field, value in (("satisfaction", satisfaction), ("progress", progress)):
        if value is None or not 1 <= value <= 5:
            errors[field] = _("Choose a score from 1 to 5.")
    if errors:
        raise ValidationError(
            {field: ValidationError(message, code="invalid") for field, message in errors.items()}
        )
    locked.satisfaction, locked.progress = satisfaction, progress
    locked.comment = comment.strip()
    locked.submitted_at = timezone.now()
    locked.save(update_fields=["satisfaction", "progress", "comment", "submitted_at"])
    pairing = check_in.pairing
    audit.record(
        by,
        "mentoring.check_in_submitted",
        pairing,
        country=_country(pairing),
        check_in=locked.pk,
    )
    return locked


# --- reminders ---


@dataclass(frozen=True)
class RemindersSent:
    check_ins: int
    pairs: int


def _display(user: User) -> str:
    return user.display_name(get_language())


def send_reminders(*, now: datetime | None = None) -> RemindersSent:
    """Remind each side of a due, unanswered check-in (once every 7 days), and nudge both sides
    of an active pair without a meeting for 30 days (once every 30 days). Safe to run as often
    as wanted: each reminder is claimed by a conditional update before it is sent."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    return RemindersSent(
        check_ins=_remind_check_ins(now, today), pairs=_nudge_quiet_pairs(now, today)
    )


def _check_in_due_message(due_on: date) -> Callable[[], str]:
    def message() -> str:
        return _(
            "Your mentoring check-in of %(date)s is waiting: tell us how the pair is going."
        ) % {"date": date_format(due_on, "DATE_FORMAT")}

    return message


def _nudge_message(other_side: User, *, to_mentee: bool) -> Callable[[], str]:
    def message() -> str:
        if to_mentee:
            text = _(
                "You have not logged a meeting with your mentor %(name)s for a month: "
                "plan your next one."
            )
        else:
            text = _(
                "You have not logged a meeting with your mentee %(name)s for a month: "
                "plan your next one."
            )
        return text % {"name": _display(other_side)}

    return message


def _remind_check_ins(now: datetime, today: date) -> int:
    not_recently = Q(reminded_at__isnull=True) | Q(
        reminded_at__date__lte=today - timedelta(days=CHECK_IN_REMINDER_EVERY_DAYS)
    )
    due = CheckIn.objects.filter(
        not_recently,
        pairing__status=PairingStatus.ACTIVE,
        submitted_at__isnull=True,
        due_on__lte=today,
    )
    sent = 0
    for check_in in due.select_related("respondent").order_by("pk"):
        with transaction.atomic():
            claimed = CheckIn.objects.filter(
                not_recently, pk=check_in.pk, submitted_at__isnull=True
            ).update(reminded_at=now)
            if not claimed:
                continue
            due_on = check_in.due_on
            notify(
                recipients=[check_in.respondent],
                kind="mentoring.check_in_due",
                message=_check_in_due_message(due_on),
                url=check_in_url(check_in),
                email=True,
            )
            sent += 1
    return sent


def _nudge_quiet_pairs(now: datetime, today: date) -> int:
    cutoff = today - timedelta(days=MEETING_NUDGE_AFTER_DAYS)
    not_recently = Q(reminded_at__isnull=True) | Q(
        reminded_at__date__lte=today - timedelta(days=MEETING_NUDGE_AFTER_DAYS)
    )
    quiet = (
        Pairing.objects.filter(not_recently, status=PairingStatus.ACTIVE)
        .annotate(last_met_on=Max("meetings__held_on"))
        .filter(
            Q(last_met_on__lt=cutoff) | Q(last_met_on__isnull=True, published_at__date__lt=cutoff)
        )
        .select_related("mentee__applicant__user", "mentor__user")
        .order_by("pk")
    )
    sent = 0
    for pairing in quiet:
        with transaction.atomic():
            claimed = Pairing.objects.filter(not_recently, pk=pairing.pk).update(reminded_at=now)
            if not claimed:
                continue
            mentee, mentor = pairing.mentee.applicant.user, pairing.mentor.user
            notify(
                recipients=[mentee],
                kind="mentoring.meeting_nudge",
                message=_nudge_message(mentor, to_mentee=True),
                url=pair_url(pairing),
                email=True,
            )
            notify(
                recipients=[mentor],
                kind="mentoring.meeting_nudge",
                message=_nudge_message(mentee, to_mentee=False),
                url=pair_url(pairing),
                email=True,
            )
            sent += 1
    return sent
