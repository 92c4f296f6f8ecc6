"""The support office, end to end in Chromium: an officer asks in Arabic from her home page,
staff reply and resolve, the reply reaches her by e-mail in Arabic, right to left (looked at in
the browser), she answers by e-mail and the request opens again.

Screenshots go to ``test-output/support-journey-*.png``."""

from __future__ import annotations

from email.message import EmailMessage
from typing import Any

import pytest
from django.core import mail

from momentum.support.models import Request, Status
from momentum.support.services.mail import receive
from momentum.support.tests.factories import category

from .conftest import DESKTOP, SCREENSHOTS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _shot(page: Any, name: str) -> None:
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"support-journey-{name}.png"), full_page=True)


def _rtl(page: Any) -> bool:
    return bool(page.evaluate("getComputedStyle(document.body).direction") == "rtl")


def test_an_officer_asks_in_arabic_staff_resolve_and_her_email_reopens_it(
    browser, context, page_for, server_url, officer, staff
):
    officer.preferred_language = "ar"
    officer.save(update_fields=["preferred_language"])
    category(staff=staff)

    # She asks from her home page, in Arabic.
    page = page_for(context, officer)
    page.goto(f"{server_url}/ar/")
    with page.expect_navigation():
        page.click("a.help-link")
    assert page.locator("html").get_attribute("dir") == "rtl" and _rtl(page)
    page.fill("#id_subject", "رسالة دعوة للتأشيرة")
    page.fill("#id_description", "أحتاج إلى رسالة دعوة للحصول على تأشيرة الدخول إلى فرنسا.")
    _shot(page, "ask-ar")
    with page.expect_navigation():
        page.click("form.support-ask-form button[type=submit]")
    request = Request.objects.get()
    assert page.url.endswith(f"/ar/support/requests/{request.reference}/")
    assert "رسالة دعوة للتأشيرة" in page.locator("h1").inner_text()

    # Staff reply from the queue and resolve.
    staff_context = browser.new_context(viewport=DESKTOP, locale="en-GB")
    staff_page = page_for(staff_context, staff)
    staff_page.goto(f"{server_url}/en/support/queue/")
    with staff_page.expect_navigation():
        staff_page.click(f"a[href='/en/support/requests/{request.reference}/']")
    staff_page.fill("#id_body", "أرسلنا إليكم رسالة الدعوة بالبريد الإلكتروني.")
    staff_page.select_option("#id_then", "resolved")
    with staff_page.expect_navigation():
        staff_page.click("form[action$='/reply/'] button[type=submit]")
    staff_context.close()
    request.refresh_from_db()
    assert request.status == Status.RESOLVED

    # The reply reaches her in Arabic, right to left: looked at in the browser.
    reply = mail.outbox[-1]
    assert reply.to == [officer.email]
    html = reply.alternatives[0][0]
    page.set_content(html)
    assert _rtl(page)
    assert "أرسلنا إليكم رسالة الدعوة" in page.inner_text("body")
    _shot(page, "email-ar")

    # She answers by e-mail: the request opens again with her words.
    answer = EmailMessage()
    answer["From"], answer["To"] = officer.email, "support@example.org"
    answer["Subject"] = f"Re: {reply.subject}"
    answer.set_content("لم تصلني الرسالة بعد.\n\n> " + reply.body.replace("\n", "\n> "))
    assert receive(answer.as_bytes()).outcome == "reopened"

    page.goto(f"{server_url}/ar/support/requests/{request.reference}/")
    assert "لم تصلني الرسالة بعد." in page.inner_text("main")
    assert page.locator("main .status").first.inner_text() == "قيد المعالجة"
    _shot(page, "reopened-ar")
    request.refresh_from_db()
    assert request.status == Status.OPEN
