"""Morocco's board member, in Arabic, votes and answers a written procedure with an objection
from her home page; staff then record the procedure's outcome and see it not adopted."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_moroccos_member_objects_in_arabic_and_staff_see_the_outcome(
    browser: Any, page_for: Any, server_url: str, staff: Any, morocco: Any
) -> None:
    from momentum.governance.models import ProcedureAnswer, Vote, WrittenProcedure
    from momentum.governance.services import decisions, procedures
    from momentum.governance.tests.factories import board, meeting
    from momentum.people.models import Role
    from momentum.people.tests.factories import person_with_role

    member = person_with_role(
        Role.BOARD_MEMBER,
        morocco,
        email="board.ma@example.org",
        given_name="Samira",
        given_name_ar="سميرة",
        family_name="Alaoui",
        family_name_ar="العلوي",
        preferred_language="ar",
    )
    board(5, MA=member)
    coming = meeting(starts_in_days=30)
    decisions.propose_motion(
        agenda_item=coming.agenda.first(),
        texts={"en": "Adopt the plan.", "fr": "Adopter le plan.", "ar": "اعتماد الخطة."},
        authoritative_language="ar",
        closes_at=coming.ends_at,
        by=staff,
    )
    procedure = procedures.launch_procedure(
        title="Training plan 2027",
        question="Do you approve the training plan?",
        deadline=timezone.now() + timedelta(days=5),
        silence=True,
        by=staff,
    )

    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = page_for(context, member)
    page.goto(f"{server_url}/ar/")
    steps = page.locator(".next-steps")
    assert "الخطوات التالية" in steps.inner_text()

    # The vote, from her home page.
    steps.get_by_role("link", name="التصويت مفتوح", exact=False).click()
    page.get_by_label("نعم", exact=True).check()
    page.get_by_role("button", name="الإدلاء بالصوت").click()
    assert "سُجل صوت بلدك." in page.locator(".messages").inner_text()

    # The written procedure: an objection needs its reason.
    page.goto(f"{server_url}/ar/")
    page.locator(".next-steps").get_by_role("link", name="Training plan 2027", exact=False).click()
    page.get_by_label("اعتراض", exact=True).check()
    page.get_by_role("button", name="إرسال الرد").click()
    assert "اذكري سبب اعتراضك." in page.locator(".error-summary").inner_text()
    page.get_by_label("اعتراض", exact=True).check()
    page.get_by_label("السبب أو التعليق").fill("لا تتضمن الخطة ميزانية للترجمة.")
    page.get_by_role("button", name="إرسال الرد").click()
    assert "سُجل رد بلدك." in page.locator(".messages").inner_text()
    assert page.evaluate("document.documentElement.dir") == "rtl"
    context.close()

    assert Vote.objects.get(country=morocco).choice == "yes"
    assert ProcedureAnswer.objects.get(country=morocco).choice == "object"

    # The deadline passes; staff record the outcome.
    WrittenProcedure.objects.filter(pk=procedure.pk).update(
        deadline=timezone.now() - timedelta(minutes=1)
    )
    staff_context = browser.new_context(viewport={"width": 1280, "height": 800})
    staff_page = page_for(staff_context, staff)
    staff_page.goto(f"{server_url}/en/governance/procedures/{procedure.pk}/")
    staff_page.get_by_role("button", name="Record the outcome").click()
    outcome = staff_page.locator("main").inner_text()
    assert "Not adopted: 1 member objected before the deadline." in outcome
    assert "لا تتضمن الخطة ميزانية للترجمة." in outcome
    staff_context.close()
