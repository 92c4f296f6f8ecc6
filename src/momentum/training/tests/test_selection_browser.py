"""In a real browser: a focal point nominates in Arabic; staff select on the board and the
seats and the share of women update in place (htmx, out-of-band swap)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.db import connections
from django.test import Client

from momentum.people.models import RankLevel, Sex
from momentum.people.tests.factories import officer as make_officer
from momentum.training.models import Nomination, NominationStatus, SeatQuota, SessionStatus, Track
from momentum.training.tests.factories import CourseFactory, NominationFactory, session_with_seats

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


@pytest.fixture
def browser_page(live_server: Any) -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is not installed")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 390, "height": 844})
        context.set_default_timeout(15_000)
        yield context
        browser.close()
        # Playwright's greenlet gave the test its own database connection: close it here, or
        # PostgreSQL refuses to drop the test database at the end of the run.
        connections.close_all()


def _page_for(context: Any, live_server: Any, user: Any) -> Any:
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": live_server.url}]
    )
    return context.new_page()


def test_focal_point_nominates_in_arabic(browser_page, live_server, focal_point, jordan):
    course = CourseFactory(
        title_ar="القيادة للضباط من المستوى المتوسط",
        track=Track.LEADERSHIP,
        requires_motivation=True,
        requires_endorsement=True,
    )
    session = session_with_seats({jordan: 2}, course=course)
    rania = make_officer(
        jordan,
        sex=Sex.FEMALE,
        rank_level=RankLevel.MID,
        user__given_name="Rania",
        user__family_name="Saleh",
        user__given_name_ar="رانيا",
        user__family_name_ar="صالح",
    )
    page = _page_for(browser_page, live_server, focal_point)

    page.goto(f"{live_server.url}/ar/training/sessions/{session.pk}/nominate/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    page.locator("input[name=q]").fill("رانيا")
    with page.expect_navigation():
        page.locator("form[role=search] button[type=submit]").click()
    page.locator(f"input[name=officer][value='{rania.profile.pk}']").check()
    page.locator("textarea[name=justification]").fill("تقود وحدة مكافحة تزوير الوثائق.")
    page.locator("textarea[name=motivation]").fill("أريد أن أقود فريقي.")
    page.locator("input[name=supervisor_name]").fill("العقيد ناصر")
    page.locator("textarea[name=supervisor_endorsement]").fill("أوصي بها بشدة.")
    with page.expect_navigation():
        page.locator("form[method=post] button[type=submit]").last.click()

    nomination = Nomination.objects.get()
    assert nomination.officer == rania.profile
    assert nomination.supervisor_name == "العقيد ناصر"
    assert "رانيا صالح" in page.locator("#made-title + .table-wrap").inner_text()


def test_staff_select_and_the_balance_updates_in_place(browser_page, live_server, staff, jordan):
    session = session_with_seats(
        {jordan: 1}, status=SessionStatus.SELECTION, women_target_percent=50
    )
    woman, man = (
        NominationFactory(
            session=session,
            officer=make_officer(jordan, sex=sex).profile,
            status=NominationStatus.NOMINATED,
        )
        for sex in (Sex.FEMALE, Sex.MALE)
    )
    page = _page_for(browser_page, live_server, staff)
    page.goto(f"{live_server.url}/en/training/sessions/{session.pk}/selection/")
    page.evaluate("window.__marker = 1")

    page.locator(f"#nomination-{woman.pk} button", has_text="Select").click()
    page.wait_for_selector(f"#nomination-{woman.pk}[data-status=selected]")

    summary = page.locator("#board-summary")
    assert "100 %" in summary.inner_text()
    assert "Full" in summary.locator("tr[data-country=JO]").inner_text()
    # The country is full: selecting the man is refused in his row, nothing changes.
    page.locator(f"#nomination-{man.pk} button", has_text="Select").click()
    page.wait_for_selector(f"#nomination-{man.pk} [role=alert]")
    assert "Every seat for Jordan is taken" in page.locator(f"#nomination-{man.pk}").inner_text()
    assert page.evaluate("window.__marker") == 1  # never reloaded
    assert page.locator("#board-summary").count() == 1
    assert SeatQuota.objects.get().selected == 1
