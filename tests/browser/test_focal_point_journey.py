"""Jordan's focal point signs in, opens the officer list and switches it to Arabic."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

import pytest
from django.utils import translation

from momentum.people.tests.factories import officer as make_officer

from .conftest import DESKTOP, PHONE

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _box(page: Any, selector: str) -> dict[str, float]:
    box = page.locator(selector).bounding_box()
    assert box is not None, selector
    return box


def _assert_layout(page: Any, *, rtl: bool) -> None:
    direction = page.evaluate("getComputedStyle(document.documentElement).direction")
    assert direction == ("rtl" if rtl else "ltr")
    width = page.viewport_size["width"]
    brand = _box(page, ".site-header .brand")
    header = _box(page, ".site-header__inner")
    if rtl:
        # The brand starts the header: mirrored, it sits at the right-hand end.
        assert brand["x"] > width / 2, (brand, width)
        assert header["x"] + header["width"] - (brand["x"] + brand["width"]) < 24, (brand, header)
    else:
        assert brand["x"] + brand["width"] < width / 2, (brand, width)
        assert brand["x"] - header["x"] < 24, (brand, header)


def _assert_only_jordanians(page: Any, *, country_name: str) -> None:
    rows = page.locator("#officer-table tbody tr")
    assert rows.count() == 3
    assert set(rows.evaluate_all("rows => rows.map(row => row.dataset.country)")) == {"JO"}
    # The country column is the catalogue's name in the page's language.
    assert set(page.locator("#officer-table tbody td:nth-child(3)").all_inner_texts()) == {
        country_name
    }
    text = page.locator("#officer-table").inner_text()
    assert "Haddad" in text and "حداد" in text
    assert "Alaoui" not in text and "العلوي" not in text


def test_focal_point_sees_own_country_in_arabic_mirrored(
    page, sign_in, screenshot, focal_point, officer, jordan, morocco
):
    make_officer(
        jordan,
        user__given_name="Rania",
        user__family_name="Mansour",
        user__given_name_ar="رانيا",
        user__family_name_ar="منصور",
    )
    make_officer(
        jordan,
        user__given_name="Omar",
        user__family_name="Saleh",
        user__given_name_ar="عمر",
        user__family_name_ar="صالح",
    )
    make_officer(
        morocco,
        user__given_name="Youssef",
        user__family_name="Alaoui",
        user__given_name_ar="يوسف",
        user__family_name_ar="العلوي",
    )
    make_officer(
        morocco,
        user__given_name="Meriem",
        user__family_name="Alaoui",
        user__given_name_ar="مريم",
        user__family_name_ar="العلوي",
    )

    sign_in("focal.jo@example.org", language="en")
    main_nav = page.get_by_role("navigation", name="Main")
    main_nav.locator("summary", has_text="People").click()  # the People menu opens
    main_nav.get_by_role("link", name="Officers").click()
    page.wait_for_url("**/en/people/officers/")

    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("html").get_attribute("dir") == "ltr"
    _assert_layout(page, rtl=False)
    _assert_only_jordanians(page, country_name="Jordan")
    screenshot("focal-point-officers-en-desktop")
    page.set_viewport_size(PHONE)
    _assert_layout(page, rtl=False)
    screenshot("focal-point-officers-en-phone")
    page.set_viewport_size(DESKTOP)

    page.locator(".site-header .languages a[hreflang=ar]").click()
    page.wait_for_url("**/ar/people/officers/")

    assert urlsplit(page.url).path == "/ar/people/officers/"
    assert page.locator("html").get_attribute("lang") == "ar"
    assert page.locator("html").get_attribute("dir") == "rtl"
    with translation.override("ar"):
        officers_in_arabic = translation.gettext("Officers")
    assert officers_in_arabic != "Officers"
    assert page.locator("h1").inner_text().strip() == officers_in_arabic
    current = page.locator(".site-header .languages a[aria-current=true]")
    assert current.get_attribute("hreflang") == "ar"
    _assert_layout(page, rtl=True)
    _assert_only_jordanians(page, country_name="الأردن")
    screenshot("focal-point-officers-ar-desktop")
    page.set_viewport_size(PHONE)
    _assert_layout(page, rtl=True)
    _assert_only_jordanians(page, country_name="الأردن")
    screenshot("focal-point-officers-ar-phone")
