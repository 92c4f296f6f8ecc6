"""Writing together: revisions kept, concurrent saves refused, authors limited to their
chapters, comments anchored to paragraphs, review and approval audited."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from momentum.core.models import AuditEntry
from momentum.toolkit.models import ChapterStatus, Comment, Revision, SectionText
from momentum.toolkit.services import writing
from momentum.toolkit.tests.factories import chapter, section

pytestmark = pytest.mark.django_db


def test_every_save_keeps_a_revision(staff) -> None:
    item = section(chapter(), by=staff)
    text = SectionText.objects.get(section=item, language="en")

    writing.save_text(
        section=item, language="en", title="Why", body="New text.", expected_revision=1, by=staff
    )

    assert list(Revision.objects.filter(text=text).values_list("number", "body")) == [
        (2, "New text."),
        (1, "Women report violence more readily to trained officers.\n\nA second paragraph."),
    ]


def test_a_save_based_on_an_older_version_is_refused_naming_the_other_author(
    staff, focal_point
) -> None:
    item = chapter()
    writing.add_author(chapter=item, user=focal_point, by=staff)
    part = section(item, by=staff)
    # Both opened revision 1; the focal point saves first.
    writing.save_text(
        section=part, language="en", title="T", body="Hers.", expected_revision=1, by=focal_point
    )

    with pytest.raises(writing.ConcurrentEdit) as refused:
        writing.save_text(
            section=part, language="en", title="T", body="Mine.", expected_revision=1, by=staff
        )

    assert focal_point.full_name in refused.value.messages[0]
    assert refused.value.current_revision == 2
    assert SectionText.objects.get(section=part, language="en").body == "Hers."


def test_an_author_may_not_edit_a_chapter_she_was_not_given(staff, focal_point) -> None:
    given, other = chapter(title="Given"), chapter(title="Other")
    writing.add_author(chapter=given, user=focal_point, by=staff)
    part = section(other, by=staff)

    with pytest.raises(PermissionDenied):
        writing.save_text(
            section=part, language="en", title="T", body="x", expected_revision=1, by=focal_point
        )


def test_a_comment_is_anchored_to_a_paragraph_and_quotes_it(staff, board_member) -> None:
    part = section(chapter(), by=staff)

    comment = writing.add_comment(
        section=part, language="en", paragraph=2, text="أقترح مثالاً من الأردن.", by=board_member
    )

    assert comment.quote == "A second paragraph."
    assert comment.country is not None and comment.country.code == "JO"
    with pytest.raises(ValidationError):
        writing.add_comment(section=part, language="en", paragraph=3, text="x", by=board_member)
    assert Comment.objects.count() == 1


def test_staff_approve_a_chapter_in_review_and_it_is_audited(staff) -> None:
    item = chapter()
    section(item, by=staff)

    writing.submit_chapter(chapter=item, by=staff)
    writing.approve_chapter(chapter=item, by=staff)

    item.refresh_from_db()
    assert item.status == ChapterStatus.APPROVED
    assert SectionText.objects.get(section__chapter=item).approved_revision == 1
    assert AuditEntry.objects.filter(verb="toolkit.chapter_approved").exists()


def test_an_author_may_not_approve(staff, focal_point) -> None:
    item = chapter()
    writing.add_author(chapter=item, user=focal_point, by=staff)
    section(item, by=focal_point)
    writing.submit_chapter(chapter=item, by=focal_point)

    with pytest.raises(PermissionDenied):
        writing.approve_chapter(chapter=item, by=focal_point)
