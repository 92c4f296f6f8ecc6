"""Publishing: a numbered frozen snapshot of the approved texts, searched with Arabic folding,
read by the public only when staff choose so, with a booklet per language."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from momentum.core.models import AuditEntry
from momentum.toolkit.models import Publication
from momentum.toolkit.services import editions, writing
from momentum.toolkit.tests.factories import chapter, section

pytestmark = pytest.mark.django_db


def _approved(staff):  # type: ignore[no-untyped-def]
    item = chapter()
    part = section(
        item,
        by=staff,
        source_language="ar",
        title="الاستماع",
        body="تستمع الشرطة إلى المسؤولين والنساء.",
    )
    writing.save_text(
        section=part,
        language="en",
        title="Listening",
        body="Police listen to women.",
        expected_revision=0,
        by=staff,
    )
    writing.submit_chapter(chapter=item, by=staff)
    writing.approve_chapter(chapter=item, by=staff)
    return item, part


def test_publishing_freezes_the_approved_texts_and_numbers_the_edition(staff) -> None:
    _item, part = _approved(staff)
    publication = Publication.objects.get()

    first, _job = editions.publish_edition(publication=publication, by=staff)
    # A later change does not alter the published edition.
    writing.save_text(
        section=part,
        language="ar",
        title="الاستماع",
        body="نص جديد.",
        expected_revision=1,
        by=staff,
    )
    second, _job = editions.publish_edition(publication=publication, by=staff)

    assert (first.number, second.number) == (1, 2)
    texts = first.snapshot["parts"][0]["chapters"][0]["sections"][0]["texts"]
    assert texts["ar"]["body"] == "تستمع الشرطة إلى المسؤولين والنساء."
    assert texts["fr"] is None
    assert editions.missing_in(first.snapshot, "fr")[0]["title"] == "الاستماع"
    assert AuditEntry.objects.filter(verb="toolkit.edition_published").count() == 2


def test_nothing_approved_cannot_be_published(staff) -> None:
    section(chapter(), by=staff)

    with pytest.raises(ValidationError):
        editions.publish_edition(publication=Publication.objects.get(), by=staff)


def test_search_folds_arabic_spellings(staff) -> None:
    _approved(staff)
    edition, _job = editions.publish_edition(publication=Publication.objects.get(), by=staff)

    # مسئولين (hamza on a ya seat) finds المسؤولين; "listen" finds "listen".
    assert len(editions.search_edition(edition, "مسئولين", "ar")) == 1
    assert len(editions.search_edition(edition, "women", "en")) == 1
    assert editions.search_edition(edition, "traffic", "en") == []


def test_the_public_reads_an_edition_only_when_staff_choose_so(staff, client) -> None:
    _approved(staff)
    publication = Publication.objects.get()
    edition, _job = editions.publish_edition(publication=publication, by=staff)

    assert client.get(f"/en/toolkit/editions/{edition.pk}/").status_code == 302
    editions.set_public_reading(publication=publication, public=True, by=staff)
    page = client.get(f"/ar/toolkit/editions/{edition.pk}/")
    assert page.status_code == 200
    assert "الاستماع" in page.content.decode()


# Machines without libharfbuzz-subset get WeasyPrint's notice that it will be required.
@pytest.mark.filterwarnings("ignore:HarfBuzz-Subset:DeprecationWarning")
def test_booklets_are_built_in_three_languages(staff) -> None:
    _approved(staff)
    edition, job = editions.publish_edition(
        publication=Publication.objects.get(), by=staff, background=False
    )

    edition.refresh_from_db()
    job.refresh_from_db()
    assert job.status == "succeeded"
    for language in ("ar", "fr", "en"):
        with edition.pdf_in(language).open("rb") as pdf:
            assert pdf.read(5) == b"%PDF-"
