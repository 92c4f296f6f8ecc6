"""Staff build the logframe from its pages: an indicator chosen from the registered ones, the
logframe submitted; a colleague on her phone, in Arabic, returns it with a comment."""

from __future__ import annotations

from typing import Any

import pytest

from momentum.people.models import Role
from momentum.people.tests.factories import person_with_role
from momentum.results.models import Indicator, LogframeStatus
from momentum.results.tests.factories import logframe_with_indicators

from .conftest import DESKTOP, PHONE, SCREENSHOTS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_staff_add_an_indicator_and_a_colleague_returns_the_logframe_in_arabic(
    browser: Any, page_for: Any, live_server: Any, staff: Any
) -> None:
    frame = logframe_with_indicators()
    outcome = frame["outcome"]
    colleague = person_with_role(Role.STAFF, None, email="colleague@example.org")
    SCREENSHOTS.mkdir(exist_ok=True)

    staff_context = browser.new_context(viewport=DESKTOP)
    page = page_for(staff_context, staff)
    page.goto(f"{live_server.url}/en/results/logframe/results/{outcome.pk}/indicators/new/")
    page.fill("#id_code", "C20")
    page.fill("#id_name_en", "Officers trained twice")
    page.fill("#id_name_fr", "Agents formés deux fois")
    page.fill("#id_name_ar", "الضباط المدربون مرتين")
    page.check("input[name='kind'][value='computed']")
    page.check("input[name='registry_code'][value='training.officers_trained']")
    page.fill("#id_baseline_value", "12.5")  # a count is whole: refused, nothing lost
    with page.expect_navigation():
        page.get_by_role("button", name="Add the indicator").click()
    assert page.locator(".error-summary").is_visible()
    assert page.input_value("#id_name_ar") == "الضباط المدربون مرتين"
    page.screenshot(path=str(SCREENSHOTS / "logframe-indicator-new-en.png"), full_page=True)
    page.fill("#id_baseline_value", "12")
    with page.expect_navigation():
        page.get_by_role("button", name="Add the indicator").click()
    indicator = Indicator.objects.get(code="C20")
    assert page.url.endswith(f"/indicators/{indicator.pk}/edit/")
    page.goto(f"{live_server.url}/en/results/logframe/")
    with page.expect_navigation():
        page.click("text=Submit for approval")
    staff_context.close()

    phone_context = browser.new_context(viewport=PHONE, has_touch=True, is_mobile=True)
    phone = page_for(phone_context, colleague)
    phone.goto(f"{live_server.url}/ar/results/logframe/")
    assert phone.evaluate("getComputedStyle(document.documentElement).direction") == "rtl"
    phone.fill("#id_comment", "أضيفوا هدفًا للمغرب.")
    with phone.expect_navigation():
        phone.click("form[action$='/logframe/return/'] button")
    phone.screenshot(path=str(SCREENSHOTS / "logframe-returned-ar-phone.png"), full_page=True)
    assert "أضيفوا هدفًا للمغرب." in phone.content()
    frame["logframe"].refresh_from_db()
    assert frame["logframe"].status == LogframeStatus.DRAFT
    phone_context.close()
