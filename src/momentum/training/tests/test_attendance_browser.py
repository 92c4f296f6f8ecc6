"""In a real browser, on a phone, in Arabic: a trainer marks attendance with one tap per
participant (htmx, no reload), then marks everyone else present."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.db import connections
from django.test import Client

from momentum.people.tests.factories import ProfileFactory
from momentum.training.models import Attendance, SessionStatus
from momentum.training.tests.factories import NominationFactory, SessionFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SCREENSHOTS = Path(settings.BASE_DIR).parents[1] / "test-output"


@pytest.fixture
def phone(live_server: Any) -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is not installed")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 390, "height": 844})
        context.set_default_timeout(15_000)
        yield context
        browser.close()
        # Playwright's greenlet has its own database connection: close it, or PostgreSQL
        # refuses to drop the test database.
        connections.close_all()


def _page_for(context: Any, live_server: Any, user: Any) -> Any:
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": live_server.url}]
    )
    return context.new_page()


def test_a_trainer_marks_attendance_from_a_phone(phone, live_server, trainer, officer, jordan):
    session = SessionFactory(trainers=[trainer], status=SessionStatus.RUNNING)
    leila = NominationFactory(session=session, officer=officer.profile)
    others = [
        NominationFactory(session=session, officer=ProfileFactory(country=jordan)) for _ in range(2)
    ]
    page = _page_for(phone, live_server, trainer)
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
