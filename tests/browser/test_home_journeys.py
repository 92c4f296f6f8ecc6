"""Each role reaches its work from its home page by clicking only, on the demo programme, in
Arabic: the officer (on a phone, through the menu button), the panel member, the mentor and
programme staff. The address is typed once, for the home page; every other page is reached
by a click.
"""

from __future__ import annotations

from io import StringIO
from typing import Any
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command

from momentum.people.models import User

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo() -> None:
    call_command("demo", stdout=StringIO())


def _path(page: Any) -> str:
    return urlsplit(page.url).path


def _home(page: Any, live_server: Any) -> None:
    page.goto(f"{live_server.url}/ar/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator(".next-steps").is_visible()


def _officer_with_a_pre_test() -> User:
    from momentum.training.home import officer_steps

    for user in User.objects.filter(email__startswith="officer").order_by("pk"):
        if any("/tests/pre/" in step.url for step in officer_steps(user)):
            return user
    raise AssertionError("the demo has no officer with a pre-test open")


def test_officer_reaches_her_training_from_the_phone_menu_and_takes_a_pre_test_from_home(
    demo, phone, page_for, live_server
):
    from momentum.training.models import TestAttempt

    officer = _officer_with_a_pre_test()
    page = page_for(phone, officer)
    _home(page, live_server)

    # The phone's menu button opens the menus; "My training" is in the training menu.
    nav = page.locator("#main-nav")
    assert not nav.is_visible()
    button = page.locator("[data-menu-button]")
    assert button.get_attribute("aria-expanded") == "false"
    button.click()
    assert button.get_attribute("aria-expanded") == "true"
    assert nav.is_visible()
    training_menu = nav.locator("details", has=page.locator("a[href$='/training/my-training/']"))
    training_menu.locator("summary").click()
    with page.expect_navigation():
        training_menu.locator("a[href$='/training/my-training/']").click()
    assert _path(page) == "/ar/training/my-training/"
    # "My training" offers the same actions as the home page.
    assert page.locator(".next-steps a[href*='/tests/pre/']").count() >= 1

    page.go_back()
    page.on("dialog", lambda dialog: dialog.accept())
    with page.expect_navigation():
        page.locator(".next-steps a[href*='/tests/pre/']").first.click()
    assert "/tests/pre/" in _path(page)
    for fieldset in page.locator("form.test-form fieldset").all():
        fieldset.locator("input").first.check()
    with page.expect_navigation():
        page.locator("form.test-form button[type=submit]").click()

    assert TestAttempt.objects.filter(nomination__officer__user=officer, kind="pre").exists()


def test_panel_member_scores_an_application_from_her_home(demo, context, page_for, live_server):
    from momentum.mentoring.models import Review

    panelist = User.objects.get(email="panel@example.org")
    before = Review.objects.filter(panelist=panelist).count()
    page = page_for(context, panelist)
    _home(page, live_server)

    with page.expect_navigation():
        page.locator(".next-steps a[href*='/panel/']").first.click()
    assert _path(page).endswith("/panel/")
    with page.expect_navigation():
        page.locator("a[href$='/score/']").first.click()
    for field in page.locator("main input[type=number]").all():
        field.fill(field.get_attribute("max") or "1")
    with page.expect_navigation():
        page.locator("main form button[type=submit]").last.click()

    assert Review.objects.filter(panelist=panelist).count() == before + 1
    assert _path(page).endswith("/panel/")


def test_mentor_logs_a_meeting_from_her_home(demo, context, page_for, live_server):
    from django.utils import timezone

    from momentum.mentoring.models import Meeting

    mentor = User.objects.get(email="mentor@example.org")
    before = Meeting.objects.filter(logged_by=mentor).count()
    page = page_for(context, mentor)
    _home(page, live_server)

    with page.expect_navigation():
        page.locator(".next-steps a[href*='/mentoring/pairs/']").first.click()
    with page.expect_navigation():
        page.locator("a[href$='/meetings/new/']").first.click()
    page.locator("input[name=held_on]").fill(timezone.localdate().isoformat())
    page.locator("input[name=duration_minutes]").fill("45")
    page.locator("textarea[name=topics]").fill("التحضير لإحاطة المديرة.")
    with page.expect_navigation():
        page.locator("main form button[type=submit]").last.click()

    assert Meeting.objects.filter(logged_by=mentor).count() == before + 1
    assert "/mentoring/pairs/" in _path(page)


def test_staff_decide_a_nomination_from_the_home_list(demo, context, page_for, live_server):
    from momentum.training.models import Nomination, NominationStatus

    staff = User.objects.get(email="staff@example.org")
    page = page_for(context, staff)
    _home(page, live_server)

    with page.expect_navigation():
        page.locator(".next-steps a[href*='/selection/']").first.click()
    row = page.locator("tr[data-status=nominated]").first
    row_id = row.get_attribute("id") or ""
    pk = int(row_id.removeprefix("nomination-"))
    with page.expect_response(lambda r: f"/nominations/{pk}/decide/" in r.url):
        row.locator("form.decision__form button[type=submit]").first.click()
    page.wait_for_selector(f"#nomination-{pk}[data-status=selected]")

    assert Nomination.objects.get(pk=pk).status == NominationStatus.SELECTED
