"""The training journeys, end to end in Chromium, each as its people live it.

1. Jordan's focal point, browsing in Arabic, nominates one of her officers from a session page.
2. Staff select a woman on the selection board: seats and the share of women update in place.
3. A trainer marks today's attendance from a phone; a reload shows the saved marks.
4. A participant takes the post-test in French on the session's last day, once only.
5. The address in a certificate's QR code opens a public page that says "valid", in Arabic.

Data are set up with the training factories and services; every step in the browser goes
through the pages as a person would (sign-in form, links, buttons). Screenshots go to
``test-output/training-journey-*.png``.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Iterator
from datetime import timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from django.utils import formats, timezone, translation

from momentum.people.models import Sex
from momentum.people.tests.factories import officer as make_officer
from momentum.training import models as training
from momentum.training.models import (
    Attendance,
    Certificate,
    Nomination,
    NominationStatus,
    SeatQuota,
    SessionStatus,
)
from momentum.training.services import certificates as certificate_services
from momentum.training.services import nominations as nomination_services
from momentum.training.tests.factories import (
    CourseFactory,
    NominationFactory,
    SessionFactory,
    completed_participation,
    make_question,
    session_with_seats,
)

from .conftest import DESKTOP, PASSWORD, PHONE, SCREENSHOTS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Anything shaped like an e-mail address (a public page must show none).
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")


# --- helpers ---------------------------------------------------------------------------------


def _in(language: str, message: str) -> str:
    """``message`` as the page shows it in ``language``; the translation must exist, or the
    assertion that uses it would pass on an untranslated page."""
    with translation.override(language):
        translated = translation.gettext(message)
    if language != "en":
        assert translated != message, f"{message!r} has no {language} translation"
    return translated


def _shot(page: Any, name: str) -> Path:
    SCREENSHOTS.mkdir(exist_ok=True)
    path = SCREENSHOTS / f"training-journey-{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def _sign_in(page: Any, server_url: str, email: str, language: str) -> None:
    """Through the sign-in form, as on ``conftest.sign_in``, on any page (phone or desktop)."""
    page.goto(f"{server_url}/{language}/accounts/login/")
    page.fill("input[name=login]", email)
    page.fill("input[name=password]", PASSWORD)
    with page.expect_navigation():
        page.click("form[action$='/accounts/login/'] button[type=submit]")
    assert urlsplit(page.url).path == f"/{language}/", page.url


def _assert_direction(page: Any, language: str, direction: str) -> None:
    html = page.locator("html")
    assert html.get_attribute("lang") == language
    assert html.get_attribute("dir") == direction
    assert page.evaluate("getComputedStyle(document.body).direction") == direction


def _no_horizontal_scroll(page: Any) -> bool:
    return bool(page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1"))


def _officer(country: Any, sex: str, name: str, name_ar: str) -> Any:
    """An officer's profile, named in Latin and Arabic script ("Given Family")."""
    given, family = name.split(" ", 1)
    given_ar, family_ar = name_ar.split(" ", 1)
    return make_officer(
        country,
        sex=sex,
        user__given_name=given,
        user__family_name=family,
        user__given_name_ar=given_ar,
        user__family_name_ar=family_ar,
    ).profile


def _cells(row: Any) -> list[str]:
    """A table row's cells (header cell first), as their visible text."""
    return [text.strip() for text in row.locator("th, td").all_inner_texts()]


@pytest.fixture
def phone(browser: Any) -> Iterator[Any]:
    """A touch-screen phone (390 by 844), in a browsing context of its own."""
    context = browser.new_context(viewport=PHONE, has_touch=True, is_mobile=True, locale="en-GB")
    context.set_default_timeout(15_000)
    yield context.new_page()
    context.close()


# --- 1. a focal point nominates, in Arabic -----------------------------------------------------


