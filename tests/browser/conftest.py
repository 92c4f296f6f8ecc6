"""Playwright (sync API) driving the machine's Chromium against pytest-django's ``live_server``.

The browser tests run with the rest of the suite (``tests/`` is in ``testpaths``). Without
``/usr/bin/chromium`` they are skipped, unless ``MOMENTUM_REQUIRE_BROWSER=true`` (CI): then a
missing browser, a skipped or deselected browser test, or a run that collected none of them
fails the whole run.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

# Playwright's sync API runs an event loop in the test's thread; the ORM calls that the test and
# pytest-django make beside it are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}
PASSWORD = "correct-horse-battery"  # the factories' password
SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-output"
_BROWSER_DIR = Path(__file__).resolve().parent
AXE = _BROWSER_DIR / "fixtures" / "axe.min.js"
BLOCKING = {"serious", "critical"}  # the axe impacts a page may not have


def _browser_required() -> bool:
    return os.environ.get("MOMENTUM_REQUIRE_BROWSER", "").strip().lower() in {"1", "true", "yes"}


def _is_browser_test(item: pytest.Item) -> bool:
    return (
        item.get_closest_marker("browser") is not None
        or _BROWSER_DIR in Path(str(item.path)).parents
    )


def _skip_or_fail(reason: str) -> None:
    if _browser_required():
        pytest.fail(
            f"{reason}, and MOMENTUM_REQUIRE_BROWSER=true requires the browser tests.",
            pytrace=False,
        )
    pytest.skip(reason)


def axe_violations(page: Any) -> list[dict[str, Any]]:
    """axe-core's violations on ``page`` (id, impact, node count, the first targets). axe is
    injected as a script: open the page in a context made with ``bypass_csp=True``."""
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
        ".map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.length,"
        " targets: v.nodes.slice(0, 3).map(n => n.target.join(' '))}))"
    )
    return list(result)


# --- the guard: under MOMENTUM_REQUIRE_BROWSER the browser tests must actually run ----------

_RAN = pytest.StashKey[int]()
_NOT_RUN = pytest.StashKey[list[str]]()


def pytest_configure(config: pytest.Config) -> None:
    config.stash[_RAN] = 0
    config.stash[_NOT_RUN] = []
    markexpr = config.getoption("markexpr", "") or ""
    if _browser_required() and "not browser" in markexpr:
        raise pytest.UsageError(
            f"MOMENTUM_REQUIRE_BROWSER=true, but -m {markexpr!r} deselects the browser tests."
        )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        if _BROWSER_DIR in Path(str(item.path)).parents and not item.get_closest_marker("browser"):
            # Every test in this folder is a browser test, marked or not.
            item.add_marker(pytest.mark.browser)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Any:
    report = yield
    if _is_browser_test(item):
        if report.when == "call" and report.passed:
            item.config.stash[_RAN] += 1
        elif report.skipped:
            item.config.stash[_NOT_RUN].append(item.nodeid)
    return report


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    if not _browser_required() or session.config.option.collectonly:
        return
    config = session.config
    not_run = config.stash.get(_NOT_RUN, [])
    ran = config.stash.get(_RAN, 0)
    # A whole-suite run (no paths, -k or -m given) must have run the browser tests.
    whole_suite = (
        config.args_source == pytest.Config.ArgsSource.TESTPATHS
        and not config.option.keyword
        and not config.option.markexpr
    )
    if not_run or (whole_suite and ran == 0):
        reporter = session.config.pluginmanager.get_plugin("terminalreporter")
        message = (
            f"MOMENTUM_REQUIRE_BROWSER=true: {len(not_run)} browser test(s) skipped, "
            f"{ran} passed. The browser tests must run."
        )
        if reporter is not None:
            reporter.write_line(message, red=True, bold=True)
        if session.exitstatus == 0:
            session.exitstatus = pytest.ExitCode.TESTS_FAILED


# --- fixtures -------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def _playwright() -> Iterator[Any]:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:  # pragma: no cover - playwright is in the dev lock
        _skip_or_fail("Playwright is not installed")
    with sync_playwright() as playwright:
        yield playwright


@pytest.fixture(scope="session")
def browser(_playwright: Any) -> Iterator[Any]:
    """One headless Chromium for the whole session (Debian's, never a downloaded one)."""
    if not CHROMIUM.exists():
        _skip_or_fail(f"{CHROMIUM} is not installed")
    browser = _playwright.chromium.launch(
        executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
    )
    yield browser
    browser.close()


@pytest.fixture(autouse=True)
def _fresh_rate_limits() -> None:
    """allauth counts failed sign-ins per IP in the cache; other tests share 127.0.0.1."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def context(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport=DESKTOP, locale="en-GB")
    context.set_default_timeout(15_000)
    yield context
    context.close()


@pytest.fixture
def phone(browser: Any) -> Iterator[Any]:
    """A phone-sized, touch-enabled browser context."""
    context = browser.new_context(viewport=PHONE, has_touch=True, is_mobile=True)
    context.set_default_timeout(15_000)
    yield context
    context.close()


@pytest.fixture
def page_for(live_server: Any) -> Callable[[Any, Any], Any]:
    """``page_for(context, user)``: a new page in ``context``, signed in as ``user`` (a session
    cookie made by the test client, so the test does not go through the sign-in form)."""
    from django.conf import settings
    from django.test import Client

    def _page_for(context: Any, user: Any) -> Any:
        client = Client()
        client.force_login(user)
        cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
        context.add_cookies(
            [{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": live_server.url}]
        )
        return context.new_page()

    return _page_for


@pytest.fixture
def page(context: Any) -> Any:
    return context.new_page()


@pytest.fixture
def server_url(live_server: Any) -> str:
    """``http://localhost:<port>``: Chromium keeps Secure cookies on localhost over http."""
    url = urlsplit(live_server.url)
    return f"http://localhost:{url.port}"


@pytest.fixture
def sign_in(page: Any, server_url: str) -> Callable[..., Any]:
    """``sign_in(email, language="en")``: fill the sign-in form and wait for the home page."""

    def _sign_in(email: str, language: str = "en", password: str = PASSWORD) -> Any:
        page.goto(f"{server_url}/{language}/accounts/login/")
        page.fill("input[name=login]", email)
        page.fill("input[name=password]", password)
        with page.expect_navigation():
            page.click("form[action$='/accounts/login/'] button[type=submit]")
        assert urlsplit(page.url).path == f"/{language}/", page.url
        return page

    return _sign_in


@pytest.fixture
def screenshot(page: Any) -> Callable[[str], Path]:
    def _screenshot(name: str) -> Path:
        SCREENSHOTS.mkdir(exist_ok=True)
        path = SCREENSHOTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return _screenshot
