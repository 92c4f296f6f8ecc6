"""In a real browser, in Arabic: Jordan's focal point invites an agency's working group; its
leader, on her phone, opens the cycle from the list, rates a dimension, and the radar shows it."""

from __future__ import annotations

import pytest

from momentum.core.tests.factories import AgencyFactory
from momentum.selfassessment.models import Cycle, Rating
from momentum.selfassessment.tests.factories import framework

from .conftest import SCREENSHOTS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_working_group_is_invited_rates_a_dimension_and_sees_the_radar(
    page_for, context, phone, live_server, focal_point, officer, jordan
):
    dimensions = framework()  # a transactional test may have flushed the migration's copy
    agency = AgencyFactory(country=jordan, acronym="PSD", name_ar="مديرية الأمن العام")
    page = page_for(context, focal_point)

    page.goto(f"{live_server.url}/ar/selfassessment/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    page.get_by_role("link", name="دعوة فريق عمل إحدى المؤسسات").click()
    page.locator("select[name=agency]").select_option(str(agency.pk))
    page.locator("select[name=lead]").select_option(str(officer.pk))
    with page.expect_navigation():
        page.get_by_role("button", name="دعوة").click()
    assert "تمت دعوة فريق العمل" in page.content()
    cycle = Cycle.objects.get(agency=agency)

    leader = page_for(phone, officer)
    leader.goto(f"{live_server.url}/ar/selfassessment/")
    leader.get_by_role("link", name="مديرية الأمن العام").click()
    leader.get_by_role("link", name=str(dimensions[0].name_ar)).click()
    leader.locator("input[name=score][value='3']").check()
    leader.locator("textarea[name=justification]").fill("تُسجَّل الجرائم حسب الجنس منذ 2024.")
    with leader.expect_navigation():
        leader.get_by_role("button", name="حفظ التقييم").click()

    rating = Rating.objects.get(cycle=cycle, dimension=dimensions[0])
    assert (rating.score, rating.rated_by) == (3, officer)
    assert leader.locator("svg.radar-chart polygon.radar-current").count() == 1
    label = leader.locator("svg.radar-chart text.radar-label").first.text_content() or ""
    assert str(dimensions[0].name_ar)[:10] in label
    SCREENSHOTS.mkdir(exist_ok=True)
    leader.screenshot(path=str(SCREENSHOTS / "selfassessment-radar-ar-phone.png"), full_page=True)
    first_row = leader.locator("table").first.locator("tbody tr").first
    assert first_row.locator("td").first.inner_text().strip() == "3"
