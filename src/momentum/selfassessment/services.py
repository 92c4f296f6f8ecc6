"""Writes of the gender self-assessment: each validates, saves and audits in one transaction."""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from momentum.core import audit
from momentum.core.models import Agency
from momentum.core.notifications import notify
from momentum.people.models import RankLevel
from momentum.selfassessment.models import (
    MAX_RATING,
    Action,
    ActionStatus,
    Answer,
    Cycle,
    CycleStatus,
    Dimension,
    Finding,
    Question,
    QuestionKind,
    Rating,
    SurveyLink,
    SurveyResponse,
    Theme,
)

CHOICES = ("yes", "partly", "no")
LANGS = ("ar", "fr", "en")
REMIND_DAYS_BEFORE = 7


def _path(cycle: Cycle) -> str:
    with override("en"):
        return reverse("selfassessment:cycle", args=[cycle.pk]).removeprefix("/en")


def _check(user: Any, permission: str, cycle: Cycle | None = None) -> None:
    if not user.has_perm(permission, cycle):
        raise PermissionDenied


# --- cycles ---
def invite_working_group(
    *, agency: Agency, year: int, lead: Any, members: list[Any], by: Any
) -> Cycle:
    """Invite an agency's working group, led by its gender focal point, to a cycle."""
    from momentum.people.models import Role

    if not (by.is_programme_staff or agency.country_id in by.countries_for(Role.FOCAL_POINT)):
        raise PermissionDenied
    outside = [
        person
        for person in [lead, *members]
        if not person.is_programme_staff
        and agency.country_id not in person.countries_for(Role.OFFICER, Role.FOCAL_POINT)
    ]
    if outside:
        raise ValidationError(
            _("Every member of the working group must belong to the agency's country.")
        )
    previous = (
        Cycle.objects.filter(agency=agency, year__lt=year, status=CycleStatus.COMPLETED)
        .order_by("-year")
        .first()
    )
    try:
        with transaction.atomic():
            cycle = Cycle.objects.create(
                agency=agency,
                country_id=agency.country_id,
                year=year,
                lead=lead,
                invited_by=by,
                previous=previous,
            )
    except IntegrityError:
        raise ValidationError(
            _("This agency already has a self-assessment cycle for %(year)s.") % {"year": year}
        ) from None
    cycle.members.set([member for member in members if member.pk != lead.pk])
    audit.record(by, "selfassessment.cycle_invited", cycle, country=agency.country)
    notify(
        recipients=[lead, *members],
        kind="selfassessment.invited",
        message=lambda: (
            _("You are invited to the gender self-assessment of %(agency)s (%(year)s).")
            % {"agency": agency.name, "year": year}
        ),
        url=_path(cycle),
        email=True,
    )
    return cycle


def _start(cycle: Cycle) -> None:
    if cycle.status == CycleStatus.INVITED:
        Cycle.objects.filter(pk=cycle.pk, status=CycleStatus.INVITED).update(
            status=CycleStatus.IN_PROGRESS
        )
        cycle.status = CycleStatus.IN_PROGRESS


def complete_cycle(*, cycle: Cycle, by: Any) -> Cycle:
    _check(by, "selfassessment.work_on_cycle", cycle)
    with transaction.atomic():
        cycle = Cycle.objects.select_for_update().get(pk=cycle.pk)
        if cycle.status == CycleStatus.COMPLETED:
            raise ValidationError(_("This cycle is already completed."))
        rated = set(cycle.ratings.values_list("dimension_id", flat=True))
        missing = Dimension.objects.exclude(pk__in=rated).count()
        if missing:
            raise ValidationError(
                _("Rate every dimension before completing the cycle: %(count)s left.")
                % {"count": missing}
            )
        cycle.status = CycleStatus.COMPLETED
        cycle.completed_at = timezone.now()
        cycle.save(update_fields=["status", "completed_at"])
        audit.record(by, "selfassessment.cycle_completed", cycle, country=cycle.country)
    return cycle


# --- answers and ratings ---
def clean_grid(raw: dict[str, dict[str, Any]]) -> dict[str, dict[str, int]]:
    """A headcount grid by rank level: whole numbers, and women plus men never more than all."""
    grid: dict[str, dict[str, int]] = {}
    for level in RankLevel:
        cells = raw.get(level.value) or {}
        counts: dict[str, int] = {}
        for key in ("female", "male", "total"):
            value = cells.get(key)
            if value in (None, ""):
                continue
            try:
                number = int(value)
            except (TypeError, ValueError):
                raise ValidationError(
                    _("Headcounts are whole numbers: %(value)s is not one.") % {"value": value}
                ) from None
            if number < 0:
                raise ValidationError(_("A headcount cannot be negative."))
            counts[key] = number
        if not counts:
            continue
        parts = counts.get("female", 0) + counts.get("male", 0)
        if "total" in counts and parts > counts["total"]:
            raise ValidationError(
                _("%(level)s: %(parts)s women and men are more than the %(total)s staff in all.")
                % {"level": level.label, "parts": parts, "total": counts["total"]}
            )
        grid[level.value] = counts
    return grid


