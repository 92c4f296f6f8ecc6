"""A file input speaks the page's language in the browser too: on an Arabic page its button and
the "no file" line are Arabic (not the browser's English), the chosen files are named, and the
keyboard still reaches the real control.

Screenshots go to ``test-output/file-input-*.png``."""

from __future__ import annotations

from typing import Any

import pytest

from momentum.support.tests.factories import category

from .conftest import SCREENSHOTS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_arabic_page_names_the_button_and_the_chosen_files_in_arabic(
    context, page_for, server_url, officer, staff
):
    category(staff=staff)
    page: Any = page_for(context, officer)
    page.goto(f"{server_url}/ar/support/ask/")

    field = page.locator(".file-input").first
    assert field.locator(".file-input__button").inner_text() == "اختر ملفات"
    assert field.locator("[data-file-name]").inner_text() == "لم تُختر أي ملفات"

    # The keyboard reaches the real control, named by the field's own label.
    control = page.locator("#id_attachments")
    control.focus()
    assert page.evaluate("document.activeElement.id") == "id_attachments"
    assert page.evaluate("document.activeElement.labels[0].textContent").startswith("المرفقات")

    control.set_input_files(
        [
            {"name": "تقرير.pdf", "mimeType": "application/pdf", "buffer": b"%PDF-1.4\n%%EOF"},
            {"name": "notes.txt", "mimeType": "text/plain", "buffer": b"notes"},
        ]
    )
    assert (
        field.locator("[data-file-name]").inner_text()
        == "\u2068تقرير.pdf\u2069، \u2068notes.txt\u2069"
    )
    SCREENSHOTS.mkdir(exist_ok=True)
    field.screenshot(path=str(SCREENSHOTS / "file-input-ar.png"))

    control.set_input_files([])
    assert field.locator("[data-file-name]").inner_text() == "لم تُختر أي ملفات"
