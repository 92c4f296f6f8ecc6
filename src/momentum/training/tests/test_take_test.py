"""A selected participant takes the pre-test and the post-test, once each, in their windows."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from momentum.core.models import AuditEntry
from momentum.people.tests.factories import ProfileFactory
from momentum.training import models
from momentum.training.models import Answer, NominationStatus, SessionStatus
from momentum.training.services.assessments import submit_test
from momentum.training.tests.factories import (
    CourseFactory,
    NominationFactory,
    SessionFactory,
    make_question,
)

pytestmark = pytest.mark.django_db


def _session(days_until_start: int, length: int = 3, **fields: Any) -> models.Session:
    starts_on = timezone.localdate() + timedelta(days=days_until_start)
    fields.setdefault("status", SessionStatus.CONFIRMED)
    return SessionFactory(
        starts_on=starts_on, ends_on=starts_on + timedelta(days=length - 1), **fields
    )


@pytest.fixture
def course():  # type: ignore[no-untyped-def]
    course = CourseFactory()
    make_question(course, "single", answers=3, correct=(1,))
    make_question(course, "multiple", answers=4, correct=(0, 2))
    make_question(course, "true_false", correct=(1,))
    return course


@pytest.fixture
def nomination(course, officer):  # type: ignore[no-untyped-def]
    return NominationFactory(session=_session(3, course=course), officer=officer.profile)


def url(nomination: Any, kind: str = "pre", language: str = "en") -> str:
    return f"/{language}/training/nominations/{nomination.pk}/tests/{kind}/"


def _correct_form(course: Any) -> dict[str, Any]:
    data: dict[str, Any] = {}
    for question in course.questions.all():
        correct = list(question.choices.filter(is_correct=True).values_list("pk", flat=True))
        data[f"question_{question.pk}"] = correct if question.kind == "multiple" else correct[0]
    return data


def _wrong_form(course: Any) -> dict[str, Any]:
    data: dict[str, Any] = {}
    for question in course.questions.all():
        wrong = question.choices.filter(is_correct=False).values_list("pk", flat=True).first()
        data[f"question_{question.pk}"] = [wrong] if question.kind == "multiple" else wrong
    return data


def test_the_test_is_one_page_of_accessible_groups_in_the_readers_language(
    client_for, officer, nomination
):
    content = client_for(officer).get(url(nomination, language="ar")).content.decode()

    assert content.count("<fieldset") == 3
    assert content.count("<legend>") == 3
    assert "1. السؤال 1" in content
    assert "الجواب 2" in content and "خطأ" in content
    assert content.count('type="checkbox"') == 4
    assert content.count('type="radio"') == 5


def test_submitting_scores_and_saves_each_answer(client_for, officer, nomination, course):
    response = client_for(officer).post(url(nomination), _correct_form(course), follow=True)

    attempt = models.TestAttempt.objects.get(nomination=nomination, kind="pre")
    assert attempt.score == 100
    assert attempt.language == "en"
    assert Answer.objects.filter(attempt=attempt, is_correct=True).count() == 3
    multiple = Answer.objects.get(attempt=attempt, question__kind="multiple")
    assert multiple.choices.count() == 2
    content = response.content.decode()
    assert "Your answers were saved. Your score: 100 %." in content
    assert "You submitted this test on" in content
    entry = AuditEntry.objects.get(verb="test.submitted")
    assert entry.actor == officer
    assert entry.details == {"kind": "pre", "score": "100.00"}


def test_a_second_submission_is_refused_and_keeps_what_was_chosen(
    client_for, officer, nomination, course
):
    client = client_for(officer)
    client.post(url(nomination), _wrong_form(course))
    second = _correct_form(course)

    response = client.post(url(nomination), second)

    content = response.content.decode()
    assert response.status_code == 200
    assert "You have already submitted the pre-test; each test is taken only once." in content
    for value in second.values():
        for pk in value if isinstance(value, list) else [value]:
            assert f'value="{pk}"' in content
    assert content.count("checked") == 4  # the two single answers and the two multiple ones
    assert models.TestAttempt.objects.get().score == 0


def test_the_database_refuses_a_second_attempt_even_if_the_check_is_passed(
    nomination, course, monkeypatch
):
    from momentum.training.services import assessments

    answers = {
        int(name.removeprefix("question_")): value if isinstance(value, list) else [value]
        for name, value in _wrong_form(course).items()
    }
    submit_test(nomination=nomination, kind="pre", answers=answers, language="en")
    # Two requests at the same moment: both pass the check, one insert wins.
    monkeypatch.setattr(assessments, "refusal_for", lambda *args, **kwargs: "")

    with pytest.raises(ValidationError, match="already submitted the pre-test"):
        submit_test(nomination=nomination, kind="pre", answers=answers, language="en")
    assert models.TestAttempt.objects.count() == 1


def test_the_pre_test_closes_at_the_end_of_the_first_day(client_for, officer, course):
    started_yesterday = NominationFactory(
        session=_session(-1, course=course, status=SessionStatus.RUNNING), officer=officer.profile
    )
    chosen = _correct_form(course)

    response = client_for(officer).post(url(started_yesterday), chosen)

    content = response.content.decode()
    assert "The pre-test closed at the end of the session&#x27;s first day" in content
    assert content.count("checked") == 4  # what was chosen is shown again
    assert not models.TestAttempt.objects.exists()


def test_the_pre_test_is_still_open_on_the_first_day(client_for, officer, course):
    today = NominationFactory(
        session=_session(0, course=course, status=SessionStatus.RUNNING), officer=officer.profile
    )

    client_for(officer).post(url(today), _correct_form(course))

    assert models.TestAttempt.objects.filter(nomination=today, kind="pre").exists()


@pytest.mark.parametrize(
    ("days_until_start", "open_"),
    [
        (1, False),  # before the last day
        (-2, True),  # the last day (three-day session)
        (-9, True),  # seven days after the last day
        (-10, False),  # eight days after
    ],
)
def test_the_post_test_window(client_for, officer, course, days_until_start, open_):
    status = SessionStatus.COMPLETED if days_until_start < -2 else SessionStatus.RUNNING
    nomination = NominationFactory(
        session=_session(days_until_start, course=course, status=status), officer=officer.profile
    )

    client_for(officer).post(url(nomination, "post"), _correct_form(course))

    assert models.TestAttempt.objects.filter(kind="post").exists() is open_


def test_outside_its_window_the_page_says_when_it_opens(client_for, officer, nomination):
    content = client_for(officer).get(url(nomination, "post")).content.decode()

    assert "The post-test opens on the session&#x27;s last day" in content
    assert "<fieldset" not in content


@pytest.mark.parametrize("status", [SessionStatus.SELECTION, SessionStatus.CANCELLED])
def test_a_session_not_confirmed_has_no_open_test(officer, course, status):
    nomination = NominationFactory(
        session=_session(3, course=course, status=status), officer=officer.profile
    )

    with pytest.raises(ValidationError, match="only once the session is confirmed"):
        submit_test(nomination=nomination, kind="pre", answers={}, language="en")


def test_only_selected_participants_take_the_test(officer, course):
    nomination = NominationFactory(
        session=_session(3, course=course),
        officer=officer.profile,
        status=NominationStatus.WAITLISTED,
    )

    with pytest.raises(ValidationError, match="Only the session's selected participants"):
        submit_test(nomination=nomination, kind="pre", answers={}, language="en")


def test_answers_to_another_courses_questions_are_refused(nomination):
    stranger = make_question(CourseFactory(), "true_false", correct=(0,))

    with pytest.raises(ValidationError, match="not part of this course's test"):
        submit_test(
            nomination=nomination,
            kind="pre",
            answers={stranger.pk: [stranger.choices.first().pk]},
            language="en",
        )
    assert not models.TestAttempt.objects.exists()


def test_a_choice_of_another_question_is_refused(nomination, course):
    first, second = course.questions.order_by("order")[:2]

    with pytest.raises(ValidationError, match="does not belong to its question"):
        submit_test(
            nomination=nomination,
            kind="pre",
            answers={first.pk: [second.choices.first().pk]},
            language="en",
        )


def test_every_question_needs_an_answer(client_for, officer, nomination, course):
    data = _correct_form(course)
    data.pop(next(iter(data)))

    response = client_for(officer).post(url(nomination), data)

    assert "Choose an answer." in response.content.decode()
    assert not models.TestAttempt.objects.exists()


def test_someone_elses_test_is_hidden_or_refused(
    client_for, nomination, staff, focal_point, outsider
):
    colleague = ProfileFactory(country=nomination.country)
    from momentum.people.models import Role, RoleAssignment

    RoleAssignment.objects.create(user=colleague.user, role=Role.OFFICER, country=colleague.country)

    assert client_for(colleague.user).get(url(nomination)).status_code == 404
    assert client_for(outsider).get(url(nomination)).status_code == 404
    assert client_for(staff).get(url(nomination)).status_code == 403
    assert client_for(focal_point).post(url(nomination), {}).status_code == 403
    assert not models.TestAttempt.objects.exists()


def test_an_unknown_test_is_not_found(client_for, officer, nomination):
    assert client_for(officer).get(url(nomination, "final")).status_code == 404


def test_the_page_costs_the_same_queries_for_few_or_many_questions(
    client_for, officer, nomination, course
):
    client = client_for(officer)
    with CaptureQueriesContext(connection) as few:
        client.get(url(nomination))
    for _ in range(20):
        make_question(course, "multiple", answers=5, correct=(1, 3))
    with CaptureQueriesContext(connection) as many:
        response = client.get(url(nomination))

    # Django's session and user, the user's roles, the nomination with its session and course,
    # the attempt already made (none), the questions, their answers.
    assert len(many) == len(few) == 7
    assert response.content.decode().count("<fieldset") == 23