def save_answers(*, cycle: Cycle, by: Any, values: dict[int, Any]) -> int:
    """Save the respondent's answers to questions of the cycle (``values`` by question id)."""
    _check(by, "selfassessment.work_on_cycle", cycle)
    questions = Question.objects.in_bulk(list(values))
    saved = 0
    with transaction.atomic():
        for question_id, value in values.items():
            question = questions.get(question_id)
            if question is None:
                raise ValidationError(_("This question is not part of the assessment."))
            fields: dict[str, Any] = {"choice": "", "scale": None, "grid": {}, "text": ""}
            if question.kind == QuestionKind.YES_PARTLY_NO:
                if value in (None, ""):
                    continue
                if value not in CHOICES:
                    raise ValidationError(_("Answer yes, partly or no."))
                fields["choice"] = value
            elif question.kind == QuestionKind.SCALE:
                if value in (None, ""):
                    continue
                if not isinstance(value, int) or not 1 <= value <= 5:
                    raise ValidationError(_("Choose a value from 1 to 5."))
                fields["scale"] = value
            elif question.kind == QuestionKind.HEADCOUNT:
                fields["grid"] = clean_grid(value or {})
                if not fields["grid"]:
                    continue
            else:
                fields["text"] = str(value or "").strip()
                if not fields["text"]:
                    continue
            Answer.objects.update_or_create(
                cycle=cycle,
                question=question,
                respondent=by,
                defaults={**fields, "updated_at": timezone.now()},
            )
            saved += 1
        if saved:
            _start(cycle)
            audit.record(
                by, "selfassessment.answers_saved", cycle, country=cycle.country, count=saved
            )
    return saved


def _checked_evidence(evidence: UploadedFile | None) -> tuple[ContentFile | None, str]:
    if evidence is None:
        return None, ""
    from momentum.hub.files import check_upload

    checked = check_upload(evidence)
    return ContentFile(checked.data, name=checked.name), checked.name


def rate_dimension(
    *,
    cycle: Cycle,
    dimension: Dimension,
    score: int,
    justification: str,
    by: Any,
    version: int | None = None,
    evidence: UploadedFile | None = None,
) -> Rating:
    """Rate a dimension from 0 to 5; a rating needs its justification, and an edit made on an old
    version of the rating is refused rather than overwriting a colleague's."""
    _check(by, "selfassessment.work_on_cycle", cycle)
    justification = justification.strip()
    if not justification:
        raise ValidationError(_("Say why: a rating needs its justification."))
    if not 0 <= score <= MAX_RATING:
        raise ValidationError(_("A rating goes from 0 to 5."))
    stored, name = _checked_evidence(evidence)
    with transaction.atomic():
        rating = Rating.objects.select_for_update().filter(cycle=cycle, dimension=dimension).first()
        if rating is None:
            rating = Rating(cycle=cycle, dimension=dimension, rated_by=by)
        elif version is not None and version != rating.version:
            raise ValidationError(
                _(
                    "Someone changed this rating while you were editing it. Your text is kept "
                    "below: compare it with the current rating and save again."
                )
            )
        else:
            rating.version += 1
        before = rating.score if rating.pk else None
        rating.score = score
        rating.justification = justification
        rating.rated_by = by
        rating.rated_at = timezone.now()
        if stored is not None:
            rating.evidence = stored
            rating.evidence_name = name
        rating.save()
        _start(cycle)
        audit.record(
            by,
            "selfassessment.dimension_rated",
            cycle,
            country=cycle.country,
            dimension=dimension.code,
            before=before,
            after=score,
        )
    return rating


# --- findings and the action plan ---
def add_finding(*, cycle: Cycle, theme: Theme, text: str, by: Any) -> Finding:
    _check(by, "selfassessment.work_on_cycle", cycle)
    if not text.strip():
        raise ValidationError(_("Write the finding."))
    finding = Finding.objects.create(cycle=cycle, theme=theme, text=text.strip(), written_by=by)
    audit.record(by, "selfassessment.finding_added", cycle, country=cycle.country)
    return finding


def _clean_indicator(code: str) -> str:
    from momentum.core import indicators

    code = code.strip()
    if code and code not in {indicator.code for indicator in indicators.all_indicators()}:
        raise ValidationError(_("No results indicator has the code %(code)s.") % {"code": code})
    return code


def add_action(*, cycle: Cycle, by: Any, **fields: Any) -> Action:
    _check(by, "selfassessment.update_actions", cycle)
    fields["indicator"] = _clean_indicator(fields.get("indicator", ""))
    action = Action.objects.create(cycle=cycle, **fields)
    audit.record(
        by, "selfassessment.action_added", cycle, country=cycle.country, title=action.title
    )
    return action


