"""The mentoring journeys, end to end in Chromium.

1. An officer of Jordan applies in Arabic (right to left) and sees where her application
   stands, in Arabic.
2. A panel member scores an application against the rubric, from the panel page.
3. Staff run the matching, read the proposed pairs with their breakdown, and publish: both
   sides are notified.
4. A mentor logs a meeting on the pair page.
5. The programme-health page flags the pair that has not met for more than 45 days, and not
   the pair that met last week.

Data are set up with the mentoring factories; every step in the browser goes through the
pages as a person would. Screenshots go to ``test-output/mentoring-journey-*.png``.
"""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from django.utils import timezone, translation

from momentum.core.models import Notification
from momentum.mentoring.models import (
    Application,
    ApplicationStatus,
    Meeting,
    MeetingMode,
    Pairing,
    PairingStatus,
    Review,
    RubricCriterion,
)
from momentum.mentoring.tests.factories import (
    CohortFactory,
    MentorProfileFactory,
    endorsed_application,
    female_officer_profile,
    matching_cohort,
    mentee,
    pair_for,
    panelist_for,
    running_cohort,
)
from momentum.people.models import Sex

from .conftest import SCREENSHOTS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _as_shown(language: str, message: str) -> str:
    """``message`` as the page shows it in ``language`` (its translation, or the English
    until the translation is made)."""
    with translation.override(language):
        return str(translation.gettext(message))


def _shot(page: Any, name: str) -> Path:
    SCREENSHOTS.mkdir(exist_ok=True)
    path = SCREENSHOTS / f"mentoring-journey-{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def _assert_direction(page: Any, language: str, direction: str) -> None:
    html = page.locator("html")
    assert html.get_attribute("lang") == language
    assert html.get_attribute("dir") == direction
    assert page.evaluate("getComputedStyle(document.body).direction") == direction


def _path(page: Any) -> str:
    return urlsplit(page.url).path


# --- 1. an officer applies in Arabic ---------------------------------------------------------


def test_an_officer_applies_in_arabic_and_follows_her_application(
    context, page_for, live_server, officer, jordan, morocco
):
    officer.profile.sex = Sex.FEMALE
    officer.profile.save()
    cohort = CohortFactory(places={jordan: 3, morocco: 2}, name_ar="دفعة النساء في الشرطة 2027")
    page = page_for(context, officer)

    page.goto(f"{live_server.url}/ar/mentoring/cohorts/{cohort.pk}/apply/")
    _assert_direction(page, "ar", "rtl")
    motivation = "أقود وحدة النساء في معبر جابر وأريد أن أتعلم قيادة فريق إقليمي."
    page.locator("textarea[name=motivation]").fill(motivation)
    page.locator("textarea[name=goals]").fill("قيادة فريق عمل إقليمي خلال سنتين.")
    page.locator("input[name=years_of_service]").fill("9")
    page.locator("input[name=languages][value=ar]").check()
    page.locator("input[name=supervisor_name]").fill("العقيد ناصر")
    page.locator("input[name=supervisor_email]").fill("nasser@example.org")
    _shot(page, "1-apply-ar")
    with page.expect_navigation():
        page.locator("form[method=post] button[type=submit]").last.click()

    application = Application.objects.get(cohort=cohort)
    assert application.applicant == officer.profile
    assert application.language == "ar"
    assert application.motivation == motivation
    assert _path(page) == f"/ar/mentoring/applications/{application.pk}/"
    _assert_direction(page, "ar", "rtl")
    status = _as_shown("ar", ApplicationStatus.SUBMITTED.label)
    assert page.locator(".page-header .status").first.inner_text().strip() == status
    shown = page.get_by_text(motivation)
    assert shown.get_attribute("dir") == "auto"
    _shot(page, "1-status-ar")


# --- 2. a panel member scores an application ---------------------------------------------------


def test_a_panel_member_scores_an_application_against_the_rubric(
    context, page_for, live_server, jordan, morocco
):
    cohort = CohortFactory(
        places={jordan: 2, morocco: 2},
        criteria=[("Motivation", 2, 5), ("Leadership potential", 1, 10)],
    )
    application = endorsed_application(cohort, jordan)
    panelist = panelist_for(cohort, given_name="Mona", family_name="Barakat")
    page = page_for(context, panelist)

    page.goto(f"{live_server.url}/en/mentoring/cohorts/{cohort.pk}/panel/")
    with page.expect_navigation():
        page.locator(f"a[href$='/applications/{application.pk}/score/']").click()
    assert _path(page) == f"/en/mentoring/applications/{application.pk}/score/"
    motivation, leadership = RubricCriterion.objects.filter(cohort=cohort).order_by("order")
    page.get_by_label(re.compile(r"^Motivation \(from 0 to 5\)")).fill("4")
    page.get_by_label(re.compile(r"^Leadership potential \(from 0 to 10\)")).fill("8")
    page.locator("textarea[name=comment]").fill("Clear goals, strong supervisor statement.")
    _shot(page, "2-score")
    with page.expect_navigation():
        page.get_by_role("button", name="Save my review").click()

    assert _path(page) == f"/en/mentoring/cohorts/{cohort.pk}/panel/"
    review = Review.objects.get(application=application, panelist=panelist)
    assert {s.criterion_id: s.score for s in review.scores.all()} == {
        motivation.pk: 4,
        leadership.pk: 8,
    }
    application.refresh_from_db()
    # (2·4/5 + 1·8/10) / 3 × 100
    assert str(application.score) == "80.00"
    assert (
        "Scored"
        in page.locator(f"a[href$='/applications/{application.pk}/score/']")
        .locator("xpath=ancestor::tr")
        .inner_text()
    )