def test_focal_point_nominates_an_officer_of_her_country_in_arabic(
    page, server_url, focal_point, officer, jordan, morocco
):
    course = CourseFactory(
        title_en="Border screening with SLTD",
        title_ar="التدقيق الحدودي باستخدام قاعدة SLTD",
    )
    starts_on = timezone.localdate() + timedelta(days=30)
    session = SessionFactory(
        course=course,
        status=SessionStatus.OPEN,
        starts_on=starts_on,
        ends_on=starts_on + timedelta(days=2),
        nomination_deadline=timezone.now() + timedelta(days=7),
        capacity=10,
        # Jordan: three seats, one already taken; Morocco: two.
        quotas={jordan: (3, 1), morocco: 2},
    )
    rania = _officer(jordan, Sex.FEMALE, "Rania Saleh", "رانيا صالح")
    youssef = _officer(morocco, Sex.MALE, "Youssef Alaoui", "يوسف العلوي")

    _sign_in(page, server_url, "focal.jo@example.org", "ar")
    page.goto(f"{server_url}/ar/training/sessions/")
    with page.expect_navigation():
        page.get_by_role("link", name=course.title_ar).first.click()
    assert urlsplit(page.url).path == f"/ar/training/sessions/{session.pk}/"
    _assert_direction(page, "ar", "rtl")
    _shot(page, "1-session-ar")

    with page.expect_navigation():
        page.get_by_role("link", name=_in("ar", "Nominate officers")).click()
    assert urlsplit(page.url).path == f"/ar/training/sessions/{session.pk}/nominate/"
    _assert_direction(page, "ar", "rtl")

    # Only Jordan's officers are offered: Leila and Rania, never Morocco's Youssef.
    offered = page.locator("input[name=officer]").evaluate_all(
        "inputs => inputs.map(input => Number(input.value))"
    )
    assert sorted(offered) == sorted([officer.profile.pk, rania.pk])
    assert youssef.pk not in offered
    content = page.content()
    assert "Alaoui" not in content and "العلوي" not in content
    _shot(page, "1-nominate-form-ar")

    page.get_by_role("radio", name=re.compile("رانيا صالح")).check()
    justification = "تعمل في وحدة التدقيق على الوثائق في معبر الكرامة."
    page.locator("textarea[name=justification]").fill(justification)
    with page.expect_navigation():
        page.get_by_role("button", name=_in("ar", "Nominate"), exact=True).click()

    nomination = Nomination.objects.get(session=session)
    assert nomination.officer == rania
    assert nomination.country == jordan
    assert nomination.nominated_by == focal_point
    assert nomination.justification == justification
    assert nomination.status == NominationStatus.NOMINATED

    # Back on the page, still in Arabic: the nomination and Jordan's seats left.
    assert urlsplit(page.url).path == f"/ar/training/sessions/{session.pk}/nominate/"
    _assert_direction(page, "ar", "rtl")
    row = page.locator(f"#nomination-{nomination.pk}")
    assert "رانيا صالح" in row.inner_text()
    assert justification in row.inner_text()
    assert _in("ar", "Waiting for a decision") in row.inner_text()
    seats = page.locator("section[aria-labelledby=seats-title]")
    with translation.override("ar"):
        heading = translation.gettext("Seats for %(country)s") % {"country": "الأردن"}
        left = translation.ngettext(
            "seat left of %(seats)s (%(selected)s selected)",
            "seats left of %(seats)s (%(selected)s selected)",
            2,
        ) % {"left": 2, "seats": 3, "selected": 1}
    assert seats.locator("h2").inner_text().strip() == heading
    assert seats.locator(".stat").inner_text().strip() == "2"
    assert left in seats.inner_text()
    assert "Alaoui" not in page.content()
    _shot(page, "1-nominated-ar-desktop")
    page.set_viewport_size(PHONE)
    assert _no_horizontal_scroll(page)
    _shot(page, "1-nominated-ar-phone")
    page.set_viewport_size(DESKTOP)

    # The same page in English, through the language switcher.
    with page.expect_navigation():
        page.locator(".site-header .languages a[hreflang=en]").click()
    _assert_direction(page, "en", "ltr")
    assert "Rania Saleh" in page.locator(f"#nomination-{nomination.pk}").inner_text()
    assert (
        "seats left of 3 (1 selected)"
        in page.locator("section[aria-labelledby=seats-title]").inner_text()
    )
    _shot(page, "1-nominated-en-desktop")


# --- 2. staff select, the balance updates in place ---------------------------------------------


