"""The toolkit's indicators come from its records, and the home page says what waits for an
author and for staff."""

from __future__ import annotations

import pytest

from momentum.core.home import next_steps_for
from momentum.core.indicators import get
from momentum.toolkit.models import Curriculum, Publication
from momentum.toolkit.services import editions, writing
from momentum.toolkit.tests.factories import chapter, section

pytestmark = pytest.mark.django_db


def test_chapters_published_count_per_language_of_the_latest_edition(staff) -> None:
    item = chapter()
    part = section(item, by=staff, source_language="en")
    writing.save_text(
        section=part, language="ar", title="ع", body="نص.", expected_revision=0, by=staff
    )
    writing.submit_chapter(chapter=item, by=staff)
    writing.approve_chapter(chapter=item, by=staff)
    editions.publish_edition(publication=Publication.objects.get(), by=staff)

    values = {
        code: get(f"toolkit.chapters_published_{code}").value().total for code in ("ar", "fr", "en")
    }

    assert values == {"ar": 1, "fr": 0, "en": 1}


def test_countries_that_contributed_and_curricula_turned_into_courses(
    staff, focal_point, outsider
) -> None:
    item = chapter()
    writing.add_author(chapter=item, user=focal_point, by=staff)
    part = section(item, by=staff)
    writing.add_comment(section=part, language="en", paragraph=1, text="D'accord.", by=outsider)
    Curriculum.objects.create(title_en="A", created_by=staff, course_id=7)

    contributed = get("toolkit.contributing_countries").value()

    assert (contributed.total, contributed.by_country) == (2, {"JO": 1, "MA": 1})
    assert get("toolkit.curricula_courses").value().total == 1


def test_home_tells_the_author_what_to_write_and_staff_what_to_review(staff, focal_point) -> None:
    given = chapter()
    writing.add_author(chapter=given, user=focal_point, by=staff)
    writing.add_section(chapter=given, kind="tool", source_language="ar", by=staff)
    other = chapter(title="Other")
    section(other, by=staff)
    writing.submit_chapter(chapter=other, by=staff)

    mine = [str(step.text) for step in next_steps_for(focal_point) if step.app == "toolkit"]
    theirs = [str(step.text) for step in next_steps_for(staff) if step.app == "toolkit"]

    assert "1 section of your toolkit chapters is still to write." in mine
    assert "1 toolkit chapter waits for your review." in theirs
