"""After the one-time submission: the count of questions and the confirmation on the form, and,
once the test window has closed, a review of the answers (which were right, the correct ones)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from momentum.training.models import SessionStatus
from momentum.training.services.assessments import submit_test
from momentum.training.tests.factories import (
    CourseFactory,
    NominationFactory,
    SessionFactory,
    make_question,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def course():  # type: ignore[no-untyped-def]
    course = CourseFactory()
    make_question(course, "single", answers=3, correct=(1,))
    make_question(course, "true_false", correct=(1,))
    return course


def _answer_first_choices(nomination, course) -> None:  # type: ignore[no-untyped-def]
    answers = {q.pk: [q.choices.order_by("order", "pk").first().pk] for q in course.questions.all()}
    submit_test(nomination=nomination, kind="pre", answers=answers, language="en")


def test_the_form_counts_the_questions_and_asks_before_the_one_time_submission(course, officer):
    today = timezone.localdate()
    session = SessionFactory(course=course, starts_on=today + timedelta(days=2))
    nomination = NominationFactory(session=session, officer=officer.profile)

    page = (
        _client(officer).get(f"/en/training/nominations/{nomination.pk}/tests/pre/").content
    ).decode()

    assert "This test has 2 questions. Answer them all, then submit." in page
    assert "data-confirm=" in page and "You can submit your answers only once" in page
    assert course.code not in page  # titles only, never the course code


def test_the_answers_are_reviewed_once_the_window_has_closed(course, officer):
    today = timezone.localdate()
    session = SessionFactory(
        course=course,
        status=SessionStatus.CONFIRMED,
        starts_on=today + timedelta(days=2),
        ends_on=today + timedelta(days=4),
    )
    nomination = NominationFactory(session=session, officer=officer.profile)
    _answer_first_choices(nomination, course)
    address = f"/en/training/nominations/{nomination.pk}/tests/pre/"

    still_open = _client(officer).get(address).content.decode()
    assert "The correct answer" not in still_open
    assert "Once the test closes for everyone" in still_open

    # The pre-test closes at the end of the first day: move the session into the past.
    session.starts_on = today - timedelta(days=5)
    session.ends_on = today - timedelta(days=3)
    session.status = SessionStatus.COMPLETED
    session.save()
    closed = _client(officer).get(address).content.decode()

    assert "Your answers, reviewed" in closed
    assert closed.count("The correct answer") == 2
    # She chose the first answer each time: both wrong; the right ones are shown.
    assert closed.count('<span class="status status--error">Wrong</span>') == 2
    assert '<dd dir="auto">Answer 1</dd>' in closed
    assert '<dd dir="auto">False</dd>' in closed


def _client(user):  # type: ignore[no-untyped-def]
    from django.test import Client

    client = Client()
    client.force_login(user)
    return client
