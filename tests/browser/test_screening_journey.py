"""In a real browser, in Arabic on a tablet-sized screen: a trainee screens the first traveller
of her queue, decides, and gets feedback with the ground truth only after deciding."""

from __future__ import annotations

import pytest

from momentum.screening.models import Check, Play
from momentum.screening.services.generator import generate_world
from momentum.screening.services.queues import assign, generate_queue
from momentum.screening.tests.conftest import teach

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_trainee_screens_her_queue_in_arabic_and_gets_feedback(
    page_for, phone, live_server, officer, trainer
):
    world = generate_world(
        seed=9, name="Journey", travellers=20, lost_documents=50, nominal_records=30
    )
    queue = generate_queue(world=world, trainer=trainer, title="Counter", size=3, seed=1)
    teach(trainer, officer)
    play = assign(queue=queue, trainees=[officer], by=trainer)[0]
    page = page_for(phone, officer)

    page.goto(f"{live_server.url}/ar/screening/plays/{play.pk}/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert "تدريب — بيانات اصطناعية" in page.locator(".screening-mark").inner_text()
    assert page.get_by_text("القرار المتوقع").count() == 0  # no ground truth before deciding
    page.get_by_label("لا تطابق").check()
    with page.expect_navigation():
        page.get_by_role("button", name="سجّل قراري").click()

    assert "القرار المتوقع" in page.content()
    assert page.locator(".feedback-verdict").count() == 1
    check = Check.objects.get(play=Play.objects.get(pk=play.pk))
    assert check.decision == "no_hit" and check.seconds is not None
    with page.expect_navigation():
        page.get_by_role("link", name="المسافر التالي").click()
    assert "المسافر 2 من 3" in page.locator("h1").inner_text()
