"""The platform runs on a closed network: no page asks for anything from another host."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from momentum.people.tests.factories import officer as make_officer

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_login_home_and_officer_list_load_nothing_from_another_host(
    context, page, server_url, focal_point, officer, jordan
):
    make_officer(jordan, user__given_name="Rania", user__family_name="Mansour")
    own_host = urlsplit(server_url).netloc
    local: list[str] = []
    external: list[str] = []

    def _route(route):  # type: ignore[no-untyped-def]
        url = route.request.url
        if urlsplit(url).netloc == own_host:
            local.append(url)
            route.continue_()
        else:
            external.append(url)
            route.abort()

    context.route("**/*", _route)

    page.goto(f"{server_url}/en/accounts/login/")
    page.wait_for_load_state("networkidle")
    page.fill("input[name=login]", "focal.jo@example.org")
    page.fill("input[name=password]", "correct-horse-battery")
    with page.expect_navigation():
        page.click("form[action$='/accounts/login/'] button[type=submit]")
    assert urlsplit(page.url).path == "/en/"
    page.goto(f"{server_url}/en/")
    page.wait_for_load_state("networkidle")
    assert page.locator("h1").count() == 1
    page.goto(f"{server_url}/en/people/officers/")
    page.wait_for_load_state("networkidle")
    assert page.locator("#officer-table tbody tr").count() == 2

    assert external == []
    paths = {urlsplit(url).path for url in local}
    # The route saw the pages and their assets, so an external one would have been caught.
    assert {"/en/accounts/login/", "/en/", "/en/people/officers/"} <= paths
    assert any(path.endswith("/momentum.css") for path in paths)
    assert any("htmx" in path for path in paths)
