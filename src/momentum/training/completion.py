"""Has a participant completed a course? The completion rule, and the figures it reads.

The rule: the attendance rate reaches ``course.min_attendance_percent`` AND the post-test score
reaches ``course.min_post_test_score`` — the test only when the course has questions in use;
a course without questions is completed on attendance alone. A course may also ask for a
practical assessment (``course.min_practical_score``, e.g. the screening simulator): then the
participant's best practical score must reach it too.

The attendance rate is the share of the session's days, first to last (as on the attendance
summary), that the participant attended (present or late). Every figure here is computed for
many participants at once, in a fixed number of queries, for transcripts and exports.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count, F
from django.utils import timezone
from django.utils.translation import gettext as _

from momentum.training.models import (
    Attendance,
    Nomination,
    NominationStatus,
    PracticalAssessment,
    Question,
    TestAttempt,
    TestKind,
)
from momentum.training.models.attendance import ATTENDING
from momentum.training.models.sessions import SessionStatus

# Sessions whose attendance is final: completion can be decided.
FINISHED = frozenset({SessionStatus.COMPLETED, SessionStatus.CLOSED})
_TENTH = Decimal("0.1")


@dataclass(frozen=True)
class Progress:
    """One participant's figures against the completion rule of their course."""

    days_attended: int
    session_days: int
    pre_score: Decimal | None
    post_score: Decimal | None
    needs_post_test: bool
    min_attendance_percent: int
    min_post_test_score: int
    taking_part: bool
    session_started: bool
    session_finished: bool
    practical_score: Decimal | None = None
    min_practical_score: int | None = None

    @property
    def attendance_rate(self) -> Decimal | None:
        """Percent, to one decimal; None for someone not taking part or before the session."""
        if not (self.taking_part and self.session_started and self.session_days):
            return None
        rate = Decimal(100 * self.days_attended) / Decimal(self.session_days)
        return rate.quantize(_TENTH, rounding=ROUND_HALF_UP)

    @property
    def gain(self) -> Decimal | None:
        if self.pre_score is None or self.post_score is None:
            return None
        return self.post_score - self.pre_score

    @property
    def attended_enough(self) -> bool:
        # Compared in whole numbers, so 79.99 % never rounds up to a pass.
        return bool(self.session_days) and (
            100 * self.days_attended >= self.min_attendance_percent * self.session_days
        )

    @property
    def passed_post_test(self) -> bool:
        if not self.needs_post_test:
            return True
        return self.post_score is not None and self.post_score >= self.min_post_test_score

    @property
    def passed_practical(self) -> bool:
        if self.min_practical_score is None:
            return True
        return self.practical_score is not None and self.practical_score >= self.min_practical_score

    @property
    def meets_rule(self) -> bool:
        """The completion rule alone, whatever the session's stage."""
        return (
            self.taking_part
            and self.attended_enough
            and self.passed_post_test
            and self.passed_practical
        )

    @property
    def completed(self) -> bool:
        """Completed: the rule is met and the session is over (its attendance is final)."""
        return self.session_finished and self.meets_rule

    def shortfalls(self) -> list[str]:
        """Why the participant has not completed, in whole sentences (empty when completed)."""
        reasons = []
        if not self.taking_part:
            reasons.append(_("The officer was not a selected participant."))
        if not self.session_finished:
            reasons.append(_("The session is not over yet."))
        if not self.attended_enough:
            reasons.append(
                _("The attendance rate is below %(minimum)s %%.")
                % {"minimum": self.min_attendance_percent}
            )
        if self.needs_post_test and self.post_score is None:
            reasons.append(_("The post-test was not taken."))
        elif not self.passed_post_test:
            reasons.append(
                _("The post-test score is below %(minimum)s %%.")
                % {"minimum": self.min_post_test_score}
            )
        if self.min_practical_score is not None and self.practical_score is None:
            reasons.append(_("The practical assessment was not taken."))
        elif not self.passed_practical:
            reasons.append(
                _("The practical assessment score is below %(minimum)s %%.")
                % {"minimum": self.min_practical_score}
            )
        return reasons


def progress_for(nominations: Iterable[Nomination]) -> dict[int, Progress]:
    """Each nomination's progress, by nomination id. The nominations must come with
    ``session__course`` selected. Costs three queries whatever their number, a fourth when a
    course asks for a practical assessment, none if empty."""
    nominations = list(nominations)
    if not nominations:
        return {}
    ids = [nomination.pk for nomination in nominations]
    course_ids = {nomination.session.course_id for nomination in nominations}

    attended = dict(
        Attendance.objects.filter(
            nomination_id__in=ids,
            mark__in=ATTENDING,
            day__gte=F("nomination__session__starts_on"),
            day__lte=F("nomination__session__ends_on"),
        )
        .values_list("nomination_id")
        .annotate(days=Count("day", distinct=True))
        .order_by()
    )
    scores: dict[int, dict[str, Decimal]] = defaultdict(dict)
    for nomination_id, kind, score in TestAttempt.objects.filter(nomination_id__in=ids).values_list(
        "nomination_id", "kind", "score"
    ):
        scores[nomination_id][kind] = score
    # Read only when a course of these asks for a practical assessment.
    practical = (
        dict(
            PracticalAssessment.objects.filter(nomination_id__in=ids).values_list(
                "nomination_id", "score"
            )
        )
        if any(n.session.course.min_practical_score is not None for n in nominations)
        else {}
    )
    with_questions = set(
        Question.objects.filter(course_id__in=course_ids, is_active=True)
        .values_list("course_id", flat=True)
        .order_by()  # the default ordering would join courses and defeat DISTINCT
        .distinct()
    )

    today = timezone.localdate()
    progress = {}
    for nomination in nominations:
        session = nomination.session
        course = session.course
        progress[nomination.pk] = Progress(
            days_attended=attended.get(nomination.pk, 0),
            session_days=(session.ends_on - session.starts_on).days + 1,
            pre_score=scores[nomination.pk].get(TestKind.PRE),
            post_score=scores[nomination.pk].get(TestKind.POST),
            needs_post_test=course.pk in with_questions,
            min_attendance_percent=course.min_attendance_percent,
            min_post_test_score=course.min_post_test_score,
            taking_part=nomination.status == NominationStatus.SELECTED,
            session_started=session.starts_on <= today,
            session_finished=session.status in FINISHED,
            practical_score=practical.get(nomination.pk),
            min_practical_score=course.min_practical_score,
        )
    return progress


def progress_of(nomination: Nomination) -> Progress:
    return progress_for([nomination])[nomination.pk]


__all__ = ["FINISHED", "Progress", "progress_for", "progress_of"]