# --- 3. staff match and publish --------------------------------------------------------------


def test_staff_run_the_matching_read_the_breakdown_and_publish(
    context, page_for, live_server, staff, jordan
):
    cohort = matching_cohort()
    first = mentee(cohort, jordan, languages=["ar"])
    second = mentee(cohort, jordan, languages=["fr"])
    arabic = MentorProfileFactory(
        languages=["ar", "en"], user__given_name="Huda", user__family_name="Majali"
    )
    french = MentorProfileFactory(
        languages=["fr"], user__given_name="Sophie", user__family_name="Laurent"
    )
    page = page_for(context, staff)

    page.goto(f"{live_server.url}/en/mentoring/cohorts/{cohort.pk}/matching/")
    with page.expect_navigation():
        page.get_by_role("button", name="Run the matching").click()
    rows = page.locator("tr[id^=proposed-]")
    assert rows.count() == 2
    row = page.locator(f"#proposed-{first.pk}")
    assert "Huda Majali" in row.inner_text()
    assert "Sophie Laurent" in page.locator(f"#proposed-{second.pk}").inner_text()
    row.locator("summary", has_text="Breakdown").click()
    breakdown = row.locator("table.score-parts tbody tr")
    assert breakdown.count() >= 4
    assert row.locator("tr[data-criterion=goals]").is_visible()
    _shot(page, "3-proposed")
    with page.expect_navigation():
        page.get_by_role("button", name="Publish the proposed pairs").click()

    pairs = Pairing.objects.filter(cohort=cohort)
    assert set(pairs.values_list("status", flat=True)) == {PairingStatus.ACTIVE}
    assert {(p.mentee_id, p.mentor_id) for p in pairs} == {
        (first.pk, arabic.pk),
        (second.pk, french.pk),
    }
    assert page.locator("tr[id^=active-]").count() == 2
    for pairing in pairs:
        for user in (pairing.mentee.applicant.user, pairing.mentor.user):
            assert Notification.objects.filter(
                recipient=user, kind="mentoring.pair_published"
            ).exists()
    _shot(page, "3-published")


# --- 4. a mentor logs a meeting ---------------------------------------------------------------


def test_a_mentor_logs_a_meeting_on_the_pair_page(context, page_for, live_server, mentor, jordan):
    mentee_user = female_officer_profile(jordan).user
    pairing = pair_for(mentee_user, mentor, published_days_ago=20)
    page = page_for(context, mentor)

    page.goto(f"{live_server.url}/en/mentoring/pairs/{pairing.pk}/")
    with page.expect_navigation():
        page.get_by_role("link", name="Log a meeting").click()
    held_on = timezone.localdate() - timedelta(days=2)
    page.locator("input[name=held_on]").fill(held_on.isoformat())
    page.locator("input[name=duration_minutes]").fill("50")
    page.locator("select[name=mode]").select_option(MeetingMode.VIDEO)
    page.locator("textarea[name=topics]").fill("Preparing her briefing for the director.")
    page.locator("textarea[name=next_steps]").fill("Rehearse it on Thursday.")
    page.locator("textarea[name=private_note]").fill("She worries about the new chief.")
    with page.expect_navigation():
        page.get_by_role("button", name="Add to the log").click()

    meeting = Meeting.objects.get(pairing=pairing)
    assert (meeting.held_on, meeting.duration_minutes, meeting.logged_by) == (held_on, 50, mentor)
    assert _path(page) == f"/en/mentoring/pairs/{pairing.pk}/"
    log = page.locator("#meetings")
    assert "Preparing her briefing for the director." in log.inner_text()
    assert "1 meeting" in log.locator("caption").inner_text()
    _shot(page, "4-meeting-logged")


# --- 5. the at-risk flag -----------------------------------------------------------------------


def test_the_health_page_flags_the_pair_that_stopped_meeting(
    context, page_for, live_server, staff, jordan
):
    cohort = running_cohort(mentees={})
    quiet = pair_for(
        female_officer_profile(jordan, user__given_name="Nour", user__family_name="Khalil").user,
        cohort=cohort,
        published_days_ago=120,
    )
    busy = pair_for(
        female_officer_profile(jordan, user__given_name="Rania", user__family_name="Saleh").user,
        cohort=cohort,
        published_days_ago=120,
    )
    today = timezone.localdate()
    for pairing, days_ago in ((quiet, 60), (busy, 7)):
        Meeting.objects.create(
            pairing=pairing,
            held_on=today - timedelta(days=days_ago),
            duration_minutes=45,
            mode=MeetingMode.VIDEO,
            topics="The plan",
        )
    page = page_for(context, staff)

    page.goto(f"{live_server.url}/en/mentoring/cohorts/{cohort.pk}/health/")

    quiet_row = page.locator("tr", has=page.locator(f"a[href$='/pairs/{quiet.pk}/']"))
    busy_row = page.locator("tr", has=page.locator(f"a[href$='/pairs/{busy.pk}/']"))
    assert "At risk" in quiet_row.inner_text()
    assert "No meeting for more than 45 days." in quiet_row.inner_text()
    assert "health-row--at-risk" in (quiet_row.get_attribute("class") or "")
    assert "At risk" not in busy_row.inner_text()
    assert "On track" in busy_row.inner_text()
    assert "60" in quiet_row.inner_text()
    _shot(page, "5-health")