def test_staff_select_a_woman_and_the_seats_and_share_of_women_update_in_place(
    page, server_url, staff, jordan, morocco
):
    session = session_with_seats(
        {jordan: 3, morocco: 2}, status=SessionStatus.SELECTION, women_target_percent=40
    )

    def nominate(country: Any, sex: str, name: str, name_ar: str) -> Nomination:
        profile = _officer(country, sex, name, name_ar)
        return NominationFactory(
            session=session, officer=profile, status=NominationStatus.NOMINATED
        )

    omar = nominate(jordan, Sex.MALE, "Omar Khalil", "عمر خليل")
    nomination_services.select_nomination(nomination=omar, by=staff)
    rania = nominate(jordan, Sex.FEMALE, "Rania Saleh", "رانيا صالح")
    nominate(morocco, Sex.MALE, "Youssef Alaoui", "يوسف العلوي")

    _sign_in(page, server_url, "staff@example.org", "en")
    page.goto(f"{server_url}/en/training/sessions/{session.pk}/selection/")
    summary = page.locator("#board-summary")
    jordan_row = summary.locator("tr[data-country=JO]")
    morocco_row = summary.locator("tr[data-country=MA]")
    # Country, seats, selected, seats left, women selected, awaiting, waiting list.
    assert _cells(jordan_row) == ["Jordan", "3", "1", "2", "0", "1", "0"]
    assert _cells(morocco_row) == ["Morocco", "2", "0", "2", "0", "1", "0"]
    assert summary.locator(".balance .stat").inner_text().strip() == "0 %"
    assert "Below the target" in summary.inner_text()
    _shot(page, "2-board-before-en")

    page.evaluate("window.__marker = 'board'")
    loads: list[str] = []
    page.on("load", lambda loaded: loads.append(loaded.url))
    with page.expect_response(lambda r: f"/nominations/{rania.pk}/decide/" in r.url) as answer:
        page.get_by_role("button", name="Select Rania Saleh").click()
    assert answer.value.ok
    assert answer.value.request.headers.get("hx-request") == "true"
    page.wait_for_selector(f"#nomination-{rania.pk}[data-status=selected]")
    page.wait_for_function(
        "() => document.querySelector('#board-summary tr[data-country=JO] .seats-left')"
        ".innerText.trim() === '1'"
    )

    assert page.evaluate("window.__marker") == "board"  # the page was never reloaded
    assert loads == []
    assert page.locator("#board-summary").count() == 1  # swapped, not duplicated
    assert _cells(jordan_row) == ["Jordan", "3", "2", "1", "1", "0", "0"]
    assert _cells(morocco_row) == ["Morocco", "2", "0", "2", "0", "1", "0"]
    assert summary.locator(".balance .stat").inner_text().strip() == "50 %"
    assert summary.locator("meter").get_attribute("value") == "50"
    assert "Women: 1 of 2 selected participants" in summary.inner_text()
    assert "The target is met." in summary.inner_text()
    assert "Below the target" not in summary.inner_text()
    assert "Seats by country: 2 of 5 taken" in summary.locator("caption").inner_text()
    assert SeatQuota.objects.get(session=session, country=jordan).selected == 2
    assert Nomination.objects.get(pk=rania.pk).status == NominationStatus.SELECTED
    _shot(page, "2-board-after-en-desktop")
    page.set_viewport_size(PHONE)
    _shot(page, "2-board-after-en-phone")


# --- 3. a trainer marks attendance from a phone -------------------------------------------------


def test_trainer_marks_present_and_absent_from_a_phone_and_the_marks_are_kept(
    phone, server_url, trainer, officer, jordan, morocco
):
    today = timezone.localdate()  # the session's time zone is UTC, as the site's
    session = SessionFactory(
        trainers=[trainer],
        status=SessionStatus.RUNNING,
        starts_on=today - timedelta(days=1),
        ends_on=today + timedelta(days=1),
        time_zone="UTC",
    )
    leila = NominationFactory(session=session, officer=officer.profile)
    omar = NominationFactory(
        session=session, officer=_officer(jordan, Sex.MALE, "Omar Khalil", "عمر خليل")
    )
    youssef = NominationFactory(
        session=session, officer=_officer(morocco, Sex.MALE, "Youssef Alaoui", "يوسف العلوي")
    )
    page = phone

    _sign_in(page, server_url, "trainer@example.org", "en")
    page.goto(f"{server_url}/en/training/sessions/{session.pk}/")
    with page.expect_navigation():
        page.get_by_role("link", name="Mark attendance").tap()
    assert urlsplit(page.url).path == f"/en/training/sessions/{session.pk}/attendance/"
    with translation.override("en"):
        day = formats.date_format(today, "l j F Y")
    assert page.locator("h2").first.inner_text().strip() == f"Day 2 of 3: {day}"
    assert page.locator(".attendance-row").count() == 3
    assert _no_horizontal_scroll(page)
    page.evaluate("window.__marker = 'attendance'")

    def row(nomination: Nomination) -> Any:
        return page.locator(f"#attendance-{nomination.pk}")

    row(leila).get_by_role("button", name="Present").tap()
    page.wait_for_selector(f"#mark-{leila.pk}-present[aria-pressed=true]")
    row(omar).get_by_role("button", name="Absent").tap()
    page.wait_for_selector(f"#mark-{omar.pk}-absent[aria-pressed=true]")
    assert page.evaluate("window.__marker") == "attendance"  # each tap saved in place
    assert "Saved" in row(leila).inner_text() and "Saved" in row(omar).inner_text()
    # Phone-sized targets: every mark button is comfortable to tap.
    box = page.locator(f"#mark-{omar.pk}-absent").bounding_box()
    assert box is not None and box["height"] >= 40, box
    assert _no_horizontal_scroll(page)
    _shot(page, "3-attendance-marked-en-phone")

    page.reload()
    assert page.evaluate("window.__marker") is None  # a real reload

    def pressed(nomination: Nomination) -> list[str]:
        return (
            row(nomination)
            .locator("button[aria-pressed=true]")
            .evaluate_all("buttons => buttons.map(button => button.value)")
        )

    assert pressed(leila) == ["present"]
    assert pressed(omar) == ["absent"]
    assert pressed(youssef) == []
    assert "Not marked yet" in row(youssef).inner_text()
    assert dict(Attendance.objects.filter(day=today).values_list("nomination_id", "mark")) == {
        leila.pk: "present",
        omar.pk: "absent",
    }
    _shot(page, "3-attendance-reloaded-en-phone")


