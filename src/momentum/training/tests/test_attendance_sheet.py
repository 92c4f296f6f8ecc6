"""The printable attendance sheet: a PDF with a signature column, in the reader's language."""

from __future__ import annotations

import shutil
import subprocess
from datetime import timedelta
from typing import Any

import pytest

from momentum.core.models import AuditEntry
from momentum.training.models import SessionStatus
from momentum.training.pdf import font_face_css, render_html
from momentum.training.tests.factories import NominationFactory, SessionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def participant(trainer, officer):  # type: ignore[no-untyped-def]
    session = SessionFactory(
        trainers=[trainer],
        status=SessionStatus.RUNNING,
        course__code="sltd-101",
        course__title_en="Border screening with SLTD",
        course__title_ar="التدقيق على الحدود",
    )
    return NominationFactory(session=session, officer=officer.profile)


def url(session: Any, language: str = "en") -> str:
    return f"/{language}/training/sessions/{session.pk}/attendance/sheet.pdf"


def _laid_out_text(html: str) -> str:
    from weasyprint import HTML
    from weasyprint.text.fonts import FontConfiguration

    def walk(box: Any) -> Any:
        yield box
        for child in getattr(box, "children", None) or []:
            yield from walk(child)

    document = HTML(string=html).render(font_config=FontConfiguration())
    return " ".join(
        box.text for page in document.pages for box in walk(page._page_box) if hasattr(box, "text")
    )


def test_the_sheet_is_a_pdf_with_the_participants_names(client_for, trainer, participant):
    response = client_for(trainer).get(url(participant.session))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert 'filename="attendance-sltd-101-' in response["Content-Disposition"]
    if shutil.which("pdftotext"):
        text = subprocess.run(
            ["pdftotext", "-", "-"],  # noqa: S607
            input=response.content,
            capture_output=True,
            check=True,
        ).stdout.decode()
        assert "Leila Haddad" in text
        assert "Signature" in text
        assert text.count("Attendance sheet") == 3  # one page per day


def test_the_packaged_fonts_are_embedded(client_for, trainer, participant):
    if not shutil.which("pdffonts"):
        pytest.skip("pdffonts (poppler-utils) is not installed")
    content = client_for(trainer).get(url(participant.session, "ar")).content
    fonts = subprocess.run(
        ["pdffonts", "-"],  # noqa: S607
        input=content,
        capture_output=True,
        check=True,
    ).stdout.decode()

    assert "Noto-Sans-Arabic" in fonts


def test_the_arabic_sheet_is_right_to_left_with_the_arabic_names(trainer, participant):
    session = participant.session
    html = render_html(
        "training/attendance/sheet.html",
        {"session": session, "days": [session.starts_on], "participants": [participant]},
        "ar",
    )

    assert '<html lang="ar" dir="rtl">' in html
    assert '<td dir="rtl" lang="ar">ليلى حداد</td>' in html
    assert "<bdi>sltd-101</bdi>" in html
    text = _laid_out_text(html)
    assert "ليلى حداد" in text
    assert "التدقيق على الحدود" in text
    assert "الأردن" in text  # the country, in Arabic


def test_the_fonts_come_from_the_packages_by_file_url():
    css = font_face_css("ar")

    assert 'font-family: "Noto Sans Arabic"; src: url("file:///' in css
    assert 'font-family: "Noto Sans"; src: url("file:///' in css
    assert 'html { font-family: "Noto Sans Arabic", "Noto Sans"; }' in css
    assert 'html { font-family: "Noto Sans", "Noto Sans Arabic"; }' in font_face_css("en")


def test_each_day_of_the_session_has_its_own_page(participant):
    from weasyprint import HTML
    from weasyprint.text.fonts import FontConfiguration

    session = participant.session
    days = [session.starts_on + timedelta(days=offset) for offset in range(5)]
    html = render_html(
        "training/attendance/sheet.html",
        {"session": session, "days": days, "participants": [participant]},
        "fr",
    )

    document = HTML(string=html).render(font_config=FontConfiguration())
    assert len(document.pages) == 5


def test_printing_the_sheet_is_audited(client_for, trainer, participant):
    client_for(trainer).get(url(participant.session))

    entry = AuditEntry.objects.get(verb="attendance_sheet.exported")
    assert entry.actor == trainer
    assert entry.details == {"participants": 1, "language": "en"}


def test_an_officer_and_another_sessions_trainer_may_not_print_it(client_for, officer, participant):
    from momentum.people.models import Role
    from momentum.people.tests.factories import person_with_role

    other_trainer = person_with_role(Role.TRAINER, None, email="other.trainer@example.org")

    assert client_for(officer).get(url(participant.session)).status_code == 403
    assert client_for(other_trainer).get(url(participant.session)).status_code == 403
    assert not AuditEntry.objects.filter(verb="attendance_sheet.exported").exists()
