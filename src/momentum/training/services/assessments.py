"""Knowledge tests: the question bank of a course, and participants' pre- and post-tests.

A participant takes each test once, in its window: the pre-test from the session's confirmation
until the end of its first day, the post-test from its last day until seven days after (days in
the session's time zone). Scoring is automatic: a question is right when the choices selected are
exactly its correct ones; the score is the share of the questions shown that were right.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max, Prefetch, QuerySet
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from momentum.core import audit
from momentum.people.models import User
from momentum.training import signals
from momentum.training.models import (
    Answer,
    Choice,
    Course,
    Nomination,
    NominationStatus,
    Question,
    QuestionKind,
    Session,
    SessionStatus,
    TestAttempt,
    TestKind,
)

LANGUAGES = tuple(code for code, _name in settings.LANGUAGES)

# Tests are open only for sessions that are confirmed and not yet closed or cancelled.
TEST_STATUSES = frozenset({SessionStatus.CONFIRMED, SessionStatus.RUNNING, SessionStatus.COMPLETED})
POST_TEST_DAYS_AFTER = 7

# The two choices of a true-or-false question, in the three languages (content, not UI).
TRUE_FALSE_TEXTS: dict[bool, dict[str, str]] = {
    True: {"ar": "صحيح", "fr": "Vrai", "en": "True"},
    False: {"ar": "خطأ", "fr": "Faux", "en": "False"},
}


# --- the question bank ---


@dataclass(frozen=True)
class ChoiceInput:
    """One answer of a single- or multiple-choice question, as typed in the form."""

    texts: dict[str, str]
    is_correct: bool
    pk: int | None = None


@dataclass(frozen=True)
class _ChoicePlan:
    texts: dict[str, str]
    is_correct: bool
    pk: int | None = None
    order: int = 0


def _clean_texts(texts: Mapping[str, str]) -> dict[str, str]:
    return {language: (texts.get(language) or "").strip() for language in LANGUAGES}


def _text_fields(texts: Mapping[str, str]) -> dict[str, str | None]:
    """modeltranslation's columns (``text_ar``…); an empty language falls back to another."""
    cleaned = _clean_texts(texts)
    fields: dict[str, str | None] = {
        f"text_{language}": (cleaned[language] or None) for language in LANGUAGES
    }
    # The untranslated column keeps the default language's text (or the first one written).
    fields["text"] = cleaned[settings.MODELTRANSLATION_DEFAULT_LANGUAGE] or next(
        (value for value in cleaned.values() if value), ""
    )
    return fields


def _plan_choices(
    kind: str, choices: Sequence[ChoiceInput], true_is_correct: bool | None
) -> list[_ChoicePlan]:
    if kind == QuestionKind.TRUE_FALSE:
        if true_is_correct is None:
            raise ValidationError(
                {"true_is_correct": _("Say whether the statement is true or false.")}
            )
        return [
            _ChoicePlan(TRUE_FALSE_TEXTS[True], true_is_correct, order=1),
            _ChoicePlan(TRUE_FALSE_TEXTS[False], not true_is_correct, order=2),
        ]
    planned: list[_ChoicePlan] = []
    for choice in choices:
        texts = _clean_texts(choice.texts)
        if not any(texts.values()):
            raise ValidationError(_("Each answer needs its text in at least one language."))
        planned.append(_ChoicePlan(texts, choice.is_correct, pk=choice.pk, order=len(planned) + 1))
    if len(planned) < 2:
        raise ValidationError(_("A question needs at least two answers to choose from."))
    correct = sum(choice.is_correct for choice in planned)
    if kind == QuestionKind.SINGLE and correct != 1:
        raise ValidationError(_("A single-choice question needs exactly one correct answer."))
    if kind == QuestionKind.MULTIPLE and correct < 1:
        raise ValidationError(_("A multiple-choice question needs at least one correct answer."))
    return planned


@transaction.atomic
def save_question(
    *,
    course: Course,
    question: Question | None,
    texts: Mapping[str, str],
    kind: str,
    choices: Sequence[ChoiceInput] = (),
    true_is_correct: bool | None = None,
    is_active: bool = True,
    by: User,
) -> Question:
    """Create (``question=None``) or change a question of ``course`` with its answers.

    A true-or-false question gets its two answers (true, false) made here. Once a question has
    been answered in a test, its kind and answers are kept (scores must not change after the
    fact): only its wording and whether it is in use may still change.
    """
    if not by.has_perm("training.manage_questions"):
        raise PermissionDenied
    if kind not in QuestionKind.values:
        raise ValidationError({"kind": _("Choose the kind of question.")})
    if not any(_clean_texts(texts).values()):
        raise ValidationError(_("Write the question in at least one language."))
    plan = _plan_choices(kind, choices, true_is_correct)
    if question is not None:
        question = Question.objects.select_for_update().get(pk=question.pk, course=course)
        existing = {choice.pk: choice for choice in question.choices.all()}
        if question.answers.exists():
            _refuse_changes_to_answered(question, existing, kind, plan)
    else:
        existing = {}
        last = Question.objects.filter(course=course).aggregate(last=Max("order"))["last"]
        question = Question(course=course, order=(last or 0) + 1)
    for name, value in _text_fields(texts).items():
        setattr(question, name, value)
    question.kind = kind
    question.is_active = is_active
    question.save()
    _save_choices(question, existing, kind, plan)
    audit.record(by, "question.saved" if existing else "question.created", question, kind=kind)
    return question


