"""Each role reaches its work from its home page by clicking only, on the demo programme, in
Arabic: the officer (on a phone, through the menu button), the panel member, the mentor and
programme staff. The address is typed once, for the home page; every other page is reached
by a click. Then axe-core audits the key pages in Arabic.

The demo takes most of a minute to seed, so one test seeds it once and walks every journey.

axe-core (MPL-2.0, by Deque Systems) is vendored as one file in ``fixtures/`` for the tests
only; it is never served by the platform. Its figures (violations by impact, per page) are
written to ``test-output/axe-ar.json``.
"""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

from momentum.people.models import User

from .conftest import BLOCKING, DESKTOP
from .conftest import axe_violations as _audit

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


OUTPUT = Path(__file__).resolve().parents[2] / "test-output"


def _pages_of(user: User) -> list[str]:
    """The key pages of ``user``'s work, found from the records (no hand-written ids)."""
    from momentum.mentoring.models import Cohort
    from momentum.training.models import Session, SessionStatus

    session = Session.objects.filter(status=SessionStatus.SELECTION).order_by("pk").first()
    cohort = Cohort.objects.order_by("pk").first()
    assert session is not None and cohort is not None
    names: list[tuple[str, list[int]]] = [
        ("home", []),
        ("training:catalogue", []),
        ("training:sessions", []),
        ("training:session", [session.pk]),
        ("training:selection_board", [session.pk]),
        ("mentoring:cohorts", []),
        ("mentoring:cohort", [cohort.pk]),
        ("hub:spaces", []),
        ("hub:moderation", []),
        ("people:officers", []),
        ("core:audit_log", []),
        ("people:my_account", []),
        ("mfa_index", []),
        ("mfa_activate_totp", []),
    ]
    with translation.override("ar"):
        return [reverse(name, args=args) for name, args in names]


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


def _officer_takes_a_pre_test(phone: Any, page_for: Any, live_server: Any) -> None:
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


def _panel_member_scores(context: Any, page_for: Any, live_server: Any) -> None:
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


def _mentor_logs_a_meeting(context: Any, page_for: Any, live_server: Any) -> None:
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


def _staff_decide_a_nomination(context: Any, page_for: Any, live_server: Any) -> None:
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


def _axe_on_key_pages(browser: Any, page_for: Any, live_server: Any) -> None:
    # axe is injected as a script, which the pages' Content-Security-Policy would refuse.
    context = browser.new_context(locale="ar", bypass_csp=True)
    staff = User.objects.get(email="staff@example.org")
    officer = User.objects.get(email="officer1.jo@example.org")
    figures: dict[str, Any] = {}
    blocking: dict[str, list[dict[str, Any]]] = {}

    anonymous = context.new_page()
    with translation.override("ar"):
        login = reverse("account_login")
    anonymous.goto(f"{live_server.url}{login}")
    figures[login] = _audit(anonymous)
    anonymous.close()

    page = page_for(context, staff)
    for path in _pages_of(staff):
        response = page.goto(f"{live_server.url}{path}")
        assert response is not None and response.ok, path
        figures[path] = _audit(page)
    officer_page = page_for(browser.new_context(locale="ar", bypass_csp=True), officer)
    with translation.override("ar"):
        officer_paths = [
            reverse(name) for name in ("home", "training:my_training", "training:my_nominations")
        ]
    for path in officer_paths:
        response = officer_page.goto(f"{live_server.url}{path}")
        assert response is not None and response.ok, path
        figures[f"officer {path}"] = _audit(officer_page)

    for path, violations in figures.items():
        serious = [v for v in violations if v["impact"] in BLOCKING]
        if serious:
            blocking[path] = serious
    OUTPUT.mkdir(exist_ok=True)
    (OUTPUT / "axe-ar.json").write_text(json.dumps(figures, indent=1, ensure_ascii=False))

    assert len(figures) >= 10
    assert not blocking, json.dumps(blocking, indent=1, ensure_ascii=False)
    officer_page.context.close()
    context.close()


def test_every_role_reaches_its_work_from_its_home_page_in_arabic(
    browser, phone, page_for, live_server
):
    call_command("demo", stdout=StringIO())
    _officer_takes_a_pre_test(phone, page_for, live_server)
    for journey in (_panel_member_scores, _mentor_logs_a_meeting, _staff_decide_a_nomination):
        context = browser.new_context(viewport=DESKTOP, locale="ar")
        context.set_default_timeout(15_000)
        journey(context, page_for, live_server)
        context.close()
    _axe_on_key_pages(browser, page_for, live_server)
