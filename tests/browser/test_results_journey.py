"""Staff close a reporting period; the donor opens the dashboard in Arabic, right to left, and
downloads the period's Arabic PDF report."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from momentum.people.models import Sex
from momentum.people.tests.factories import ProfileFactory
from momentum.results.models import PeriodStatus, Snapshot
from momentum.results.tests.factories import logframe_with_indicators
from momentum.training.tests.factories import CertificateFactory, NominationFactory

from .conftest import SCREENSHOTS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_staff_close_a_period_and_the_donor_downloads_the_arabic_report(
    browser: Any, page_for: Any, live_server: Any, staff: Any, donor: Any, jordan: Any
) -> None:
    frame = logframe_with_indicators()
    for sex in (Sex.FEMALE, Sex.FEMALE, Sex.MALE, Sex.MALE, Sex.MALE, Sex.MALE, Sex.MALE):
        officer = ProfileFactory(country=jordan, sex=sex)
        CertificateFactory(
            nomination=NominationFactory(officer=officer), issued_on=date(2026, 2, 1)
        )
    first = frame["first"]

    staff_context = browser.new_context(viewport={"width": 1280, "height": 800})
    staff_page = page_for(staff_context, staff)
    staff_page.goto(f"{live_server.url}/en/results/periods/")
    with staff_page.expect_navigation():
        staff_page.locator(f"form[action$='/periods/{first.pk}/close/'] button").click()
    assert "/jobs/" in staff_page.url
    staff_page.wait_for_selector("text=indicators were frozen")
    first.refresh_from_db()
    assert first.status == PeriodStatus.CLOSED
    assert Snapshot.objects.filter(period=first).count() == 2
    staff_context.close()

    donor_context = browser.new_context(
        viewport={"width": 1280, "height": 800}, accept_downloads=True
    )
    donor_page = page_for(donor_context, donor)
    donor_page.goto(f"{live_server.url}/ar/results/?period={first.pk}")
    assert donor_page.evaluate("getComputedStyle(document.documentElement).direction") == "rtl"
    # Two women in Jordan: the donor sees "<5", never the figure.
    table = donor_page.locator("table.crosstab").first.inner_text()
    assert "<5" in table
    with donor_page.expect_download() as download_info:
        donor_page.locator("p.exports a[hreflang='ar']").click()
    download = download_info.value
    assert download.suggested_filename.endswith("-ar.pdf")
    SCREENSHOTS.mkdir(exist_ok=True)
    donor_page.screenshot(path=str(SCREENSHOTS / "results-dashboard-ar.png"), full_page=True)
    with open(download.path(), "rb") as pdf:
        assert pdf.read(5) == b"%PDF-"
    donor_context.close()
