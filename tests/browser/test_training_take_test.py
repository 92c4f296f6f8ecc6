"""In a real browser: a participant takes the post-test on the session's last day, choosing
answers by their labels, and sees their score."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from momentum.training import models
from momentum.training.models import SessionStatus
from momentum.training.tests.factories import (
    CourseFactory,
    NominationFactory,
    SessionFactory,
    make_question,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_participant_takes_the_post_test(page_for, phone, live_server, officer):
    course = CourseFactory()
    make_question(course, "single", answers=3, correct=(1,))
    make_question(course, "multiple", answers=3, correct=(0, 2))
    make_question(course, "true_false", correct=(1,))
    last_day = timezone.localdate()
    session = SessionFactory(
        course=course,
        status=SessionStatus.RUNNING,
        starts_on=last_day - timedelta(days=2),
        ends_on=last_day,
    )
    nomination = NominationFactory(session=session, officer=officer.profile)
    page = page_for(phone, officer.profile.user)

    page.goto(f"{live_server.url}/fr/training/nominations/{nomination.pk}/tests/post/")
    assert page.locator("fieldset").count() == 3
    page.get_by_label("Réponse 1").first.check()  # the single choice: right
    page.get_by_label("Réponse 0").nth(1).check()  # the multiple choice: one of two, wrong
    page.get_by_label("Faux").check()  # right
    page.on("dialog", lambda dialog: dialog.accept())  # "submit once: submit now?"
    with page.expect_navigation():
        page.locator("form.test-form button[type=submit]").click()

    attempt = models.TestAttempt.objects.get(nomination=nomination, kind="post")
    assert attempt.score == Decimal("66.67")
    assert attempt.language == "fr"
    assert "67 %" in page.locator(".stat").inner_text()
