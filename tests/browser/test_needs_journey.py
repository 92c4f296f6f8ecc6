"""Tunisia's focal point answers the needs-assessment questionnaire in Arabic from her home
page and submits it; staff return it with a comment; she corrects it and submits again."""

from __future__ import annotations

from typing import Any

import pytest
from django.utils import translation

from momentum.needs.models import SubmissionStatus

from .conftest import SCREENSHOTS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _ar(text: str) -> str:
    with translation.override("ar"):
        return translation.gettext(text)


def _shot(page: Any, name: str) -> None:
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def _fill_grid(page: Any, junior: tuple[str, str], senior: tuple[str, str], total: str) -> None:
    page.fill("input[name='q-personnel-junior-female']", junior[0])
    page.fill("input[name='q-personnel-junior-male']", junior[1])
    page.fill("input[name='q-personnel-senior-female']", senior[0])
    page.fill("input[name='q-personnel-senior-male']", senior[1])
    page.fill("input[name='q-personnel-total']", total)


def test_tunisias_focal_point_answers_in_arabic_and_revises_after_review(
    context, browser, page_for, live_server, staff
):
    from momentum.core.tests.factories import CountryFactory
    from momentum.needs.tests import factories
    from momentum.people.models import Role
    from momentum.people.tests.factories import person_with_role

    tunisia = CountryFactory(code="TN", name_en="Tunisia", name_fr="Tunisie", name_ar="تونس")
    focal = person_with_role(Role.FOCAL_POINT, tunisia, email="focal.tn@example.org")
    round = factories.assessment_round()
    page = page_for(context, focal)

    # From her home page, in Arabic, to her country's questionnaire.
    page.goto(f"{live_server.url}/ar/")
    nav = page.get_by_role("navigation", name=_ar("Main"))
    menu = nav.locator("details", has=page.locator("a[href$='/ar/needs/']"))
    if menu.count():  # the entry is in the programme's menu: open it first
        menu.locator("summary").click()
    nav.get_by_role("link", name=_ar("Needs assessment")).click()
    page.get_by_role("link", name=str(round.title_ar)).click()  # type: ignore[attr-defined]
    page.get_by_role("button", name=_ar("Start answering")).click()
    assert page.locator("html").get_attribute("dir") == "rtl"

    # Skip logic: the unit's size appears only once she says there is a unit.
    size = page.locator("#q-unit_size")
    assert size.is_hidden()
    page.locator("#q-has_unit input[value=yes]").check()
    assert size.is_visible()
    page.fill("input[name='q-unit_size']", "12")
    _fill_grid(page, junior=("40", "300"), senior=("2", "60"), total="100")  # parts exceed
    page.fill("textarea[name='q-notes']", "وحدة النوع الاجتماعي في الإدارة العامة")
    page.get_by_role("button", name=_ar("Validate and submit for review")).click()

    summary = page.locator(".error-summary")
    assert "402" in summary.inner_text() and "100" in summary.inner_text()
    assert (
        page.locator("textarea[name='q-notes']").input_value()
        == "وحدة النوع الاجتماعي في الإدارة العامة"
    )
    assert page.locator("textarea[name='q-notes']").get_attribute("dir") == "auto"
    page.fill("input[name='q-personnel-total']", "500")
    page.get_by_role("button", name=_ar("Validate and submit for review")).click()
    assert (
        _ar("Your questionnaire was submitted for review.")
        in page.locator(".messages").inner_text()
    )
    _shot(page, "needs-submitted-ar")

    # Staff return it with a comment on the grid.
    staff_context = browser.new_context(locale="en-GB")
    staff_page = page_for(staff_context, staff)
    submission = round.submissions.get()
    staff_page.goto(f"{live_server.url}/en/needs/submissions/{submission.pk}/")
    staff_page.fill("#comment-personnel", "Senior women: please check against the annual report.")
    staff_page.get_by_role("button", name="Return for revision").click()
    assert "returned to the country" in staff_page.locator(".messages").inner_text()
    staff_context.close()

    # She sees the comment beside the question, corrects and submits again.
    page.goto(f"{live_server.url}/ar/needs/submissions/{submission.pk}/")
    assert "Senior women" in page.locator("#q-personnel .review-comment").inner_text()
    page.fill("input[name='q-personnel-senior-female']", "5")
    page.get_by_role("button", name=_ar("Validate and submit for review")).click()
    assert (
        _ar("Your questionnaire was submitted for review.")
        in page.locator(".messages").inner_text()
    )
    _shot(page, "needs-resubmitted-ar")

    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.SUBMITTED
    assert (
        submission.answers.get(question__name="personnel").value["cells"]["senior"]["female"] == 5
    )
