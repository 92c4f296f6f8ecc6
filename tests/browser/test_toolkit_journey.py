"""In a real browser, in Arabic: Jordan's focal point, an invited author, comments on a
paragraph of her chapter and sends it for review; staff approve it and publish the edition,
whose Arabic booklet is built."""

from __future__ import annotations

import pytest

from momentum.toolkit.models import Chapter, ChapterStatus, Comment, Edition
from momentum.toolkit.services import writing
from momentum.toolkit.tests.factories import chapter, section

from .conftest import SCREENSHOTS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.filterwarnings("ignore:HarfBuzz-Subset:DeprecationWarning")
def test_an_author_in_jordan_comments_in_arabic_staff_approve_and_publish(
    page_for, context, phone, live_server, focal_point, staff
) -> None:
    item = chapter(title="Receiving complaints")
    item.title_ar = "استقبال الشكاوى"
    item.save()
    writing.add_author(chapter=item, user=focal_point, by=staff)
    section(
        item,
        by=focal_point,
        source_language="ar",
        title="قائمة تحقق لاستقبال الشكوى",
        body="استقبل الشاكية في غرفة منفصلة.\n\nأحِل الشاكية إلى إدارة حماية الأسرة.",
    )

    author = page_for(phone, focal_point)
    author.goto(f"{live_server.url}/ar/toolkit/chapters/{item.pk}/?lang=ar")
    assert author.locator("html").get_attribute("dir") == "rtl"
    second = author.locator(f"#s{item.sections.get().pk}-p2")
    second.get_by_text("التعليق على هذه الفقرة").click()
    second.locator("textarea").fill("أقترح ذكر رقم الخط الساخن هنا.")
    with author.expect_navigation():
        second.get_by_role("button", name="إضافة التعليق").click()
    assert "أُضيف تعليقك" in author.content()
    comment = Comment.objects.get()
    assert (comment.paragraph, comment.author, comment.country.code) == (2, focal_point, "JO")
    with author.expect_navigation():
        author.get_by_role("button", name="إرسال للمراجعة").click()
    assert Chapter.objects.get(pk=item.pk).status == ChapterStatus.IN_REVIEW
    SCREENSHOTS.mkdir(exist_ok=True)
    author.screenshot(path=str(SCREENSHOTS / "toolkit-chapter-ar-phone.png"), full_page=True)

    reviewer = page_for(context, staff)
    reviewer.goto(f"{live_server.url}/ar/toolkit/chapters/{item.pk}/?lang=ar")
    assert "أقترح ذكر رقم الخط الساخن هنا." in reviewer.content()
    with reviewer.expect_navigation():
        reviewer.get_by_role("button", name="اعتماد الفصل").click()
    assert Chapter.objects.get(pk=item.pk).status == ChapterStatus.APPROVED
    reviewer.get_by_role("link", name="العودة إلى المحتويات").click()
    with reviewer.expect_navigation():
        reviewer.get_by_role("button", name="نشر طبعة جديدة من الفصول المعتمدة").click()

    edition = Edition.objects.get()
    assert edition.number == 1
    assert "قائمة تحقق لاستقبال الشكوى" in reviewer.content()
    reviewer.screenshot(path=str(SCREENSHOTS / "toolkit-edition-ar.png"), full_page=True)
    edition.refresh_from_db()
    assert edition.pdf_ar, "the Arabic booklet was built"
    with edition.pdf_ar.open("rb") as pdf:
        assert pdf.read(5) == b"%PDF-"
