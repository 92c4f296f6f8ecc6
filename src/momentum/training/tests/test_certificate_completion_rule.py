"""The completion rule: enough attendance AND a passing post-test (when the course has one)."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from momentum.training.completion import progress_of
from momentum.training.models import (
    Certificate,
    NominationStatus,
    Question,
    QuestionKind,
    SessionStatus,
)
from momentum.training.models.assessments import TestKind as Kind
from momentum.training.services.certificates import issue_certificate_if_complete
from momentum.training.tests.factories import (
    CourseFactory,
    NominationFactory,
    SessionFactory,
    mark_attendance,
    record_score,
)

pytestmark = pytest.mark.django_db


def participant(*, questions: int = 0, status=SessionStatus.COMPLETED, **course_fields):  # type: ignore[no-untyped-def]
    course = CourseFactory(min_attendance_percent=80, min_post_test_score=70, **course_fields)
    for n in range(questions):
        Question.objects.create(course=course, text=f"Question {n}", kind=QuestionKind.SINGLE)
    session = SessionFactory(
        course=course,
        status=status,
        starts_on=timezone.localdate() - timedelta(days=10),
        ends_on=timezone.localdate() - timedelta(days=6),
    )
    return NominationFactory(session=session)


def test_exactly_the_minimum_attendance_completes_a_course_without_questions():
    nomination = participant()
    mark_attendance(nomination, attended=4, absent=1)  # 80 %

    progress = progress_of(nomination)

    assert progress.attendance_rate == Decimal("80.0")
    assert not progress.needs_post_test
    assert progress.completed
    assert issue_certificate_if_complete(nomination=nomination) is not None


def test_just_below_the_minimum_attendance_does_not_complete():
    nomination = participant()
    mark_attendance(nomination, attended=3, absent=1)  # 75 %

    assert not progress_of(nomination).completed
    assert issue_certificate_if_complete(nomination=nomination) is None
    assert not Certificate.objects.exists()


def test_every_day_of_the_session_counts_even_when_not_marked():
    nomination = participant()  # five days
    mark_attendance(nomination, attended=3)  # the last two days were never marked

    progress = progress_of(nomination)

    assert (progress.days_attended, progress.session_days) == (3, 5)
    assert progress.attendance_rate == Decimal("60.0")
    assert not progress.completed


def test_a_mark_outside_the_sessions_days_does_not_count():
    from momentum.training.models import Attendance, AttendanceMark

    nomination = participant()
    mark_attendance(nomination, attended=4)
    Attendance.objects.create(
        nomination=nomination,
        day=nomination.session.ends_on + timedelta(days=1),
        mark=AttendanceMark.PRESENT,
    )

    assert progress_of(nomination).days_attended == 4


def test_late_counts_as_attending_and_excused_does_not():
    from momentum.training.models import Attendance, AttendanceMark

    nomination = participant()
    day = nomination.session.starts_on
    for offset, mark in enumerate(
        [AttendanceMark.LATE, AttendanceMark.PRESENT, AttendanceMark.EXCUSED]
    ):
        Attendance.objects.create(nomination=nomination, day=day + timedelta(offset), mark=mark)

    assert progress_of(nomination).days_attended == 2


def test_with_questions_the_post_test_must_reach_the_minimum():
    nomination = participant(questions=3)
    mark_attendance(nomination, attended=5)
    record_score(nomination, Kind.PRE, 40)
    record_score(nomination, Kind.POST, 70)

    progress = progress_of(nomination)

    assert progress.needs_post_test
    assert progress.gain == Decimal("30")
    assert progress.completed


def test_a_post_test_score_just_below_the_minimum_does_not_complete():
    nomination = participant(questions=3)
    mark_attendance(nomination, attended=5)
    record_score(nomination, Kind.POST, Decimal("69.99"))

    progress = progress_of(nomination)

    assert not progress.completed
    assert "The post-test score is below 70 %." in progress.shortfalls()


def test_a_missing_post_test_does_not_complete_a_course_with_questions():
    nomination = participant(questions=1)
    mark_attendance(nomination, attended=5)

    progress = progress_of(nomination)

    assert not progress.completed
    assert progress.shortfalls() == ["The post-test was not taken."]


def test_questions_no_longer_in_use_do_not_require_a_test():
    nomination = participant(questions=2)
    Question.objects.update(is_active=False)
    mark_attendance(nomination, attended=5)

    assert progress_of(nomination).completed


def test_a_good_post_test_does_not_make_up_for_missing_attendance():
    nomination = participant(questions=1)
    mark_attendance(nomination, attended=1, absent=4)
    record_score(nomination, Kind.POST, 100)

    assert not progress_of(nomination).completed


def test_nobody_completes_before_attendance_was_taken():
    nomination = participant()

    progress = progress_of(nomination)

    assert progress.attendance_rate == Decimal("0.0")
    assert not progress.completed


def test_nobody_completes_while_the_session_runs():
    nomination = participant(status=SessionStatus.RUNNING)
    mark_attendance(nomination, attended=5)

    progress = progress_of(nomination)

    assert progress.meets_rule
    assert not progress.completed
    assert "The session is not over yet." in progress.shortfalls()


def test_a_participant_who_withdrew_does_not_complete():
    nomination = participant()
    mark_attendance(nomination, attended=5)
    nomination.status = NominationStatus.WITHDRAWN
    nomination.save()

    assert not progress_of(nomination).completed
    assert issue_certificate_if_complete(nomination=nomination) is None
