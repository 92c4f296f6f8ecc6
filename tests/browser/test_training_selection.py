"""In a real browser: a focal point nominates in Arabic; staff select on the board and the
seats and the share of women update in place (htmx, out-of-band swap)."""

from __future__ import annotations

import pytest

from momentum.people.models import RankLevel, Sex
from momentum.people.tests.factories import officer as make_officer
from momentum.training.models import Nomination, NominationStatus, SeatQuota, SessionStatus, Track
from momentum.training.tests.factories import CourseFactory, NominationFactory, session_with_seats

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_focal_point_nominates_in_arabic(page_for, context, live_server, focal_point, jordan):
    course = CourseFactory(
        title_ar="القيادة للضباط من المستوى المتوسط",
        track=Track.LEADERSHIP,
        requires_motivation=True,
        requires_endorsement=True,
    )
    session = session_with_seats({jordan: 2}, course=course)
    rania = make_officer(
        jordan,
        sex=Sex.FEMALE,
        rank_level=RankLevel.MID,
        user__given_name="Rania",
        user__family_name="Saleh",
        user__given_name_ar="رانيا",
        user__family_name_ar="صالح",
    )
    page = page_for(context, focal_point)

    page.goto(f"{live_server.url}/ar/training/sessions/{session.pk}/nominate/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    page.locator("input[name=q]").fill("رانيا")
    with page.expect_navigation():
        page.locator("form[role=search] button[type=submit]").click()
    page.locator(f"input[name=officer][value='{rania.profile.pk}']").check()
    page.locator("textarea[name=justification]").fill("تقود وحدة مكافحة تزوير الوثائق.")
    page.locator("textarea[name=motivation]").fill("أريد أن أقود فريقي.")
    page.locator("input[name=supervisor_name]").fill("العقيد ناصر")
    page.locator("textarea[name=supervisor_endorsement]").fill("أوصي بها بشدة.")
    with page.expect_navigation():
        page.locator("form[method=post] button[type=submit]").last.click()

    nomination = Nomination.objects.get()
    assert nomination.officer == rania.profile
    assert nomination.supervisor_name == "العقيد ناصر"
    assert "رانيا صالح" in page.locator("#made-title + .table-wrap").inner_text()


def test_staff_select_and_the_balance_updates_in_place(
    page_for, context, live_server, staff, jordan
):
    session = session_with_seats(
        {jordan: 1}, status=SessionStatus.SELECTION, women_target_percent=50
    )
    woman, man = (
        NominationFactory(
            session=session,
            officer=make_officer(jordan, sex=sex).profile,
            status=NominationStatus.NOMINATED,
        )
        for sex in (Sex.FEMALE, Sex.MALE)
    )
    page = page_for(context, staff)
    page.goto(f"{live_server.url}/en/training/sessions/{session.pk}/selection/")
    page.evaluate("window.__marker = 1")

    page.locator(f"#nomination-{woman.pk} button", has_text="Select").click()
    page.wait_for_selector(f"#nomination-{woman.pk}[data-status=selected]")

    summary = page.locator("#board-summary")
    assert "100 %" in summary.inner_text()
    assert "Full" in summary.locator("tr[data-country=JO]").inner_text()
    # The country is full: selecting the man is refused in his row, nothing changes.
    page.locator(f"#nomination-{man.pk} button", has_text="Select").click()
    page.wait_for_selector(f"#nomination-{man.pk} [role=alert]")
    assert "Every seat for Jordan is taken" in page.locator(f"#nomination-{man.pk}").inner_text()
    assert page.evaluate("window.__marker") == 1  # never reloaded
    assert page.locator("#board-summary").count() == 1
    assert SeatQuota.objects.get().selected == 1