def update_action(*, action: Action, by: Any, version: int, **fields: Any) -> Action:
    """Change an action of the plan; a change made on an old version is refused."""
    _check(by, "selfassessment.update_actions", action.cycle)
    if "indicator" in fields:
        fields["indicator"] = _clean_indicator(fields["indicator"])
    if (
        fields.get("status") == ActionStatus.DONE
        and not str(fields.get("completion_evidence", action.completion_evidence)).strip()
    ):
        raise ValidationError(_("Say what shows the action is done."))
    with transaction.atomic():
        current = Action.objects.select_for_update().get(pk=action.pk)
        if current.version != version:
            raise ValidationError(
                _("Someone changed this action while you were editing it; your text is kept.")
            )
        changed = {key: value for key, value in fields.items() if getattr(current, key) != value}
        for key, value in fields.items():
            setattr(current, key, value)
        current.version += 1
        current.updated_at = timezone.now()
        current.save()
        audit.record(
            by,
            "selfassessment.action_changed",
            current.cycle,
            country=current.cycle.country,
            action=current.pk,
            changed=sorted(changed),
        )
    return current


def _due_message(action: Action) -> Callable[[], str]:
    def message() -> str:
        return _("The action “%(action)s” of your gender action plan is due on %(date)s.") % {
            "action": action.title,
            "date": formats.date_format(action.due_on, "SHORT_DATE_FORMAT"),
        }

    return message


def remind_due_actions(today: Any = None) -> int:
    """Notify the working group of open actions due within a week, once per action."""
    today = today or timezone.localdate()
    due = Action.objects.filter(
        Q(reminded_on__isnull=True),
        status__in=[ActionStatus.PLANNED, ActionStatus.IN_PROGRESS],
        due_on__lte=today + timedelta(days=REMIND_DAYS_BEFORE),
        due_on__gte=today,
    ).select_related("cycle__agency", "cycle__lead")
    sent = 0
    for action in due:
        with transaction.atomic():
            if not Action.objects.filter(pk=action.pk, reminded_on__isnull=True).update(
                reminded_on=today
            ):
                continue  # another worker reminded it
            cycle = action.cycle
            notify(
                recipients=[cycle.lead, *cycle.members.all()],
                kind="selfassessment.action_due",
                message=_due_message(action),
                url=_path(cycle),
                email=True,
            )
            sent += 1
    return sent


# --- the anonymous personnel survey ---
def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def create_survey_links(*, cycle: Cycle, count: int, by: Any) -> list[str]:
    """Make ``count`` single-use survey links; the tokens are returned once, never stored."""
    _check(by, "selfassessment.manage_cycle", cycle)
    if not 1 <= count <= 500:
        raise ValidationError(_("Make between 1 and 500 links at a time."))
    tokens = [secrets.token_urlsafe(18) for _index in range(count)]
    SurveyLink.objects.bulk_create(
        [SurveyLink(cycle=cycle, token_hash=hash_token(token)) for token in tokens]
    )
    audit.record(by, "selfassessment.survey_links_made", cycle, country=cycle.country, count=count)
    return tokens


@dataclass(frozen=True)
class SurveyAnswer:
    dimension: Dimension
    agreement: int


def submit_survey(*, token: str, answers: list[SurveyAnswer]) -> None:
    """Record one anonymous answer; a link answers once, even under two simultaneous posts."""
    if not answers:
        raise ValidationError(_("Answer at least one statement."))
    if any(not 1 <= answer.agreement <= 5 for answer in answers):
        raise ValidationError(_("Choose a value from 1 to 5."))
    with transaction.atomic():
        link = SurveyLink.objects.select_for_update().filter(token_hash=hash_token(token)).first()
        if link is None:
            raise ValidationError(_("This survey link is not valid."))
        if link.answered_at is not None:
            raise ValidationError(_("This link has already been used to answer the survey."))
        if link.cycle.status == CycleStatus.COMPLETED:
            raise ValidationError(_("This survey is closed."))
        link.answered_at = timezone.now()
        link.save(update_fields=["answered_at"])
        SurveyResponse.objects.bulk_create(
            [
                SurveyResponse(
                    cycle_id=link.cycle_id, dimension=answer.dimension, agreement=answer.agreement
                )
                for answer in answers
            ]
        )


# --- the framework (staff) ---
def update_dimension(*, dimension: Dimension, by: Any, fields: dict[str, Any]) -> Dimension:
    """Change a dimension's words; the survey statement must be given in all three languages
    or in none, so that no one is asked a question in another language than theirs."""
    _check(by, "selfassessment.edit_framework")
    statements = [str(fields.get(f"survey_statement_{lang}") or "").strip() for lang in LANGS]
    if any(statements) and not all(statements):
        raise ValidationError(
            _("Give the survey statement in Arabic, French and English, or leave all three empty.")
        )
    for name, value in fields.items():
        setattr(dimension, name, value)
    dimension.save()
    audit.record(by, "selfassessment.dimension_edited", dimension, fields=sorted(fields))
    return dimension
