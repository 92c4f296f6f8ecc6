"""The knowledge base: translations linked to their source and stale when it changes;
suggestions while the asker types, Arabic-aware; "did this answer your question?"."""

from __future__ import annotations

import pytest

from momentum.support import selectors
from momentum.support.services.knowledge import save_article

pytestmark = pytest.mark.django_db


def test_a_translation_is_stale_once_its_source_changes(staff):
    source = save_article(by=staff, language="en", title="Visas", body="We send letters.")
    french = save_article(
        by=staff, language="fr", title="Visas", body="Nous envoyons des lettres.", source=source
    )
    assert not french.is_stale

    save_article(by=staff, article=source, language="en", title="Visas", body="We e-mail letters.")
    french.refresh_from_db()

    assert french.is_stale
    save_article(by=staff, article=french, language="fr", title="Visas", body="Par e-mail.")
    french.refresh_from_db()
    assert not french.is_stale


def test_suggestions_fold_arabic_spellings_and_prefixes(staff):
    save_article(by=staff, language="ar", title="كيف أحصل على التأشيرة؟", body="نرسل رسالة الدعوة.")
    save_article(by=staff, language="en", title="Certificates", body="Download the PDF.")

    # Typed without the article, with a different hamza and ta marbuta form.
    found = selectors.suggest_articles("تاشيره", "ar")

    assert [article.title for article in found] == ["كيف أحصل على التأشيرة؟"]


def test_suggestions_are_offered_while_typing(client, staff):
    save_article(by=staff, language="fr", title="Réserver le vol", body="Le bureau réserve.")

    content = client.get("/fr/support/questions/suggest/?subject=reserver").content.decode()

    assert "Réserver le vol" in content


def test_a_reader_says_once_whether_an_article_answered_her(client, staff):
    article = save_article(by=staff, language="en", title="Visas", body="Letters.")

    client.post(f"/en/support/questions/{article.pk}/vote/", {"helpful": "yes"})
    client.post(f"/en/support/questions/{article.pk}/vote/", {"helpful": "yes"})

    article.refresh_from_db()
    assert (article.helpful_yes, article.helpful_no) == (1, 0)