def _refuse_changes_to_answered(
    question: Question, existing: dict[int, Choice], kind: str, plan: list[_ChoicePlan]
) -> None:
    if kind != question.kind:
        raise ValidationError(
            _("This question was already answered in a test, so its kind cannot change.")
        )
    if kind == QuestionKind.TRUE_FALSE:
        was_true = next(
            (choice.is_correct for choice in existing.values() if choice.order == 1), None
        )
        changed = was_true is not None and was_true != plan[0].is_correct
    else:
        changed = {choice.pk for choice in plan} != set(existing) or any(
            existing[choice.pk].is_correct != choice.is_correct
            for choice in plan
            if choice.pk in existing
        )
    if changed:
        raise ValidationError(
            _(
                "This question was already answered in a test, so its answers and which of "
                "them are correct cannot change. You may correct the wording, or take the "
                "question out of use and write a new one."
            )
        )


def _save_choices(
    question: Question, existing: dict[int, Choice], kind: str, plan: list[_ChoicePlan]
) -> None:
    if kind == QuestionKind.TRUE_FALSE:
        # Keep the two rows when they are already true/false; otherwise start afresh.
        by_order = {choice.order: choice for choice in existing.values()}
        keep = question.kind == kind and len(existing) == 2 and set(by_order) == {1, 2}
        plan = [
            _ChoicePlan(
                item.texts, item.is_correct, by_order[item.order].pk if keep else None, item.order
            )
            for item in plan
        ]
    kept = {item.pk for item in plan if item.pk in existing}
    Choice.objects.filter(question=question).exclude(pk__in=kept).delete()
    for item in plan:
        choice = existing[item.pk] if item.pk in existing else Choice(question=question)
        for name, value in _text_fields(item.texts).items():
            setattr(choice, name, value)
        choice.is_correct = item.is_correct
        choice.order = item.order
        choice.save()


def questions_of(course: Course) -> QuerySet[Question]:
    """The questions of a course's test, in order, with their answers."""
    return (
        Question.objects.filter(course=course, is_active=True)
        .order_by("order", "pk")
        .prefetch_related(Prefetch("choices", queryset=Choice.objects.order_by("order", "pk")))
    )


# --- windows ---


@dataclass(frozen=True)
class Window:
    """When a test may be taken: ``opens`` None means from the session's confirmation."""

    opens: datetime | None
    closes: datetime


def _start_of(day: date, session: Session) -> datetime:
    return datetime.combine(day, time.min, tzinfo=ZoneInfo(session.time_zone))


def window_of(session: Session, kind: str) -> Window:
    if kind == TestKind.PRE:
        return Window(None, _start_of(session.starts_on + timedelta(days=1), session))
    return Window(
        _start_of(session.ends_on, session),
        _start_of(session.ends_on + timedelta(days=POST_TEST_DAYS_AFTER + 1), session),
    )


def window_refusal(session: Session, kind: str, now: datetime | None = None) -> str:
    """Why the test cannot be taken now, or an empty string when it can."""
    now = now or timezone.now()
    if session.status not in TEST_STATUSES:
        return _("The tests of a session are open only once the session is confirmed.")
    window = window_of(session, kind)
    if kind == TestKind.PRE:
        if now >= window.closes:
            return _("The pre-test closed at the end of the session's first day, %(day)s.") % {
                "day": date_format(session.starts_on)
            }
        return ""
    if window.opens is not None and now < window.opens:
        return _("The post-test opens on the session's last day, %(day)s.") % {
            "day": date_format(session.ends_on)
        }
    if now >= window.closes:
        return _("The post-test closed on %(day)s, seven days after the session.") % {
            "day": date_format(session.ends_on + timedelta(days=POST_TEST_DAYS_AFTER))
        }
    return ""


def already_submitted_message(kind: str) -> str:
    if kind == TestKind.PRE:
        return _("You have already submitted the pre-test; each test is taken only once.")
    return _("You have already submitted the post-test; each test is taken only once.")


def participation_refusal(nomination: Nomination, kind: str, now: datetime | None = None) -> str:
    """Why ``nomination``'s officer may not take the test now, whether or not they already did
    ("" when they may; no query)."""
    if nomination.status != NominationStatus.SELECTED:
        return _("Only the session's selected participants take its tests.")
    return window_refusal(nomination.session, kind, now)


