"""In a real browser: a controller fires an inject from the console and it appears, without a
reload, on the screen of the site it was meant for; an evaluator, on her phone and in Arabic,
rates the objective assigned to her."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from momentum.exercise.models import Observation
from momentum.exercise.services import injects, planning
from momentum.exercise.tests.factories import an_exercise
from momentum.people.tests.factories import officer as make_officer

from .conftest import SCREENSHOTS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_fired_inject_appears_on_the_sites_screen(
    page_for, context, browser, live_server, staff, officer, morocco
):
    s = an_exercise(staff)
    controller = make_officer(morocco)
    planning.place_member(
        exercise=s.exercise,
        user=controller,
        role="controller",
        source="certified",
        site=s.tangier,
        shift=s.shift,
        by=staff,
    )
    planning.place_member(
        exercise=s.exercise,
        user=officer,
        role="screener",
        source="certified",
        site=s.amman,
        shift=s.shift,
        by=staff,
    )
    injects.add_inject(
        site=s.amman,
        objective=s.screening,
        kind="traveller",
        title="A passport reported stolen",
        message="A traveller presents a passport recorded in SLTD as stolen.",
        expected_action="Hold the document and refer the traveller.",
        actor="screener",
        scheduled_at=timezone.now() + timedelta(hours=1),
        by=staff,
    )
    planning.set_status(exercise=s.exercise, status="running", by=staff)

    screen = page_for(browser.new_context(viewport={"width": 1280, "height": 800}), officer)
    screen.goto(f"{live_server.url}/en/exercise/sites/{s.amman.pk}/")
    assert screen.locator("#site-feed article").count() == 0

    console = page_for(context, controller)
    console.goto(f"{live_server.url}/en/exercise/{s.exercise.pk}/console/")
    with console.expect_navigation():
        console.get_by_role("button", name="Fire now").click()
    assert "The inject was sent to its site." in console.content()

    screen.locator("#site-feed article").first.wait_for(timeout=15_000)
    assert "A passport reported stolen" in screen.locator("#site-feed").inner_text()
    SCREENSHOTS.mkdir(exist_ok=True)
    screen.screenshot(path=str(SCREENSHOTS / "exercise-site-screen.png"), full_page=True)


def test_an_evaluator_rates_an_objective_on_her_phone_in_arabic(
    page_for, phone, live_server, staff, officer
):
    s = an_exercise(staff)
    planning.place_member(
        exercise=s.exercise,
        user=officer,
        role="evaluator",
        source="certified",
        site=s.amman,
        shift=s.shift,
        objectives=[s.screening],
        by=staff,
    )
    planning.set_status(exercise=s.exercise, status="running", by=staff)

    page = page_for(phone, officer)
    page.goto(f"{live_server.url}/ar/exercise/{s.exercise.pk}/observe/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    page.get_by_label("أُنجز مع بعض الصعوبات").check()
    with page.expect_navigation():
        page.get_by_role("button", name="سجّل الملاحظة").click()
    # A rating without its justification is refused, in Arabic, and the choice is kept.
    assert "علّل التقدير" in page.content()
    assert page.get_by_label("أُنجز مع بعض الصعوبات").is_checked()

    page.locator("textarea[name=justification]").fill("فُحصت كل الجوازات في قاعدة SLTD.")
    page.locator("textarea[name=strengths]").fill("سرعة التحقق عند الخط الأول.")
    with page.expect_navigation():
        page.get_by_role("button", name="سجّل الملاحظة").click()

    assert "سُجّلت ملاحظتك" in page.content()
    observation = Observation.objects.get()
    assert (observation.rating, observation.objective, observation.site) == (
        "S",
        s.screening,
        s.amman,
    )
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "exercise-observe-ar-phone.png"), full_page=True)