# --- 4. a participant takes the post-test, once -------------------------------------------------


def test_participant_takes_the_post_test_in_french_and_cannot_take_it_twice(
    page, server_url, officer
):
    course = CourseFactory(title_fr="Contrôle aux frontières avec SLTD")
    make_question(course, "single", answers=3, correct=(1,))
    make_question(course, "multiple", answers=3, correct=(0, 2))
    make_question(course, "true_false", correct=(1,))
    last_day = timezone.localdate()
    session = SessionFactory(
        course=course,
        status=SessionStatus.RUNNING,
        starts_on=last_day - timedelta(days=2),
        ends_on=last_day,
        time_zone="UTC",
    )
    nomination = NominationFactory(session=session, officer=officer.profile)
    test_path = f"/fr/training/nominations/{nomination.pk}/tests/post/"

    _sign_in(page, server_url, officer.email, "fr")
    page.goto(f"{server_url}/fr/training/sessions/{session.pk}/")
    with page.expect_navigation():
        page.get_by_role("link", name=_in("fr", "Take the post-test")).click()
    assert urlsplit(page.url).path == test_path
    _assert_direction(page, "fr", "ltr")
    # The same test left open in a second tab, as happens.
    second_tab = page.context.new_page()
    second_tab.goto(page.url)

    def question(tab: Any, number: int) -> Any:
        return tab.get_by_role("group", name=re.compile(rf"^{number}\. Question {number} "))

    question(page, 1).get_by_label("Réponse 1").check()  # right
    question(page, 2).get_by_label("Réponse 0").check()  # right: both correct answers…
    question(page, 2).get_by_label("Réponse 2").check()  # …and only them
    question(page, 3).get_by_label("Vrai").check()  # wrong: the answer is "Faux"
    # The page counts the questions answered, and asks before the one-time submission.
    progress = _in("fr", "%(answered)s of %(total)s questions answered.")
    assert page.locator("[data-test-progress]").inner_text() == progress % {
        "answered": 3,
        "total": 3,
    }
    confirmations: list[str] = []

    def accept(dialog: Any) -> None:
        confirmations.append(dialog.message)
        dialog.accept()

    page.context.on("dialog", accept)
    _shot(page, "4-post-test-fr")
    with page.expect_navigation():
        page.get_by_role("button", name=_in("fr", "Submit my answers")).click()

    assert confirmations == [
        _in(
            "fr",
            "You can submit your answers only once, and cannot change them afterwards. "
            "Submit them now?",
        )
    ]
    attempt = training.TestAttempt.objects.get(nomination=nomination, kind="post")
    assert attempt.score == Decimal("66.67")
    assert attempt.language == "fr"
    assert urlsplit(page.url).path == test_path
    with translation.override("fr"):
        saved = translation.gettext("Your answers were saved. Your score: %(score)s %%.") % {
            "score": "67"
        }
    assert saved in page.inner_text("body")
    assert page.locator(".stat").inner_text().strip() == "67 %"
    assert page.locator("form.test-form").count() == 0
    _shot(page, "4-post-test-result-fr")

    # A second visit: no form, the score, and why there is no second attempt.
    page.goto(f"{server_url}{test_path}")
    assert page.locator("form.test-form").count() == 0
    assert page.locator(".stat").inner_text().strip() == "67 %"
    _shot(page, "4-post-test-second-visit-fr")
    already = _in("fr", "You have already submitted the post-test; each test is taken only once.")
    assert already in page.inner_text("body")

    # The tab left open submits other answers: refused with the same message, nothing changes.
    question(second_tab, 1).get_by_label("Réponse 0").check()
    question(second_tab, 2).get_by_label("Réponse 1").check()
    question(second_tab, 3).get_by_label("Faux").check()
    with second_tab.expect_navigation():
        second_tab.get_by_role("button", name=_in("fr", "Submit my answers")).click()
    assert already in second_tab.inner_text("body")
    assert training.TestAttempt.objects.filter(nomination=nomination).count() == 1
    assert training.TestAttempt.objects.get(nomination=nomination).score == Decimal("66.67")
    _shot(second_tab, "4-post-test-second-attempt-refused-fr")

    # The session page no longer offers the post-test.
    page.goto(f"{server_url}/fr/training/sessions/{session.pk}/")
    assert page.get_by_role("link", name=_in("fr", "Take the post-test")).count() == 0