def refusal_for(nomination: Nomination, kind: str, now: datetime | None = None) -> str:
    """Why ``nomination``'s officer may not take the test now ("" when they may)."""
    refusal = participation_refusal(nomination, kind, now)
    if not refusal and TestAttempt.objects.filter(nomination=nomination, kind=kind).exists():
        refusal = already_submitted_message(kind)
    return refusal


# --- scoring ---


def is_right(correct: Collection[int], chosen: Collection[int]) -> bool:
    """A question is right when the choices selected are exactly its correct ones."""
    return set(chosen) == set(correct)


def score(
    correct: Mapping[int, Collection[int]], answers: Mapping[int, Collection[int]]
) -> Decimal:
    """The share (0 to 100, two decimals) of the questions in ``correct`` answered right.

    ``correct`` maps each question shown to its correct choices; ``answers`` maps a question to
    the choices selected (a question left out is wrong).
    """
    if not correct:
        return Decimal("0.00")
    right = sum(is_right(choices, answers.get(pk, ())) for pk, choices in correct.items())
    return (Decimal(100 * right) / Decimal(len(correct))).quantize(Decimal("0.01"))


def gain(pre: Decimal | None, post: Decimal | None) -> Decimal | None:
    if pre is None or post is None:
        return None
    return post - pre


def normalised_gain(pre: Decimal | None, post: Decimal | None) -> Decimal | None:
    """(post - pre) / (100 - pre): the share of what there was to learn that was learned.
    Undefined (None) when the pre-test score was already 100."""
    if pre is None or post is None or pre >= 100:
        return None
    return ((post - pre) / (Decimal(100) - pre)).quantize(Decimal("0.01"))


def _check_answers(
    questions: Sequence[Question], answers: Mapping[int, Collection[int]]
) -> dict[int, set[int]]:
    by_pk = {question.pk: question for question in questions}
    if set(answers) - by_pk.keys():
        raise ValidationError(
            _("An answer was given to a question that is not part of this course's test.")
        )
    chosen: dict[int, set[int]] = {}
    for question in questions:
        selected = {int(pk) for pk in answers.get(question.pk, ())}
        if selected - {choice.pk for choice in question.choices.all()}:
            raise ValidationError(_("An answer was chosen that does not belong to its question."))
        if question.kind != QuestionKind.MULTIPLE and len(selected) > 1:
            raise ValidationError(_("Choose only one answer to each single-choice question."))
        chosen[question.pk] = selected
    return chosen


@transaction.atomic
def submit_test(
    *,
    nomination: Nomination,
    kind: str,
    answers: Mapping[int, Collection[int]],
    language: str,
) -> TestAttempt:
    """Score and save a participant's pre- or post-test. Refused outside its window, a second
    time, for someone not selected, or with answers to questions not in the course."""
    if kind not in TestKind.values:
        raise ValidationError(_("There is no such test."))
    refusal = refusal_for(nomination, kind)
    if refusal:
        raise ValidationError(refusal)
    questions = list(questions_of(nomination.session.course))
    if not questions:
        raise ValidationError(_("This course's test has no questions yet."))
    chosen = _check_answers(questions, answers)
    correct = {
        question.pk: {choice.pk for choice in question.choices.all() if choice.is_correct}
        for question in questions
    }
    try:
        with transaction.atomic():
            attempt = TestAttempt.objects.create(
                nomination=nomination,
                kind=kind,
                language=language if language in LANGUAGES else "en",
                submitted_at=timezone.now(),
                score=score(correct, chosen),
            )
    except IntegrityError:
        # Sent twice at the same moment: the database keeps one.
        raise ValidationError(already_submitted_message(kind)) from None
    saved = Answer.objects.bulk_create(
        [
            Answer(
                attempt=attempt,
                question=question,
                is_correct=is_right(correct[question.pk], chosen[question.pk]),
            )
            for question in questions
        ]
    )
    Answer.choices.through.objects.bulk_create(
        [
            Answer.choices.through(answer_id=answer.pk, choice_id=choice_pk)
            for answer in saved
            for choice_pk in sorted(chosen[answer.question_id])
        ]
    )
    # The answers were written in bulk (no signal): the results' cached figures are stale.
    signals.results_changed()
    audit.record(
        nomination.officer.user,
        "test.submitted",
        attempt,
        country=nomination.country,
        kind=kind,
        score=str(attempt.score),
    )
    if kind == TestKind.POST and nomination.session.status in {
        SessionStatus.COMPLETED,
        SessionStatus.CLOSED,
    }:
        # A post-test taken after the session ended may complete the participation.
        from momentum.training import tasks

        transaction.on_commit(
            lambda: tasks.issue_certificate_when_complete.enqueue(nomination_id=nomination.pk)
        )
    return attempt
