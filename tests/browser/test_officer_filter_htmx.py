"""Staff filter the officer list by country: htmx swaps the table in place and pushes the URL."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from momentum.people.tests.factories import officer as make_officer

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_staff_filter_by_country_swaps_the_table_without_reloading(
    page, server_url, sign_in, staff, officer, jordan, morocco
):
    make_officer(morocco, user__given_name="Youssef", user__family_name="Alaoui")
    make_officer(morocco, user__given_name="Meriem", user__family_name="Bennani")
    sign_in("staff@example.org")
    page.goto(f"{server_url}/en/people/officers/")
    rows = page.locator("#officer-table tbody tr")
    assert sorted(rows.evaluate_all("rows => rows.map(row => row.dataset.country)")) == [
        "JO",
        "MA",
        "MA",
    ]
    page.evaluate("window.__marker = 1")
    loads: list[str] = []
    page.on("load", lambda loaded: loads.append(loaded.url))

    with page.expect_response(lambda r: "/en/people/officers/?" in r.url) as swap:
        page.get_by_label("Country").select_option(label="Morocco")
    response = swap.value
    assert response.request.headers.get("hx-request") == "true"
    assert response.ok
    page.wait_for_function(
        "() => [...document.querySelectorAll('#officer-table tbody tr')]"
        ".every(row => row.dataset.country === 'MA')"
    )

    assert page.evaluate("window.__marker") == 1  # the page was not reloaded
    assert loads == []  # no full page load (pushState alone changes the URL)
    assert page.locator("#officer-table tbody tr").count() == 2
    table = page.locator("#officer-table").inner_text()
    assert "Alaoui" in table and "Bennani" in table and "Haddad" not in table
    assert "2 officers" in page.locator("#officer-table caption").inner_text()
    # The fragment replaced the table only: one filter form, one table.
    assert page.locator("form.filters").count() == 1
    assert page.locator("#officer-table table").count() == 1
    url = urlsplit(page.url)
    assert url.path == "/en/people/officers/"
    assert parse_qs(url.query)["country"] == [str(morocco.pk)]

    # The pushed URL is a real page: reloading it shows the same filtered list.
    page.reload()
    assert page.evaluate("window.__marker") is None
    assert page.get_by_label("Country").input_value() == str(morocco.pk)
    assert sorted(
        page.locator("#officer-table tbody tr").evaluate_all(
            "rows => rows.map(row => row.dataset.country)"
        )
    ) == ["MA", "MA"]
