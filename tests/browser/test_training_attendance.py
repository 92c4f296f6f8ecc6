"""In a real browser, on a phone, in Arabic: a trainer marks attendance with one tap per
participant (htmx, no reload), then marks everyone else present."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.conf import settings

from momentum.people.tests.factories import ProfileFactory
from momentum.training.models import Attendance, SessionStatus
from momentum.training.tests.factories import NominationFactory, SessionFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SCREENSHOTS = Path(settings.BASE_DIR).parents[1] / "test-output"


def test_a_trainer_marks_attendance_from_a_phone(
    page_for, phone, live_server, trainer, officer, jordan
):
    session = SessionFactory(trainers=[trainer], status=SessionStatus.RUNNING)
    leila = NominationFactory(session=session, officer=officer.profile)
    others = [
        NominationFactory(session=session, officer=ProfileFactory(country=jordan)) for _ in range(2)
    ]
    page = page_for(phone, trainer)
    page.goto(f"{live_server.url}/ar/training/sessions/{session.pk}/attendance/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    page.evaluate("window.__marker = 1")

    page.locator(f"#mark-{leila.pk}-late").click()
    page.wait_for_selector(f"#mark-{leila.pk}-late[aria-pressed=true]")

    assert page.evaluate("window.__marker") == 1  # saved without reloading the page
    assert Attendance.objects.get(nomination=leila).mark == "late"
    # The keyboard stays where it was: the tapped button keeps the focus after the swap.
    assert page.evaluate("document.activeElement.id") == f"mark-{leila.pk}-late"
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "training-attendance-ar-phone.png"), full_page=True)

    with page.expect_navigation():
        page.locator("button[name=everyone_present]").click()

    marks = dict(Attendance.objects.values_list("nomination_id", "mark"))
    assert marks == {leila.pk: "late", others[0].pk: "present", others[1].pk: "present"}
    assert page.locator("[aria-pressed=true]").count() == 3