# --- 5. the certificate's QR code leads to a valid verification page ----------------------------


def test_certificate_qr_code_opens_a_valid_verification_page_in_arabic(
    page, server_url, officer, monkeypatch
):
    officer.preferred_language = "ar"
    officer.save(update_fields=["preferred_language"])
    course = CourseFactory(
        title_en="Trafficking in human beings: identifying victims",
        title_ar="الاتجار بالبشر: التعرّف على الضحايا",
        certificate_validity_years=4,
    )
    nomination = completed_participation(officer.profile, course=course)

    # What the QR code on the PDF encodes, as the PDF is rendered in the background.
    encoded: list[str] = []
    make_qr = certificate_services.qr_code_data_uri

    def spy(url: str) -> str:
        encoded.append(url)
        return make_qr(url)

    monkeypatch.setattr(certificate_services, "qr_code_data_uri", spy)
    certificate = certificate_services.issue_certificate_if_complete(nomination=nomination)
    assert certificate is not None
    certificate = Certificate.objects.get(pk=certificate.pk)
    assert certificate.language == "ar"
    assert certificate.pdf, "the PDF was not rendered"
    # The address, then after "#" the signed statement that the offline page checks.
    assert len(encoded) == 1
    url, _hash, signed = encoded[0].partition("#")
    assert url == certificate_services.verification_url(certificate.code, "ar")
    assert signed
    pdftotext = shutil.which("pdftotext")
    if pdftotext:  # the address is printed under the QR code too
        text = subprocess.run(  # noqa: S603 - a fixed program on a file we wrote
            [pdftotext, certificate.pdf.path, "-"], capture_output=True, check=True, text=True
        ).stdout
        assert url in text

    # The address read from the QR code, on this live server, opened by anybody.
    address = urlsplit(url)
    assert address.path == f"/ar/verify/{certificate.code}/"
    response = page.goto(f"{server_url}{address.path}")
    assert response is not None and response.status == 200
    _assert_direction(page, "ar", "rtl")
    status = page.locator("#certificate-status .status")
    assert status.inner_text().strip() == _in("ar", "Valid")
    card = page.locator("section[aria-labelledby=certificate-status]")
    assert "ليلى حداد" in card.inner_text()
    assert course.title_ar in card.inner_text()
    assert certificate.code in card.inner_text()
    html = page.content()
    assert EMAIL.search(html) is None, EMAIL.search(html)
    assert officer.email not in html
    _shot(page, "5-verify-ar-desktop")
    page.set_viewport_size(PHONE)
    assert _no_horizontal_scroll(page)
    _shot(page, "5-verify-ar-phone")
    page.set_viewport_size(DESKTOP)

    with page.expect_navigation():
        page.locator(".site-header .languages a[hreflang=en]").click()
    assert urlsplit(page.url).path == f"/en/verify/{certificate.code}/"
    _assert_direction(page, "en", "ltr")
    assert page.locator("#certificate-status .status").inner_text().strip() == "Valid"
    assert (
        "Leila Haddad" in page.locator("section[aria-labelledby=certificate-status]").inner_text()
    )
    assert EMAIL.search(page.content()) is None
    _shot(page, "5-verify-en-desktop")
