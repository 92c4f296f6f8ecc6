"""The toolkit's pages: a concurrent save keeps the typed text and names the other author, an
author may not open the editor of a chapter she was not given, and pages cost a bounded number
of queries whatever the number of sections."""

from __future__ import annotations

import pytest

from momentum.toolkit.models import Publication, SectionText
from momentum.toolkit.services import editions, writing
from momentum.toolkit.tests.factories import chapter, section

pytestmark = pytest.mark.django_db


def test_a_later_save_is_refused_naming_the_other_author_and_keeps_the_typed_text(
    staff, focal_point, client_for
) -> None:
    item = chapter()
    writing.add_author(chapter=item, user=focal_point, by=staff)
    part = section(item, by=staff)
    writing.save_text(
        section=part, language="en", title="T", body="Hers.", expected_revision=1, by=focal_point
    )

    response = client_for(staff).post(
        f"/en/toolkit/sections/{part.pk}/en/edit/",
        {"title": "T", "body": "My long paragraph, typed with care.", "revision": "1"},
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert focal_point.full_name in page
    assert "My long paragraph, typed with care." in page
    assert 'name="revision" value="2"' in page
    assert SectionText.objects.get(section=part, language="en").body == "Hers."


def test_an_author_cannot_open_the_editor_of_a_chapter_she_was_not_given(
    staff, focal_point, client_for
) -> None:
    writing.add_author(chapter=chapter(title="Hers"), user=focal_point, by=staff)
    other = section(chapter(title="Not hers"), by=staff)

    response = client_for(focal_point).post(
        f"/en/toolkit/sections/{other.pk}/en/edit/",
        {"title": "T", "body": "x", "revision": "1"},
    )

    assert response.status_code == 403
    assert SectionText.objects.get(section=other, language="en").revision == 1


def _many(staff, chapters: int) -> None:  # type: ignore[no-untyped-def]
    for number in range(chapters):
        item = chapter(title=f"Chapter {number}")
        for _ in range(3):
            section(item, by=staff)
        writing.submit_chapter(chapter=item, by=staff)
        writing.approve_chapter(chapter=item, by=staff)


@pytest.mark.parametrize("chapters", [1, 4])
def test_the_contents_cost_the_same_queries_for_more_chapters(
    staff, client_for, django_assert_max_num_queries, chapters
) -> None:
    _many(staff, chapters)
    publication = Publication.objects.get()
    client = client_for(staff)

    # session, user, roles (3); publication; parts, chapters, sections, texts (4);
    # editions; the menu's and layout's own (a few)
    with django_assert_max_num_queries(16):
        assert client.get(f"/en/toolkit/{publication.pk}/").status_code == 200
    with django_assert_max_num_queries(16):
        assert client.get(f"/en/toolkit/{publication.pk}/translations/").status_code == 200


@pytest.mark.parametrize("chapters", [1, 4])
def test_a_chapter_and_an_edition_cost_bounded_queries(
    staff, client_for, django_assert_max_num_queries, chapters
) -> None:
    _many(staff, chapters)
    publication = Publication.objects.get()
    edition, _job = editions.publish_edition(publication=publication, by=staff)
    chapter_pk = edition.snapshot["parts"][0]["chapters"][-1]["id"]
    client = client_for(staff)

    with django_assert_max_num_queries(16):
        assert client.get(f"/en/toolkit/chapters/{chapter_pk}/").status_code == 200
    for url in ("", f"chapters/{chapter_pk}/", "search/?q=women", "print/"):
        with django_assert_max_num_queries(12):
            assert client.get(f"/en/toolkit/editions/{edition.pk}/{url}").status_code == 200
    with django_assert_max_num_queries(12):
        assert client.get(f"/api/v1/toolkit/editions/{edition.pk}?language=ar").status_code == 200
    with django_assert_max_num_queries(12):
        assert client.get("/api/v1/toolkit/editions").status_code == 200


def test_an_author_adds_a_section_and_lands_in_its_editor(staff, focal_point, client_for) -> None:
    item = chapter()
    writing.add_author(chapter=item, user=focal_point, by=staff)

    response = client_for(focal_point).post(
        f"/en/toolkit/chapters/{item.pk}/sections/", {"kind": "checklist", "source_language": "ar"}
    )

    added = item.sections.get()
    assert (added.kind, added.source_language) == ("checklist", "ar")
    assert response["Location"] == f"/en/toolkit/sections/{added.pk}/ar/edit/"


def test_staff_assign_a_translator_who_finds_it_in_the_work_list(
    staff, board_member, client_for
) -> None:
    part = section(chapter(), by=staff)

    client_for(staff).post(
        f"/en/toolkit/sections/{part.pk}/fr/translator/", {"email": board_member.email}
    )

    text = SectionText.objects.get(section=part, language="fr")
    assert (text.translator, text.revision) == (board_member, 0)
